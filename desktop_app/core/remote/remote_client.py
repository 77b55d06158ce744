"""RemoteEngineClient: the engine client's interface, run on a `daredevil server` through Celery.

Checks, probing and extraction stay on the workstation; the audio goes as FLAC. Progress, live
segments and cancel (a revoke that terminates) work as with the local worker. While the broker
can't be reached the job waits (and says so in the log); with a fallback set, it runs on this
computer after that long instead.
"""

from __future__ import annotations

import logging
import socket
import threading
import time
import uuid
from collections.abc import Callable
from typing import Any

import numpy as np

from desktop_app.core.engine.messages import EngineProgress
from desktop_app.core.errors import CancelledError, JobHungError
from desktop_app.core.remote.client_support import describe_broker_error, remote_exception
from desktop_app.core.remote.wire import (
    TASK_NAME, PayloadError, RemoteError, RemoteRequest, ServerUnreachableError, encode_flac, new_key, unseal,
)  # fmt: skip
from desktop_app.core.transcript import Segment, Transcript
from desktop_app.core.remote.celery_app import DEFAULT_QUEUE, BrokerConfig, make_app, safe_url

log = logging.getLogger(__name__)
POLL_S = 0.2
CONNECT_RETRY_S = 2.0


class RemoteEngineClient:
    """Sends transcriptions to the server's queue; the speaker step runs on this computer."""

    def __init__(self, url: str, queue: str = DEFAULT_QUEUE, fallback_after_s: float = 0.0,
                 local_factory: Callable[[], Any] | None = None) -> None:  # fmt: skip
        self.url, self.shown_url, self.queue = url, safe_url(url), queue
        self.fallback_after_s = fallback_after_s  # 0: wait for the server as long as it takes
        self.client_id = f"{socket.gethostname()}-{uuid.uuid4().hex[:12]}"
        self.app = make_app(BrokerConfig(url, queue))
        self._local_factory = local_factory
        self._local: Any = None

    # -- the engine client's interface ----------------------------------------------------

    def transcribe(self, audio: np.ndarray, model, options, device: str = "auto",
                   on_progress: Callable[[EngineProgress], None] | None = None,
                   cancel: threading.Event | None = None, soft_limit_s: float | None = None,
                   hard_limit_s: float | None = None) -> Transcript:  # fmt: skip
        """Transcribe on the server; raises the same errors as the local client."""
        if not self.wait_for_broker(cancel, on_progress):
            log.warning("The server at %s was out of reach for %.0f min; transcribing on this computer",
                        self.shown_url, self.fallback_after_s / 60)  # fmt: skip
            return self._local_client().transcribe(audio, model, options, device, on_progress, cancel,
                                                   soft_limit_s, hard_limit_s)  # fmt: skip
        key = new_key()
        job_id = uuid.uuid4().hex
        request = RemoteRequest(self.client_id, job_id, model.name, options, encode_flac(audio), key)
        result = self.app.send_task(TASK_NAME, args=[request.to_json()], queue=self.queue,
                                    task_id=f"{self.client_id}-{job_id}",
                                    argsrepr=f"(<job {job_id[:12]}: {len(request.flac)} bytes of FLAC>)",
                                    kwargsrepr="{}")  # a worker's log shows this, never the audio or key
        log.info("Sent to the server at %s (%.1f MB of FLAC)", self.shown_url, len(request.flac) / 1e6)
        try:
            return self._await(result, key, on_progress, cancel, hard_limit_s)
        finally:
            try:
                result.forget()
            except Exception:  # noqa: BLE001 - the result expires on its own
                pass

    def start(self) -> None:
        """Nothing to start here: the server's workers run already."""

    def preload(self, model, options, device: str = "auto") -> None:
        """Nothing to load here: the server holds its own models."""

    def identify_speakers(self, *args, **kwargs):
        """The speaker step runs here: the server only transcribes (say so in the docs)."""
        return self._local_client().identify_speakers(*args, **kwargs)

    @property
    def worker_pid(self) -> int | None:
        return self._local.worker_pid if self._local is not None else None

    def status(self):
        return self._local.status() if self._local is not None else None

    def restart(self) -> None:
        if self._local is not None:
            self._local.restart()

    def close(self) -> None:
        if self._local is not None:
            self._local.close()
        self.app.close()

    # -- the broker -----------------------------------------------------------------------

    def check(self, timeout_s: float = 5.0) -> str | None:
        """None when the broker answers, else why not (for Settings' test button and the CLI)."""
        try:
            with self.app.connection_for_write() as conn:
                conn.ensure_connection(max_retries=1, timeout=timeout_s)
                conn.default_channel.client.ping()
        except Exception as exc:  # noqa: BLE001 - every failure becomes a message
            return f"The server at {self.shown_url} can't be used: {describe_broker_error(exc)}"
        return None

    def wait_for_broker(self, cancel: threading.Event | None, on_progress=None) -> bool:
        """Wait until the broker answers (True), or the fallback time passes (False); each new
        reason for waiting goes to the job's log through `on_progress`."""
        started, told = time.monotonic(), None
        while True:
            problem = self.check()
            if problem is None:
                if told:
                    log.info("The server at %s answers again", self.shown_url)
                    if on_progress is not None:
                        on_progress(EngineProgress(0.0))  # no note: the row stops saying it waits
                return True
            if told != problem:
                log.warning("%s The job waits and goes on when it answers.", problem)
                if on_progress is not None:
                    on_progress(EngineProgress(0.0, note=f"{problem} The job waits and goes on when it answers."))
                told = problem
            if "password" in problem:
                raise ServerUnreachableError(problem)  # waiting can't mend a wrong password
            if self.fallback_after_s and self._local_factory and time.monotonic() - started >= self.fallback_after_s:
                return False
            if cancel is not None and cancel.wait(CONNECT_RETRY_S):
                raise CancelledError("Cancelled.")
            if cancel is None:
                time.sleep(CONNECT_RETRY_S)

    def _local_client(self):
        if self._local is None:
            if self._local_factory is None:
                raise RemoteError("This computer's engine is not available here.")
            self._local = self._local_factory()
        return self._local

    def _await(self, result, key: str, on_progress, cancel: threading.Event | None,
               hard_limit_s: float | None) -> Transcript:  # fmt: skip
        started = time.monotonic()
        seen = 0.0
        while True:
            if cancel is not None and cancel.is_set():
                result.revoke(terminate=True, signal="SIGTERM")
                raise CancelledError("Cancelled.")
            if hard_limit_s is not None and time.monotonic() - started > hard_limit_s + 60:
                result.revoke(terminate=True, signal="SIGKILL")
                raise JobHungError(f"The server's job did not finish within {hard_limit_s:.0f} s.")
            try:
                state, info = result.state, result.info
            except Exception as exc:  # noqa: BLE001 - the broker went away: wait for it, the job goes on
                log.warning("Lost the server (%s); waiting for it", describe_broker_error(exc))
                self.wait_for_broker(cancel, on_progress)
                continue
            if state == "PROGRESS" and isinstance(info, dict) and on_progress is not None:
                meta = unseal(key, info["sealed"])
                segment = meta.get("segment")
                if meta["fraction"] != seen or segment:
                    seen = meta["fraction"]
                    on_progress(EngineProgress(meta["fraction"], _segment(segment), meta.get("eta_s")))
            elif state == "SUCCESS":
                return _transcript(key, info)
            elif state in ("FAILURE", "REVOKED"):
                raise RemoteError(f"The server could not run the job ({state.lower()}: {info}).")
            if cancel is not None:
                cancel.wait(POLL_S)
            else:
                time.sleep(POLL_S)


def _segment(data: dict | None) -> Segment | None:
    if not data:
        return None
    return Segment(float(data["start"]), float(data["end"]), str(data["text"]))


def _transcript(key: str, info: Any) -> Transcript:
    if not isinstance(info, dict):
        raise PayloadError("The server's reply is not what this version expects.")
    if "refused" in info:
        raise PayloadError(f"The server refused the job: {info['refused']}")
    reply = unseal(key, info["sealed"])
    if "error" in reply:
        raise remote_exception(reply["error"], reply["message"])
    return Transcript.from_dict(reply["transcript"])
