"""Running jobs: the I/O steps on a pool, transcription on the one engine thread, retries.

A mixin of QueueController, kept apart so each file holds one concern. It works on the
controller's state (jobs, runs in flight, pools, pipeline) and reports through its
signals; every method here runs on the GUI thread.
"""

from __future__ import annotations

import logging
import os
import signal
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QTimer

from desktop_app.core.engine import EngineProgress, EngineStatus
from desktop_app.core.errors import CancelledError, DaredevilError
from desktop_app.core.jobs import Job, JobStatus, RetryPolicy
from desktop_app.core.pipeline import IoOutcome, Pipeline, PreparedJob
from desktop_app.core.transcript import Transcript
from desktop_app.runner.tasks import post_to_gui, run_task

log = logging.getLogger("desktop_app.runner.controller")

#: Audio decoded ahead of the engine, beyond the jobs the I/O pool is working on.
READY_AHEAD = 1
#: How long quitting waits for a cancelled transcription (the engine's stop grace is 2 s)
#: before it kills the worker, which frees the engine thread at once.
ENGINE_STOP_WAIT_MS = 3_000
ENGINE_GONE_WAIT_MS = 10_000  # after the kill; then the worker is closed regardless


@dataclass
class _Run:
    """One attempt at one job: its cancel flag and where it is (not persisted)."""

    cancel: threading.Event = field(default_factory=threading.Event)
    stage: str = "io"  # "io", "ready" (audio waits for the engine) or "engine"
    outcome: IoOutcome | None = None
    started: float = field(default_factory=time.monotonic)


