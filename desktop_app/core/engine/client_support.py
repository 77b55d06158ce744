"""What the engine client hands the worker and takes back: model references, typed errors,
and the shared-memory check before the audio is written."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from desktop_app.core.engine.messages import ErrorKind, JobFailed, ModelRef
from desktop_app.core.errors import CancelledError, EngineError, OutOfMemoryError

if TYPE_CHECKING:
    from desktop_app.core.models.registry import ModelInfo


def model_ref(model: "ModelInfo", engine: str) -> ModelRef:
    """faster-whisper loads the CTranslate2 folder; the torch engine loads the .pt, and without
    one the worker makes it from the folder."""
    from desktop_app.core.models.forms import ModelFormat

    ct2, pt = model.form(ModelFormat.CTRANSLATE2), model.form(ModelFormat.OPENAI)
    form = (ct2 or pt) if engine == "faster-whisper" else (pt or ct2)
    assert form is not None, "a model has at least one form"
    return ModelRef(model.name, str(form.path), form.sha256)


def job_error(message: JobFailed) -> Exception:
    """The typed error for a failure the worker reported."""
    from desktop_app.core.models import errors as model_errors

    if message.kind is ErrorKind.OUT_OF_MEMORY:
        return OutOfMemoryError(message.text)
    if message.kind is ErrorKind.MODEL_FILE:
        return model_errors.ModelFileError(message.text)
    if message.kind is ErrorKind.UNSUPPORTED_MODEL:
        return model_errors.UnsupportedModelError(message.text)
    if message.kind is ErrorKind.STOPPED:
        return CancelledError("The transcription was cancelled.")
    return EngineError(message.text)


def check_shared_memory_room(nbytes: int) -> None:
    """Writing past a full /dev/shm kills the process with SIGBUS: refuse with a message."""
    try:
        stats = os.statvfs("/dev/shm")
    except OSError:
        return  # not Linux, or no such mount: the OS backs shared memory otherwise
    room = stats.f_bavail * stats.f_frsize
    if nbytes > room:
        raise EngineError(
            f"Not enough shared memory for this file's audio ({nbytes / 1e6:.0f} MB needed, "
            f"{room / 1e6:.0f} MB free in /dev/shm). Split the file, or enlarge /dev/shm "
            "(in a container: --shm-size)."
        )
