"""Model and cache housekeeping for the settings dialog, off the GUI thread.

Downloads, imports and cache clearing run on a small pool of their own; their outcome
comes back on the GUI thread as signals. Listing and deleting are quick and run inline.
Making the CTranslate2 form of a ``.pt`` (an imported or downloaded checkpoint) reads it
with torch, so that step runs in a spawned child process: torch never loads in the window.
"""

from __future__ import annotations

import logging
import shutil
import subprocess
import threading
import time
from collections.abc import Callable, Mapping
from pathlib import Path

from PySide6.QtCore import QObject, QThreadPool, Signal

from desktop_app.core.cache import ResultCache
from desktop_app.core.errors import DaredevilError
from desktop_app.core.models.child import call_in_child
from desktop_app.core.models.download import AvailableModel, available_models, download_model
from desktop_app.core.models.errors import DownloadCancelledError
from desktop_app.core.models.registry import ModelInfo, delete_model, ensure_ct2_form, import_model, list_installed
from desktop_app.runner.tasks import post_to_gui, run_task

log = logging.getLogger(__name__)

PROGRESS_INTERVAL_S = 0.1  # a download reports every 64 KiB; the GUI needs far fewer updates
GPU_QUERY_TIMEOUT_S = 3.0
SHUTDOWN_WAIT_MS = 10_000

DOWNLOAD, IMPORT, CLEAR_CACHE = "download", "import", "clear_cache"


def list_gpus(timeout_s: float = GPU_QUERY_TIMEOUT_S) -> list[str]:
    """The CUDA GPUs' names, in device order, from `nvidia-smi -L` (no torch); [] when none."""
    exe = shutil.which("nvidia-smi")
    if exe is None:
        return []
    try:
        out = subprocess.run([exe, "-L"], capture_output=True, text=True, timeout=timeout_s, check=True).stdout
    except (OSError, subprocess.SubprocessError) as exc:
        log.info("nvidia-smi did not list the GPUs: %s", exc)
        return []
    # "GPU 0: NVIDIA H200 (UUID: GPU-...)"
    names = []
    for line in out.splitlines():
        if line.startswith("GPU ") and ":" in line:
            names.append(line.split(":", 1)[1].split("(UUID")[0].strip())
    return names


def _message(exc: BaseException) -> str:
    """A message for a person: ours are written for them; others get their type named."""
    if isinstance(exc, (DaredevilError, OSError)):
        return str(exc)
    return f"{type(exc).__name__}: {exc}"


class ModelManager(QObject):
    """Downloads, imports and deletes models, and measures or clears the result cache."""

    progress = Signal(str, int, int)  # model name, bytes done, bytes total (0: unknown)
    finished = Signal(str, str)  # operation, subject (a model name, or "" for the cache)
    failed = Signal(str, str)  # operation, message for a person
    cancelled = Signal(str, str)  # operation, message for a person
    models_changed = Signal()

    def __init__(
        self,
        cache: Callable[[], ResultCache | None],
        models_dir: Path | None = None,
        base_url: str | None = None,
        download_urls: Mapping[str, str] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._cache = cache  # the pipeline's own cache (None when there is none): no second connection
        self.models_dir = models_dir  # None: the app's folder (and the bundled models), as the pipeline uses
        self.base_url = base_url  # a mirror of openai's model URLs
        self.download_urls = dict(download_urls or {})  # name -> URL (with its SHA-256), instead of whisper's
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(2)
        self._download_cancel: threading.Event | None = None
        self._stopping = threading.Event()  # kills a conversion child when the dialog goes
        self._downloading: str | None = None
        self._busy: set[str] = set()

    # -- quick, inline -----------------------------------------------------------------

    def installed(self) -> list[ModelInfo]:
        return list_installed(self.models_dir)

    @staticmethod
    def downloadable() -> list[AvailableModel]:
        return available_models()

    def delete(self, name: str) -> None:
        """Uninstall a model (raises a DaredevilError with advice when it cannot)."""
        delete_model(name, self.models_dir)
        self.models_changed.emit()

    def cache_bytes(self) -> int:
        cache = self._cache()
        return cache.total_bytes() if cache is not None else 0

    @property
    def downloading(self) -> str | None:
        """The model being downloaded, if any."""
        return self._downloading

    def is_busy(self, operation: str) -> bool:
        return operation in self._busy

    # -- in the background -------------------------------------------------------------

    def download(self, name: str) -> bool:
        """Start downloading `name`; False if a download is already running."""
        if self._downloading is not None:
            return False
        cancel = threading.Event()
        self._download_cancel, self._downloading = cancel, name
        url = self.download_urls.get(name)
        last = [0.0]

        def report(done: int, total: int) -> None:
            now = time.monotonic()
            if now - last[0] >= PROGRESS_INTERVAL_S or (total and done >= total):
                last[0] = now
                post_to_gui(lambda: self.progress.emit(name, done, total))

        def work() -> ModelInfo:
            info = download_model(
                name, self.models_dir, progress=report, cancel=cancel, base_url=self.base_url, url=url,
                ct2_form=False,
            )
            return call_in_child(ensure_ct2_form, info, cancel=self._stopping)

        def done(info: ModelInfo | None, error: BaseException | None) -> None:
            self._download_cancel, self._downloading = None, None
            self._report(DOWNLOAD, name, error)

        run_task(work, done, self.pool)
        return True

    def cancel_download(self) -> None:
        if self._download_cancel is not None:
            self._download_cancel.set()

    def import_from(self, source: Path, name: str | None = None) -> None:
        """Install a faster-whisper folder (copied) or a .pt file (its CTranslate2 form made, in a child)."""
        self._busy.add(IMPORT)
        source = Path(source)

        def work() -> ModelInfo:
            if source.is_dir():  # no torch needed
                return import_model(source, name, self.models_dir)
            return call_in_child(import_model, source, name, self.models_dir, cancel=self._stopping)

        def done(info: ModelInfo | None, error: BaseException | None) -> None:
            self._busy.discard(IMPORT)
            self._report(IMPORT, info.name if info else str(source), error)

        run_task(work, done, self.pool)

    def clear_cache(self) -> None:
        """Forget every cached transcript."""
        self._busy.add(CLEAR_CACHE)

        cache = self._cache()

        def wipe() -> None:
            if cache is not None:
                cache.clear()

        def done(_: None, error: BaseException | None) -> None:
            self._busy.discard(CLEAR_CACHE)
            self._report(CLEAR_CACHE, "", error)

        run_task(wipe, done, self.pool)

    def shutdown(self) -> None:
        """Cancel a download (its part file stays, so it resumes) or a conversion, and wait for the pool."""
        self.cancel_download()
        self._stopping.set()
        if not self.pool.waitForDone(SHUTDOWN_WAIT_MS):
            log.warning("A model operation did not stop in time")

    def _report(self, operation: str, subject: str, error: BaseException | None) -> None:
        if error is None:
            if operation in (DOWNLOAD, IMPORT):
                self.models_changed.emit()
            self.finished.emit(operation, subject)
        elif isinstance(error, DownloadCancelledError):
            self.cancelled.emit(operation, str(error))
        else:
            if not isinstance(error, DaredevilError):
                log.error("%s failed", operation, exc_info=error)
            self.failed.emit(operation, _message(error))
