"""Every folder the app uses, from platformdirs, or all under DAREDEVIL_HOME."""

from __future__ import annotations

import errno
import os
import secrets
from dataclasses import dataclass
from pathlib import Path

import platformdirs

from desktop_app import APP_ID, APP_NAME
from desktop_app.core.errors import DaredevilError

HOME_ENV = "DAREDEVIL_HOME"  # one folder for all state: tests and portable installs


class AppFolderError(DaredevilError):
    """One of the app's own folders can't be created or written (read-only, full, no permission)."""


def _reason(exc: OSError) -> tuple[str, str]:
    """What went wrong, and what to do about it, for a failed write."""
    if exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
        return "the disk is full", f"Free some space, then start {APP_NAME} again."
    if exc.errno == errno.EROFS:
        return "it is read-only", f"Make it writable, or set {HOME_ENV} to a folder you can write to."
    if exc.errno in (errno.EACCES, errno.EPERM):
        return "permission denied", f"Give yourself write access, or set {HOME_ENV} to a folder you can write to."
    return exc.strerror or str(exc), f"Check the folder, or set {HOME_ENV} to another one."


def unwritable_error(folder: Path, exc: OSError) -> AppFolderError:
    """The error for a folder the app can't write: "Daredevil can't write to FOLDER: why. What to do." """
    why, advice = _reason(exc)
    return AppFolderError(f"{APP_NAME} can't write to {folder}: {why}. {advice}")


def probe_writable(folder: Path, with_data: bool = False) -> None:
    """Create (and remove) a file in `folder`; raise AppFolderError when that fails.

    Without data it finds read-only folders and missing permissions; with data (one byte,
    fsynced) it also finds a full disk."""
    probe = folder / f".write-test-{secrets.token_hex(4)}"
    try:
        fd = os.open(probe, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except OSError as exc:
        raise unwritable_error(folder, exc) from None
    try:
        if with_data:
            os.write(fd, b"\0")
            os.fsync(fd)
    except OSError as exc:
        raise unwritable_error(folder, exc) from None
    finally:
        os.close(fd)
        try:
            os.unlink(probe)
        except OSError:
            pass
    if with_data and hasattr(os, "statvfs"):
        try:
            full = os.statvfs(folder).f_bavail == 0
        except OSError:
            full = False
        if full:
            raise unwritable_error(folder, OSError(errno.ENOSPC, os.strerror(errno.ENOSPC)))


@dataclass(frozen=True)
class AppPaths:
    data_dir: Path
    cache_dir: Path
    config_dir: Path
    log_dir: Path

    @property
    def models_dir(self) -> Path:
        return self.data_dir / "models"

    @property
    def store_file(self) -> Path:
        return self.data_dir / "history.sqlite3"

    @property
    def cache_file(self) -> Path:
        return self.cache_dir / "results.sqlite3"

    @property
    def temp_root(self) -> Path:
        return self.cache_dir / "tmp"

    @property
    def settings_file(self) -> Path:
        return self.config_dir / "settings.json"

    @property
    def log_file(self) -> Path:
        return self.log_dir / "daredevil.log"

    @property
    def folders(self) -> tuple[Path, ...]:
        return (self.data_dir, self.cache_dir, self.config_dir, self.log_dir, self.models_dir)

    def ensure(self) -> "AppPaths":
        """Create every folder (idempotent) and return self; AppFolderError when one can't be."""
        for folder in self.folders:
            try:
                folder.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise unwritable_error(_nearest_existing(folder), exc) from None
        return self

    def check_writable(self) -> "AppPaths":
        """Create every folder and a file in each; AppFolderError names the first that fails.

        A full disk passes (an empty file needs no space): the app then runs without
        writing its log and cache, rather than not at all."""
        for folder in self.ensure().folders:
            probe_writable(folder)
        return self


def app_paths() -> AppPaths:
    """The app's folders: under $DAREDEVIL_HOME when set, else the platform's own."""
    home = os.environ.get(HOME_ENV)
    if home:
        root = Path(home).expanduser().resolve()
        return AppPaths(root / "data", root / "cache", root / "config", root / "logs")
    dirs = platformdirs.PlatformDirs(APP_ID, appauthor=False)
    return AppPaths(
        Path(dirs.user_data_dir),
        Path(dirs.user_cache_dir),
        Path(dirs.user_config_dir),
        Path(dirs.user_log_dir),
    )


def _nearest_existing(folder: Path) -> Path:
    """`folder`, or its nearest ancestor that exists: where creating it failed."""
    while not folder.exists() and folder.parent != folder:
        folder = folder.parent
    return folder
