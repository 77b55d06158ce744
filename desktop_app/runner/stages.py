"""The blocking steps the controller runs off the GUI thread (no Qt here but the callers)."""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from desktop_app.core.errors import CancelledError, DaredevilError
from desktop_app.core.jobs import JobStatus
from desktop_app.core.media import probe_media
from desktop_app.core.pipeline import Pipeline, PreparedJob
from desktop_app.core.transcript import Transcript


@dataclass(frozen=True)
class IoOutcome:
    """What the I/O pool hands to the engine: a cached transcript, or audio to transcribe."""

    prepared: PreparedJob
    cached: Transcript | None = None
    audio: np.ndarray | None = None


def prepare_and_extract(
    pipeline: Pipeline,
    path: Path,
    cancel: threading.Event,
    on_stage: Callable[[JobStatus, PreparedJob | None], None],
) -> IoOutcome:
    """Check, probe and look up the cache; on a miss, decode the audio."""
    on_stage(JobStatus.CHECKING, None)
    prepared = pipeline.prepare(path)
    if cancel.is_set():
        raise CancelledError("Cancelled.")
    hit = pipeline.cached(prepared)
    if hit is not None:
        return IoOutcome(prepared, cached=hit)
    on_stage(JobStatus.EXTRACTING, prepared)
    audio = pipeline.extract(prepared, cancel)
    return IoOutcome(prepared, audio=audio)


@dataclass(frozen=True)
class ScanResult:
    media: list[Path]
    skipped: int


def _walk(folder: Path) -> Iterable[Path]:
    for root, dirs, files in os.walk(folder, onerror=lambda _err: None):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith("."):
                yield Path(root) / name


def scan_folder(folder: Path, probe_timeout_s: float, cancel: threading.Event) -> ScanResult:
    """Walk a folder recursively; the probe decides what is media, the rest is counted."""
    media: list[Path] = []
    skipped = 0
    for path in _walk(folder):
        if cancel.is_set():
            break
        try:
            if path.is_file():
                probe_media(path, timeout_s=probe_timeout_s)
                media.append(path)
            else:
                skipped += 1
        except (DaredevilError, OSError):
            skipped += 1
    return ScanResult(media, skipped)
