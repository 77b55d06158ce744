"""The transcript editor, reached as a person would: double-click, Enter, the Job menu, the panel."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from desktop_app.core.jobs import JobStatus
from desktop_app.runner.controller import QueueController
from desktop_app.ui.main_window import MainWindow
from runner.qt_support import WAIT_JOB_MS, drop_files
from speech import HELLO_WORDS


@pytest.fixture
def done_window(qtbot, fresh_home, english_wav):
    controller = QueueController(paths=fresh_home)
    win = MainWindow(controller)
    win.show()
    qtbot.waitExposed(win)
    assert drop_files(win, [english_wav])
    [job] = controller.jobs()
    qtbot.waitUntil(lambda: controller.job(job.id).status == JobStatus.DONE, timeout=WAIT_JOB_MS)
    win.select_job(job.id)
    yield win, job.id
    for editor in list(win.editors.values()):
        editor.close()
    win.close_without_asking()


def _editor_text(editor) -> str:
    return " ".join(s.text for s in editor.transcript().segments).lower()


def _row_point(win, job_id):
    index = win.proxy.mapFromSource(win.model.index(win.model.row_of(job_id), 0))
    return win.table.visualRect(index).center()


@pytest.mark.heavy
def test_double_click_enter_and_menu_open_one_editor(qtbot, done_window):
    win, job_id = done_window
    qtbot.mouseClick(win.table.viewport(), Qt.MouseButton.LeftButton, pos=_row_point(win, job_id))
    qtbot.mouseDClick(win.table.viewport(), Qt.MouseButton.LeftButton, pos=_row_point(win, job_id))
    qtbot.waitUntil(lambda: job_id in win.editors, timeout=5000)
    editor = win.editors[job_id]
    qtbot.waitExposed(editor)
    assert editor.job_id == job_id
    assert all(w in _editor_text(editor) for w in HELLO_WORDS), _editor_text(editor)

    win.table.setFocus()
    qtbot.keyClick(win.table, Qt.Key.Key_Return)
    assert list(win.editors.values()) == [editor]  # raised, not a second one

    editor.close()
    qtbot.waitUntil(lambda: job_id not in win.editors)
    [edit] = [a for a in win.job_menu.actions() if a.text().replace("&", "") == "Edit transcript"]
    assert edit.isEnabled() and edit.shortcut().toString() == "Ctrl+Return"
    edit.trigger()
    assert all(w in _editor_text(win.editors[job_id]) for w in HELLO_WORDS)
    assert any(a.text().replace("&", "") == "Open in text editor" for a in win.job_menu.actions())


@pytest.mark.heavy
def test_click_on_a_panel_line_opens_the_editor_at_that_segment(qtbot, done_window):
    win, job_id = done_window
    view = win.panel.transcript_view
    lines = view.toPlainText().splitlines()
    assert lines and lines[0].startswith("[0:0")
    last = len(lines) - 1
    rect = view.cursorRect(_cursor_at(view, last))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    editor = win.editors[job_id]
    assert editor.current_row() == last
    assert all(w in _editor_text(editor) for w in HELLO_WORDS)


def _cursor_at(view, block_number):
    from PySide6.QtGui import QTextCursor

    return QTextCursor(view.document().findBlockByNumber(block_number))
