"""Model management: forms, install, import, download, convert, resolve and load Whisper models.

A model has an openai-whisper ``.pt`` (the torch engine), a CTranslate2 folder
(faster-whisper), or both (``ModelInfo.forms``). Nothing here imports Qt, and torch and
whisper are imported only inside the functions that need them, so importing this package
is cheap.
"""

from desktop_app.core.models.ct2_convert import convert_ct2_model
from desktop_app.core.models.download import (
    AvailableModel,
    available_models,
    download_file,
    download_model,
    model_url,
)
from desktop_app.core.models.errors import (
    ChecksumMismatchError,
    DownloadCancelledError,
    DownloadError,
    ModelError,
    ModelFileError,
    ModelNotFoundError,
    UnsupportedModelError,
)
from desktop_app.core.models.forms import ModelForm, ModelFormat, ModelInfo
from desktop_app.core.models.loading import (
    CheckpointHeader,
    load_checkpoint_model,
    read_checkpoint_header,
    set_alignment_heads,
)
from desktop_app.core.models.pt_to_ct2 import convert_checkpoint_to_ct2
from desktop_app.core.models.registry import (
    delete_model,
    ensure_ct2_form,
    ensure_openai_form,
    get_model,
    import_model,
    list_installed,
    model_with_form,
    models_folder,
    resolve_model,
)
from desktop_app.core.models.starter import STARTER_MODEL_NAME, STARTER_MODEL_SHA256, install_starter_model

__all__ = [
    "AvailableModel",
    "CheckpointHeader",
    "ChecksumMismatchError",
    "DownloadCancelledError",
    "DownloadError",
    "ModelError",
    "ModelFileError",
    "ModelForm",
    "ModelFormat",
    "ModelInfo",
    "ModelNotFoundError",
    "STARTER_MODEL_NAME",
    "STARTER_MODEL_SHA256",
    "UnsupportedModelError",
    "available_models",
    "convert_checkpoint_to_ct2",
    "convert_ct2_model",
    "delete_model",
    "download_file",
    "download_model",
    "ensure_ct2_form",
    "ensure_openai_form",
    "get_model",
    "import_model",
    "install_starter_model",
    "list_installed",
    "load_checkpoint_model",
    "model_url",
    "model_with_form",
    "models_folder",
    "read_checkpoint_header",
    "resolve_model",
    "set_alignment_heads",
]
