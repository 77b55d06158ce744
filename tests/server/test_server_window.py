"""The window with Settings pointing at a server that is down, then comes up: the job waits,
says why in its log, and finishes with the server's transcript."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import Qt

from desktop_app.core.jobs import JobStatus
from desktop_app.core.models.forms import ModelFormat
from desktop_app.runner.controller import QueueController
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.queue_model import Column
from runner.qt_support import (  # noqa: F401 (fixtures)
    WAIT_JOB_MS, bare_home, drop_files, expect_callback_errors, gui_callback_errors, no_leaks,
)
from server.conftest import PASSWORD
from speech import HELLO_WORDS, heard

pytestmark = pytest.mark.heavy


def test_a_job_waits_for_the_server_and_goes_on_when_it_answers(qtbot, bare_home, redis, start_server,
                                                                 tiny_en_model, english_wav):  # fmt: skip
    redis.stop()  # the broker is down when the job starts
    bare_home.settings_file.write_text(json.dumps({
        "model": str(tiny_en_model.form(ModelFormat.OPENAI).path),
        "server_url": f"redis://127.0.0.1:{redis.port}/0", "server_password": PASSWORD,
    }))  # fmt: skip
    controller = QueueController(paths=bare_home)
    win = MainWindow(controller)
    win.show()
    qtbot.waitExposed(win)
    assert drop_files(win, [english_wav])
    [job] = controller.jobs()
    qtbot.waitUntil(lambda: any("nothing answers" in line for line in controller.logs(job.id)), timeout=60_000)
    assert controller.job(job.id).status == JobStatus.TRANSCRIBING
    row = win.model.index(win.model.row_of(job.id), Column.STATUS)
    qtbot.waitUntil(lambda: row.data() == "Waiting for the server", timeout=5000)  # on its row too
    assert "nothing answers" in row.data(Qt.ItemDataRole.ToolTipRole)

    redis.start()
    start_server(1)
    qtbot.waitUntil(lambda: controller.job(job.id).status == JobStatus.DONE, timeout=WAIT_JOB_MS)
    assert heard(controller.transcript_for(job.id).text.lower(), HELLO_WORDS)
    assert controller.waiting(job.id) is None and row.data() != "Waiting for the server"
    win.close_without_asking()
