"""Refresh docs/screenshot.png: the real window with a finished, a running and a queued job.

Usage (Linux): Xvfb :77 -screen 0 1280x800x24 &  DISPLAY=:77 python docs/make_screenshot.py
Uses a throw-away DAREDEVIL_HOME with the tiny.en test model and espeak-ng speech.
"""

from __future__ import annotations

import json
import os
import shutil
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(REPO), str(REPO / "tests")]
OUT = REPO / "docs" / "screenshot.png"


def main() -> int:
    home = Path(tempfile.mkdtemp(prefix="daredevil-shot-"))
    os.environ["DAREDEVIL_HOME"] = str(home)
    os.environ.setdefault("QT_QPA_PLATFORM", "xcb" if os.environ.get("DISPLAY") else "offscreen")
    from model_fixtures import install_tiny_en
    from speech import HELLO, PARAGRAPH, WEATHER, convert, speak

    from desktop_app.core.paths import app_paths

    paths = app_paths().ensure()
    install_tiny_en()
    paths.settings_file.write_text(json.dumps({"model": "tiny.en"}))
    media = home / "Recordings"
    media.mkdir()
    first = convert(speak(HELLO + " " + WEATHER, home / "a.wav"), media / "team-standup.m4a")
    second = speak(PARAGRAPH + " " + PARAGRAPH.replace("city", "town"), media / "city-tour-lecture.wav")
    third = convert(speak(WEATHER, home / "c.wav"), media / "weather-report.mp3")

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from desktop_app.core.jobs import JobStatus
    from desktop_app.ui.app import launch

    app = QApplication.instance() or QApplication([])
    launched = launch([])
    window, controller = launched.window, launched.controller
    window.resize(1100, 680)
    window.add_paths([str(first), str(second), str(third)])
    ids = [j.id for j in controller.jobs()]
    window.select_job(ids[1])

    def check() -> None:
        running = controller.job(ids[1])
        if running.status == JobStatus.TRANSCRIBING and 0.35 <= running.progress and len(controller.segments(ids[1])) >= 3:
            timer.stop()
            controller.pause()  # keep the third queued
            QTimer.singleShot(400, shoot)  # let the title and status bar catch up
        elif running.status.finished:
            print("the running job finished before the picture was taken", file=sys.stderr)
            window.close_without_asking()
            app.exit(1)

    def shoot() -> None:
        window.grab().save(str(OUT))
        print(f"wrote {OUT}")
        window.close_without_asking()
        app.quit()

    timer = QTimer()
    timer.timeout.connect(check)
    timer.start(50)
    code = app.exec()
    shutil.rmtree(home, ignore_errors=True)
    return code


if __name__ == "__main__":
    sys.exit(main())
