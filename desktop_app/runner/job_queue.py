"""The queue and its history: the jobs, their store, their logs and the batch this launch runs.

Jobs are immutable snapshots; the only way to change one is `apply(job_id, event)`, which
runs the core transition function, writes the history and tells the window. Files are
queued at once; folders are walked off the GUI thread and only their media is queued.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QThreadPool, Signal

from desktop_app.core.jobs import Event, Job, JobStatus, Progressed, RetriedByUser, Transition, next_state
from desktop_app.core.paths import AppPaths
from desktop_app.core.store import JobStore
from desktop_app.core.transcript import Segment, Transcript
from desktop_app.runner.folder_scan import ScanResult, scan_folder
from desktop_app.runner.jobs_view import SUCCEEDED, QueueSummary, summarize
from desktop_app.runner.speaker_words import with_translated_names
from desktop_app.runner.tasks import run_task

log = logging.getLogger(__name__)


class JobQueue(QObject):
    """Owns the jobs and the history file; every signal is sent on the GUI thread."""

    job_added = Signal(str)
    job_changed = Signal(str)
    job_removed = Signal(str)
    segment_added = Signal(str, object)  # job id, Segment
    scan_finished = Signal(int, int)  # files queued, files skipped
    notice = Signal(str)  # a message for the status bar

    def __init__(self, paths: AppPaths, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.paths = paths
        self.store = JobStore(paths.store_file)
        self.scan_pool = QThreadPool(self)
        self.scan_pool.setMaxThreadCount(1)
        self._jobs: dict[str, Job] = {}
        self._segments: dict[str, list[Segment]] = {}  # those of the transcription in progress
        self._waiting: dict[str, str] = {}  # why a running job waits (e.g. for its server); not kept
        self._scans: list[threading.Event] = []
        self._batch: list[str] = []  # the jobs this launch runs (exit code, overall progress)
        self._batch_over = True  # the next job added starts a new batch
        self._quitting = False  # folder walks stopped: what they find is not queued
        self._closed = False  # the history is closed: changes stay in memory
        self._store_failed = False  # the person has been told the history can't be written
        self.startup_notices: list[str] = []
        self._load_history()

    # -- reading -----------------------------------------------------------------------

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
        chosen = edited if edited is not None else job.transcript
        return with_translated_names(chosen) if chosen is not None else None  # older history: English names

    def logs(self, job_id: str) -> list[str]:
        """The job's log lines, formatted for reading."""
        return [
            f"{time.strftime('%H:%M:%S', time.localtime(line.time))} {line.level:<7} {line.message}"
            for line in self.store.logs(job_id)
        ]

    def summary(self) -> QueueSummary:
        return summarize(self._jobs[i] for i in self._batch if i in self._jobs)

    def all_succeeded(self) -> bool:
        """Whether every job of this batch ended done or cached (True when there were none)."""
        return all(self._jobs[i].status in SUCCEEDED for i in self._batch if i in self._jobs)

    @property
    def scanning(self) -> bool:
        return bool(self._scans)

    # -- changing ----------------------------------------------------------------------

    def add_paths(self, paths: list[Path], probe_timeout_s: float, on_scanned: Callable[[], None]) -> list[str]:
        """Queue files now; walk folders in the background (then call `on_scanned`)."""
        added: list[str] = []
        for path in paths:
            if path.is_dir():
                self._start_scan(path, probe_timeout_s, on_scanned)
            elif job_id := self._add_file(path):
                added.append(job_id)
        return added

    def apply(self, job_id: str, event: Event) -> Transition | None:
        """Move the job by `event` (None if it is gone), write the history, tell the window."""
        job = self._jobs.get(job_id)
        if job is None:
            return None
        step = next_state(job, event)
        self._jobs[job_id] = step.job
        if isinstance(event, RetriedByUser):
            self._join_batch(job_id)
        if step.job.transcript is not None or step.job.status == JobStatus.QUEUED:
            self._segments.pop(job_id, None)  # the final text is in the transcript now, or it starts over
        if step.job.status.finished or step.job.status == JobStatus.QUEUED:
            self._waiting.pop(job_id, None)
        if step.note:
            self.log(job_id, step.note, step.level)
        if step.job != job:
            if not isinstance(event, Progressed):  # progress is not kept in the history
                self._write(lambda: self.store.update(step.job))
            self.job_changed.emit(job_id)
        return step

    def waiting(self, job_id: str) -> str | None:
        """Why the running job waits, for its row; None when it does not."""
        return self._waiting.get(job_id)

    def set_waiting(self, job_id: str, why: str | None) -> None:
        if job_id in self._jobs and self._waiting.get(job_id) != why:
            if why is None:
                self._waiting.pop(job_id, None)
            else:
                self._waiting[job_id] = why
            self.job_changed.emit(job_id)

    def add_segment(self, job_id: str, segment: Segment) -> None:
        """A segment of the transcription in progress (the window shows it live)."""
        if job_id in self._jobs:
            self._segments.setdefault(job_id, []).append(segment)
            self.segment_added.emit(job_id, segment)

    def remove(self, job_id: str) -> None:
        """Forget the job and delete it from the history."""
        if self._jobs.pop(job_id, None) is None:
            return
        self._segments.pop(job_id, None)
        if job_id in self._batch:
            self._batch.remove(job_id)
        self._write(lambda: self.store.remove(job_id))
        self.job_removed.emit(job_id)

    def save_edited(self, job_id: str, transcript: Transcript) -> None:
        """Keep an edited transcript in the history (the original stays as it was)."""
        self._write(lambda: self.store.save_edited(job_id, transcript))
        self.log(job_id, f"Edited transcript saved ({len(transcript.segments)} segments)")
        self.job_changed.emit(job_id)

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

    def end_batch(self) -> None:
        """The queue went idle: what is added next starts a new batch."""
        self._batch_over = True

    def log(self, job_id: str, line: str, level: int = logging.INFO) -> None:
        log.log(level, "job %s: %s", job_id[:8], line)
        self._write(lambda: self.store.add_log(job_id, level, line))

    def stop_scans(self) -> None:
        """Quitting: folder walks stop where they are; what they found is not queued."""
        self._quitting = True
        for cancel in self._scans:
            cancel.set()

    def close(self) -> None:
        """Close the history (after the last transition was written); later changes stay in memory."""
        self.stop_scans()
        self.scan_pool.waitForDone()
        self._write(self.store.close)
        self._closed = True

    # -- internals ---------------------------------------------------------------------

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
                self._batch.append(job.id)
                self._batch_over = False
        for job in recovered or ():
            log.info("Recovered %s after an unclean exit: %s", job.path, job.status.value)

    def _add_file(self, path: Path) -> str | None:
        path = path.absolute()
        if any(Path(job.path) == path and not job.status.finished for job in self._jobs.values()):
            return None  # already waiting or running
        job = Job(path=path)
        self._jobs[job.id] = job
        self._join_batch(job.id)
        self._write(lambda: self.store.add(job))
        self.log(job.id, f"Queued {path}")
        self.job_added.emit(job.id)
        return job.id

    def _join_batch(self, job_id: str) -> None:
        if self._batch_over:  # a new batch starts when something is added to a queue that went idle
            self._batch = [i for i in self._batch if i in self._jobs and not self._jobs[i].status.finished]
            self._batch_over = False
        if job_id not in self._batch:
            self._batch.append(job_id)

    def _start_scan(self, folder: Path, probe_timeout_s: float, on_scanned: Callable[[], None]) -> None:
        cancel = threading.Event()
        self._scans.append(cancel)

        def done(result: ScanResult | None, error: BaseException | None) -> None:
            self._scans.remove(cancel)
            if self._quitting:
                return
            if error is not None:
                log.error("Scanning %s failed", folder, exc_info=error)
                result = ScanResult([], 0)
            assert result is not None
            queued = [p for p in result.media if self._add_file(p)]
            self.scan_finished.emit(len(queued), result.skipped)
            on_scanned()

        run_task(lambda: scan_folder(folder, probe_timeout_s, cancel), done, self.scan_pool)

    def _write(self, write: Callable[[], object]) -> None:
        """Write the history; a failure (disk full, I/O error) is logged and shown once, never raised."""
        if self._closed:
            return
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
