"""Fixtures shared by tests/runner and tests/ui: a fresh app home per test, leak and bug checks, drops."""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
from pathlib import Path

import psutil
import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication

from desktop_app.core.media import live_ffmpeg_processes
from desktop_app.core.models.forms import ModelFormat
from desktop_app.core.paths import AppPaths, app_paths
from desktop_app.runner.tasks import CALLBACK_FAILED

REPO = Path(__file__).resolve().parents[2]
WAIT_JOB_MS = 180_000  # first transcription of a session starts the worker and loads the model


def _stray_children() -> list[psutil.Process]:
    left = []
    for proc in psutil.Process().children(recursive=True):
        try:
            if "resource_tracker" in " ".join(proc.cmdline()):  # multiprocessing's, lives all session
                continue
            if proc.status() != psutil.STATUS_ZOMBIE:
                left.append(proc)
        except psutil.Error:
            pass
    return left


class _CallbackErrors(logging.Handler):
    """Collects the errors of GUI-thread callbacks that runner/tasks.py logs."""

    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        if record.getMessage().startswith(CALLBACK_FAILED):
            self.records.append(record)


@pytest.fixture(autouse=True)
def gui_callback_errors(request):
    """Fail a test in which a GUI-thread callback raised, as pytest-qt does for slots.

    A test that injects such a bug on purpose asks for `expect_callback_errors` instead."""
    handler = _CallbackErrors()
    logger = logging.getLogger("desktop_app.runner.tasks")
    logger.addHandler(handler)
    yield handler.records
    logger.removeHandler(handler)
    if handler.records and "expect_callback_errors" not in request.fixturenames:
        details = "\n".join(logging.Formatter().format(r) for r in handler.records)
        pytest.fail(f"{len(handler.records)} GUI-thread callback(s) raised:\n{details}")


@pytest.fixture
def expect_callback_errors(gui_callback_errors) -> list[logging.LogRecord]:
    """The GUI-thread callback errors of this test, which it expects (the test checks them)."""
    return gui_callback_errors


@pytest.fixture(autouse=True)
def no_leaks(qapp, gui_callback_errors):
    """Fail a test that leaves a window, a busy global pool, a worker or an ffmpeg behind."""
    yield
    QApplication.processEvents()
    problems = []
    windows = [w for w in QApplication.topLevelWidgets() if w.isVisible()]
    if windows:
        problems.append(f"windows left open: {[type(w).__name__ for w in windows]}")
        for w in windows:
            w.hide()
            w.deleteLater()
    from PySide6.QtCore import QThreadPool

    if not QThreadPool.globalInstance().waitForDone(5000):
        problems.append("the global thread pool is still busy")
    ffmpegs = live_ffmpeg_processes()
    if ffmpegs:
        problems.append(f"ffmpeg processes left: {[p.pid for p in ffmpegs]}")
        for p in ffmpegs:
            p.kill()
            p.wait()
    strays = _stray_children()
    if strays:
        gone, alive = psutil.wait_procs(strays, timeout=5)
        if alive:
            problems.append(f"child processes left: {[(p.pid, p.name()) for p in alive]}")
            for p in alive:
                p.kill()
    assert not problems, "; ".join(problems)


@pytest.fixture
def bare_home(tmp_path, monkeypatch) -> AppPaths:
    """A DAREDEVIL_HOME of its own (empty history, cache and settings; no model): for tests that never transcribe."""
    monkeypatch.setenv("DAREDEVIL_HOME", str(tmp_path / "home"))
    return app_paths().ensure()


@pytest.fixture
def fresh_home(bare_home, tiny_en_model) -> AppPaths:
    """A home of its own whose settings pick tiny.en, for tests that transcribe."""
    path = str(tiny_en_model.form(ModelFormat.OPENAI).path)
    bare_home.settings_file.write_text(json.dumps({"model": path}), encoding="utf-8")
    return bare_home


def drop_files(widget, paths: list[Path]) -> bool:
    """A real drag-enter then drop of file URLs on `widget`; returns whether the drop was accepted."""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    point = QPointF(widget.width() / 2, widget.height() / 2)
    enter = QDragEnterEvent(point, Qt.DropAction.CopyAction, mime,
                            Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)  # fmt: skip
    QApplication.sendEvent(widget, enter)
    if not enter.isAccepted():
        return False
    drop = QDropEvent(point, Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(widget, drop)
    return drop.isAccepted()


def app_env(paths: AppPaths) -> dict[str, str]:
    env = dict(os.environ)
    env["DAREDEVIL_HOME"] = str(paths.data_dir.parent)
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["PYTHONPATH"] = str(REPO)
    return env


def start_app(paths: AppPaths, *args: str, env: dict[str, str] | None = None) -> subprocess.Popen:
    """The real app in its own process (python -m desktop_app.ui.app), with `env` added."""
    return subprocess.Popen(
        [sys.executable, "-m", "desktop_app.ui.app", *args],
        cwd=REPO, env={**app_env(paths), **(env or {})}, stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
    )  # fmt: skip
