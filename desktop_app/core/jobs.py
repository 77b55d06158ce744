"""A job: one file's way through the pipeline, and the retry policy."""

from __future__ import annotations

import time
import uuid
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path

from desktop_app.core.transcript import Transcript


class JobStatus(str, Enum):
    QUEUED = "queued"
    CHECKING = "checking"
    EXTRACTING = "extracting"
    TRANSCRIBING = "transcribing"
    DONE = "done"
    CACHED = "cached"
    FAILED = "failed"
    CANCELLED = "cancelled"

    @property
    def finished(self) -> bool:
        return self in (JobStatus.DONE, JobStatus.CACHED, JobStatus.FAILED, JobStatus.CANCELLED)

    @property
    def running(self) -> bool:
        return self in (JobStatus.CHECKING, JobStatus.EXTRACTING, JobStatus.TRANSCRIBING)


#: A job that was running when the app died is re-queued at most this many times.
MAX_CRASH_RESTARTS = 2


@dataclass
class Job:
    path: Path
    id: str = field(default_factory=lambda: uuid.uuid4().hex)
    status: JobStatus = JobStatus.QUEUED
    created_at: float = field(default_factory=time.time)
    progress: float = 0.0  # 0..1
    eta_s: float | None = None
    duration_s: float | None = None
    size_bytes: int | None = None
    model: str | None = None
    language: str | None = None
    error: str | None = None
    attempts: int = 0  # times the job started running (crash re-queue counts)
    transcript: Transcript | None = None


@dataclass(frozen=True)
class RetryPolicy:
    """Retry transient failures with exponential backoff."""

    max_retries: int = 2
    backoff_s: float = 2.0
    max_backoff_s: float = 60.0

    def delay(self, retry_number: int) -> float:
        """Seconds to wait before retry `retry_number` (1-based)."""
        return min(self.max_backoff_s, self.backoff_s * 2 ** (retry_number - 1))

    def should_retry(self, error: BaseException, retries_done: int) -> bool:
        return bool(getattr(error, "transient", False)) and retries_done < self.max_retries
