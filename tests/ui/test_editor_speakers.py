"""Speakers in the editor opened from the real window: a column, rename, merge, set, undo, saved."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QInputDialog

from desktop_app.core.transcript import Segment, Speaker, Transcript, Word
from desktop_app.ui.segment_table_model import Column
from ui.editor_media import open_seeded_editor


def _said(start: float, text: str, speaker: str) -> Segment:
    words = tuple(Word(start + i * 0.5, start + i * 0.5 + 0.4, " " + t, 0.9, speaker) for i, t in enumerate(text.split()))
    return Segment(start, start + len(words) * 0.5, "".join(w.text for w in words), words, speaker)


INTERVIEW = Transcript(
    (_said(0.0, "Welcome to the show.", "S1"), _said(3.0, "Thanks for having me.", "S2"),
     _said(6.0, "Tell us about the book.", "S1"), _said(9.0, "It took four years.", "S3")),
    "en", 12.0, (Speaker("S1", "Speaker 1"), Speaker("S2", "Speaker 2"), Speaker("S3", "Speaker 3")),
)  # fmt: skip


@pytest.fixture
def window_editor(qtbot, bare_home, tmp_path):
    win, editor, job_id = open_seeded_editor(qtbot, bare_home, tmp_path / "interview.wav", INTERVIEW)
    yield win, editor, job_id
    editor.close()
    win.close_without_asking()


def names(editor) -> list[str]:
    return [editor.model.index(r, Column.SPEAKER).data() for r in range(editor.model.rowCount())]


def test_the_column_shows_names_in_their_own_colours(window_editor):
    _win, editor, _ = window_editor
    assert not editor.table.isColumnHidden(Column.SPEAKER)
    assert names(editor) == ["Speaker 1", "Speaker 2", "Speaker 1", "Speaker 3"]
    colour = [editor.model.index(r, Column.SPEAKER).data(Qt.ItemDataRole.BackgroundRole).color() for r in range(4)]
    assert colour[0] == colour[2] and len({colour[0].name(), colour[1].name(), colour[3].name()}) == 3


def test_rename_once_changes_every_segment_undo_and_saved(qtbot, window_editor, monkeypatch):
    win, editor, job_id = window_editor
    editor.select_row(2)
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("  Ana   Souza ", True))
    qtbot.keyClick(editor.table, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert names(editor) == ["Ana Souza", "Speaker 2", "Ana Souza", "Speaker 3"]
    with qtbot.waitSignal(editor.saved, timeout=5000):
        pass
    saved = win.controller.transcript_for(job_id)
    assert saved.speaker_name("S1") == "Ana Souza" and saved.segments[2].speaker == "S1"
    editor.undo_action.trigger()
    assert names(editor)[0] == "Speaker 1"


def test_merge_and_set_a_segments_speaker_from_the_list(qtbot, window_editor, monkeypatch):
    _win, editor, _ = window_editor
    editor.select_row(3)
    monkeypatch.setattr(QInputDialog, "getItem", lambda *a, **k: ("Speaker 2", True))
    [merge] = [a for a in _menu(editor, "Speakers") if a.text() == "Merge speaker into…"]
    merge.trigger()
    assert names(editor) == ["Speaker 1", "Speaker 2", "Speaker 1", "Speaker 2"]
    assert [p.id for p in editor.model.speakers()] == ["S1", "S2"]
    assert all(w.speaker == "S2" for w in editor.model.segment(3).words)

    index = editor.model.index(0, Column.SPEAKER)  # double-click: a list of the speakers
    editor.table.setCurrentIndex(index)
    editor.table.edit(index)
    box = editor.table.findChild(QComboBox)
    assert [box.itemText(i) for i in range(box.count())] == ["(nobody)", "Speaker 1", "Speaker 2"]
    box.setCurrentIndex(2)
    editor.table.commitData(box)
    editor.table.closeEditor(box, editor.speaker_delegate.EndEditHint.NoHint)
    assert names(editor)[0] == "Speaker 2" and editor.model.segment(0).words[0].speaker == "S2"
    editor.undo_action.trigger()
    editor.undo_action.trigger()
    assert editor.model.segments() == INTERVIEW.segments and editor.model.speakers() == INTERVIEW.speakers


def test_a_transcript_without_speakers_hides_the_column(qtbot, bare_home, tmp_path):
    plain = Transcript((Segment(0.0, 1.0, " Hello."),), "en", 1.0)
    win, editor, _job_id = open_seeded_editor(qtbot, bare_home, tmp_path / "plain.wav", plain)
    assert editor.table.isColumnHidden(Column.SPEAKER) and not editor.rename_speaker_action.isEnabled()
    editor.close()
    win.close_without_asking()


def _menu(editor, title: str):
    [menu] = [a.menu() for a in editor.menu_bar.actions() if a.text().replace("&", "") == title]
    return [a for a in menu.actions() if not a.isSeparator()]


def test_default_names_show_in_the_window_language_and_chosen_names_stay(qtbot, bare_home, tmp_path):
    from desktop_app.core.speakers.identify import SpeakerNote
    from desktop_app.runner.speaker_words import speaker_note_text
    from desktop_app.ui.i18n import install_translator

    named = Transcript(INTERVIEW.segments, "en", 12.0,
                       (Speaker("S1", "Speaker 1"), Speaker("S2", "Ana"), Speaker("S3", "Speaker 3")))  # fmt: skip
    try:
        install_translator("pt_BR")
        win, editor, job_id = open_seeded_editor(qtbot, bare_home, tmp_path / "entrevista.wav", named)
        try:
            assert names(editor) == ["Falante 1", "Ana", "Falante 1", "Falante 3"]
            box_names = [p.name for p in win.controller.transcript_for(job_id).speakers]
            assert box_names == ["Falante 1", "Ana", "Falante 3"]  # what exports and the history get
        finally:
            editor.close()
            win.close_without_asking()
        assert speaker_note_text(SpeakerNote(2, 40.0)) == "2 falantes encontrados."
        assert speaker_note_text(SpeakerNote(1, 40.0)) == "Um falante encontrado."
        assert "1.2 s de fala" in speaker_note_text(SpeakerNote(0, 1.2, skipped=True))
    finally:
        install_translator("en")
    assert speaker_note_text(SpeakerNote(3, 40.0)) == "3 speakers found."
