"""The queue: one controller owns the jobs, their history and the threads that run them.

Checks, cache look-ups and extraction run on an I/O pool (settings.extraction_concurrency
threads); transcription runs on a one-thread engine pool, one job at a time. Every state
change happens on the GUI thread, which is also the only thread that writes the store.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QObject, QThreadPool, QTimer, Signal

from desktop_app.core.engine import EngineProgress, EngineStatus
from desktop_app.core.errors import CancelledError, DaredevilError
from desktop_app.core.jobs import Job, JobStatus
from desktop_app.core.paths import AppPaths, app_paths
from desktop_app.core.pipeline import Pipeline, PreparedJob
from desktop_app.core.settings import Settings, load_settings, save_settings
from desktop_app.core.store import JobStore
from desktop_app.core.transcript import Segment, Transcript
from desktop_app.runner.jobs_view import QueueSummary, summarize
from desktop_app.runner.stages import IoOutcome, ScanResult, prepare_and_extract, scan_folder
from desktop_app.runner.tasks import post_to_gui, run_task

log = logging.getLogger(__name__)

SHUTDOWN_WAIT_MS = 10_000  # how long quitting waits for a cancelled step before killing the worker
#: Audio decoded ahead of the engine, beyond the jobs the I/O pool is working on.
READY_AHEAD = 1


@dataclass
class _Run:
    """One attempt at one job: its cancel flag and where it is (not persisted)."""

    cancel: threading.Event = field(default_factory=threading.Event)
    stage: str = "io"  # "io", "ready" (audio waits for the engine) or "engine"
    outcome: IoOutcome | None = None
    started: float = field(default_factory=time.monotonic)


class QueueController(QObject):
    """Owns the queue; the window only calls its actions and listens to its signals."""

    job_added = Signal(str)
    job_changed = Signal(str)
    job_removed = Signal(str)
    segment_added = Signal(str, object)  # job id, Segment
    queue_idle = Signal()
    engine_status = Signal(object)  # EngineStatus
    scan_finished = Signal(int, int)  # files queued, files skipped
    paused_changed = Signal(bool)
    notice = Signal(str)  # a message for the status bar (those from start-up: startup_notices)

    def __init__(
        self,
        settings: Settings | None = None,
        paths: AppPaths | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.paths = (paths or app_paths()).ensure()
        self._settings = settings or load_settings(self.paths.settings_file)
        self.store = JobStore(self.paths.store_file)
        self._pipeline: Pipeline | None = None
        self._pipeline_stale = False
        self.io_pool = QThreadPool(self)
        self.io_pool.setMaxThreadCount(max(1, self._settings.extraction_concurrency))
        self.engine_pool = QThreadPool(self)
        self.engine_pool.setMaxThreadCount(1)
        self.scan_pool = QThreadPool(self)
        self.scan_pool.setMaxThreadCount(1)
        self._jobs: dict[str, Job] = {}
        self._segments: dict[str, list[Segment]] = {}
        self._runs: dict[str, _Run] = {}  # job id -> the attempt in flight
        self._retries: dict[str, int] = {}  # automatic retries done in this session
        self._retry_timers: dict[str, QTimer] = {}
        self._scans: list[threading.Event] = []
        self._session_ids: list[str] = []  # jobs this launch runs (exit code, overall progress)
        self._paused = False
        self._closed = False
        self._idle_reported = True
        self.startup_notices: list[str] = []
        self._load_history()

    # -- state -------------------------------------------------------------------------

    @property
    def settings(self) -> Settings:
        return self._settings

    @property
    def pipeline(self) -> Pipeline:
        """The pipeline, built on first use (its engine starts on the first transcription)."""
        if self._pipeline is None:
            self._pipeline = Pipeline(self._settings, self.paths)
        return self._pipeline

    @property
    def paused(self) -> bool:
        return self._paused

    def jobs(self) -> list[Job]:
        return list(self._jobs.values())

    def job(self, job_id: str) -> Job | None:
        return self._jobs.get(job_id)

    def segments(self, job_id: str) -> tuple[Segment, ...]:
        """The finished transcript's segments, or those that have arrived so far."""
        job = self._jobs.get(job_id)
        if job is not None and job.transcript is not None:
            return job.transcript.segments
        return tuple(self._segments.get(job_id, ()))

    def transcript_for(self, job_id: str) -> Transcript | None:
        """The person's edited transcript when there is one, else the original result."""
        job = self._jobs.get(job_id)
        if job is None:
            return None
        try:
            edited = self.store.edited(job_id)
        except KeyError:
            edited = None
        return edited if edited is not None else job.transcript

    def save_edited(self, job_id: str, transcript: Transcript) -> None:
        """Keep an edited transcript in the history (the original stays as it was)."""
        self.store.save_edited(job_id, transcript)
        self._log(job_id, f"Edited transcript saved ({len(transcript.segments)} segments)")
        self.job_changed.emit(job_id)

    def logs(self, job_id: str) -> list[str]:
        """The job's log lines, formatted for reading."""
        return [
            f"{time.strftime('%H:%M:%S', time.localtime(line.time))} {line.level:<7} {line.message}"
            for line in self.store.logs(job_id)
        ]

    def summary(self) -> QueueSummary:
        return summarize(self._jobs[i] for i in self._session_ids if i in self._jobs)

    def has_active_jobs(self) -> bool:
        return any(not job.status.finished for job in self._jobs.values())

    def is_idle(self) -> bool:
        return not self._runs and not self._retry_timers and not self._scans and not any(
            job.status == JobStatus.QUEUED or job.status.running for job in self._jobs.values()
        )

    def all_succeeded(self) -> bool:
        """Whether every job of this launch ended done or cached (True when there were none)."""
        done = (JobStatus.DONE, JobStatus.CACHED)
        return all(self._jobs[i].status in done for i in self._session_ids if i in self._jobs)

    # -- actions -----------------------------------------------------------------------

    def add_paths(self, paths: Iterable[str | Path]) -> list[str]:
        """Queue files now; walk folders in the background (only media is queued from them)."""
        added: list[str] = []
        for raw in paths:
            path = Path(raw).expanduser()
            if path.is_dir():
                self._start_scan(path)
            else:
                job_id = self._add_file(path)
                if job_id:
                    added.append(job_id)
        self._pump()
        return added

    def cancel(self, job_ids: Iterable[str]) -> None:
        for job_id in list(job_ids):
            job = self._jobs.get(job_id)
            if job is None or job.status.finished:
                continue
            self._drop_run(job_id)
            self._stop_retry_timer(job_id)
            self._set_status(job, JobStatus.CANCELLED, log_line="Cancelled")
        self._pump()

    def cancel_all(self) -> None:
        self.cancel(list(self._jobs))

    def retry(self, job_ids: Iterable[str]) -> None:
        """Queue failed or cancelled jobs again, from the start."""
        for job_id in list(job_ids):
            job = self._jobs.get(job_id)
            if job is None or job.status not in (JobStatus.FAILED, JobStatus.CANCELLED):
                continue
            job.error = None
            job.progress, job.eta_s = 0.0, None
            job.attempts = 0
            job.transcript = None
            self._segments.pop(job_id, None)
            self._retries.pop(job_id, None)
            self._remember_session(job_id)
            self._set_status(job, JobStatus.QUEUED, log_line="Queued again by the user")
        self._pump()

    def remove(self, job_ids: Iterable[str]) -> None:
        """Forget jobs (cancelling those that run) and delete them from the history."""
        for job_id in list(job_ids):
            job = self._jobs.pop(job_id, None)
            if job is None:
                continue
            self._drop_run(job_id)
            self._stop_retry_timer(job_id)
            self._segments.pop(job_id, None)
            if job_id in self._session_ids:
                self._session_ids.remove(job_id)
            self.store.remove(job_id)
            self.job_removed.emit(job_id)
        self._pump()

    def clear_finished(self) -> None:
        self.remove([job.id for job in self._jobs.values() if job.status.finished])

    def pause(self) -> None:
        """Start no new job; the ones already running finish."""
        if not self._paused:
            self._paused = True
            self.paused_changed.emit(True)

    def resume(self) -> None:
        if self._paused:
            self._paused = False
            self.paused_changed.emit(False)
            self._pump()

    def apply_settings(self, settings: Settings) -> None:
        """Save settings; new jobs use them (the engine is rebuilt once nothing runs)."""
        save_settings(settings, self.paths.settings_file)
        self._settings = settings
        self.io_pool.setMaxThreadCount(max(1, settings.extraction_concurrency))
        self._pipeline_stale = True
        self._pump()

    def write_transcript_file(self, job_id: str) -> Path | None:
        """Write the job's transcript as text in the data folder (for "open transcript")."""
        job = self._jobs.get(job_id)
        if job is None or job.transcript is None:
            return None
        folder = self.paths.data_dir / "transcripts"
        folder.mkdir(parents=True, exist_ok=True)
        out = folder / f"{Path(job.path).stem}-{job_id[:8]}.txt"
        out.write_text(job.transcript.text + "\n", encoding="utf-8")
        return out

    def shutdown(self) -> None:
        """Stop everything: no thread, worker or ffmpeg is left; running jobs resume next time."""
        if self._closed:
            return
        self._closed = True
        for event in self._scans:
            event.set()
        for timer in self._retry_timers.values():
            timer.stop()
        for job_id, run in self._runs.items():
            run.cancel.set()
            job = self._jobs.get(job_id)
            if job is not None and not job.status.finished:
                # a deliberate quit is not a crash: the job continues at the next launch
                job.status, job.progress, job.eta_s = JobStatus.QUEUED, 0.0, None
                job.attempts = max(0, job.attempts - 1)
                self.store.update(job)
                self.store.add_log(job_id, logging.INFO, "The app was closed; the job will run at the next launch")
        for pool in (self.scan_pool, self.io_pool):
            pool.waitForDone(SHUTDOWN_WAIT_MS)
        if not self.engine_pool.waitForDone(SHUTDOWN_WAIT_MS):
            log.warning("The engine did not stop in time; closing the worker")
        if self._pipeline is not None:
            self._pipeline.close()  # stops the worker process
        self.engine_pool.waitForDone(SHUTDOWN_WAIT_MS)
        self._runs.clear()
        self.store.close()

    # -- internals: adding -------------------------------------------------------------

    def _load_history(self) -> None:
        recovered = self.store.recover_interrupted()
        if getattr(self.store, "recovered_from", None):
            self.startup_notices.append(
                self.tr("The history file was damaged; it was moved to {0} and a new one was started.").format(
                    self.store.recovered_from
                )
            )
        for job in self.store.all():
            self._jobs[job.id] = job
            if not job.status.finished:
                self._session_ids.append(job.id)
        for job in recovered or ():
            log.info("Recovered %s after an unclean exit: %s", job.path, job.status.value)
        if self._session_ids:
            self._idle_reported = False
            QTimer.singleShot(0, self._pump)

    def _add_file(self, path: Path) -> str | None:
        path = path.absolute()
        for job in self._jobs.values():
            if Path(job.path) == path and not job.status.finished:
                return None  # already waiting or running
        job = Job(path=path)
        self._jobs[job.id] = job
        self._remember_session(job.id)
        self.store.add(job)
        self._log(job.id, f"Queued {path}")
        self._idle_reported = False
        self.job_added.emit(job.id)
        return job.id

    def _remember_session(self, job_id: str) -> None:
        if self._is_batch_over():
            self._session_ids = [i for i in self._session_ids if i in self._jobs and not self._jobs[i].status.finished]
        if job_id not in self._session_ids:
            self._session_ids.append(job_id)

    def _is_batch_over(self) -> bool:
        # a new batch starts when something is added to a queue that had gone idle
        return self._idle_reported

    def _start_scan(self, folder: Path) -> None:
        cancel = threading.Event()
        self._scans.append(cancel)
        self._idle_reported = False
        timeout = self._settings.limits.probe_timeout_s

        def done(result: ScanResult | None, error: BaseException | None) -> None:
            self._scans.remove(cancel)
            if self._closed:
                return
            if error is not None:
                log.error("Scanning %s failed", folder, exc_info=error)
                result = ScanResult([], 0)
            assert result is not None
            queued = [p for p in result.media if self._add_file(p)]
            self.scan_finished.emit(len(queued), result.skipped)
            self._pump()

        run_task(lambda: scan_folder(folder, timeout, cancel), done, self.scan_pool)

    # -- internals: scheduling ---------------------------------------------------------

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
        if old is not None:
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
        self._set_status(job, JobStatus.CHECKING, log_line="Checking the file")
        pipeline, job_id = self.pipeline, job.id

        def on_stage(status: JobStatus, prepared: PreparedJob | None) -> None:
            post_to_gui(lambda: self._on_io_stage(job_id, run, status, prepared))

        run_task(
            lambda: prepare_and_extract(pipeline, Path(job.path), run.cancel, on_stage),
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
        policy = self.pipeline.retry
        if isinstance(error, DaredevilError) and policy.should_retry(error, retries):
            self._retries[job.id] = retries + 1
            delay = policy.delay(retries + 1)
            job.progress, job.eta_s = 0.0, None
            job.error = message
            self._set_status(job, JobStatus.QUEUED, log_line=f"{message} Retrying in {delay:g} s")
            self._schedule_retry(job.id, delay)
            return
        job.error = message
        job.eta_s = None
        self._set_status(job, JobStatus.FAILED, log_line=f"Failed: {message}", level=logging.WARNING)
        self._pump()

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

    def _set_status(self, job: Job, status: JobStatus, log_line: str = "", level: int = logging.INFO) -> None:
        job.status = status
        if log_line:
            self._log(job.id, log_line, level)
        if job.id in self._jobs:
            self.store.update(job)
            self.job_changed.emit(job.id)

    def _log(self, job_id: str, line: str, level: int = logging.INFO) -> None:
        log.log(level, "job %s: %s", job_id[:8], line)
        if not self._closed:
            self.store.add_log(job_id, level, line)
