"""The transcript editor on a real controller: edit, undo/redo, merge, split, shift, search, save."""

from __future__ import annotations

import re
from pathlib import Path

import pysubs2
import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication, QLineEdit, QMessageBox

from desktop_app.core.jobs import Job, JobStatus
from desktop_app.core.store import JobStore
from desktop_app.core.transcript import Segment, Transcript, Word
from desktop_app.runner.controller import QueueController
from desktop_app.ui.export_dialog import ExportDialog
from desktop_app.ui.segment_table_model import HITS_ROLE, Column
from desktop_app.ui.transcript_editor import HIT_COLOUR, TranscriptEditor, multimedia_available


def timed(text: str, start: float) -> Segment:
    words, t = [], start
    for token in text.split():
        words.append(Word(t, t + 0.4, " " + token))
        t += 0.5
    return Segment(start, t - 0.1, "".join(w.text for w in words), tuple(words))


ORIGINAL = Transcript(
    (
        Segment(0.0, 2.0, " Hello wrold, this is a test."),
        Segment(2.5, 4.0, " The fox jumps."),
        timed("Over the lazy dog", 5.0),
        Segment(8.0, 10.0, " A second fox appears."),
    ),
    "en",
    10.0,
)


@pytest.fixture
def job(tmp_path, bare_home):
    """A finished job in the history, and the real controller that loads it."""
    paths = bare_home
    with JobStore(paths.store_file) as store:
        j = Job(path=tmp_path / "clip.mp4", status=JobStatus.DONE, transcript=ORIGINAL, language="en")
        store.add(j)
    controller = QueueController(paths=paths)
    yield controller, j.id
    controller.shutdown()


@pytest.fixture
def editor(qtbot, job):
    controller, job_id = job
    widget = TranscriptEditor(controller, job_id)  # closed here, not by qtbot: it must be clean first
    widget.show()
    qtbot.waitExposed(widget)
    yield widget
    editor_open = widget.delegate.active_editor
    if editor_open is not None:
        widget.delegate.closeEditor.emit(editor_open)
    QApplication.processEvents()
    widget.undo_stack.setClean()  # closing must not ask about unsaved edits
    widget.close()
    widget.deleteLater()


def texts(editor) -> list[str]:
    return [s.text for s in editor.model.segments()]


def edit_cell(qtbot, editor, row: int, new_text: str | None = None) -> QLineEdit:
    """Open the real in-place editor on a row's text (double-click), optionally replacing the text."""
    index = editor.model.index(row, Column.TEXT)
    editor.table.setCurrentIndex(index)
    editor.table.edit(index)
    line = editor.delegate.active_editor
    assert isinstance(line, QLineEdit)
    if new_text is not None:
        line.selectAll()
        qtbot.keyClicks(line, new_text)
    return line


