"""A job: one file's way through the pipeline, its states, and the one function that moves it.

A `Job` is immutable. Everything that changes a job's state (the window's runner, crash
recovery in the store) calls `next_state(job, event)`, which returns the new job and what
its driver must do about it. The retry policy, shared with the CLI, lives here too.
"""

from __future__ import annotations

import logging
import time
import uuid
from dataclasses import dataclass, field, replace
from enum import Enum
from pathlib import Path
from typing import Union

from desktop_app.core.errors import CancelledError
from desktop_app.core.settings import Limits
from desktop_app.core.transcript import Transcript

#: A job that was running when the app died is re-queued at most this many times.
MAX_CRASH_RESTARTS = 2
CRASHED_TWICE = "The app stopped twice while transcribing this file."


class JobStatus(str, Enum):
    QUEUED = "queued"  # waits for its turn
    CHECKING = "checking"
    EXTRACTING = "extracting"
    AUDIO_READY = "audio_ready"  # decoded; waits for the engine, which takes one job at a time
    TRANSCRIBING = "transcribing"
    IDENTIFYING_SPEAKERS = "speakers"  # the speaker step, after transcription
    RETRY_WAIT = "retry_wait"  # a transient failure; waits out its backoff
    DONE = "done"
    CACHED = "cached"
    FAILED = "failed"
    CANCELLED = "cancelled"

    @property
    def finished(self) -> bool:
        return self in _FINISHED

    @property
    def running(self) -> bool:
        """A step is at work on the job (an app that dies now leaves it "interrupted")."""
        return self in _RUNNING

    @property
    def stored(self) -> JobStatus:
        """The status kept in the history: a job that waits starts over at the next launch."""
        if self == JobStatus.IDENTIFYING_SPEAKERS:
            return JobStatus.TRANSCRIBING  # the engine's step, as earlier versions store it
        return JobStatus.QUEUED if self in (JobStatus.AUDIO_READY, JobStatus.RETRY_WAIT) else self


_FINISHED = frozenset({JobStatus.DONE, JobStatus.CACHED, JobStatus.FAILED, JobStatus.CANCELLED})
_RUNNING = frozenset({JobStatus.CHECKING, JobStatus.EXTRACTING, JobStatus.TRANSCRIBING,
                      JobStatus.IDENTIFYING_SPEAKERS})  # fmt: skip
#: The engine holds the job: transcribing, then labelling speakers.
ENGINE_STATUSES = frozenset({JobStatus.TRANSCRIBING, JobStatus.IDENTIFYING_SPEAKERS})
_UNFINISHED = frozenset(JobStatus) - _FINISHED
#: A step holds work for the job (a thread, decoded audio, the engine): cancelling stops it.
_HOLDS_WORK = _RUNNING | {JobStatus.AUDIO_READY}


@dataclass(frozen=True)
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
    attempts: int = 0  # starts a crash could have interrupted (the crash re-queue counts them)
    retries: int = 0  # automatic retries in this session (not kept in the history)
    transcript: Transcript | None = None


# --- events --------------------------------------------------------------------------


@dataclass(frozen=True)
class JobDetails:
    """What the checks learned about the file, shown on the job's row."""

    duration_s: float | None
    size_bytes: int
    model: str
    language: str | None


@dataclass(frozen=True)
class Started:
    """The I/O steps begin: check, probe, cache look-up, extraction."""


@dataclass(frozen=True)
class Extracting:
    details: JobDetails | None = None


@dataclass(frozen=True)
class AudioReady:
    seconds: float
    details: JobDetails | None = None


@dataclass(frozen=True)
class FoundInCache:
    transcript: Transcript
    details: JobDetails | None = None


@dataclass(frozen=True)
class EngineStarted:
    """The engine took the job's audio; `how` says with what, e.g. "faster-whisper on cpu (int8)"."""

    how: str = ""


@dataclass(frozen=True)
class SpeakersStarted:
    """Transcription is over; the speaker step starts (its progress starts again at 0)."""


@dataclass(frozen=True)
class Progressed:
    fraction: float
    eta_s: float | None = None


@dataclass(frozen=True)
class Transcribed:
    transcript: Transcript
    elapsed_s: float
    note: str | None = None  # e.g. "2 speakers found." from the speaker step


@dataclass(frozen=True)
class Failed:
    message: str  # for a person: what went wrong and what to do
    retry_in_s: float | None = None  # the retry policy's answer; None: fail now


