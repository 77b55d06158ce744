"""User settings, persisted as JSON in the config folder."""

from __future__ import annotations

import json
import logging
from dataclasses import asdict, dataclass, field
from pathlib import Path

from desktop_app.core.fileio import atomic_write_text
from desktop_app.core.options import COMPUTE_TYPES, Device, EngineName, Task, TranscribeOptions
from desktop_app.core.paths import app_paths
from desktop_app.core.typed_json import from_json

log = logging.getLogger(__name__)

GB = 1024**3
MB = 1024**2


def _range(low: float, high: float) -> dict:
    return {"min": low, "max": high}


@dataclass(frozen=True)
class Limits:
    # Ranges: what Settings > Limits offers, widened a little. Each field is checked on load
    # (core/typed_json.py): a value outside its range, or of the wrong type, gets the default.
    max_file_bytes: int = field(default=4 * GB, metadata=_range(1, 1024**5))
    probe_timeout_s: float = field(default=10.0, metadata=_range(0.1, 24 * 3600))
    # extraction timeout = clamp(size_in_MB * per_mb, min, max)
    extract_timeout_min_s: float = field(default=60.0, metadata=_range(0.1, 7 * 24 * 3600))
    extract_timeout_per_mb_s: float = field(default=1.0, metadata=_range(0.0, 3600))
    extract_timeout_max_s: float = field(default=1800.0, metadata=_range(0.1, 7 * 24 * 3600))
    # a job's soft limit = max(floor, factor * audio duration); hard = soft + grace
    job_time_floor_s: float = field(default=600.0, metadata=_range(1, 30 * 24 * 3600))
    job_time_factor: float = field(default=4.0, metadata=_range(0.01, 1000))
    job_hard_grace_s: float = field(default=60.0, metadata=_range(0, 24 * 3600))
    max_retries: int = field(default=2, metadata=_range(0, 100))
    retry_backoff_s: float = field(default=2.0, metadata=_range(0, 3600))

    def extract_timeout(self, size_bytes: int) -> float:
        """ffmpeg's time limit for a file of this size."""
        scaled = size_bytes / MB * self.extract_timeout_per_mb_s
        return max(self.extract_timeout_min_s, min(scaled, self.extract_timeout_max_s))

    def job_soft_limit(self, audio_seconds: float) -> float:
        return max(self.job_time_floor_s, self.job_time_factor * audio_seconds)

    def job_hard_limit(self, audio_seconds: float) -> float:
        return self.job_soft_limit(audio_seconds) + self.job_hard_grace_s


@dataclass(frozen=True)
class Settings:
    model: str | None = None  # None: the starter model
    device: str = field(default=Device.AUTO.value, metadata={"pattern": r"auto|cpu|cuda(:\d+)?"})
    language: str | None = None
    task: str = field(default=Task.TRANSCRIBE.value, metadata={"choices": tuple(t.value for t in Task)})
    word_timestamps: bool = False
    initial_prompt: str | None = None
    speakers: str = "off"  # identify speakers: "off", "auto" or a count "1".."10"
    engine: str = field(default=EngineName.AUTO.value, metadata={"choices": tuple(e.value for e in EngineName)})
    compute_type: str = field(default="auto", metadata={"choices": ("auto", *(c for cs in COMPUTE_TYPES.values() for c in cs))})
    vad: bool = True  # skip silence (faster-whisper)
    batched: str = field(default="auto", metadata={"choices": ("auto", "on", "off")})
    limits: Limits = Limits()
    extraction_concurrency: int = field(default=2, metadata=_range(1, 64))
    cache_max_bytes: int = field(default=512 * MB, metadata=_range(0, 1024**5))
    worker_max_jobs: int = field(default=200, metadata=_range(1, 10_000_000))
    worker_max_rss_gb: float = field(default=8.0, metadata=_range(0.1, 1024 * 1024))
    # the engine releases its model (and its GPU memory) after this long without a job; 0: never
    model_idle_release_s: float = field(default=900.0, metadata=_range(0, 30 * 24 * 3600))
    # A shared server (issue 11): None transcribes on this computer.
    server_url: str | None = field(default=None, metadata={"pattern": r"rediss?://.+"})
    server_password: str | None = None  # kept in this settings file, readable by this user only
    server_fallback_min: float = field(default=0.0, metadata=_range(0, 7 * 24 * 60))  # 0: wait for the server
    uncertain_below: float = field(default=0.5, metadata=_range(0.0, 1.0))  # editor marks words below it
    ui_language: str | None = field(default=None, metadata={"pattern": r"[a-z]{2,3}(_[A-Z]{2})?"})  # None: the system's

    def transcribe_options(self) -> TranscribeOptions:
        return TranscribeOptions(
            language=self.language or None,
            task=Task(self.task),
            word_timestamps=self.word_timestamps,
            initial_prompt=self.initial_prompt or None,
            engine=self.engine,
            compute_type=self.compute_type,
            vad=self.vad,
        )


def read_settings(path: Path | None = None) -> tuple[Settings, list[str]]:
    """Settings from the file, and one line per problem found in it (each is also logged).

    A missing file gives the defaults quietly; an unreadable one, or one that isn't a JSON
    object, gives the defaults; a field of the wrong type or out of range gives its default."""
    path = path or app_paths().settings_file
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return Settings(), []
    except (OSError, ValueError) as exc:  # ValueError: bad JSON or bad UTF-8
        problems = [f"{path} can't be read ({exc}); using the defaults"]
    else:
        settings, problems = from_json(Settings, data, str(path))
        if not problems:
            return settings, []
        for problem in problems:
            log.warning("Settings: %s", problem)
        return settings, problems
    log.warning("Settings: %s", problems[0])
    return Settings(), problems


def load_settings(path: Path | None = None) -> Settings:
    """Read settings; problems in the file are logged and give defaults (see `read_settings`)."""
    return read_settings(path)[0]


def save_settings(settings: Settings, path: Path | None = None) -> None:
    """Write settings atomically."""
    path = path or app_paths().settings_file
    path.parent.mkdir(parents=True, exist_ok=True)
    atomic_write_text(path, json.dumps(asdict(settings), indent=2))


__all__ = ["Limits", "Settings", "load_settings", "read_settings", "save_settings"]