def test_edit_in_place_then_undo_and_redo_with_the_keyboard(qtbot, editor):
    line = edit_cell(qtbot, editor, 0, "Hello world, this is a test.")
    qtbot.keyClick(line, Qt.Key.Key_Return)  # the view commits it on the next turn of the event loop
    qtbot.waitUntil(lambda: texts(editor)[0] == " Hello world, this is a test.")
    assert editor.dirty and editor.windowTitle().endswith("*")

    editor.table.setFocus()
    qtbot.keyClick(editor.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert texts(editor)[0] == " Hello wrold, this is a test."
    assert not editor.dirty
    qtbot.keyClick(editor.table, Qt.Key.Key_Z,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert texts(editor)[0] == " Hello world, this is a test."


def test_editing_words_one_for_one_keeps_word_times(editor):
    assert editor.model.set_text(2, "Over the crazy dog")
    seg = editor.model.segment(2)
    assert [w.text for w in seg.words] == [" Over", " the", " crazy", " dog"]
    assert [w.start for w in seg.words] == [w.start for w in ORIGINAL.segments[2].words]
    assert editor.model.set_text(2, "Over the dog")  # a word gone: timings no longer line up
    assert editor.model.segment(2).words == ()


def test_merge_with_next_and_undo(editor):
    editor.select_row(1)
    assert editor.merge_action.isEnabled()
    editor.merge_action.trigger()
    assert len(texts(editor)) == 3
    merged = editor.model.segment(1)
    assert merged.text == " The fox jumps. Over the lazy dog"
    assert (merged.start, merged.end) == (2.5, ORIGINAL.segments[2].end)
    editor.undo_action.trigger()
    assert editor.model.segments() == ORIGINAL.segments
    editor.select_row(3)
    assert not editor.merge_action.isEnabled()  # the last segment has nothing after it


def test_split_at_the_cursor(qtbot, editor):
    line = edit_cell(qtbot, editor, 0)
    line.setCursorPosition(len("Hello wrold,"))
    editor.split_action.trigger()
    assert texts(editor)[:2] == [" Hello wrold,", " this is a test."]
    first, second = editor.model.segment(0), editor.model.segment(1)
    assert first.start == 0.0 and second.end == 2.0
    assert first.end == pytest.approx(2.0 * len("Hello wrold,") / len(" Hello wrold, this is a test."), abs=0.1)
    assert second.start == first.end

    # with word times the cut lands on a word boundary, and each half keeps its words' times
    line = edit_cell(qtbot, editor, 3)  # "Over the lazy dog"
    line.setCursorPosition(len("Over th"))
    editor.split_action.trigger()
    left, right = editor.model.segment(3), editor.model.segment(4)
    assert (left.text, right.text) == (" Over the", " lazy dog")
    assert left.end == left.words[-1].end and right.start == right.words[0].start
    editor.undo_action.trigger()
    editor.undo_action.trigger()
    assert editor.model.segments() == ORIGINAL.segments

    editor.table.setCurrentIndex(editor.model.index(1, Column.TEXT))
    assert not editor.split_action.trigger() and "cursor" in editor.status.text()


def test_shift_all_times(editor):
    editor.shift_spin.setValue(1.5)
    editor.shift_action.trigger()
    shifted = editor.model.segments()
    assert [s.start for s in shifted] == [s.start + 1.5 for s in ORIGINAL.segments]
    assert shifted[2].words[0].start == ORIGINAL.segments[2].words[0].start + 1.5
    assert editor.model.data(editor.model.index(0, Column.START)) == "0:00:01.500"
    editor.shift_spin.setValue(-5.0)  # more than the first start: stops at zero
    editor.shift_action.trigger()
    assert editor.model.segment(0).start == 0.0
    assert "+" not in editor.status.text() and "-1.500" in editor.status.text()
    editor.undo_action.trigger()
    editor.undo_action.trigger()
    assert editor.model.segments() == ORIGINAL.segments


def test_search_highlights_hits(qtbot, editor):
    editor.find_action.trigger()
    qtbot.keyClicks(editor.find_bar.find_edit, "FOX")
    assert editor.model.hit_rows() == [1, 3]
    assert editor.model.index(1, Column.TEXT).data(HITS_ROLE) == [(4, 3)]
    assert editor.model.index(0, Column.TEXT).data(HITS_ROLE) == []
    assert editor.current_row() == 1 and "2" in editor.find_bar.count_label.text()
    qtbot.keyClick(editor.find_bar.find_edit, Qt.Key.Key_Return)
    assert editor.current_row() == 3

    # the hit is painted in the highlight colour, and only in rows with a hit
    editor.table.clearSelection()
    image = editor.table.viewport().grab().toImage()
    hit = QColor(HIT_COLOUR)

    def painted(row: int) -> bool:
        rect = editor.table.visualRect(editor.model.index(row, Column.TEXT))
        return any(image.pixelColor(x, y) == hit
                   for x in range(rect.left(), rect.right(), 2) for y in range(rect.top(), rect.bottom()))

    assert painted(1) and painted(3) and not painted(0)
    editor.find_bar.find_edit.clear()
    assert editor.model.hit_rows() == [] and editor.find_bar.count_label.text() == ""


def test_save_keeps_the_original_and_export_uses_the_edit(qtbot, editor, job, tmp_path):
    controller, job_id = job
    editor.model.set_text(0, "Hello world, this is a test.")
    editor.select_row(1)
    editor.merge_selected()
    assert editor.save_action.isEnabled()
    with qtbot.waitSignal(controller.job_changed):
        editor.save_action.trigger()
    assert not editor.dirty and not editor.save_action.isEnabled()

    edited = controller.transcript_for(job_id)
    assert edited.segments[0].text == " Hello world, this is a test." and len(edited.segments) == 3
    assert controller.job(job_id).transcript == ORIGINAL  # the original result is kept
    assert controller.queue.store.get(job_id).transcript == ORIGINAL

    dialog = ExportDialog(controller, [job_id])
    qtbot.addWidget(dialog)
    for fmt, check in dialog.format_checks.items():
        check.setChecked(fmt == "srt")
    dialog.next_to_source.setChecked(True)

    def close_the_result() -> None:  # the export runs in a pool thread: wait for its message
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            box.button(QMessageBox.StandardButton.Close).click()
        else:
            QTimer.singleShot(5, close_the_result)

    QTimer.singleShot(0, close_the_result)
    with qtbot.waitSignal(dialog.exported, timeout=10_000):
        dialog.export()
    subs = pysubs2.load(str(tmp_path / "clip.en.srt"))
    joined = " ".join(e.plaintext.replace("\n", " ") for e in subs)
    assert "Hello world" in joined and "wrold" not in joined
    assert "The fox jumps. Over the lazy dog" in joined


def test_reopening_shows_the_saved_edit(qtbot, editor, job):
    controller, job_id = job
    editor.model.set_text(1, "The cat sleeps.")
    editor.save()
    again = TranscriptEditor(controller, job_id)
    qtbot.addWidget(again)
    assert [s.text for s in again.model.segments()][1] == " The cat sleeps."
    assert not again.dirty


def test_a_missing_source_says_so_and_editing_goes_on(qtbot, editor, tmp_path, monkeypatch):
    assert multimedia_available()  # PySide6-Addons is a requirement
    assert editor.missing_label.isVisible() and "missing" in editor.missing_label.text()
    assert editor.locate_button.isVisible() and not editor.playback.play_action.isEnabled()
    assert editor.model.set_text(1, "Still editable.")
    from speech import speak

    found = speak("Found it.", tmp_path / "moved.wav")  # a real file: the player loads it
    from PySide6.QtWidgets import QFileDialog
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(found), ""))
    qtbot.mouseClick(editor.locate_button, Qt.MouseButton.LeftButton)
    assert not editor.missing_label.isVisible() and editor.playback.play_action.isEnabled()


def test_a_job_without_a_transcript_is_refused(job):
    controller, _ = job
    with pytest.raises(ValueError):
        TranscriptEditor(controller, "no-such-job")


@pytest.mark.parametrize("module", ["transcript_editor", "segment_table_model", "export_dialog", "editor_playback",
                                    "editor_review", "editor_menus", "find_replace_bar", "video_pane", "editor_speakers"])
def test_every_label_goes_through_tr(module):
    source = Path(__file__).resolve().parents[2] / "desktop_app" / "ui" / f"{module}.py"
    text = source.read_text(encoding="utf-8")
    calls = r"(QAction|QLabel|QCheckBox|QRadioButton|QPushButton|QGroupBox|setText|setToolTip|addItem|" \
            r"setWindowTitle|setPlaceholderText|setLabelText|addButton|_say)\(\s*f?\"[^\"]"
    assert not re.findall(calls, text)
