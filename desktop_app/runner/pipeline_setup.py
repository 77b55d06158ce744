"""The settings in force, the pipeline built from them, and the model manager that shares its cache.

A settings change is saved at once and used from the next job on: the pipeline is rebuilt
once nothing runs (the execution asks for it), keeping the worker process, and so its
loaded model, when the worker's limits stay the same.
"""

from __future__ import annotations

import logging
import os
import signal
from collections.abc import Callable, Mapping

from PySide6.QtCore import QObject, QThreadPool

from desktop_app.core.cache import ResultCache
from desktop_app.core.jobs import RetryPolicy
from desktop_app.core.paths import AppPaths
from desktop_app.core.pipeline import Pipeline
from desktop_app.core.settings import Settings, save_settings
from desktop_app.runner.model_manager import ModelManager

log = logging.getLogger(__name__)

PipelineFactory = Callable[..., Pipeline]  # called as Pipeline(settings, paths, engine=...) is
#: How long quitting waits for a cancelled transcription (the engine's stop grace is 2 s)
#: before it kills the worker, which frees the engine thread at once.
ENGINE_STOP_WAIT_MS = 3_000
ENGINE_GONE_WAIT_MS = 10_000  # after the kill; then the worker is closed regardless


class PipelineSetup(QObject):
    """Builds the pipeline on first use and again after a settings change; owns the model manager."""

    def __init__(
        self,
        settings: Settings,
        paths: AppPaths,
        parent: QObject | None = None,
        *,
        make_pipeline: PipelineFactory = Pipeline,
        download_urls: Mapping[str, str] | None = None,
    ) -> None:
        super().__init__(parent)
        self.paths = paths
        self._settings = settings
        self.retry_policy = RetryPolicy.from_limits(settings.limits)  # the same rule as the CLI's pipeline
        self._make_pipeline = make_pipeline
        self._pipeline: Pipeline | None = None
        self._stale = False
        self.models = ModelManager(self._cache, download_urls=download_urls, parent=self)

    @property
    def settings(self) -> Settings:
        return self._settings

    @property
    def pipeline(self) -> Pipeline:
        """The pipeline, built on first use (its engine starts on the first transcription)."""
        if self._pipeline is None:
            self._pipeline = self._make_pipeline(self._settings, self.paths)
        return self._pipeline

    @property
    def stale(self) -> bool:
        """Settings changed since the pipeline was built: rebuild it once nothing runs."""
        return self._stale

    def change(self, settings: Settings) -> None:
        """Save `settings` (OSError if they can't be written) and use them from the next job on."""
        save_settings(settings, self.paths.settings_file)
        self._settings = settings
        self.retry_policy = RetryPolicy.from_limits(settings.limits)
        self._stale = True

    def rebuild(self, close_later: Callable[[Callable[[], None]], None]) -> None:
        """Build the next pipeline from the new settings; call only when nothing runs.

        A worker that can't be kept is closed through `close_later` (it may take seconds)."""
        old, self._pipeline, self._stale = self._pipeline, None, False
        if old is None:
            return
        s = self._settings
        def kept(x: Settings) -> tuple:
            return x.worker_max_jobs, x.worker_max_rss_gb, x.server_url, x.server_password, x.server_fallback_min

        if kept(s) == kept(old.settings):
            # keep the worker: it reloads its model only if the model or device changed
            self._pipeline = self._make_pipeline(s, self.paths, engine=old.engine)
            if old.cache is not None:
                old.cache.close()
            return
        close_later(old.close)

    def stop_engine(self, engine_pool: QThreadPool) -> None:
        """Quitting: let the cancelled transcription on `engine_pool` end, kill a worker that won't, close it."""
        if not engine_pool.waitForDone(ENGINE_STOP_WAIT_MS):
            try:  # read while the engine thread may be replacing the worker
                pid = self._pipeline.engine.worker_pid if self._pipeline is not None else None
            except AttributeError:
                pid = None
            log.warning("The engine did not stop in time; killing its worker (pid %s)", pid)
            if pid is not None:
                try:  # the engine thread sees the worker gone and returns; only it may reap it
                    os.kill(pid, getattr(signal, "SIGKILL", signal.SIGTERM))
                except OSError:
                    pass
            if not engine_pool.waitForDone(ENGINE_GONE_WAIT_MS):
                log.error("The engine thread is still busy; closing the worker anyway")
        if self._pipeline is not None:
            self._pipeline.close()  # stops the worker process, closes the cache
        engine_pool.waitForDone(ENGINE_GONE_WAIT_MS)

    def _cache(self) -> ResultCache | None:
        try:
            return self.pipeline.cache
        except Exception:  # e.g. the data folder can't be written: no cache to show
            log.exception("Could not open the result cache")
            return None
