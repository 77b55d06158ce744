"""Playing the source in step with the text, in the editor opened from the real window.

Real playback: Qt Multimedia plays to the PulseAudio null sink that scripts/start-audio.sh
starts (run-tests.sh does so); without an audio output these tests fail and say so.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from desktop_app.ui.segment_table_model import PLAYING_WORD_ROLE, UNCERTAIN_ROLE, Column
from ui.editor_media import UNCERTAIN, make_spoken_media, open_seeded_editor


@pytest.fixture(scope="module")
def media(tmp_path_factory):
    return make_spoken_media(tmp_path_factory.mktemp("spoken"))


@pytest.fixture(scope="module")
def audio_output():
    from PySide6.QtMultimedia import QMediaDevices
    from PySide6.QtWidgets import QApplication

    QApplication.instance() or QApplication([])
    outputs = QMediaDevices.audioOutputs()
    assert outputs, "no audio output: start one with `bash scripts/start-audio.sh` (PulseAudio, null sink)"
    return outputs


def _playing_editor(qtbot, bare_home, source, transcript):
    """The editor on `source`, opened from the real window, once its player has loaded the file."""
    win, editor, _job_id = open_seeded_editor(qtbot, bare_home, source, transcript)
    _wait_loaded(qtbot, editor)
    yield editor
    editor.close()
    win.close_without_asking()


@pytest.fixture
def audio_editor(qtbot, bare_home, media, audio_output):
    yield from _playing_editor(qtbot, bare_home, media.wav, media.transcript)


@pytest.fixture
def video_editor(qtbot, bare_home, media, audio_output):
    yield from _playing_editor(qtbot, bare_home, media.mp4, media.transcript)


def _wait_loaded(qtbot, editor) -> None:
    from PySide6.QtMultimedia import QMediaPlayer

    player = editor.playback.player.media_player
    ready = (QMediaPlayer.MediaStatus.LoadedMedia, QMediaPlayer.MediaStatus.BufferedMedia)
    qtbot.waitUntil(lambda: player.mediaStatus() in ready, timeout=10_000)


def _key(qtbot, editor, key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    qtbot.keyClick(editor.table, key, modifier)


def test_ctrl_space_plays_and_the_highlight_follows_the_position(qtbot, audio_editor, media):
    editor = audio_editor
    segments = media.transcript.segments
    seen: list[tuple[float, int | None]] = []
    editor.playback.position_changed.connect(lambda s: seen.append((s, editor.model.playing_row)))
    for _ in range(4):  # 1x -> 2x, the pitch kept
        _key(qtbot, editor, Qt.Key.Key_Period, Qt.KeyboardModifier.ControlModifier)
    assert editor.playback.player.rate() == 2.0 and editor.playback.player.pitch_kept()
    editor.select_row(0)
    _key(qtbot, editor, Qt.Key.Key_Space, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(editor.playback.is_playing, timeout=5000)
    qtbot.waitUntil(lambda: editor.playback.position() > segments[1].start + 0.5, timeout=15_000)
    assert editor.model.playing_row == 1
    played_word = editor.model.index(1, Column.TEXT).data(PLAYING_WORD_ROLE)
    assert played_word is not None  # the word being spoken is marked too
    _key(qtbot, editor, Qt.Key.Key_Space, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not editor.playback.is_playing(), timeout=5000)

    # every position reported inside a segment highlighted that segment, in order
    inside = [(s, row) for s, row in seen if any(x.start + 0.05 < s < x.end - 0.05 for x in segments)]
    assert len(inside) >= 10
    for seconds, row in inside:
        assert segments[row].start <= seconds < segments[row].end, (seconds, row)
    rows = [row for _s, row in inside]
    assert rows == sorted(rows) and set(rows) >= {0, 1}
    assert editor.table.visualRect(editor.model.index(1, 0)).intersects(editor.table.viewport().rect())


def test_jump_back_play_segment_and_loop(qtbot, audio_editor, media):
    editor = audio_editor
    first, second = media.transcript.segments[:2]
    editor.select_row(1)
    _key(qtbot, editor, Qt.Key.Key_Space, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(editor.playback.is_playing, timeout=5000)
    assert editor.playback.position() >= second.start - 0.2
    qtbot.waitUntil(lambda: not editor.playback.is_playing(), timeout=15_000)  # stops at the segment's end
    assert second.end - 0.3 <= editor.playback.position() <= second.end + 0.5

    _key(qtbot, editor, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)  # back 5 s
    qtbot.waitUntil(lambda: abs(editor.playback.position() - max(second.end - 5, 0)) < 0.6, timeout=5000)

    editor.select_row(0)
    _key(qtbot, editor, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)  # loop the first segment
    assert editor.playback.loop_action.isChecked()
    positions: list[float] = []
    editor.playback.position_changed.connect(positions.append)
    editor.playback.set_speed(2.0)

    def turns() -> int:
        return sum(1 for a, b in zip(positions, positions[1:]) if b < a - 0.5)

    qtbot.waitUntil(lambda: turns() >= 2, timeout=20_000)  # it went round, twice
    assert max(positions) <= first.end + 0.4 and min(positions) >= first.start - 0.1
    editor.playback.loop_action.trigger()
    editor.playback.stop()


def test_a_click_on_a_word_seeks_to_it(qtbot, audio_editor, media):
    editor = audio_editor
    segment = media.transcript.segments[2]
    index = editor.model.index(2, Column.TEXT)
    rect = editor.table.visualRect(index)
    third = segment.text.strip().split()[2]
    x = rect.left() + 4 + editor.table.fontMetrics().horizontalAdvance(segment.text.strip().split(third)[0]) + 3
    qtbot.mouseClick(editor.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center().__class__(x, rect.center().y()))
    qtbot.waitUntil(lambda: abs(editor.playback.position() - segment.words[2].start) < 0.05, timeout=5000)


def test_timing_edits_from_the_playhead_and_nudges(qtbot, audio_editor, media):
    editor = audio_editor
    first, second = media.transcript.segments[:2]
    editor.select_row(0)
    editor.playback.seek(first.end - 0.4)
    qtbot.waitUntil(lambda: abs(editor.playback.position() - (first.end - 0.4)) < 0.05, timeout=5000)
    [set_end] = [a for a in _menu(editor, "Timing") if a.text() == "Set end to playhead"]
    assert set_end.shortcut().toString() == "Ctrl+]"
    _key(qtbot, editor, Qt.Key.Key_BracketRight, Qt.KeyboardModifier.ControlModifier)
    assert abs(editor.model.segment(0).end - (first.end - 0.4)) < 0.06
    _key(qtbot, editor, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.ShiftModifier)
    assert editor.model.segment(0).start == pytest.approx(first.start + 0.1)
    assert all(w.start >= editor.model.segment(0).start for w in editor.model.segment(0).words)

    # an end past the next segment's start is refused, with a message, and nothing changes
    before = editor.model.segments()
    editor.nudge(False, second.start - editor.model.segment(0).end + 0.05)
    assert editor.model.segments() == before and "overlap" in editor.status.text()
    editor.undo_action.trigger()
    editor.undo_action.trigger()
    assert editor.model.segment(0) == first


def test_f8_goes_to_the_uncertain_word_and_plays_from_before_it(qtbot, audio_editor, media):
    editor = audio_editor
    row, word = UNCERTAIN
    assert editor.model.index(row, Column.TEXT).data(UNCERTAIN_ROLE) == [(4, 5)]  # "river"
    editor.select_row(0)
    _key(qtbot, editor, Qt.Key.Key_F8)
    assert editor.current_row() == row and "river" in editor.status.text()
    qtbot.waitUntil(editor.playback.is_playing, timeout=5000)
    start = media.transcript.segments[row].words[word].start
    assert start - 1.3 <= editor.playback.position() <= start + 0.5
    editor.playback.stop()
    _key(qtbot, editor, Qt.Key.Key_F8, Qt.KeyboardModifier.ShiftModifier)  # the only one: it stays
    assert editor.current_row() == row

    # correcting the word removes its mark; the other words keep their times
    editor.model.set_text(row, editor.model.segment(row).text.replace("river", "rivers"))
    assert editor.model.index(row, Column.TEXT).data(UNCERTAIN_ROLE) == []
    assert editor.model.segment(row).words[word].probability == 1.0
    assert editor.model.uncertain() == []


def test_video_shows_its_picture_with_the_cue(qtbot, video_editor, media):
    editor = video_editor
    pane = editor.video
    qtbot.waitUntil(pane.isVisible, timeout=5000)
    assert editor.video_action.isChecked()
    editor.select_row(0)
    editor.playback.toggle()
    qtbot.waitUntil(lambda: pane.frames_received > 5 and editor.model.playing_row == 0, timeout=10_000)
    assert pane.cue == media.transcript.segments[0].text.strip()
    image = pane.current_image()
    assert not image.isNull() and image.pixelColor(image.width() // 2, image.height() // 2).blue() > 150
    editor.playback.stop()
    editor.video_action.trigger()  # View > Show video hides the pane; the splitter resizes it
    assert not pane.isVisible()


def _menu(editor, title: str):
    [menu] = [a.menu() for a in editor.menu_bar.actions() if a.text().replace("&", "") == title]
    return [a for a in menu.actions() if not a.isSeparator()]
