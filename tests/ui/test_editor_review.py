"""Reviewing in the editor: find and replace, revert to original, autosave that survives kill -9."""

from __future__ import annotations

import subprocess
import sys
import time

import pytest
from PySide6.QtCore import Qt

from desktop_app.core.segment_edits import FindQuery
from desktop_app.core.store import JobStore
from desktop_app.core.transcript import Segment, Transcript
from desktop_app.runner.controller import QueueController
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.segment_table_model import HITS_ROLE, Column
from runner.qt_support import REPO, app_env
from ui.editor_media import open_editor_by_double_click, open_seeded_editor, seed_finished_job

ORIGINAL = Transcript(
    (
        Segment(0.0, 2.0, " The Fox saw a fox."),
        Segment(2.5, 4.0, " Foxes run; the fox hides."),
        Segment(5.0, 7.0, " No animal here."),
    ),
    "en",
    7.0,
)


@pytest.fixture
def window_editor(qtbot, bare_home, tmp_path):
    win, editor, job_id = open_seeded_editor(qtbot, bare_home, tmp_path / "talk.wav", ORIGINAL)
    yield win, editor, job_id
    editor.close()
    win.close_without_asking()


def texts(editor) -> list[str]:
    return [s.text for s in editor.model.segments()]


def test_find_with_match_case_and_whole_word(qtbot, window_editor):
    _win, editor, _ = window_editor
    bar = editor.find_bar
    qtbot.keyClick(editor.table, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert bar.find_edit.hasFocus()
    qtbot.keyClicks(bar.find_edit, "fox")
    assert editor.model.hits() == [(0, 4), (0, 14), (1, 0), (1, 15)]  # any case, inside "Foxes" too
    bar.word_box.setChecked(True)
    assert editor.model.hits() == [(0, 4), (0, 14), (1, 15)]
    bar.case_box.setChecked(True)
    assert editor.model.hits() == [(0, 14), (1, 15)]
    assert editor.model.index(1, Column.TEXT).data(HITS_ROLE) == [(15, 3)]
    assert "2" in bar.count_label.text()
    qtbot.keyClick(bar.find_edit, Qt.Key.Key_Return)
    assert editor.current_row() == 1


def test_replace_next_then_all_and_undo_each(qtbot, window_editor):
    _win, editor, _ = window_editor
    bar = editor.find_bar
    qtbot.keyClick(editor.table, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier)
    assert bar.replace_edit.isVisible()
    bar.word_box.setChecked(True)
    bar.find_edit.setText("fox")
    bar.replace_edit.setText("wolf")
    qtbot.mouseClick(bar.replace_button, Qt.MouseButton.LeftButton)  # replace next: the first hit only
    assert texts(editor)[0] == " The wolf saw a fox."
    assert editor.model.hits() == [(0, 15), (1, 15)]
    qtbot.mouseClick(bar.replace_all_button, Qt.MouseButton.LeftButton)
    assert texts(editor)[:2] == [" The wolf saw a wolf.", " Foxes run; the wolf hides."]
    assert editor.model.hits() == [] and "2" in editor.status.text()
    editor.undo_action.trigger()  # replace all is one step
    assert texts(editor)[:2] == [" The wolf saw a fox.", " Foxes run; the fox hides."]
    editor.undo_action.trigger()
    assert editor.model.segments() == ORIGINAL.segments

    # a replacement is literal text, never a pattern
    bar.word_box.setChecked(False)
    bar.find_edit.setText("(no")
    assert editor.model.hits() == []
    bar.find_edit.setText("animal")
    bar.replace_edit.setText(r"\1 cat")
    bar.replace_all()
    assert texts(editor)[2] == r" No \1 cat here."


def test_revert_to_original_keeps_the_cache_and_is_undoable(qtbot, window_editor):
    win, editor, job_id = window_editor
    editor.model.set_text(2, "An animal here.")
    editor.save()
    [revert] = [a for a in _menu_actions(editor, "File") if a.text() == "Revert to original"]
    revert.trigger()
    assert editor.model.segments() == ORIGINAL.segments
    editor.save()
    assert win.controller.transcript_for(job_id).segments == ORIGINAL.segments
    editor.undo_action.trigger()
    assert texts(editor)[2] == " An animal here."
    assert win.controller.job(job_id).transcript == ORIGINAL  # the engine's result, untouched


def test_edits_save_themselves_within_about_a_second(qtbot, window_editor):
    win, editor, job_id = window_editor
    editor.model.set_text(0, "Saved without asking.")
    assert editor.dirty and editor.windowTitle().endswith("*")
    started = time.monotonic()
    with qtbot.waitSignal(editor.saved, timeout=5000):
        pass
    assert time.monotonic() - started < 2.0
    assert not editor.dirty and not editor.windowTitle().endswith("*")
    assert win.controller.transcript_for(job_id).segments[0].text == " Saved without asking."


def test_an_edit_survives_kill_9_of_the_app(qtbot, bare_home, tmp_path):
    job_id = seed_finished_job(bare_home.store_file, tmp_path / "talk.wav", ORIGINAL)
    child = subprocess.Popen(
        [sys.executable, str(REPO / "tests" / "ui" / "editor_child.py"), job_id, "1", "Foxes rest; nobody hides."],
        cwd=REPO, env=app_env(bare_home), stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT, text=True,
    )  # fmt: skip
    try:
        lines = []
        deadline = time.monotonic() + 60
        while "SAVED" not in lines and time.monotonic() < deadline:
            line = child.stdout.readline()
            if not line:
                break
            lines.append(line.strip())
        assert "SAVED" in lines, "\n".join(lines[-40:])
        child.kill()  # SIGKILL: nothing is flushed on the way out
        child.wait(10)
    finally:
        if child.poll() is None:
            child.kill()
        child.stdout.close()

    with JobStore(bare_home.store_file) as store:  # after the restart, the edit is in the history
        assert store.edited(job_id).segments[1].text == " Foxes rest; nobody hides."
    controller = QueueController(paths=bare_home)
    win = MainWindow(controller)
    win.show()
    win.select_job(job_id)
    editor = open_editor_by_double_click(qtbot, win, job_id)
    assert texts(editor)[1] == " Foxes rest; nobody hides." and not editor.dirty
    editor.close()
    win.close_without_asking()


def test_find_query_patterns():
    assert FindQuery("  ").pattern() is None
    assert FindQuery("a.b").pattern().search("axb") is None  # the text is literal
    assert FindQuery("fox", whole_word=True).pattern().search("foxes") is None


def _menu_actions(editor, title: str):
    [menu] = [a.menu() for a in editor.menu_bar.actions() if a.text().replace("&", "") == title]
    return [a for a in menu.actions() if not a.isSeparator()]
