"""One app temp folder, a subfolder per process, a folder per job; swept at start-up."""

from __future__ import annotations

import logging
import os
import shutil
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import psutil

from desktop_app.core.paths import app_paths

log = logging.getLogger(__name__)


def _process_tag(pid: int) -> str:
    # the start time guards against a recycled pid
    created = int(psutil.Process(pid).create_time() * 1000)
    return f"{pid}-{created}"


def process_temp_dir(root: Path | None = None) -> Path:
    """This process's temp folder (created on demand)."""
    root = root or app_paths().temp_root
    folder = root / _process_tag(os.getpid())
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _owner_alive(name: str) -> bool:
    try:
        pid_text, _created = name.split("-", 1)
        pid = int(pid_text)
        return psutil.pid_exists(pid) and _process_tag(pid) == name
    except (ValueError, psutil.Error):
        return False


def sweep_stale_temp(root: Path | None = None) -> list[Path]:
    """Remove folders left by processes that no longer run; return what was removed."""
    root = root or app_paths().temp_root
    removed: list[Path] = []
    if not root.is_dir():
        return removed
    for entry in root.iterdir():
        if entry.is_dir() and not _owner_alive(entry.name):
            shutil.rmtree(entry, ignore_errors=True)
            removed.append(entry)
            log.info("Removed temp folder left by a stopped process: %s", entry)
        elif entry.is_file():
            entry.unlink(missing_ok=True)
            removed.append(entry)
    return removed


@contextmanager
def job_temp_dir(root: Path | None = None) -> Iterator[Path]:
    """A private folder for one job, removed whatever the outcome."""
    folder = process_temp_dir(root) / uuid.uuid4().hex
    folder.mkdir()
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)
