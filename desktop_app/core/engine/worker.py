"""The engine worker process: keeps one Whisper model loaded and runs jobs one by one.

Only this process imports torch and whisper. It talks to the app through typed messages
(`messages.py`) over one Pipe; the audio comes in a SharedMemory block.

Progress and cancel hooks, both in-process (nothing is parsed from text):

* Progress: `whisper.transcribe` wraps its window loop in ``tqdm.tqdm(total=content_frames)``
  and calls ``pbar.update(frames)`` after each 30 s window, once that window's segments are
  in its ``all_segments`` list. We replace the name ``tqdm`` in the ``whisper.transcribe``
  module's namespace (in this process only) by a stand-in whose ``tqdm`` is
  `_WindowHook`. Its constructor takes a reference to the caller's ``all_segments`` list
  (read from the calling frame, once), and each ``update`` sends the fraction done, the
  new segments and an ETA. If a later whisper renames that list, the hook still reports
  fractions, and segments arrive with the result.
* Cancel and soft time limit: the app sets a shared multiprocessing Event (it alone owns
  the clock and knows why it asked). The worker checks it in `_WindowHook.update` and in
  forward pre-hooks (torch's own hook API) on the encoder, the decoder and each of their
  transformer blocks, so whisper stops within one block's forward pass (milliseconds), not
  one 30 s window (seconds on a CPU). The check raises `_Stopped`, which unwinds
  whisper's loop; the model stays loaded.
"""

from __future__ import annotations

import gc
import importlib
import logging
import os
import sys
import threading
import time
import traceback
import types
from multiprocessing.shared_memory import SharedMemory
from pathlib import Path
from typing import Any

import numpy as np
import psutil

from desktop_app.core.engine.messages import (
    EngineProgress,
    EngineStatus,
    ErrorKind,
    JobDone,
    JobFailed,
    JobProgress,
    ShutdownRequest,
    SpeakersRequest,
    StatusReply,
    StatusRequest,
    TranscribeRequest,
    WorkerFailed,
    WorkerLog,
    WorkerReady,
)
from desktop_app.core.lifetime import die_with_parent
from desktop_app.core.transcript import Segment, Transcript, Word

log = logging.getLogger("desktop_app.core.engine.worker")

SAMPLE_RATE = 16000  # whisper.audio.SAMPLE_RATE
MB = 1024**2


class _Stopped(Exception):
    """Raised inside whisper's loop when the app asks the job to stop."""


class _PipeLogHandler(logging.Handler):
    """Sends this process's log records to the parent as WorkerLog messages."""

    def __init__(self, send: Any) -> None:
        super().__init__(logging.INFO)
        self._send = send

    def emit(self, record: logging.LogRecord) -> None:
        try:
            self._send(WorkerLog(record.levelno, record.name, record.getMessage()))
        except Exception:  # the parent is gone; nothing useful to do
            pass


def to_segment(raw: dict[str, Any]) -> Segment:
    """A whisper segment dict as our Segment."""
    words = tuple(
        Word(float(w["start"]), float(w["end"]), str(w["word"]), float(w.get("probability", 1.0)))
        for w in raw.get("words") or ()
    )
    return Segment(
        float(raw["start"]), float(raw["end"]), str(raw["text"]), words,
        seek=int(raw.get("seek", 0)), tokens=tuple(int(t) for t in raw.get("tokens", ())),
        temperature=float(raw.get("temperature", 0.0)), avg_logprob=float(raw.get("avg_logprob", 0.0)),
        compression_ratio=float(raw.get("compression_ratio", 0.0)),
        no_speech_prob=float(raw.get("no_speech_prob", 0.0)),
    )  # fmt: skip


class _JobControl:
    """One running job: its stop checks and its progress messages."""

    def __init__(self, job_id: str, send: Any, stop: Any) -> None:
        self.job_id = job_id
        self._send = send
        self._stop = stop
        self.started = time.monotonic()

    def check(self) -> None:
        if self._stop.is_set():
            raise _Stopped("The app asked this job to stop.")

    def report(self, fraction: float, segments: list[Segment]) -> None:
        fraction = min(1.0, max(0.0, fraction))
        elapsed = time.monotonic() - self.started
        eta = elapsed * (1.0 - fraction) / fraction if fraction > 0 else None
        for segment in segments or [None]:  # type: ignore[list-item]
            self._send(JobProgress(self.job_id, EngineProgress(fraction, segment, eta)))


_ACTIVE: _JobControl | None = None  # the job being decoded, seen by the hooks


