"""Plays a job's source file for the transcript editor, when Qt Multimedia is installed."""

from __future__ import annotations

import importlib
from functools import lru_cache
from pathlib import Path

from PySide6.QtCore import QObject, QUrl, Signal


@lru_cache(maxsize=1)
def multimedia_available() -> bool:
    """Whether Qt Multimedia can be imported (only the full PySide6 wheel ships it)."""
    try:
        importlib.import_module("PySide6.QtMultimedia")
    except ImportError:
        return False
    return True


class SourcePlayer(QObject):
    """A QMediaPlayer on one file, reporting in seconds. Create it only if `multimedia_available()`."""

    position_changed = Signal(float)  # seconds into the file
    playing_changed = Signal(bool)
    stopped = Signal()

    def __init__(self, source: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        from PySide6.QtMultimedia import QAudioOutput, QMediaPlayer

        self._player = QMediaPlayer(self)
        self._audio = QAudioOutput(self)
        self._player.setAudioOutput(self._audio)
        self._player.setSource(QUrl.fromLocalFile(str(source)))
        self._player.positionChanged.connect(lambda ms: self.position_changed.emit(ms / 1000))
        self._player.playbackStateChanged.connect(self._on_state)

    def is_playing(self) -> bool:
        from PySide6.QtMultimedia import QMediaPlayer

        return self._player.playbackState() == QMediaPlayer.PlaybackState.PlayingState

    def play_from(self, start_s: float | None) -> None:
        """Play from `start_s` (from where it was when None)."""
        if start_s is not None:
            self._player.setPosition(int(start_s * 1000))
        self._player.play()

    def pause(self) -> None:
        self._player.pause()

    def stop(self) -> None:
        self._player.stop()

    def _on_state(self, state) -> None:
        from PySide6.QtMultimedia import QMediaPlayer

        self.playing_changed.emit(state == QMediaPlayer.PlaybackState.PlayingState)
        if state == QMediaPlayer.PlaybackState.StoppedState:
            self.stopped.emit()
