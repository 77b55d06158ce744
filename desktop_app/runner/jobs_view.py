"""Plain summaries of the queue for the status bar, the title and the exit code."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from desktop_app.core.jobs import Job, JobStatus

SUCCEEDED = (JobStatus.DONE, JobStatus.CACHED)


@dataclass(frozen=True)
class QueueSummary:
    total: int = 0
    finished: int = 0
    succeeded: int = 0
    failed: int = 0
    fraction: float = 0.0  # of the whole batch, 0..1

    @property
    def active(self) -> bool:
        return self.finished < self.total


def summarize(jobs: Iterable[Job]) -> QueueSummary:
    """Count a batch of jobs; a finished job counts as a whole one in the fraction."""
    total = finished = succeeded = failed = 0
    progress = 0.0
    for job in jobs:
        total += 1
        if job.status.finished:
            finished += 1
            progress += 1.0
            succeeded += job.status in SUCCEEDED
            failed += job.status == JobStatus.FAILED
        elif job.status == JobStatus.IDENTIFYING_SPEAKERS:
            progress += 1.0  # its transcription is done; the speaker step is short
        elif job.status == JobStatus.TRANSCRIBING:
            # checking and extracting are quick; transcription is most of a job's time
            progress += job.progress
    return QueueSummary(total, finished, succeeded, failed, progress / total if total else 0.0)
