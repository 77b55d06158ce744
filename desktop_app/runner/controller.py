"""The controller: the one object the window talks to, made of three parts.

- `queue` (JobQueue): the jobs, their history, logs and the batch this launch runs;
- `execution` (JobExecution): the I/O pool, the engine thread and retries, which drive
  each job's state machine;
- `setup` (PipelineSetup): the settings in force, the pipeline built from them and the
  model manager.

Checks, cache look-ups and extraction run on an I/O pool (settings.extraction_concurrency
threads); transcription runs on a one-thread engine pool, one job at a time. Every state
change happens on the GUI thread, which is also the only thread that writes the store.
The window reads immutable `Job` snapshots and listens to the signals below.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path

from PySide6.QtCore import QObject

from desktop_app.core.jobs import Cancelled, Job, JobStatus, RetriedByUser
from desktop_app.core.paths import AppPaths, app_paths
from desktop_app.core.pipeline import Pipeline
from desktop_app.core.settings import Settings, load_settings
from desktop_app.core.transcript import Segment, Transcript
from desktop_app.runner.execution import JobExecution
from desktop_app.runner.job_queue import JobQueue
from desktop_app.runner.jobs_view import QueueSummary
from desktop_app.runner.model_manager import ModelManager
from desktop_app.runner.pipeline_setup import PipelineFactory, PipelineSetup


class QueueController(QObject):
    """Owns the queue; the window only calls its actions, reads snapshots and listens to its signals.

    Signals (those of its parts): job_added(id), job_changed(id), job_removed(id),
    segment_added(id, Segment), scan_finished(queued, skipped), notice(text) from the queue;
    queue_idle(), engine_status(EngineStatus), paused_changed(bool) from the execution.
    """

    def __init__(
        self,
        settings: Settings | None = None,
        paths: AppPaths | None = None,
        parent: QObject | None = None,
        *,
        make_pipeline: PipelineFactory = Pipeline,
        download_urls: Mapping[str, str] | None = None,
    ) -> None:
        super().__init__(parent)
        self.paths = (paths or app_paths()).ensure()
        settings = settings or load_settings(self.paths.settings_file)
        self.setup = PipelineSetup(settings, self.paths, self, make_pipeline=make_pipeline, download_urls=download_urls)
        self.queue = JobQueue(self.paths, self)
        self.execution = JobExecution(self.queue, self.setup, self)
        self._closed = False
        q, e = self.queue, self.execution
        self.job_added, self.job_changed, self.job_removed = q.job_added, q.job_changed, q.job_removed
        self.segment_added, self.scan_finished, self.notice = q.segment_added, q.scan_finished, q.notice
        self.queue_idle, self.engine_status, self.paused_changed = e.queue_idle, e.engine_status, e.paused_changed
        self.startup_notices: list[str] = q.startup_notices  # messages from start-up, for the status bar

    # -- reading -----------------------------------------------------------------------

    @property
    def settings(self) -> Settings:
        return self.setup.settings

    @property
    def pipeline(self) -> Pipeline:
        return self.setup.pipeline

    @property
    def models(self) -> ModelManager:
        """Downloads, imports and the result cache, for the settings dialog."""
        return self.setup.models

    @property
    def paused(self) -> bool:
        return self.execution.paused

    def jobs(self) -> list[Job]:
        return self.queue.jobs()

    def job(self, job_id: str) -> Job | None:
        return self.queue.job(job_id)

    def segments(self, job_id: str) -> tuple[Segment, ...]:
        return self.queue.segments(job_id)

    def waiting(self, job_id: str) -> str | None:
        """Why a running job waits (for example for its server), for its row; None when it does not."""
        return self.queue.waiting(job_id)

    def transcript_for(self, job_id: str) -> Transcript | None:
        """The person's edited transcript when there is one, else the original result."""
        return self.queue.transcript_for(job_id)

    def logs(self, job_id: str) -> list[str]:
        return self.queue.logs(job_id)

    def summary(self) -> QueueSummary:
        return self.queue.summary()

    def has_active_jobs(self) -> bool:
        return any(not job.status.finished for job in self.queue.jobs())

    def is_idle(self) -> bool:
        return self.execution.is_idle()

    def all_succeeded(self) -> bool:
        """Whether every job of this launch ended done or cached (True when there were none)."""
        return self.queue.all_succeeded()

    # -- actions -----------------------------------------------------------------------

    def add_paths(self, paths: Iterable[str | Path]) -> list[str]:
        """Queue files now; walk folders in the background (only media is queued from them)."""
        timeout = self.settings.limits.probe_timeout_s
        added = self.queue.add_paths([Path(p).expanduser() for p in paths], timeout, self.execution.pump)
        self.execution.pump()
        return added

    def cancel(self, job_ids: Iterable[str]) -> None:
        for job_id in list(job_ids):
            job = self.queue.job(job_id)
            if job is not None and not job.status.finished:
                self.execution.apply(job_id, Cancelled())
        self.execution.pump()

    def cancel_all(self) -> None:
        self.cancel([job.id for job in self.queue.jobs()])

    def retry(self, job_ids: Iterable[str]) -> None:
        """Queue failed or cancelled jobs again, from the start."""
        for job_id in list(job_ids):
            job = self.queue.job(job_id)
            if job is not None and job.status in (JobStatus.FAILED, JobStatus.CANCELLED):
                self.execution.apply(job_id, RetriedByUser())
        self.execution.pump()

    def remove(self, job_ids: Iterable[str]) -> None:
        """Forget jobs (cancelling those that run) and delete them from the history."""
        for job_id in list(job_ids):
            self.execution.stop_work(job_id)
            self.queue.remove(job_id)
        self.execution.pump()

    def clear_finished(self) -> None:
        self.remove([job.id for job in self.queue.jobs() if job.status.finished])

    def pause(self) -> None:
        """Start no new job; the ones already running finish."""
        self.execution.set_paused(True)

    def resume(self) -> None:
        self.execution.set_paused(False)

    def apply_settings(self, settings: Settings) -> None:
        """Save settings (OSError if they can't be); new jobs use them, the engine is rebuilt once nothing runs."""
        self.setup.change(settings)
        self.execution.settings_changed()

    def save_edited(self, job_id: str, transcript: Transcript) -> None:
        """Keep an edited transcript in the history (the original stays as it was)."""
        self.queue.save_edited(job_id, transcript)

    def write_transcript_file(self, job_id: str) -> Path | None:
        """Write the job's transcript as text in the data folder (for "open transcript")."""
        return self.queue.write_transcript_file(job_id)

    def shutdown(self) -> None:
        """Stop everything: no thread, worker or ffmpeg is left; running jobs resume next time."""
        if self._closed:
            return
        self._closed = True
        self.queue.stop_scans()
        self.execution.shutdown()
        self.setup.models.shutdown()
        self.queue.close()
