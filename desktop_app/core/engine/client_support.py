"""What the engine client hands the worker and takes back: model references, concrete
options, typed errors, and the shared-memory check before the audio is written."""

from __future__ import annotations

import os
import signal
from typing import TYPE_CHECKING

from desktop_app.core.engine.messages import ErrorKind, JobFailed, ModelRef
from desktop_app.core.errors import CancelledError, EngineError, JobTimeoutError, OutOfMemoryError, WorkerDiedError

if TYPE_CHECKING:
    from desktop_app.core.models.registry import ModelInfo
    from desktop_app.core.options import TranscribeOptions


def model_ref(model: "ModelInfo", engine: str) -> ModelRef:
    """faster-whisper loads the CTranslate2 folder; the torch engine loads the .pt, and without
    one the worker makes it from the folder."""
    from desktop_app.core.models.forms import ModelFormat

    ct2, pt = model.form(ModelFormat.CTRANSLATE2), model.form(ModelFormat.OPENAI)
    form = (ct2 or pt) if engine == "faster-whisper" else (pt or ct2)
    assert form is not None, "a model has at least one form"
    return ModelRef(model.name, str(form.path), form.sha256)


def chosen_options(options: "TranscribeOptions", model: "ModelInfo | None", device: str) -> "TranscribeOptions":
    """`options` with "auto" engine and compute type made concrete for this model and device."""
    if model is None or "auto" not in (options.engine, options.compute_type):
        return options
    from desktop_app.core.engine_choice import choose_engine

    return choose_engine(options, model, device)


def stop_error(reason: str, soft_limit_s: float | None) -> Exception:
    """The error for a job the app stopped: a cancel, or its soft time limit."""
    if reason == "cancel":
        return CancelledError("The transcription was cancelled.")
    return JobTimeoutError(
        f"The transcription took longer than its time limit ({soft_limit_s or 0:.0f} s) "
        "and was stopped. Try a smaller model or a faster device, or raise the time "
        "limit in Settings."
    )


def died_error(exitcode: int | None) -> WorkerDiedError:
    """The error for a worker that ended on its own, with how it ended."""
    if exitcode is not None and exitcode < 0:
        try:
            how = f"killed by {signal.Signals(-exitcode).name}"
        except ValueError:
            how = f"killed by signal {-exitcode}"
    else:
        how = f"exit code {exitcode}"
    return WorkerDiedError(
        f"The transcription engine stopped unexpectedly ({how}). This can happen when "
        "the computer runs out of memory. The job will be retried with a fresh engine."
    )


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
