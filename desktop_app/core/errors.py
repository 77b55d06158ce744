"""Typed errors whose messages are written for the person using the app."""

from __future__ import annotations


class DaredevilError(Exception):
    """Base of every error the app expects; str(err) is a message for a person."""

    #: Transient failures may be retried by the job runner with backoff.
    transient: bool = False


class FileCheckError(DaredevilError):
    """The file can't be used: missing, empty, a folder, unreadable or too large."""


class MediaError(DaredevilError):
    """ffmpeg could not read audio from the file."""


class MediaTimeoutError(MediaError):
    """ffmpeg ran past its (size-adaptive) time limit and was killed; not retried."""


class CancelledError(DaredevilError):
    """The job was cancelled by the user."""


class EngineError(DaredevilError):
    """The transcription worker failed."""


class WorkerDiedError(EngineError):
    """The worker process exited while it had a job (crash, OOM killer, kill -9)."""

    transient = True


class JobTimeoutError(DaredevilError):
    """The job ran past its soft time limit and stopped cooperatively; not retried."""


class JobHungError(JobTimeoutError):
    """The worker ignored the soft stop and was killed at the hard limit; retried once
    more on a fresh worker, since a hung worker is a fault of the process, not the file."""

    transient = True


class OutOfMemoryError(EngineError):
    """The GPU ran out of memory even after a retry."""
