"""User settings, persisted as JSON in the config folder."""

from __future__ import annotations

import json
import logging
from dataclasses import asdict, dataclass, fields
from pathlib import Path

from desktop_app.core.fileio import atomic_write_text
from desktop_app.core.options import Device, Task, TranscribeOptions
from desktop_app.core.paths import app_paths

log = logging.getLogger(__name__)

GB = 1024**3
MB = 1024**2


@dataclass(frozen=True)
class Limits:
    max_file_bytes: int = 4 * GB
    probe_timeout_s: float = 10.0
    # extraction timeout = clamp(size_in_MB * per_mb, min, max)
    extract_timeout_min_s: float = 60.0
    extract_timeout_per_mb_s: float = 1.0
    extract_timeout_max_s: float = 1800.0
    # a job's soft limit = max(floor, factor * audio duration); hard = soft + grace
    job_time_floor_s: float = 600.0
    job_time_factor: float = 4.0
    job_hard_grace_s: float = 60.0
    max_retries: int = 2
    retry_backoff_s: float = 2.0

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
    device: str = Device.AUTO.value
    language: str | None = None
    task: str = Task.TRANSCRIBE.value
    word_timestamps: bool = False
    initial_prompt: str | None = None
    speakers: str = "off"  # identify speakers: "off", "auto" or a count "1".."10"
    limits: Limits = Limits()
    extraction_concurrency: int = 2
    cache_max_bytes: int = 512 * MB
    worker_max_jobs: int = 200
    worker_max_rss_gb: float = 8.0
    ui_language: str | None = None  # None: follow the system

    def transcribe_options(self) -> TranscribeOptions:
        return TranscribeOptions(
            language=self.language or None,
            task=Task(self.task),
            word_timestamps=self.word_timestamps,
            initial_prompt=self.initial_prompt or None,
        )


def _from_dict(cls, data: dict):
    known = {f.name: f for f in fields(cls)}
    kwargs = {}
    for key, value in data.items():
        if key not in known:
            continue
        if key == "limits" and isinstance(value, dict):
            value = _from_dict(Limits, value)
        kwargs[key] = value
    return cls(**kwargs)


def load_settings(path: Path | None = None) -> Settings:
    """Read settings; a missing or damaged file gives the defaults (and a log line)."""
    path = path or app_paths().settings_file
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return _from_dict(Settings, data)
    except FileNotFoundError:
        return Settings()
    except (OSError, ValueError, TypeError) as exc:
        log.warning("Settings file %s is unreadable (%s); using defaults", path, exc)
        return Settings()


def save_settings(settings: Settings, path: Path | None = None) -> None:
    """Write settings atomically."""
    path = path or app_paths().settings_file
    path.parent.mkdir(parents=True, exist_ok=True)
    atomic_write_text(path, json.dumps(asdict(settings), indent=2))


__all__ = ["Limits", "Settings", "load_settings", "save_settings"]
