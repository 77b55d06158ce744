"""Typed messages between the app and the engine worker process.

Everything that crosses the pipe is one of these frozen dataclasses (pickled by
multiprocessing); nothing is parsed from text. The audio itself travels in shared memory.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from desktop_app.core.options import TranscribeOptions
from desktop_app.core.speakers.count import SpeakerCount
from desktop_app.core.speakers.identify import SpeakerResult
from desktop_app.core.transcript import Segment, Transcript


# -- what the caller sees ---------------------------------------------------------------


@dataclass(frozen=True)
class EngineProgress:
    """How far a job is: the fraction of the audio done, a new segment, and an ETA."""

    fraction: float  # 0..1 of the audio's frames
    segment: Segment | None = None  # a segment just decoded, or None
    eta_s: float | None = None  # seconds left, None until the first window is done
    note: str | None = None  # why the job waits (its server is out of reach): logged, shown on the row


@dataclass(frozen=True)
class EngineStatus:
    """What the worker holds: device, loaded model, memory, and how long it has served."""

    device: str  # "cpu" or "cuda"
    device_name: str  # "CPU" or the GPU's name
    model_name: str | None
    model_sha256: str | None
    model_loads: int  # loads done by this worker process
    jobs_served: int  # jobs finished (or failed) by this worker process
    pid: int
    rss_bytes: int
    gpu_memory_used_bytes: int | None = None  # None unless CUDA
    gpu_memory_free_bytes: int | None = None
    engine: str = ""  # the loaded model's engine, e.g. "faster-whisper"; "" when none is loaded
    compute_type: str = ""  # e.g. "int8"


# -- parent -> worker -------------------------------------------------------------------


@dataclass(frozen=True)
class ModelRef:
    """The part of a ModelInfo the worker needs; sha256 decides whether to reload."""

    name: str
    path: str
    sha256: str


@dataclass(frozen=True)
class TranscribeRequest:
    job_id: str
    audio_shm: str  # name of a SharedMemory block holding float32 samples at 16 kHz
    n_samples: int
    model: ModelRef
    device: str  # "auto", "cpu" or "cuda"
    options: TranscribeOptions
    idle_release_s: float = 0.0  # release the model after this long without a job; 0: keep it


@dataclass(frozen=True)
class SpeakersRequest:
    """Label who speaks in a transcript already made (the speaker step, after transcription)."""

    job_id: str
    audio_shm: str  # as in TranscribeRequest
    n_samples: int
    transcript: Transcript
    speakers: SpeakerCount


@dataclass(frozen=True)
class PreloadRequest:
    """Load this model now, before its job arrives (no reply: a failure shows in the job)."""

    model: ModelRef
    device: str
    options: TranscribeOptions


@dataclass(frozen=True)
class StatusRequest:
    pass


@dataclass(frozen=True)
class ShutdownRequest:
    pass


# -- worker -> parent -------------------------------------------------------------------


class ErrorKind(str, Enum):
    STOPPED = "stopped"  # the app asked the worker to stop (cancel or soft time limit)
    OUT_OF_MEMORY = "out_of_memory"
    MODEL_FILE = "model_file"  # the checkpoint is missing or unreadable
    UNSUPPORTED_MODEL = "unsupported_model"
    BAD_REQUEST = "bad_request"
    INTERNAL = "internal"


@dataclass(frozen=True)
class WorkerReady:
    pid: int


@dataclass(frozen=True)
class WorkerLog:
    """A log record from the worker, re-emitted by the parent's logging."""

    level: int
    logger: str
    message: str


@dataclass(frozen=True)
class JobProgress:
    job_id: str
    progress: EngineProgress


@dataclass(frozen=True)
class JobDone:
    job_id: str
    transcript: Transcript
    model_loaded: bool  # True when this job had to (re)load the model
    seconds: float  # wall time in the worker, model load included
    rss_bytes: int  # worker resident memory after the job and gc


@dataclass(frozen=True)
class SpeakersDone:
    job_id: str
    result: SpeakerResult
    seconds: float
    rss_bytes: int


@dataclass(frozen=True)
class JobFailed:
    job_id: str
    kind: ErrorKind
    text: str  # a message for a person
    rss_bytes: int = 0


@dataclass(frozen=True)
class StatusReply:
    status: EngineStatus


@dataclass(frozen=True)
class WorkerFailed:
    """The worker could not start (e.g. torch failed to import); it exits after this."""

    text: str
