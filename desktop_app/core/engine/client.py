"""EngineClient: the app's handle on its one long-lived transcription worker process.

The worker (`worker.py`) is started with the "spawn" context, keeps the model loaded
between jobs and is replaced when it dies, is killed, or has served its quota (like
Celery's ``max_tasks_per_child``). This module imports neither torch nor whisper.

Time limits count from when the job is sent, so they include starting the worker and
loading the model.
"""

from __future__ import annotations

import atexit
import logging
import multiprocessing
import threading
import time
import uuid
import weakref
from collections.abc import Callable
from multiprocessing.connection import wait
from multiprocessing.shared_memory import SharedMemory
from typing import TYPE_CHECKING, Any

import numpy as np

from desktop_app.core.engine.client_support import (
    check_shared_memory_room, chosen_options, died_error, job_error, model_ref, stop_error,
)  # fmt: skip
from desktop_app.core.engine.messages import (
    EngineProgress,
    EngineStatus,
    JobDone,
    JobFailed,
    JobProgress,
    PreloadRequest,
    ShutdownRequest,
    SpeakersDone,
    SpeakersRequest,
    StatusReply,
    StatusRequest,
    TranscribeRequest,
    WorkerFailed,
    WorkerLog,
    WorkerReady,
)
from desktop_app.core.engine.worker import run_worker
from desktop_app.core.errors import (
    CancelledError,
    EngineError,
    JobHungError,
    WorkerDiedError,
)
from desktop_app.core.lifetime import start_child
from desktop_app.core.options import TranscribeOptions
from desktop_app.core.speakers.count import SpeakerCount
from desktop_app.core.speakers.identify import SpeakerResult
from desktop_app.core.tempfiles import shared_memory_name
from desktop_app.core.transcript import Transcript

if TYPE_CHECKING:
    from desktop_app.core.models.registry import ModelInfo

log = logging.getLogger(__name__)

GB = 1024**3
STOP_GRACE_S = 2.0  # a stopped job must end this soon, or the worker is killed
POLL_S = 0.05  # how often the wait loop looks at the cancel flag and the clock
START_TIMEOUT_S = 120.0  # importing torch on a cold disk can be slow
SHUTDOWN_TIMEOUT_S = 5.0

_open_clients: "weakref.WeakSet[EngineClient]" = weakref.WeakSet()


class _WorkerGone(Exception):
    """The worker's pipe closed or its process ended."""


