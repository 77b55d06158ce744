"""The queue: one controller owns the jobs, their history and the threads that run them.

Checks, cache look-ups and extraction run on an I/O pool (settings.extraction_concurrency
threads); transcription runs on a one-thread engine pool, one job at a time. Every state
change happens on the GUI thread, which is also the only thread that writes the store.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Iterable
from pathlib import Path

from PySide6.QtCore import QObject, QThreadPool, QTimer, Signal

from desktop_app.core.jobs import Job, JobStatus
from desktop_app.core.paths import AppPaths, app_paths
from desktop_app.core.pipeline import Pipeline
from desktop_app.core.settings import Settings, load_settings, save_settings
from desktop_app.core.store import JobStore
from desktop_app.core.transcript import Segment, Transcript
from desktop_app.runner.execution import JobExecution, _Run
from desktop_app.runner.jobs_view import QueueSummary, summarize
from desktop_app.runner.stages import ScanResult, scan_folder
from desktop_app.runner.tasks import run_task

log = logging.getLogger(__name__)

SHUTDOWN_WAIT_MS = 10_000  # the longest quitting waits for the I/O steps it cancelled


class QueueController(JobExecution, QObject):
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
        self._store_failed = False  # the person has been told the history can't be written
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
        except Exception:  # an unreadable history: show the original
            log.exception("Could not read the edited transcript of %s", job_id)
            edited = None
        return edited if edited is not None else job.transcript

    def save_edited(self, job_id: str, transcript: Transcript) -> None:
        """Keep an edited transcript in the history (the original stays as it was)."""
        self._write_store(lambda: self.store.save_edited(job_id, transcript))
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
            self._write_store(lambda job_id=job_id: self.store.remove(job_id))
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
        job, transcript = self._jobs.get(job_id), self.transcript_for(job_id)
        if job is None or transcript is None:
            return None
        folder = self.paths.data_dir / "transcripts"
        folder.mkdir(parents=True, exist_ok=True)
        out = folder / f"{Path(job.path).stem}-{job_id[:8]}.txt"
        out.write_text(transcript.text + "\n", encoding="utf-8")
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
        for run in self._runs.values():
            run.cancel.set()  # first, so every step starts stopping while the history is written
        for job_id in self._runs:
            job = self._jobs.get(job_id)
            if job is not None and not job.status.finished:
                # a deliberate quit is not a crash: the job continues at the next launch
                job.status, job.progress, job.eta_s = JobStatus.QUEUED, 0.0, None
                job.attempts = max(0, job.attempts - 1)
                self._write_store(lambda job=job: self.store.update(job))
                line = "The app was closed; the job will run at the next launch"
                self._write_store(lambda job_id=job_id: self.store.add_log(job_id, logging.INFO, line))
                self.job_changed.emit(job_id)
        for pool in (self.scan_pool, self.io_pool):
            pool.waitForDone(SHUTDOWN_WAIT_MS)
        self._stop_engine()
        self._runs.clear()
        self._write_store(self.store.close)

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
        self._write_store(lambda: self.store.add(job))
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

    def _set_status(self, job: Job, status: JobStatus, log_line: str = "", level: int = logging.INFO) -> None:
        job.status = status
        if log_line:
            self._log(job.id, log_line, level)
        if job.id in self._jobs:
            self._write_store(lambda: self.store.update(job))
            self.job_changed.emit(job.id)

    def _log(self, job_id: str, line: str, level: int = logging.INFO) -> None:
        log.log(level, "job %s: %s", job_id[:8], line)
        if not self._closed:
            self._write_store(lambda: self.store.add_log(job_id, level, line))

    def _write_store(self, write: Callable[[], object]) -> None:
        """Write the history; a failure (disk full, I/O error) is logged and shown once, never raised."""
        try:
            write()
        except Exception:
            log.exception("Could not write the job history")
            if not self._store_failed:
                self._store_failed = True
                self.notice.emit(
                    self.tr("Daredevil can't save its history (is the disk full?). The queue keeps running, "
                            "but changes may be lost when you quit.")
                )  # fmt: skip
