"""`daredevil check-playback FILE`: play a few seconds of a file as the editor would, and say
whether sound went out. For support questions ("I hear nothing") and the installer proof."""

from __future__ import annotations

import sys
import time
from pathlib import Path

PLAY_S = 1.5
TIMEOUT_S = 15.0


def check_playback(path: str) -> int:
    """Exit code 0 when the player's position advanced by PLAY_S on an audio output."""
    from PySide6.QtCore import QTimer
    from PySide6.QtMultimedia import QMediaDevices

    from desktop_app.ui.app import application
    from desktop_app.ui.transcript_player import SourcePlayer

    app = application()
    source = Path(path)
    if not source.is_file():
        print(f"daredevil: {source} is not a file", file=sys.stderr)
        return 1
    outputs = [d.description() for d in QMediaDevices.audioOutputs()]
    if not outputs:
        print("daredevil: no audio output was found; check the sound settings (PulseAudio or PipeWire)",
              file=sys.stderr)  # fmt: skip
        return 1
    player = SourcePlayer(source)
    result = {"error": "", "reached": 0.0}
    started = time.monotonic()

    def on_position(seconds: float) -> None:
        result["reached"] = max(result["reached"], seconds)
        if seconds >= PLAY_S:
            app.quit()

    def on_failed(text: str) -> None:
        result["error"] = text
        app.quit()

    player.position_changed.connect(on_position)
    player.failed.connect(on_failed)
    QTimer.singleShot(int(TIMEOUT_S * 1000), app.quit)
    player.play_from(0.0)
    app.exec()
    player.release()
    took = time.monotonic() - started
    if result["reached"] >= PLAY_S:
        print(f"playback: ok ({result['reached']:.1f} s of {source.name} played in {took:.1f} s to {outputs[0]!r})")
        return 0
    why = result["error"] or f"the position stopped at {result['reached']:.1f} s"
    print(f"daredevil: playback failed: {why}", file=sys.stderr)
    return 1
