"""Plays a job's source file for the transcript editor (Qt Multimedia), reporting in seconds."""

from __future__ import annotations

import importlib
from functools import lru_cache
from pathlib import Path

from PySide6.QtCore import QObject, QUrl, Signal


@lru_cache(maxsize=1)
def multimedia_available() -> bool:
    """Whether Qt Multimedia can be imported (it comes with PySide6-Addons)."""
    try:
        importlib.import_module("PySide6.QtMultimedia")
    except ImportError:
        return False
    return True


class SourcePlayer(QObject):
    """A QMediaPlayer on one file. Create it only if `multimedia_available()`."""

    position_changed = Signal(float)  # seconds into the file
    # ints, not bools: PySide6 6.12 drops a reference to True/False on each emit of a Python bool
    playing_changed = Signal(int)  # 1 playing, 0 not
    has_video_changed = Signal(int)
    failed = Signal(str)  # what went wrong, for the person
    stopped = Signal()

    def __init__(self, source: Path | None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        from PySide6.QtMultimedia import QAudioOutput, QMediaPlayer

        self._player = QMediaPlayer(self)
        self._audio = QAudioOutput(self)
        self._player.setAudioOutput(self._audio)
        self._player.positionChanged.connect(lambda ms: self.position_changed.emit(ms / 1000))
        self._player.playbackStateChanged.connect(self._on_state)
        self._player.hasVideoChanged.connect(lambda shown: self.has_video_changed.emit(int(shown)))
        self._player.errorOccurred.connect(lambda _error, text: self.failed.emit(text))
        if self._player.pitchCompensationAvailability() != QMediaPlayer.PitchCompensationAvailability.Unavailable:
            self._player.setPitchCompensation(True)  # 0.5x to 2x without chipmunk voices
        if source is not None:
            self.set_source(source)

    @property
    def media_player(self):
        return self._player

    def set_source(self, source: Path) -> None:
        self._player.setSource(QUrl.fromLocalFile(str(source)))

    def set_video_sink(self, sink) -> None:
        self._player.setVideoSink(sink)

    def has_video(self) -> bool:
        return self._player.hasVideo()

    def is_playing(self) -> bool:
        from PySide6.QtMultimedia import QMediaPlayer

        return self._player.playbackState() == QMediaPlayer.PlaybackState.PlayingState

    def position(self) -> float:
        return self._player.position() / 1000

    def duration(self) -> float:
        return self._player.duration() / 1000

    def seek(self, seconds: float) -> None:
        self._player.setPosition(max(0, int(seconds * 1000)))

    def rate(self) -> float:
        return self._player.playbackRate()

    def set_rate(self, rate: float) -> None:
        self._player.setPlaybackRate(rate)

    def pitch_kept(self) -> bool:
        return self._player.pitchCompensation()

    def play_from(self, start_s: float | None) -> None:
        """Play from `start_s` (from where it was when None)."""
        if start_s is not None:
            self.seek(start_s)
        self._player.play()

    def pause(self) -> None:
        self._player.pause()

    def stop(self) -> None:
        self._player.stop()

    def release(self) -> None:
        """Stop and let go of the file and the picture (its decoding threads end now, not at exit)."""
        self._player.stop()
        self._player.setVideoSink(None)
        self._player.setSource(QUrl())

    def _on_state(self, state) -> None:
        from PySide6.QtMultimedia import QMediaPlayer

        self.playing_changed.emit(int(state == QMediaPlayer.PlaybackState.PlayingState))
        if state == QMediaPlayer.PlaybackState.StoppedState:
            self.stopped.emit()
