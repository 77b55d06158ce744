"""What a crash can leave behind, swept at start-up: temp folders, shared memory, half-written models.

Names carry the pid and start time of the process that made them, so a sweep removes only
what belongs to processes that no longer run."""

from __future__ import annotations

import logging
import os
import shutil
import sys
import time
from pathlib import Path

import psutil

from desktop_app.core.fileio import TEMP_SUFFIX, is_temp_name
from desktop_app.core.paths import app_paths

log = logging.getLogger(__name__)


def _process_tag(pid: int) -> str:
    # the start time guards against a recycled pid
    created = int(psutil.Process(pid).create_time() * 1000)
    return f"{pid}-{created}"


def _owner_alive(name: str) -> bool:
    try:
        pid_text, _created = name.split("-", 1)
        pid = int(pid_text)
        return psutil.pid_exists(pid) and _process_tag(pid) == name
    except (ValueError, psutil.Error):
        return False


SHM_PREFIX = "daredevil_"
_SHM_DIR = Path("/dev/shm")  # POSIX shared memory on Linux; elsewhere the OS frees it


def shared_memory_name(job_id: str) -> str | None:
    """A shared-memory block name that records which process made it (Linux only:
    macOS caps names at 31 characters; None lets Python choose one)."""
    if not sys.platform.startswith("linux"):
        return None
    return f"{SHM_PREFIX}{_process_tag(os.getpid())}_{job_id[:12]}"


def _sweep_shared_memory() -> list[Path]:
    removed: list[Path] = []
    if not _SHM_DIR.is_dir():
        return removed
    for entry in _SHM_DIR.glob(f"{SHM_PREFIX}*"):
        owner = entry.name[len(SHM_PREFIX):].rsplit("_", 1)[0]
        if not _owner_alive(owner):
            entry.unlink(missing_ok=True)
            removed.append(entry)
            log.info("Removed shared memory left by a stopped process: %s", entry.name)
    return removed


def sweep_stale_temp(root: Path | None = None) -> list[Path]:
    """Remove temp folders and shared memory left by processes that no longer run."""
    root = root or app_paths().temp_root
    removed: list[Path] = _sweep_shared_memory()
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


#: A model temp file untouched this long belongs to an import or conversion that died.
ABANDONED_AFTER_S = 3600.0


def sweep_abandoned_model_files(models_dir: Path | None = None, older_than_s: float = ABANDONED_AFTER_S) -> list[Path]:
    """Remove half-written model files (`.NAME.*.tmp`, `.starter-*`, atomic-write temps) a crash left.

    Download `.part` files are kept on purpose: the next download resumes them."""
    folder = models_dir or app_paths().models_dir
    removed: list[Path] = []
    if not folder.is_dir():
        return removed
    cutoff = time.time() - older_than_s
    temps = [p for p in folder.glob(f".*{TEMP_SUFFIX}") if is_temp_name(p.name)]
    for entry in [*folder.glob(".*.tmp"), *folder.glob(".starter-*"), *temps]:
        try:
            if entry.stat().st_mtime > cutoff:
                continue  # may be an import running right now
        except FileNotFoundError:
            continue
        if entry.is_dir():
            shutil.rmtree(entry, ignore_errors=True)
        else:
            entry.unlink(missing_ok=True)
        removed.append(entry)
        log.info("Removed an abandoned model file: %s", entry)
    return removed


def process_temp_dir(root: Path) -> Path:
    """This process's own temp folder under `root`; `sweep_stale_temp` removes it once the process is gone."""
    folder = root / _process_tag(os.getpid())
    folder.mkdir(parents=True, exist_ok=True)
    return folder
