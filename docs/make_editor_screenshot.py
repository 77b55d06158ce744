"""Refresh docs/editor.png: the transcript editor while it plays a video, with its cue over the
picture, the word being spoken highlighted and an uncertain word marked.

Usage (Linux): bash scripts/start-audio.sh; Xvfb :77 -screen 0 1280x800x24 &
               DISPLAY=:77 python docs/make_editor_screenshot.py
Uses a throw-away DAREDEVIL_HOME and espeak-ng speech with known segment times.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(REPO), str(REPO / "tests")]
OUT = REPO / "docs" / "editor.png"


def main() -> int:
    home = Path(tempfile.mkdtemp(prefix="daredevil-editor-shot-"))
    os.environ["DAREDEVIL_HOME"] = str(home)
    os.environ.setdefault("QT_QPA_PLATFORM", "xcb" if os.environ.get("DISPLAY") else "offscreen")
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from desktop_app.core.paths import app_paths
    from desktop_app.runner.controller import QueueController
    from desktop_app.ui.main_window import MainWindow
    from ui.editor_media import make_spoken_media, seed_finished_job

    paths = app_paths().ensure()
    media_dir = home / "Recordings"
    media_dir.mkdir()
    media = make_spoken_media(media_dir)
    job_id = seed_finished_job(paths.store_file, media.mp4, media.transcript)
    app = QApplication.instance() or QApplication([])
    controller = QueueController(paths=paths)
    window = MainWindow(controller)
    window.show()
    window.select_job(job_id)
    window.edit_action.trigger()  # Job > Edit transcript
    editor = window.editors[job_id]
    editor.resize(1000, 720)
    second = media.transcript.segments[1]

    def shoot() -> None:
        if editor.model.playing_row != 1 or editor.video.frames_received < 3:
            QTimer.singleShot(50, shoot)
            return
        editor.playback.player.pause()
        QTimer.singleShot(300, lambda: (editor.grab().save(str(OUT)), print(f"wrote {OUT}"), app.quit()))

    def play() -> None:
        editor.playback.set_speed(1.0)
        editor.playback.play_from(second.words[2].start + 0.05)  # "flows", after "river" (uncertain)
        editor.select_row(2)  # the selection elsewhere, so the playing row's colour shows
        QTimer.singleShot(200, shoot)

    QTimer.singleShot(1500, play)
    app.exec()
    window.close_without_asking()  # closes the editor too
    return 0


if __name__ == "__main__":
    sys.exit(main())
