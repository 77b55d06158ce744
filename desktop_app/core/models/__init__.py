"""Model management: convert, install, download, resolve and load Whisper checkpoints.

Nothing here imports Qt, and torch/whisper are imported only inside the functions that
need them, so importing this package is cheap.
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
from desktop_app.core.models.loading import (
    CheckpointHeader,
    load_checkpoint_model,
    read_checkpoint_header,
    set_alignment_heads,
)
from desktop_app.core.models.registry import (
    STARTER_MODEL_NAME,
    STARTER_MODEL_SHA256,
    ModelInfo,
    delete_model,
    get_model,
    import_model,
    install_starter_model,
    list_installed,
    models_folder,
    resolve_model,
)

__all__ = [
    "AvailableModel",
    "CheckpointHeader",
    "ChecksumMismatchError",
    "DownloadCancelledError",
    "DownloadError",
    "ModelError",
    "ModelFileError",
    "ModelInfo",
    "ModelNotFoundError",
    "STARTER_MODEL_NAME",
    "STARTER_MODEL_SHA256",
    "UnsupportedModelError",
    "available_models",
    "convert_ct2_model",
    "delete_model",
    "download_file",
    "download_model",
    "get_model",
    "import_model",
    "install_starter_model",
    "list_installed",
    "load_checkpoint_model",
    "model_url",
    "models_folder",
    "read_checkpoint_header",
    "resolve_model",
    "set_alignment_heads",
]
