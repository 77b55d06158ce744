"""Running jobs: the I/O steps on a pool, transcription on the one engine thread, retries.

`JobExecution` drives each job's state machine (core/jobs.py) with its steps' outcomes and
carries out what a transition asks (stop the work in flight, wait out a backoff). Every
method here runs on the GUI thread.
"""

from __future__ import annotations

import logging
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QObject, QThreadPool, QTimer, Signal

from desktop_app.core.engine import EngineProgress, EngineStatus
from desktop_app.core.errors import DaredevilError
from desktop_app.core.jobs import (
    AppClosing, AudioReady, EngineStarted, Event, Extracting, FoundInCache, JobStatus,
    Progressed, RetryDue, SpeakersStarted, Started, Transcribed, Transition, failure_event,
)  # fmt: skip
from desktop_app.core.media import SAMPLE_RATE
from desktop_app.core.pipeline import EngineResult, IoOutcome, PreparedJob
from desktop_app.runner.backoff_timers import BackoffTimers
from desktop_app.runner.job_queue import JobQueue
from desktop_app.runner.pipeline_setup import PipelineSetup
from desktop_app.runner.speaker_words import speaker_note_text, with_translated_names
from desktop_app.runner.tasks import ErrorCallback, post_to_gui, run_task

log = logging.getLogger(__name__)

#: Audio decoded ahead of the engine, beyond the jobs the I/O pool is working on.
READY_AHEAD = 1
SHUTDOWN_WAIT_MS = 10_000  # the longest quitting waits for the I/O steps it cancelled


@dataclass
class _Run:
    """One attempt at one job: its cancel flag, its audio, and the pool its task runs on."""

    busy_on: QThreadPool | None  # None while its decoded audio waits for the engine
    cancel: threading.Event = field(default_factory=threading.Event)
    audio: IoOutcome | None = None
    started: float = field(default_factory=time.monotonic)


