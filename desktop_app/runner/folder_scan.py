"""Walk a dropped folder off the GUI thread: the probe decides what is media."""

from __future__ import annotations

import os
import threading
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from desktop_app.core.errors import DaredevilError
from desktop_app.core.media import probe_media


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