class _WindowHook:
    """Stands in for ``tqdm.tqdm`` inside ``whisper.transcribe``; see the module docstring."""

    def __init__(self, *args: Any, total: int | None = None, **kwargs: Any) -> None:
        self.total = total or 0
        self.n = 0
        caller = sys._getframe(1).f_locals
        found = caller.get("all_segments")
        self._segments: list[dict[str, Any]] | None = found if isinstance(found, list) else None
        self._seen = 0

    def __enter__(self) -> "_WindowHook":
        return self

    def __exit__(self, *exc: Any) -> None:
        return None

    def update(self, n: int = 1) -> None:
        self.n += n
        job = _ACTIVE
        if job is None:
            return
        new: list[Segment] = []
        if self._segments is not None:
            new = [to_segment(s) for s in self._segments[self._seen :] if s["text"].strip()]
            self._seen = len(self._segments)
        job.report(self.n / self.total if self.total else 1.0, new)
        job.check()


def _stop_check_hook(_module: Any, _inputs: Any) -> None:
    job = _ACTIVE
    if job is not None:
        job.check()


def install_window_hook() -> None:
    """Point whisper.transcribe's ``tqdm`` at `_WindowHook` (this process only)."""
    module = importlib.import_module("whisper.transcribe")
    module.tqdm = types.SimpleNamespace(tqdm=_WindowHook)  # type: ignore[attr-defined]


def is_cuda_oom(exc: BaseException) -> bool:
    import torch

    return isinstance(exc, torch.cuda.OutOfMemoryError) or "CUDA out of memory" in str(exc)


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


