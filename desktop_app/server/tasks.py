"""The server's one task: a workstation's audio in, a sealed transcript out.

Each pool process keeps one Pipeline per model (so one engine worker: the model loads once,
memory is released after every job, limits and recycling as on a workstation). The payload
is untrusted: it is parsed strictly, its audio size is capped, and the FLAC goes through the
same file checks, probe and extraction (with their timeouts) as a dropped file.
"""

from __future__ import annotations

import logging
import random
import threading
import time
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from desktop_app.core.errors import DaredevilError, JobHungError, WorkerDiedError
from desktop_app.core.remote.wire import TASK_NAME, PayloadError, RemoteRequest, seal

log = logging.getLogger(__name__)
PROGRESS_EVERY_S = 0.5
TRANSIENT = (WorkerDiedError, JobHungError)


@dataclass
class ServerState:
    """What a pool process keeps between jobs."""

    max_upload_bytes: int
    retries: int = 2
    backoff_s: float = 2.0
    pipelines: dict[str, Any] = field(default_factory=dict)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def pipeline(self, model: str):
        from desktop_app.core.paths import app_paths
        from desktop_app.core.pipeline import Pipeline
        from desktop_app.core.settings import load_settings

        with self.lock:
            if model not in self.pipelines:
                paths = app_paths().ensure()
                self.pipelines[model] = Pipeline(load_settings(paths.settings_file), paths, use_cache=False, model=model)
            return self.pipelines[model]


_state: ServerState | None = None


def register(app, max_upload_bytes: int, retries: int = 2, backoff_s: float = 2.0) -> None:
    """Add the transcribe task to `app` (the server side only)."""
    global _state
    _state = ServerState(max_upload_bytes, retries, backoff_s)
    from celery.signals import worker_process_init

    worker_process_init.connect(_allow_engine_worker, weak=False)

    @app.task(name=TASK_NAME, bind=True, acks_late=True, reject_on_worker_lost=True)
    def transcribe(self, payload: dict) -> dict:
        return run_job(self, payload)


def _allow_engine_worker(**_kwargs) -> None:
    """A pool process is marked daemonic, and multiprocessing refuses children to those; but each
    job runs in an engine worker process of its own. That worker dies with the pool process
    anyway (PR_SET_PDEATHSIG, core/lifetime.py), which is all the daemon flag would give."""
    import multiprocessing
    import os
    from multiprocessing.process import AuthenticationString

    config = multiprocessing.current_process()._config
    config["daemon"] = False
    # billiard's key type can't be handed to a spawned child by multiprocessing: use its own
    config["authkey"] = AuthenticationString(os.urandom(32))


def run_job(task, payload: Any) -> dict:
    """The task body: a sealed {"transcript"} or {"error"} for the client, or a retry."""
    from billiard.exceptions import SoftTimeLimitExceeded

    assert _state is not None
    try:
        request = RemoteRequest.from_json(payload, _state.max_upload_bytes)
    except PayloadError as exc:
        log.warning("Refused a request: %s", exc)
        return {"refused": str(exc)}  # nothing to seal with: the key itself may be what is wrong
    log.info("Job %s from %s: %d bytes of FLAC, model %s", request.job_id[:12], request.client_id[:12],
             len(request.flac), request.model)  # fmt: skip
    try:
        return {"sealed": seal(request.key, _transcribe(task, request))}
    except TRANSIENT as exc:
        attempt = task.request.retries
        if attempt >= _state.retries:
            return {"sealed": seal(request.key, _error(exc))}
        delay = _state.backoff_s * 2**attempt * random.uniform(0.5, 1.5)  # backoff with jitter
        log.warning("Job %s: %s; retrying in %.1f s", request.job_id[:12], exc, delay)
        raise task.retry(exc=exc, countdown=delay, max_retries=_state.retries) from None
    except SoftTimeLimitExceeded:
        return {"sealed": seal(request.key, {"error": "JobTimeoutError",
                                             "message": "The job ran past the server's time limit."})}  # fmt: skip
    except DaredevilError as exc:
        return {"sealed": seal(request.key, _error(exc))}


def _error(exc: Exception) -> dict:
    return {"error": type(exc).__name__, "message": str(exc)}


def _transcribe(task, request: RemoteRequest) -> dict:
    from desktop_app.core.paths import app_paths
    from desktop_app.core.tempfiles import process_temp_dir

    pipeline = _state.pipeline(request.model)
    folder = process_temp_dir(app_paths().temp_root)
    path = folder / f"job-{request.job_id[:32]}.flac"
    path.write_bytes(request.flac)
    last = [0.0]

    def on_progress(progress) -> None:
        now = time.monotonic()
        if now - last[0] < PROGRESS_EVERY_S and progress.segment is None:
            return
        last[0] = now
        segment = None
        if progress.segment is not None:
            s = progress.segment
            segment = {"start": s.start, "end": s.end, "text": s.text}
        meta = {"fraction": progress.fraction, "eta_s": progress.eta_s, "segment": segment}
        task.update_state(state="PROGRESS", meta={"sealed": seal(request.key, meta)})

    try:
        prepared = pipeline.prepare(Path(path))  # the same checks as a dropped file
        prepared = replace(prepared, options=request.options)
        audio = pipeline.extract(prepared)
        transcript = pipeline.transcribe_audio(prepared, audio, on_progress=on_progress)
        return {"transcript": transcript.to_dict(), "how": pipeline.describe_run(prepared)}
    finally:
        path.unlink(missing_ok=True)