@dataclass(frozen=True)
class Cancelled:
    """The person cancelled it, or a step stopped on its cancel flag."""


@dataclass(frozen=True)
class RetryDue:
    """Its backoff is over."""


@dataclass(frozen=True)
class RetriedByUser:
    """The person asked for a failed or cancelled job to run again, from the start."""


@dataclass(frozen=True)
class AppClosing:
    """A deliberate quit (or SIGTERM): not a crash, the job runs at the next launch."""


@dataclass(frozen=True)
class FoundInterrupted:
    """At start-up: the history says the job was running when the app stopped."""


Event = Union[
    Started, Extracting, AudioReady, FoundInCache, EngineStarted, SpeakersStarted, Progressed, Transcribed,
    Failed, Cancelled, RetryDue, RetriedByUser, AppClosing, FoundInterrupted,
]  # fmt: skip

#: The statuses each event may happen in; any other pair is a bug in the driver.
ALLOWED: dict[type, frozenset[JobStatus]] = {
    Started: frozenset({JobStatus.QUEUED}),
    Extracting: frozenset({JobStatus.CHECKING}),
    AudioReady: frozenset({JobStatus.CHECKING, JobStatus.EXTRACTING}),
    FoundInCache: frozenset({JobStatus.CHECKING, JobStatus.EXTRACTING}),
    EngineStarted: frozenset({JobStatus.AUDIO_READY}),
    SpeakersStarted: frozenset({JobStatus.TRANSCRIBING}),
    Progressed: ENGINE_STATUSES,
    Transcribed: ENGINE_STATUSES,
    Failed: _UNFINISHED,
    Cancelled: _UNFINISHED,
    RetryDue: frozenset({JobStatus.RETRY_WAIT}),
    RetriedByUser: frozenset({JobStatus.FAILED, JobStatus.CANCELLED}),
    AppClosing: _UNFINISHED,
    FoundInterrupted: _RUNNING,
}


class IllegalTransition(ValueError):
    """An event arrived in a state where it can't happen."""


@dataclass(frozen=True)
class Transition:
    """The job after an event, the line for its log, and what the driver must do."""

    job: Job
    note: str = ""  # for the job's log ("" for none)
    level: int = logging.INFO
    stop_work: bool = False  # cancel the attempt in flight, drop its audio, stop its backoff timer
    retry_in_s: float | None = None  # start the backoff timer; RetryDue when it fires


def next_state(job: Job, event: Event) -> Transition:
    """The one transition function: `job` after `event`; IllegalTransition if it can't happen."""
    if job.status not in ALLOWED.get(type(event), ()):
        raise IllegalTransition(f"{type(event).__name__} can't happen to a {job.status.value} job")
    s = JobStatus
    if isinstance(event, Started):
        attempts = job.attempts + 1 if job.retries == 0 else job.attempts  # a retry isn't a new start
        new = replace(job, status=s.CHECKING, attempts=attempts, error=None, progress=0.0, eta_s=None)
        return Transition(new, "Checking the file")
    if isinstance(event, Extracting):
        return Transition(replace(_described(job, event.details), status=s.EXTRACTING), "Extracting the audio")
    if isinstance(event, AudioReady):
        new = replace(_described(job, event.details), status=s.AUDIO_READY)
        return Transition(new, f"Audio ready: {event.seconds:.1f} s; waiting for the engine")
    if isinstance(event, FoundInCache):
        return Transition(_finished(_described(job, event.details), s.CACHED, event.transcript), "Found in the cache")
    if isinstance(event, EngineStarted):
        how = f" ({event.how})" if event.how else ""
        return Transition(replace(job, status=s.TRANSCRIBING), f"Transcribing with {job.model}{how}")
    if isinstance(event, SpeakersStarted):
        return Transition(replace(job, status=s.IDENTIFYING_SPEAKERS, progress=0.0, eta_s=None),
                          "Identifying the speakers")  # fmt: skip
    if isinstance(event, Progressed):
        return Transition(replace(job, progress=max(0.0, min(1.0, event.fraction)), eta_s=event.eta_s))
    if isinstance(event, Transcribed):
        segments = len(event.transcript.segments)
        note = f"Done in {event.elapsed_s:.1f} s: {segments} segments"
        if event.note:
            note += f". {event.note}"
        return Transition(_finished(job, s.DONE, event.transcript), note)
    if isinstance(event, Failed):
        return _failed(job, event)
    if isinstance(event, Cancelled):
        holds_work = job.status in _HOLDS_WORK or job.status == s.RETRY_WAIT
        return Transition(replace(job, status=s.CANCELLED), "Cancelled", stop_work=holds_work)
    if isinstance(event, RetryDue):
        return Transition(replace(job, status=s.QUEUED))
    if isinstance(event, RetriedByUser):
        new = replace(job, status=s.QUEUED, error=None, progress=0.0, eta_s=None, attempts=0, retries=0,
                      transcript=None)  # fmt: skip
        return Transition(new, "Queued again by the user")
    if isinstance(event, AppClosing):
        return _closing(job)
    assert isinstance(event, FoundInterrupted)
    return _interrupted(job)


