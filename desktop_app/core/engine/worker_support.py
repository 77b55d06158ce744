"""Small parts of the engine worker process: its log handler, audio, OOM retry, checkpoints."""

from __future__ import annotations

import logging
import sys
import traceback
from multiprocessing.shared_memory import SharedMemory
from pathlib import Path
from typing import Any

import numpy as np

from desktop_app.core.engine.messages import ErrorKind, JobFailed, WorkerLog

log = logging.getLogger("desktop_app.core.engine.worker")


class PipeLogHandler(logging.Handler):
    """Sends this process's log records to the parent as WorkerLog messages."""

    def __init__(self, send: Any) -> None:
        super().__init__(logging.INFO)
        self._send = send

    def emit(self, record: logging.LogRecord) -> None:
        try:
            self._send(WorkerLog(record.levelno, record.name, record.getMessage()))
        except Exception:  # the parent is gone; nothing useful to do
            pass


def is_cuda_oom(exc: BaseException) -> bool:
    """torch's out-of-memory error, or CTranslate2's ("CUDA failed with error out of memory")."""
    text = str(exc)
    torch = sys.modules.get("torch")
    if torch is not None and isinstance(exc, torch.cuda.OutOfMemoryError):
        return True
    return "CUDA out of memory" in text or ("CUDA" in text and "out of memory" in text)


def run_with_oom_retry(run: Any, on_oom: Any, is_oom: Any = is_cuda_oom) -> Any:
    """Call ``run()``; on an out-of-memory error call ``on_oom()`` and try once more."""
    try:
        return run()
    except Exception as exc:
        if not is_oom(exc):
            raise
        log.warning("Out of GPU memory; emptying the cache and retrying once")
    on_oom()
    return run()


def openai_checkpoint(path: str) -> str:
    """The .pt to load: ``path`` itself, or the one made once from an installed CTranslate2 folder."""
    from desktop_app.core.models.errors import ModelNotFoundError
    from desktop_app.core.models.forms import ModelFormat
    from desktop_app.core.models.registry import ensure_openai_form, model_with_form

    if not Path(path).is_dir():
        return path
    info = model_with_form(Path(path))
    if info is None:
        raise ModelNotFoundError(f"{path} is not an installed model. Import it with Settings > Models > Import.")
    checkpoint = ensure_openai_form(info).form(ModelFormat.OPENAI)
    assert checkpoint is not None
    return str(checkpoint.path)


def read_audio(name: str, n_samples: int) -> np.ndarray:
    shm = SharedMemory(name=name)
    try:
        return np.ndarray((n_samples,), dtype=np.float32, buffer=shm.buf).copy()
    finally:
        shm.close()


def nvml_memory(index: int = 0) -> tuple[int, int] | None:
    """(used, free) bytes of GPU `index` from NVML (every process's allocations), or None."""
    try:
        import pynvml

        pynvml.nvmlInit()
        info = pynvml.nvmlDeviceGetMemoryInfo(pynvml.nvmlDeviceGetHandleByIndex(index))
        return int(info.used), int(info.free)
    except Exception:  # noqa: BLE001 - no NVIDIA driver, or no nvidia-ml-py: no numbers
        return None


def nvml_name(index: int = 0) -> str | None:
    """The GPU's name from NVML, or None."""
    try:
        import pynvml

        pynvml.nvmlInit()
        name = pynvml.nvmlDeviceGetName(pynvml.nvmlDeviceGetHandleByIndex(index))
        return name.decode() if isinstance(name, bytes) else str(name)
    except Exception:  # noqa: BLE001
        return None


class _Stopped(Exception):
    """Raised inside whisper's loop when the app asks the job to stop."""


class _BadRequest(Exception):
    """The request can't be served as asked (no CUDA, unreadable audio)."""


def _failure(job_id: str, exc: Exception) -> JobFailed:
    """Map an exception to a typed failure with a message for a person."""
    from desktop_app.core.models import errors as model_errors

    if isinstance(exc, _Stopped):
        log.info("Job %s stopped on request", job_id)
        return JobFailed(job_id, ErrorKind.STOPPED, str(exc))
    if isinstance(exc, _BadRequest):
        return JobFailed(job_id, ErrorKind.BAD_REQUEST, str(exc))
    if isinstance(exc, model_errors.UnsupportedModelError):
        return JobFailed(job_id, ErrorKind.UNSUPPORTED_MODEL, str(exc))
    if isinstance(exc, model_errors.ModelError):
        return JobFailed(job_id, ErrorKind.MODEL_FILE, str(exc))
    if is_cuda_oom(exc):
        return JobFailed(
            job_id,
            ErrorKind.OUT_OF_MEMORY,
            "The GPU ran out of memory, even after a retry. Choose a smaller model, "
            "or the CPU device, and try again.",
        )
    log.error("Transcription failed:\n%s", traceback.format_exc())
    return JobFailed(job_id, ErrorKind.INTERNAL, f"Transcription failed: {type(exc).__name__}: {exc}")