class EngineClient:
    """Runs transcriptions in the worker process; use from one thread at a time."""

    def __init__(self, max_jobs: int = 200, max_rss_gb: float = 8.0, idle_release_s: float = 0.0) -> None:
        self.max_jobs = max_jobs
        self.max_rss_gb = max_rss_gb
        self.idle_release_s = idle_release_s  # the worker drops its model after this long idle (0: never)
        self._ctx = multiprocessing.get_context("spawn")
        self._process: Any = None
        self._conn: Any = None
        self._stop: Any = None  # multiprocessing Event shared with the worker
        self._jobs_served = 0  # by the current worker
        self._closed = False
        _open_clients.add(self)

    # -- public API ---------------------------------------------------------------------

    def transcribe(
        self,
        audio: np.ndarray,
        model: "ModelInfo",
        options: TranscribeOptions,
        device: str = "auto",
        on_progress: Callable[[EngineProgress], None] | None = None,
        cancel: threading.Event | None = None,
        soft_limit_s: float | None = None,
        hard_limit_s: float | None = None,
    ) -> Transcript:
        """Transcribe 16 kHz mono audio; raises CancelledError, JobTimeoutError, WorkerDiedError..."""
        options = chosen_options(options, model, device)

        def request(job_id: str, shm: str, n: int) -> TranscribeRequest:
            return TranscribeRequest(job_id, shm, n, model_ref(model, options.engine), device, options,
                                     self.idle_release_s)  # fmt: skip

        done = self._run_with_audio(
            audio, request,
            on_progress, cancel, soft_limit_s, hard_limit_s,
        )
        return done.transcript

    def start(self) -> None:
        """Start the worker now (it is otherwise started by the first request), so that its
        start-up overlaps the caller's own; cheap to close again if no job comes."""
        self._ensure_worker()

    def preload(self, model: "ModelInfo", options: TranscribeOptions, device: str = "auto") -> None:
        """Start the worker and have it load `model` now, so that the load overlaps the caller's
        own work (decoding the audio); no reply: a failed load is reported by the job."""
        options = chosen_options(options, model, device)
        self._ensure_worker()
        try:
            self._conn.send(PreloadRequest(model_ref(model, options.engine), device, options))
        except OSError:  # the worker died: the job finds out and starts a new one
            pass

    def identify_speakers(
        self,
        audio: np.ndarray,
        transcript: Transcript,
        speakers: SpeakerCount,
        on_progress: Callable[[EngineProgress], None] | None = None,
        cancel: threading.Event | None = None,
        soft_limit_s: float | None = None,
        hard_limit_s: float | None = None,
    ) -> SpeakerResult:
        """The speaker step in the worker, for a transcript of this audio (issue 10's seam)."""
        done = self._run_with_audio(
            audio, lambda job_id, shm, n: SpeakersRequest(job_id, shm, n, transcript, speakers),
            on_progress, cancel, soft_limit_s, hard_limit_s,
        )
        return done.result

    def _run_with_audio(
        self,
        audio: np.ndarray,
        make_request: Callable[[str, str, int], Any],
        on_progress: Callable[[EngineProgress], None] | None,
        cancel: threading.Event | None,
        soft_limit_s: float | None,
        hard_limit_s: float | None,
    ) -> Any:
        """Send a request whose audio travels in shared memory; the worker's done message."""
        samples = np.ascontiguousarray(audio, dtype=np.float32)
        if samples.ndim != 1 or samples.size == 0:
            raise ValueError("audio must be a non-empty 1-D array of 16 kHz samples")
        if cancel is not None and cancel.is_set():
            raise CancelledError("The transcription was cancelled.")
        self._ensure_worker()
        job_id = uuid.uuid4().hex
        check_shared_memory_room(samples.nbytes)
        # named after this process so the start-up sweep can remove blocks a crash left
        shm = SharedMemory(create=True, size=samples.nbytes, name=shared_memory_name(job_id))
        try:
            view = np.ndarray(samples.shape, dtype=np.float32, buffer=shm.buf)
            view[:] = samples
            del view
            self._stop.clear()
            request = make_request(job_id, shm.name, int(samples.size))
            try:
                self._conn.send(request)
            except OSError:
                raise self._died_error() from None
            return self._await_job(job_id, on_progress, cancel, soft_limit_s, hard_limit_s)
        finally:
            shm.close()
            shm.unlink()

    def status(self) -> EngineStatus:
        """The worker's device, loaded model and memory (starts the worker if needed)."""
        self._ensure_worker()
        try:
            self._conn.send(StatusRequest())
        except OSError:
            raise self._died_error() from None
        deadline = time.monotonic() + START_TIMEOUT_S
        while time.monotonic() < deadline:
            try:
                message = self._next_message(POLL_S)
            except _WorkerGone:
                raise self._died_error() from None
            if isinstance(message, StatusReply):
                return message.status
        self._kill_worker()
        raise EngineError("The transcription engine did not answer. It has been restarted.")

    @property
    def worker_pid(self) -> int | None:
        """The worker's process id, or None when no worker runs."""
        return self._process.pid if self._process is not None else None

    def restart(self) -> None:
        """Stop the worker (politely, then by force) and start a fresh one."""
        self._check_open()
        self._stop_worker()
        self._ensure_worker()

    def close(self) -> None:
        """Stop the worker and reap it; idempotent."""
        self._closed = True
        self._stop_worker()
        _open_clients.discard(self)

    def __enter__(self) -> "EngineClient":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    # -- the job loop -------------------------------------------------------------------

    def _await_job(
        self,
        job_id: str,
        on_progress: Callable[[EngineProgress], None] | None,
        cancel: threading.Event | None,
        soft_limit_s: float | None,
        hard_limit_s: float | None,
    ) -> JobDone | SpeakersDone:
        started = time.monotonic()
        stop_reason: str | None = None  # "cancel" or "soft"
        stop_asked_at = 0.0
        job_open = True  # the worker is still busy with this job
        try:
            while True:
                now = time.monotonic()
                elapsed = now - started
                if hard_limit_s is not None and elapsed > hard_limit_s:
                    job_open = False
                    self._kill_worker(restart=True)
                    raise JobHungError(
                        f"The transcription ran past its hard time limit ({hard_limit_s:.0f} s) "
                        "and the engine was restarted. Try a smaller model or a faster device, "
                        "or raise the time limit in Settings."
                    )
                if stop_reason is None:
                    if cancel is not None and cancel.is_set():
                        stop_reason, stop_asked_at = "cancel", now
                    elif soft_limit_s is not None and elapsed > soft_limit_s:
                        stop_reason, stop_asked_at = "soft", now
                    if stop_reason is not None:
                        self._stop.set()
                elif now - stop_asked_at > STOP_GRACE_S:
                    log.warning("The worker did not stop within %.0f s; killing it", STOP_GRACE_S)
                    job_open = False
                    self._kill_worker(restart=True)
                    raise stop_error(stop_reason, soft_limit_s)
                message = self._next_message(POLL_S)
                if isinstance(message, JobProgress) and message.job_id == job_id:
                    if on_progress is not None and stop_reason is None:
                        on_progress(message.progress)
                elif isinstance(message, (JobDone, SpeakersDone, JobFailed)) and message.job_id == job_id:
                    job_open = False
                    self._job_finished(message.rss_bytes)
                    if isinstance(message, (JobDone, SpeakersDone)) and stop_reason != "cancel":
                        return message  # finished just as the soft limit passed
                    if stop_reason is not None:
                        raise stop_error(stop_reason, soft_limit_s)
                    raise job_error(message)
        except _WorkerGone:
            raise self._died_error() from None
        except BaseException:
            # e.g. on_progress raised, or KeyboardInterrupt: don't leave the job running
            if job_open and self._process is not None:
                self._kill_worker()
            raise

    def _job_finished(self, rss_bytes: int) -> None:
        """Count the job; recycle the worker past its job or memory quota."""
        self._jobs_served += 1
        if self._jobs_served >= self.max_jobs:
            log.info("Worker served %d jobs; replacing it", self._jobs_served)
            self._stop_worker()
        elif rss_bytes > self.max_rss_gb * GB:
            log.info("Worker uses %.2f GB of memory; replacing it", rss_bytes / GB)
            self._stop_worker()

    # -- process management -------------------------------------------------------------

    def _check_open(self) -> None:
        if self._closed:
            raise EngineError("The transcription engine has been shut down.")

    def _ensure_worker(self) -> None:
        self._check_open()
        if self._process is not None and self._process.is_alive():
            return
        if self._process is not None:
            self._reap()
        parent_conn, child_conn = self._ctx.Pipe(duplex=True)
        self._stop = self._ctx.Event()
        process = self._ctx.Process(
            target=run_worker, args=(child_conn, self._stop), name="daredevil-engine", daemon=True
        )
        start_child(process.start)  # forked from a thread that lives as long as the app
        child_conn.close()
        self._process, self._conn, self._jobs_served = process, parent_conn, 0
        log.info("Started engine worker pid %d", process.pid)

    def _next_message(self, timeout: float) -> Any:
        """The next message from the worker (logs handled here), or None after `timeout`."""
        ready = wait([self._conn, self._process.sentinel], timeout)
        if self._conn in ready:
            try:
                message = self._conn.recv()
            except (EOFError, OSError):
                raise _WorkerGone() from None
        elif ready:
            raise _WorkerGone()
        else:
            return None
        if isinstance(message, WorkerLog):
            logging.getLogger(message.logger).log(
                message.level, "[worker %d] %s", self._process.pid, message.message
            )
            return None
        if isinstance(message, WorkerReady):
            return None
        if isinstance(message, WorkerFailed):
            self._kill_worker()
            raise EngineError(message.text)
        return message

    def _died_error(self) -> WorkerDiedError:
        """Reap the dead worker; the error to raise (a fresh worker starts on next use)."""
        return died_error(self._reap())

    def _stop_worker(self) -> None:
        """Ask the worker to exit, wait a little, then kill it; always reaps."""
        if self._process is None:
            return
        if self._process.is_alive():
            try:
                self._conn.send(ShutdownRequest())
            except OSError:
                pass
            self._process.join(SHUTDOWN_TIMEOUT_S)
        self._kill_worker()

    def _kill_worker(self, restart: bool = False) -> None:
        """Kill the worker if it runs, and reap it."""
        if self._process is not None and self._process.is_alive():
            self._process.kill()
        self._reap()
        if restart and not self._closed:
            self._ensure_worker()

    def _reap(self) -> int | None:
        """Wait for the dead (or dying) worker and free its handles; return its exit code."""
        process, conn = self._process, self._conn
        self._process = self._conn = None
        if process is None:
            return None
        process.join(SHUTDOWN_TIMEOUT_S)
        if process.is_alive():  # join timed out: it ignored SIGTERM-less shutdown
            process.kill()
            process.join()
        exitcode = process.exitcode
        process.close()
        if conn is not None:
            conn.close()
        log.info("Engine worker stopped (exit code %s)", exitcode)
        return exitcode


@atexit.register
def _close_all() -> None:
    for client in list(_open_clients):
        client.close()