class _Engine:
    """The worker's state: the loaded model and counters."""

    def __init__(self, send: Any, stop: Any) -> None:
        import torch

        self._torch = torch
        self._send = send
        self._stop = stop
        self.model: Any = None
        self.model_key: tuple[str, str] | None = None  # (sha256, device)
        self.model_name: str | None = None
        self.model_loads = 0
        self.jobs_served = 0
        self._process = psutil.Process()

    # -- device and memory --------------------------------------------------------------

    def resolve_device(self, device: str) -> str:
        cuda = self._torch.cuda.is_available()
        if device in ("auto", "", None):
            return "cuda" if cuda else "cpu"
        if device.startswith("cuda") and not cuda:
            raise _BadRequest("This computer has no usable CUDA GPU. Choose the CPU or Auto device.")
        return device

    def _on_cuda(self) -> bool:
        return self.model_key is not None and self.model_key[1].startswith("cuda")

    def gpu_memory(self) -> tuple[int, int] | None:
        """(used, free) bytes on the current GPU, or None without CUDA."""
        if not self._torch.cuda.is_available():
            return None
        free, total = self._torch.cuda.mem_get_info()
        return total - free, free

    def rss(self) -> int:
        return self._process.memory_info().rss

    def cleanup(self, force_cuda: bool = False) -> None:
        """gc, and on CUDA empty the cache, logging GPU memory before and after."""
        if not (force_cuda or self._on_cuda()):
            gc.collect()
            return
        before = self.gpu_memory()
        gc.collect()
        self._torch.cuda.empty_cache()
        after = self.gpu_memory()
        if before and after:
            log.info(
                "GPU memory used/free: %d/%d MB before cleanup, %d/%d MB after",
                before[0] // MB, before[1] // MB, after[0] // MB, after[1] // MB,
            )

    def status(self) -> EngineStatus:
        device = self.model_key[1] if self.model_key else self.resolve_device("auto")
        name = self._torch.cuda.get_device_name(device) if device.startswith("cuda") else "CPU"
        gpu = self.gpu_memory() if device.startswith("cuda") else None
        return EngineStatus(
            device=device,
            device_name=name,
            model_name=self.model_name,
            model_sha256=self.model_key[0] if self.model_key else None,
            model_loads=self.model_loads,
            jobs_served=self.jobs_served,
            pid=os.getpid(),
            rss_bytes=self.rss(),
            gpu_memory_used_bytes=gpu[0] if gpu else None,
            gpu_memory_free_bytes=gpu[1] if gpu else None,
        )

    # -- model --------------------------------------------------------------------------

    def ensure_model(self, name: str, path: str, sha256: str, device: str) -> bool:
        """Load the model unless this one is already loaded on this device; True if loaded."""
        from desktop_app.core.models.loading import load_checkpoint_model

        key = (sha256, device)
        if self.model_key == key:
            return False
        was_on_cuda = self._on_cuda()
        self.model, self.model_key, self.model_name = None, None, None
        gc.unfreeze()  # let the old model's objects be collected
        self.cleanup(force_cuda=was_on_cuda)  # free the old model's GPU memory before the new one
        started = time.monotonic()
        model = load_checkpoint_model(_openai_checkpoint(path), device, name=name)
        for part in (model.encoder, model.decoder):
            part.register_forward_pre_hook(_stop_check_hook)
            for block in part.blocks:  # finer steps: one encoder pass is long on a busy CPU
                block.register_forward_pre_hook(_stop_check_hook)
        self.model, self.model_key, self.model_name = model, key, name
        self.model_loads += 1
        # torch, whisper and the model are ~200k long-lived objects: freezing them makes the
        # gc.collect() after each job take well under a millisecond instead of ~0.1-0.4 s.
        gc.collect()
        gc.freeze()
        log.info("Loaded model %s on %s in %.1f s", name, device, time.monotonic() - started)
        return True

    # -- jobs ---------------------------------------------------------------------------

    def run_job(self, req: TranscribeRequest) -> JobDone | JobFailed:
        global _ACTIVE
        started = time.monotonic()
        try:
            audio = _read_audio(req.audio_shm, req.n_samples)
            device = self.resolve_device(req.device)
            loaded = self.ensure_model(req.model.name, req.model.path, req.model.sha256, device)
            kwargs = req.options.whisper_kwargs(fp16=device.startswith("cuda"))
            job = _ACTIVE = _JobControl(req.job_id, self._send, self._stop)

            def transcribe() -> dict[str, Any]:
                import whisper

                return whisper.transcribe(self.model, audio, verbose=None, **kwargs)

            result = run_with_oom_retry(transcribe, self.cleanup)
            job.report(1.0, [])
            segments = tuple(to_segment(s) for s in result["segments"] if s["text"].strip())
            transcript = Transcript(segments, str(result["language"]), len(audio) / SAMPLE_RATE,
                                    engine="openai-whisper")  # fmt: skip
            outcome: JobDone | JobFailed = JobDone(
                req.job_id, transcript, loaded, time.monotonic() - started, 0
            )
        except Exception as exc:
            outcome = _failure(req.job_id, exc)
        finally:
            _ACTIVE = None
            audio = None
            self.jobs_served += 1
        self.cleanup()
        rss = self.rss()
        log.info("Job %s done in %.1f s; worker RSS %d MB", req.job_id, time.monotonic() - started, rss // MB)
        if isinstance(outcome, JobDone):
            return JobDone(outcome.job_id, outcome.transcript, outcome.model_loaded, outcome.seconds, rss)
        return JobFailed(outcome.job_id, outcome.kind, outcome.text, rss)


class _BadRequest(Exception):
    """The request can't be served as asked (no CUDA, unreadable audio)."""


def _openai_checkpoint(path: str) -> str:
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


def _read_audio(name: str, n_samples: int) -> np.ndarray:
    shm = SharedMemory(name=name)
    try:
        return np.ndarray((n_samples,), dtype=np.float32, buffer=shm.buf).copy()
    finally:
        shm.close()


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


def run_worker(conn: Any, stop: Any) -> None:
    """The worker process's main function: serve requests until shutdown or EOF."""
    die_with_parent()
    lock = threading.Lock()

    def send(message: Any) -> None:
        with lock:
            conn.send(message)

    root = logging.getLogger()
    root.addHandler(_PipeLogHandler(send))
    root.setLevel(logging.INFO)
    logging.captureWarnings(True)
    try:
        engine = _Engine(send, stop)
        install_window_hook()
    except BaseException as exc:  # noqa: BLE001 - report anything, then exit
        send(WorkerFailed(f"The transcription engine could not start: {type(exc).__name__}: {exc}"))
        return
    send(WorkerReady(os.getpid()))
    while True:
        try:
            message = conn.recv()
        except (EOFError, OSError):  # the app has gone
            break
        try:
            if isinstance(message, ShutdownRequest):
                break
            if isinstance(message, StatusRequest):
                send(StatusReply(engine.status()))
            elif isinstance(message, TranscribeRequest):
                send(engine.run_job(message))
            elif isinstance(message, SpeakersRequest):  # SPEAKER SEAM (issue 10): see speaker_step.py
                from desktop_app.core.engine.speaker_step import run_speakers

                send(run_speakers(message, send, stop, engine.cleanup, engine.rss))
        except (BrokenPipeError, EOFError, OSError):
            break
