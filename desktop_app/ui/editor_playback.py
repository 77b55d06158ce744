"""Playback for the transcript editor: play/pause, speed, jumps, play or loop one segment."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QComboBox, QLabel, QWidget

from desktop_app.core.segment_edits import format_time
from desktop_app.core.transcript import Segment
from desktop_app.ui.transcript_player import SourcePlayer, multimedia_available

SPEEDS = (0.5, 0.75, 1.0, 1.25, 1.5, 1.75, 2.0)
JUMP_S = 5.0


class EditorPlayback(QObject):
    """The editor's player and its actions; without Qt Multimedia or a source, the actions are off."""

    position_changed = Signal(float)  # seconds
    playing_changed = Signal(int)  # 1 playing, 0 not (an int: see SourcePlayer)
    failed = Signal(str)

    def __init__(self, owner: QWidget, source: Path | None,
                 current_segment: Callable[[], Segment | None]) -> None:  # fmt: skip
        super().__init__(owner)
        self._owner = owner
        self._current_segment = current_segment
        self._stop_at: float | None = None  # end of the segment being played alone
        self._loop: tuple[float, float] | None = None
        self.player: SourcePlayer | None = None
        if multimedia_available():
            self.player = SourcePlayer(None, self)
            self.player.position_changed.connect(self._on_position)
            self.player.playing_changed.connect(self._on_playing)
            self.player.failed.connect(lambda text: self.failed.emit(text))
        self._build_actions()
        self.speed_box = QComboBox(owner)
        for speed in SPEEDS:
            self.speed_box.addItem(self.tr("{0}×").format(f"{speed:g}"), speed)
        self.speed_box.setCurrentIndex(SPEEDS.index(1.0))
        self.speed_box.setToolTip(self.tr("Playback speed (the pitch is kept)"))
        self.speed_box.setAccessibleName(self.tr("Playback speed"))
        self.speed_box.currentIndexChanged.connect(lambda i: self.set_speed(SPEEDS[i]))
        self.time_label = QLabel(format_time(0.0), owner)
        self.time_label.setAccessibleName(self.tr("Playback position"))
        self.set_source(source)

    def _action(self, text: str, slot, keys: str, tip: str, checkable: bool = False) -> QAction:
        action = QAction(text, self._owner)
        action.setShortcut(QKeySequence(keys))
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.setToolTip(tip + " (" + QKeySequence(keys).toString(QKeySequence.SequenceFormat.NativeText) + ")")
        action.setCheckable(checkable)
        action.triggered.connect(slot)
        self._owner.addAction(action)
        return action

    def _build_actions(self) -> None:
        self.play_action = self._action(self.tr("Play"), self.toggle, "Ctrl+Space",
                                        self.tr("Play or pause the source"))
        self.back_action = self._action(self.tr("Back 5 s"), lambda: self.jump(-JUMP_S), "Alt+Left",
                                        self.tr("Jump back five seconds"))
        self.forward_action = self._action(self.tr("Forward 5 s"), lambda: self.jump(JUMP_S), "Alt+Right",
                                           self.tr("Jump forward five seconds"))
        self.segment_action = self._action(self.tr("Play segment"), self.play_segment, "Ctrl+Shift+Space",
                                           self.tr("Play the selected segment once"))
        self.loop_action = self._action(self.tr("Loop segment"), self.set_loop, "Ctrl+L",
                                        self.tr("Play the selected segment over and over"), checkable=True)
        self.slower_action = self._action(self.tr("Slower"), lambda: self.step_speed(-1), "Ctrl+,",
                                          self.tr("Play more slowly"))
        self.faster_action = self._action(self.tr("Faster"), lambda: self.step_speed(1), "Ctrl+.",
                                          self.tr("Play faster"))

    def all_actions(self) -> list[QAction]:
        return [self.play_action, self.back_action, self.forward_action, self.segment_action,
                self.loop_action, self.slower_action, self.faster_action]  # fmt: skip

    # -- state ---------------------------------------------------------------------------

    @property
    def available(self) -> bool:
        return self.player is not None and self._source is not None

    def set_source(self, source: Path | None) -> None:
        """Play `source` (None: a missing file, so no sound until one is located)."""
        self._source = source
        if self.player is not None and source is not None:
            self.player.set_source(source)
        for action in self.all_actions():
            action.setEnabled(self.available)
        self.speed_box.setEnabled(self.available)

    def position(self) -> float:
        return self.player.position() if self.player is not None else 0.0

    def is_playing(self) -> bool:
        return self.player is not None and self.player.is_playing()

    # -- actions -------------------------------------------------------------------------

    def toggle(self) -> None:
        if not self.available:
            return
        if self.player.is_playing():
            self.player.pause()
            return
        self._stop_at = None
        segment = self._current_segment()
        at = self.player.position()
        if segment is not None and not segment.start <= at <= segment.end:
            at = segment.start  # a segment chosen since the pause: play from it
        self.player.play_from(at)

    def play_from(self, seconds: float) -> None:
        if self.available:
            self._stop_at = None
            self.player.play_from(max(seconds, 0.0))

    def seek(self, seconds: float) -> None:
        if self.available:
            self.player.seek(seconds)

    def jump(self, offset: float) -> None:
        if self.available:
            self.player.seek(max(self.player.position() + offset, 0.0))

    def play_segment(self) -> None:
        segment = self._current_segment()
        if not self.available or segment is None:
            return
        self._stop_at = segment.end
        self.player.play_from(segment.start)

    def set_loop(self, on: bool) -> None:
        segment = self._current_segment()
        if not on or segment is None or not self.available:
            self._loop = None
            self.loop_action.setChecked(False)
            return
        self._loop = (segment.start, segment.end)
        self._stop_at = None
        self.player.play_from(segment.start)

    def set_speed(self, speed: float) -> None:
        if self.player is not None:
            self.player.set_rate(speed)
        if self.speed_box.currentData() != speed and speed in SPEEDS:
            self.speed_box.setCurrentIndex(SPEEDS.index(speed))

    def step_speed(self, step: int) -> None:
        i = min(max(self.speed_box.currentIndex() + step, 0), len(SPEEDS) - 1)
        self.speed_box.setCurrentIndex(i)

    def stop(self) -> None:
        if self.player is not None:
            self.player.stop()

    def release(self) -> None:
        """Stop for good (the editor is closing)."""
        if self.player is not None:
            self.player.release()

    def _on_position(self, seconds: float) -> None:
        self.time_label.setText(format_time(seconds))
        if self._loop is not None and seconds >= self._loop[1]:
            self.player.seek(self._loop[0])
            seconds = self._loop[0]
        elif self._stop_at is not None and seconds >= self._stop_at:
            self._stop_at = None
            self.player.pause()
        self.position_changed.emit(seconds)

    def _on_playing(self, playing: int) -> None:
        self.play_action.setText(self.tr("Pause") if playing else self.tr("Play"))
        self.playing_changed.emit(playing)