class JobExecution(QObject):
    """Starts what can start and turns each step's outcome into the job's next state."""

    queue_idle = Signal()
    engine_status = Signal(object)  # EngineStatus
    # int, not bool: PySide6 6.12 drops a reference to True/False on each emit of a Python bool
    paused_changed = Signal(int)  # 1 paused, 0 running

    def __init__(self, queue: JobQueue, setup: PipelineSetup, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.queue, self.setup = queue, setup
        self.io_pool = QThreadPool(self)
        self.io_pool.setMaxThreadCount(max(1, setup.settings.extraction_concurrency))
        self.engine_pool = QThreadPool(self)
        self.engine_pool.setMaxThreadCount(1)
        self._runs: dict[str, _Run] = {}  # job id -> the attempt in flight
        self._backoffs = BackoffTimers(self._retry_due, lambda job_id: self._bug_in(job_id, None), self)
        self._paused = False
        self._closed = False
        self._was_idle = True  # queue_idle is sent when the queue becomes idle
        if not self.is_idle():
            QTimer.singleShot(0, self.pump)  # jobs left from the last launch

    # -- what the controller asks ------------------------------------------------------

    @property
    def paused(self) -> bool:
        return self._paused

    def is_idle(self) -> bool:
        return not self._runs and not self._backoffs and not self.queue.scanning and all(
            job.status.finished for job in self.queue.jobs()
        )

    def set_paused(self, paused: bool) -> None:
        """Paused: start no new job; the ones already running finish."""
        if paused != self._paused:
            self._paused = paused
            self.paused_changed.emit(int(paused))
            self.pump()

    def settings_changed(self) -> None:
        self.io_pool.setMaxThreadCount(max(1, self.setup.settings.extraction_concurrency))
        self.pump()

    def pump(self) -> None:
        """Start what can start: I/O steps up to the pool size, one engine job at a time."""
        if self._closed:
            return
        if self.setup.stale and not self._runs:
            self.setup.rebuild(lambda close: run_task(close, None, self.engine_pool))
        if not self._paused and not self.setup.stale:
            self._start_io_steps()
            self._start_engine_step()
        idle = self.is_idle()
        if idle and not self._was_idle:
            log.info("The queue is idle")
            self.queue.end_batch()
            self.queue_idle.emit()
        self._was_idle = idle

    def shutdown(self) -> None:
        """Stop every step; running jobs go back to the queue for the next launch (not as crashes)."""
        if self._closed:
            return
        self._closed = True
        for run in self._runs.values():
            run.cancel.set()  # first, so every step starts stopping while the history is written
        for job in self.queue.jobs():
            if not job.status.finished:
                self.apply(job.id, AppClosing())
        self.io_pool.waitForDone(SHUTDOWN_WAIT_MS)
        self.setup.stop_engine(self.engine_pool)
        self._runs.clear()

    # -- driving the state machine -----------------------------------------------------

    def apply(self, job_id: str, event: Event) -> Transition | None:
        """Move the job by `event` (IllegalTransition if it can't happen) and do what that asks."""
        step = self.queue.apply(job_id, event)
        if step is not None and step.stop_work:
            self.stop_work(job_id)
        if step is not None and step.retry_in_s is not None and not self._closed:
            self._backoffs.start(job_id, step.retry_in_s)
        return step

    def stop_work(self, job_id: str) -> None:
        """Cancel the attempt in flight; one whose audio only waits for the engine ends now."""
        self._backoffs.stop(job_id)
        run = self._runs.get(job_id)
        if run is not None:
            run.cancel.set()
            if run.busy_on is None:
                del self._runs[job_id]

    def _still_counts(self, job_id: str, run: _Run, final: bool = True) -> bool:
        """Whether this attempt still counts; a final call on a dropped attempt ends it."""
        if self._closed or self._runs.get(job_id) is not run:
            return False
        if run.cancel.is_set() or self.queue.job(job_id) is None:
            if final:
                del self._runs[job_id]
                self.pump()
            return False
        return True

    # -- the I/O steps -----------------------------------------------------------------

    def _start_io_steps(self) -> None:
        limit = self.io_pool.maxThreadCount()
        in_io = sum(1 for r in self._runs.values() if r.busy_on is self.io_pool)
        ready = sum(1 for r in self._runs.values() if r.busy_on is None)
        for job in self.queue.jobs():
            if in_io >= limit or in_io + ready >= limit + READY_AHEAD:
                break
            if job.status == JobStatus.QUEUED and job.id not in self._runs:
                self._start_io(job.id, Path(job.path))
                in_io += 1

    def _start_io(self, job_id: str, path: Path) -> None:
        run = _Run(busy_on=self.io_pool)
        self._runs[job_id] = run
        self.apply(job_id, Started())
        on_error = self._bug_in(job_id, run)
        try:
            pipeline = self.setup.pipeline
        except Exception as exc:  # e.g. the cache folder is unusable: fail this job, keep the queue going
            log.exception("Could not set up the pipeline")
            self._fail(job_id, run, exc)
            return

        def on_stage(status: JobStatus, prepared: PreparedJob | None) -> None:
            post_to_gui(lambda: self._on_io_stage(job_id, run, status, prepared), on_error)

        def on_notice(line: str) -> None:  # e.g. the starter model being installed on first use
            post_to_gui(lambda: self.queue.log(job_id, line), on_error)

        run_task(
            lambda: pipeline.prepare_and_extract(path, run.cancel, on_stage, on_notice),
            lambda result, error: self._on_io_done(job_id, run, result, error),
            self.io_pool,
            on_error=on_error,
        )

    def _on_io_stage(self, job_id: str, run: _Run, status: JobStatus, prepared: PreparedJob | None) -> None:
        if status == JobStatus.CHECKING or not self._still_counts(job_id, run, final=False):
            return
        assert prepared is not None
        media = prepared.media
        self.queue.log(job_id, f"Probed: {media.container}, {media.duration_s or 0:.1f} s, audio {media.audio_codec}")
        self.apply(job_id, Extracting(prepared.details))
        self._preload(prepared)

    def _preload(self, prepared: PreparedJob) -> None:
        """While the engine is idle, its worker loads the job's model as ffmpeg decodes the audio
        (a large model on a GPU loads for seconds; the first job no longer waits for both)."""
        if self._closed or any(r.busy_on is self.engine_pool for r in self._runs.values()):
            return
        pipeline = self.setup.pipeline

        def done(_result: None, error: BaseException | None) -> None:
            if error is not None:  # the job itself reports a worker that can't start
                log.warning("Could not load the model ahead of its job: %s", error)

        run_task(lambda: pipeline.engine.preload(prepared.model, prepared.options, pipeline.device), done,
                 self.engine_pool)  # fmt: skip

    def _on_io_done(self, job_id: str, run: _Run, result: IoOutcome | None, error: BaseException | None) -> None:
        if not self._still_counts(job_id, run):
            return
        if error is not None:
            self._fail(job_id, run, error)
            return
        assert result is not None
        if result.cached is not None:
            del self._runs[job_id]
            self.apply(job_id, FoundInCache(with_translated_names(result.cached), result.prepared.details))
        else:
            assert result.audio is not None
            run.busy_on, run.audio = None, result  # it waits for the engine, which takes one job at a time
            self.apply(job_id, AudioReady(len(result.audio) / SAMPLE_RATE, result.prepared.details))
        self.pump()

    # -- the engine step ---------------------------------------------------------------

    def _start_engine_step(self) -> None:
        if any(r.busy_on is self.engine_pool for r in self._runs.values()):
            return
        for job_id, run in self._runs.items():
            if run.busy_on is None:
                self._start_engine(job_id, run)
                return

    def _start_engine(self, job_id: str, run: _Run) -> None:
        io, run.audio, run.busy_on = run.audio, None, self.engine_pool  # the engine task holds the audio now
        assert io is not None and io.audio is not None
        pipeline, on_error = self.setup.pipeline, self._bug_in(job_id, run)
        self.apply(job_id, EngineStarted(pipeline.describe_run(io.prepared)))

        def on_progress(progress: EngineProgress, speakers: bool = False) -> None:
            post_to_gui(lambda: self._on_progress(job_id, run, progress, speakers), on_error)

        def work() -> tuple[EngineResult, EngineStatus | None]:
            done = pipeline.finish_audio(io, on_progress, run.cancel, lambda p: on_progress(p, speakers=True))
            return done, pipeline.engine_status(run.cancel)

        run_task(work, lambda result, error: self._on_engine_done(job_id, run, result, error), self.engine_pool,
                 on_error=on_error)  # fmt: skip

    def _on_progress(self, job_id: str, run: _Run, progress: EngineProgress, speakers: bool = False) -> None:
        if not self._still_counts(job_id, run, final=False):
            return
        job = self.queue.job(job_id)
        if speakers and job is not None and job.status == JobStatus.TRANSCRIBING:
            self.apply(job_id, SpeakersStarted())
        if progress.segment is not None:
            self.queue.add_segment(job_id, progress.segment)
        if progress.note:
            self.queue.log(job_id, progress.note, logging.WARNING)
        self.queue.set_waiting(job_id, progress.note)  # a progress without a note ends the wait
        self.apply(job_id, Progressed(progress.fraction, progress.eta_s))

    def _on_engine_done(self, job_id: str, run: _Run, result, error: BaseException | None) -> None:
        if result is not None and result[1] is not None and not self._closed:
            self.engine_status.emit(result[1])
        if not self._still_counts(job_id, run):
            return
        if error is not None:
            self._fail(job_id, run, error)
            return
        del self._runs[job_id]
        done: EngineResult = result[0]
        self.apply(job_id, Transcribed(with_translated_names(done.transcript), time.monotonic() - run.started,
                                       speaker_note_text(done.speaker_note)))
        self.pump()

    # -- failures and retries ----------------------------------------------------------

    def _fail(self, job_id: str, run: _Run | None, error: BaseException) -> None:
        if run is not None:
            run.cancel.set()  # a callback's bug may leave a step at work
            if self._runs.get(job_id) is run:
                del self._runs[job_id]
        job = self.queue.job(job_id)
        if job is None or job.status.finished:
            self.pump()
            return
        if isinstance(error, DaredevilError):
            message = str(error)
        else:
            log.error("Unexpected error in job %s", job_id, exc_info=error)
            message = self.tr("Something unexpected went wrong ({0}). The job's log has the details.").format(
                type(error).__name__
            )
            self.queue.log(job_id, f"Unexpected error: {error!r}", logging.ERROR)
        self.apply(job_id, failure_event(error, message, job.retries, self.setup.retry_policy))
        self.pump()  # other queued jobs don't wait out this one's backoff

    def _bug_in(self, job_id: str, run: _Run | None) -> ErrorCallback:
        """What to do when one of this attempt's GUI-thread callbacks raises: fail the job, go on."""

        def failed(error: BaseException) -> None:
            current = self._runs.get(job_id)
            if not self._closed and (current is None or current is run):  # not a newer attempt's business
                self._fail(job_id, current, error)

        return failed

    def _retry_due(self, job_id: str) -> None:
        job = self.queue.job(job_id)
        if job is not None and job.status == JobStatus.RETRY_WAIT:
            self.apply(job_id, RetryDue())
        self.pump()