def _described(job: Job, details: JobDetails | None) -> Job:
    if details is None:
        return job
    return replace(job, duration_s=details.duration_s, size_bytes=details.size_bytes, model=details.model,
                   language=details.language)  # fmt: skip


def _finished(job: Job, status: JobStatus, transcript: Transcript) -> Job:
    return replace(job, status=status, transcript=transcript, language=transcript.language or job.language,
                   progress=1.0, eta_s=None, error=None)  # fmt: skip


def _failed(job: Job, event: Failed) -> Transition:
    if event.retry_in_s is not None and job.status in _HOLDS_WORK:  # only an attempt at work is retried
        new = replace(job, status=JobStatus.RETRY_WAIT, retries=job.retries + 1, error=event.message,
                      progress=0.0, eta_s=None)  # fmt: skip
        note = f"{event.message} Retrying in {event.retry_in_s:g} s"
        return Transition(new, note, stop_work=True, retry_in_s=event.retry_in_s)
    new = replace(job, status=JobStatus.FAILED, error=event.message, eta_s=None)
    return Transition(new, f"Failed: {event.message}", logging.WARNING, stop_work=True)


def _closing(job: Job) -> Transition:
    # A start that a quit ends was not a crash: take back its count, so that the crash re-queue
    # doesn't see it. Retries in this session share the count of the start that began them.
    counted = job.status in _HOLDS_WORK or job.retries > 0
    attempts = max(0, job.attempts - 1) if counted else job.attempts
    new = replace(job, status=JobStatus.QUEUED, attempts=attempts, progress=0.0, eta_s=None)
    if job.status not in _HOLDS_WORK:  # waiting: nothing of it runs
        return Transition(new)
    return Transition(new, "The app was closed; the job will run at the next launch", stop_work=True)


def _interrupted(job: Job) -> Transition:
    if job.attempts < MAX_CRASH_RESTARTS:
        new = replace(job, status=JobStatus.QUEUED, error=None, progress=0.0, eta_s=None)
        return Transition(new, "The app stopped during this job; it was queued again.", logging.WARNING)
    new = replace(job, status=JobStatus.FAILED, error=CRASHED_TWICE, progress=0.0, eta_s=None)
    return Transition(new, CRASHED_TWICE, logging.WARNING)


# --- retries -------------------------------------------------------------------------


@dataclass(frozen=True)
class RetryPolicy:
    """Retry transient failures with exponential backoff (the CLI and the window use it alike)."""

    max_retries: int = 2
    backoff_s: float = 2.0
    max_backoff_s: float = 60.0

    @classmethod
    def from_limits(cls, limits: Limits) -> RetryPolicy:
        """The policy the settings' limits describe."""
        return cls(limits.max_retries, limits.retry_backoff_s)

    def retry_in(self, error: BaseException, retries_done: int) -> float | None:
        """Seconds to wait before retrying after `error`, or None: it fails now.

        Only errors marked transient are retried, and never a cancel."""
        if isinstance(error, CancelledError) or not getattr(error, "transient", False):
            return None
        if retries_done >= self.max_retries:
            return None
        return min(self.max_backoff_s, self.backoff_s * 2**retries_done)


def failure_event(error: BaseException, message: str, retries_done: int, policy: RetryPolicy) -> Event:
    """The event a step's error means: Cancelled for a cancel, else Failed with the policy's answer."""
    if isinstance(error, CancelledError):
        return Cancelled()
    return Failed(message, policy.retry_in(error, retries_done))
