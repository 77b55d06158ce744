"""200 files dropped at once on the real window: the time until all rows show, and memory.

Usage: python bench/drop_200_files.py [--files 200] [--runs 3]
Each run builds a MainWindow (offscreen) on a fresh DAREDEVIL_HOME, drops copies of one
short espeak-ng WAV with a real QDragEnterEvent/QDropEvent, and times until the queue
model has every row and the window has painted them. The queue runs during the drop
(the checks start as they would for a person); right after the rows show, the queue is
paused and everything is cancelled, so the 200 files are never transcribed.
Memory: the GUI process's RSS after the window is shown, after the rows show, and once
the cancelled jobs have settled (run 1; later runs reuse the warm process).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(REPO), str(REPO / "tests")]
MB = 1024**2


def make_files(folder: Path, count: int) -> list[Path]:
    """`count` copies of one short spoken WAV, each with its own name."""
    from speech import speak

    sample = speak("A short test clip for the drop benchmark.", folder / "sample.wav")
    files = []
    for i in range(count):
        dest = folder / f"clip_{i:03d}.wav"
        shutil.copyfile(sample, dest)
        files.append(dest)
    return files


def one_run(home: Path, files: list[Path]) -> dict[str, float]:
    """Drop `files` on a new window in `home`; times in seconds, RSS in bytes."""
    import psutil
    from PySide6.QtCore import QThreadPool
    from PySide6.QtWidgets import QApplication

    from desktop_app.core.paths import AppPaths
    from desktop_app.runner.controller import QueueController
    from desktop_app.ui.main_window import MainWindow
    from runner.qt_support import drop_files

    me = psutil.Process()
    paths = AppPaths(home / "data", home / "cache", home / "config", home / "logs").ensure()
    controller = QueueController(paths=paths)
    window = MainWindow(controller)
    window.show()
    QApplication.processEvents()
    rss_before = me.memory_info().rss

    started = time.perf_counter()
    accepted = drop_files(window, files)
    rows_at = time.perf_counter()
    rows = window.model.rowCount()
    QApplication.processEvents()
    window.grab()  # forces the table to lay out and paint its rows
    painted_at = time.perf_counter()
    rss_rows = me.memory_info().rss

    controller.pause()
    controller.cancel_all()
    QThreadPool.globalInstance().waitForDone(10_000)
    controller.execution.io_pool.waitForDone(10_000)
    QApplication.processEvents()
    rss_settled = me.memory_info().rss
    cancelled = sum(1 for job in controller.jobs() if job.status.value == "cancelled")
    window.close_without_asking()
    window.deleteLater()
    controller.deleteLater()
    QApplication.sendPostedEvents(None, 0)  # 0: QEvent.DeferredDelete, so nothing is left for teardown
    QApplication.processEvents()
    assert accepted and rows == len(files), f"drop accepted={accepted}, rows={rows}"
    return {
        "rows_s": rows_at - started, "painted_s": painted_at - started, "rows": rows,
        "cancelled": cancelled, "rss_before": rss_before, "rss_rows": rss_rows, "rss_settled": rss_settled,
    }  # fmt: skip


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=200)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

    with tempfile.TemporaryDirectory(prefix="daredevil-drop-") as tmp:
        root = Path(tmp)
        (root / "media").mkdir()
        files = make_files(root / "media", args.files)
        os.environ["DAREDEVIL_HOME"] = str(root / "home-0")
        from desktop_app.ui.app import application

        application()
        results = []
        for run in range(args.runs):
            home = root / f"home-{run}"
            os.environ["DAREDEVIL_HOME"] = str(home)
            results.append(one_run(home, files))
            r = results[-1]
            print(f"run {run + 1}: {r['rows']} rows in {r['rows_s'] * 1000:.0f} ms, painted at "
                  f"{r['painted_s'] * 1000:.0f} ms; {r['cancelled']} cancelled; RSS "
                  f"{r['rss_before'] / MB:.0f} -> {r['rss_rows'] / MB:.0f} -> {r['rss_settled'] / MB:.0f} MB")  # fmt: skip

    first = results[0]
    painted = [r["painted_s"] * 1000 for r in results]
    print(f"{args.files} files: all rows painted in median {statistics.median(painted):.0f} ms "
          f"(min {min(painted):.0f}, max {max(painted):.0f}, {args.runs} runs); GUI RSS run 1: "
          f"{first['rss_before'] / MB:.0f} MB before, {first['rss_rows'] / MB:.0f} MB with the rows "
          f"(+{(first['rss_rows'] - first['rss_before']) / MB:.1f} MB), {first['rss_settled'] / MB:.0f} MB "
          f"after cancelling; load {open('/proc/loadavg').read().split()[0]}")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
