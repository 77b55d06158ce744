"""Every folder the app uses, from platformdirs, or all under DAREDEVIL_HOME."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs

from desktop_app import APP_ID

HOME_ENV = "DAREDEVIL_HOME"  # one folder for all state: tests and portable installs


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

    def ensure(self) -> "AppPaths":
        """Create every folder (idempotent) and return self."""
        for folder in (self.data_dir, self.cache_dir, self.config_dir, self.log_dir, self.models_dir):
            folder.mkdir(parents=True, exist_ok=True)
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