class JobExecution:
    """Starts what can start and turns each step's outcome into the job's next state."""

    def _pump(self) -> None:
        """Start what can start: I/O steps up to the pool size, one engine job at a time."""
        if self._closed:
            return
        if self._pipeline_stale and not self._runs:
            self._rebuild_pipeline()
        if not self._paused and not self._pipeline_stale:
            in_io = sum(1 for r in self._runs.values() if r.stage == "io")
            ready = sum(1 for r in self._runs.values() if r.stage == "ready")
            limit = self.io_pool.maxThreadCount()
            for job in list(self._jobs.values()):
                if in_io >= limit or in_io + ready >= limit + READY_AHEAD:
                    break
                if job.status == JobStatus.QUEUED and job.id not in self._runs and job.id not in self._retry_timers:
                    self._start_io(job)
                    in_io += 1
            engine_busy = any(r.stage == "engine" for r in self._runs.values())
            if not engine_busy:
                for job_id, run in self._runs.items():
                    if run.stage == "ready":
                        self._start_engine(self._jobs[job_id], run)
                        break
        self._check_idle()

    def _rebuild_pipeline(self) -> None:
        old, self._pipeline = self._pipeline, None
        self._pipeline_stale = False
        if old is None:
            return
        s = self._settings
        if (s.worker_max_jobs, s.worker_max_rss_gb) == (old.settings.worker_max_jobs, old.settings.worker_max_rss_gb):
            # keep the worker: it reloads its model only if the model or device changed
            self._pipeline = Pipeline(s, self.paths, engine=old.engine)
            if old.cache is not None:
                old.cache.close()
            return
        run_task(old.close, None, self.engine_pool)  # stopping the worker may take seconds

    def _check_idle(self) -> None:
        if self.is_idle() and not self._idle_reported:
            self._idle_reported = True
            log.info("The queue is idle")
            self.queue_idle.emit()

    def _current(self, job_id: str, run: _Run, final: bool = True) -> Job | None:
        """The job, if this attempt still counts; a final call on a dropped attempt ends it."""
        if self._closed or self._runs.get(job_id) is not run:
            return None
        job = self._jobs.get(job_id)
        if job is None or run.cancel.is_set():
            if final:
                self._runs.pop(job_id, None)
                self._pump()
            return None
        return job

    def _start_io(self, job: Job) -> None:
        run = _Run()
        self._runs[job.id] = run
        if job.id not in self._retries:
            job.attempts += 1
        job.error = None
        try:
            pipeline = self.pipeline
        except Exception as exc:  # e.g. the cache folder is unusable: fail this job, keep the queue going
            log.exception("Could not set up the pipeline")
            self._fail(job, exc)
            return
        self._set_status(job, JobStatus.CHECKING, log_line="Checking the file")
        job_id = job.id

        def on_stage(status: JobStatus, prepared: PreparedJob | None) -> None:
            post_to_gui(lambda: self._on_io_stage(job_id, run, status, prepared))

        def on_notice(line: str) -> None:  # e.g. the starter model being installed on first use
            post_to_gui(lambda: self._log(job_id, line))

        run_task(
            lambda: pipeline.prepare_and_extract(Path(job.path), run.cancel, on_stage, on_notice),
            lambda result, error: self._on_io_done(job_id, run, result, error),
            self.io_pool,
        )

    def _describe(self, job: Job, prepared: PreparedJob) -> None:
        job.duration_s = prepared.media.duration_s
        job.size_bytes = prepared.file.size
        job.model = prepared.model.name
        job.language = prepared.options.language

    def _on_io_stage(self, job_id: str, run: _Run, status: JobStatus, prepared: PreparedJob | None) -> None:
        job = self._current(job_id, run, final=False)
        if job is None or status == JobStatus.CHECKING:
            return
        if prepared is not None:
            self._describe(job, prepared)
            media = prepared.media
            self._log(job_id, f"Probed: {media.container}, {media.duration_s or 0:.1f} s, audio {media.audio_codec}")
        self._set_status(job, status, log_line="Extracting the audio")

    def _on_io_done(self, job_id: str, run: _Run, result: IoOutcome | None, error: BaseException | None) -> None:
        job = self._current(job_id, run)
        if job is None:
            return
        if error is not None:
            self._fail(job, error)
            return
        assert result is not None
        self._describe(job, result.prepared)
        if result.cached is not None:
            self._runs.pop(job_id, None)
            self._finish(job, result.cached, JobStatus.CACHED, "Found in the cache")
            return
        run.stage, run.outcome = "ready", result
        assert result.audio is not None
        # shown as queued again: it waits for the engine, which takes one job at a time
        self._set_status(job, JobStatus.QUEUED, f"Audio ready: {len(result.audio) / 16000:.1f} s; waiting for the engine")
        self._pump()

    def _start_engine(self, job: Job, run: _Run) -> None:
        run.stage = "engine"
        outcome = run.outcome
        assert outcome is not None and outcome.audio is not None
        run.outcome = IoOutcome(outcome.prepared)  # the engine task holds the audio now
        self._segments[job.id] = []
        self._set_status(job, JobStatus.TRANSCRIBING, log_line=f"Transcribing with {job.model}")
        pipeline, job_id = self.pipeline, job.id

        def on_progress(progress: EngineProgress) -> None:
            post_to_gui(lambda: self._on_progress(job_id, run, progress))

        def work() -> tuple[Transcript, EngineStatus | None]:
            transcript = pipeline.transcribe_audio(outcome.prepared, outcome.audio, on_progress, run.cancel)
            if run.cancel.is_set() or pipeline.engine.worker_pid is None:
                return transcript, None  # quitting, or the worker was recycled: don't start one to ask
            try:
                status = pipeline.engine.status()
            except DaredevilError:
                status = None
            return transcript, status

        run_task(work, lambda result, error: self._on_engine_done(job_id, run, result, error), self.engine_pool)

    def _on_progress(self, job_id: str, run: _Run, progress: EngineProgress) -> None:
        job = self._current(job_id, run, final=False)
        if job is None:
            return
        job.progress, job.eta_s = max(0.0, min(1.0, progress.fraction)), progress.eta_s
        if progress.segment is not None:
            self._segments.setdefault(job_id, []).append(progress.segment)
            self.segment_added.emit(job_id, progress.segment)
        self.job_changed.emit(job_id)

    def _on_engine_done(self, job_id: str, run: _Run, result, error: BaseException | None) -> None:
        if result is not None and result[1] is not None and not self._closed:
            self.engine_status.emit(result[1])
        job = self._current(job_id, run)
        if job is None:
            return
        if error is not None:
            self._fail(job, error)
            return
        self._runs.pop(job_id, None)
        transcript = result[0]
        elapsed = time.monotonic() - run.started
        self._finish(job, transcript, JobStatus.DONE, f"Done in {elapsed:.1f} s: {len(transcript.segments)} segments")

    def _finish(self, job: Job, transcript: Transcript, status: JobStatus, line: str) -> None:
        job.transcript = transcript
        job.language = transcript.language or job.language
        job.progress, job.eta_s, job.error = 1.0, None, None
        self._segments.pop(job.id, None)
        self._set_status(job, status, log_line=line)
        self._pump()

    def _fail(self, job: Job, error: BaseException) -> None:
        self._runs.pop(job.id, None)
        if isinstance(error, CancelledError):
            self._set_status(job, JobStatus.CANCELLED, log_line="Cancelled")
            self._pump()
            return
        if isinstance(error, DaredevilError):
            message = str(error)
        else:
            log.error("Unexpected error in job %s", job.id, exc_info=error)
            message = self.tr("Something unexpected went wrong ({0}). The job's log has the details.").format(
                type(error).__name__
            )
            self._log(job.id, f"Unexpected error: {error!r}", logging.ERROR)
        retries = self._retries.get(job.id, 0)
        limits = self._settings.limits
        policy = RetryPolicy(limits.max_retries, limits.retry_backoff_s)
        if isinstance(error, DaredevilError) and policy.should_retry(error, retries):
            self._retries[job.id] = retries + 1
            delay = policy.delay(retries + 1)
            job.progress, job.eta_s = 0.0, None
            job.error = message
            self._set_status(job, JobStatus.QUEUED, log_line=f"{message} Retrying in {delay:g} s")
            self._schedule_retry(job.id, delay)
            self._pump()  # other queued jobs don't wait out this one's backoff
            return
        job.error = message
        job.eta_s = None
        self._set_status(job, JobStatus.FAILED, log_line=f"Failed: {message}", level=logging.WARNING)
        self._pump()

    def _stop_engine(self) -> None:
        """Quitting: let the cancelled transcription end, kill a worker that won't, close it."""
        if not self.engine_pool.waitForDone(ENGINE_STOP_WAIT_MS):
            try:  # read while the engine thread may be replacing the worker
                pid = self._pipeline.engine.worker_pid if self._pipeline is not None else None
            except AttributeError:
                pid = None
            log.warning("The engine did not stop in time; killing its worker (pid %s)", pid)
            if pid is not None:
                try:  # the engine thread sees the worker gone and returns; only it may reap it
                    os.kill(pid, getattr(signal, "SIGKILL", signal.SIGTERM))
                except OSError:
                    pass
            if not self.engine_pool.waitForDone(ENGINE_GONE_WAIT_MS):
                log.error("The engine thread is still busy; closing the worker anyway")
        if self._pipeline is not None:
            self._pipeline.close()  # stops the worker process
        self.engine_pool.waitForDone(ENGINE_GONE_WAIT_MS)

    def _drop_run(self, job_id: str) -> None:
        """Cancel the attempt in flight; one whose audio only waits for the engine ends now."""
        run = self._runs.get(job_id)
        if run is None:
            return
        run.cancel.set()
        if run.stage == "ready":
            del self._runs[job_id]

    def _schedule_retry(self, job_id: str, delay_s: float) -> None:
        timer = QTimer(self)
        timer.setSingleShot(True)
        timer.timeout.connect(lambda: self._retry_due(job_id))
        self._retry_timers[job_id] = timer
        timer.start(int(delay_s * 1000))

    def _retry_due(self, job_id: str) -> None:
        self._stop_retry_timer(job_id)
        self._pump()

    def _stop_retry_timer(self, job_id: str) -> None:
        timer = self._retry_timers.pop(job_id, None)
        if timer is not None:
            timer.stop()
            timer.deleteLater()
