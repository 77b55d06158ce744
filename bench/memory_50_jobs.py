"""Memory of the GUI process and the engine worker across 50 sequential jobs (goal: growth <= 5 %).

Usage: python bench/memory_50_jobs.py [--jobs 50] [--home DIR]
The real controller and MainWindow (offscreen) on a DAREDEVIL_HOME of their own with
tiny.en installed and chosen in the settings (default decoding: beam 5). Each job is a
distinct espeak-ng sentence, so the result cache never serves one; the next file is
added only when the queue is idle. The rows stay in the window, as they would for a
person. Growth is measured from job 5 (after warm-up: model load, numba JIT) to the last.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(REPO), str(REPO / "tests")]
MB = 1024**2
WARM_JOBS = 5
GOAL_PCT = 5.0
SUBJECTS = ("The red fox", "A small boat", "My neighbour", "The old train", "Our teacher",
            "The new library", "A tall tree", "The river")  # fmt: skip
ACTIONS = ("crossed the bridge", "stopped near the market", "opened at nine", "moved slowly",
           "waited in the rain", "arrived on Monday", "turned to the left")  # fmt: skip


def sentence(n: int) -> str:
    return f"Job number {n}. {SUBJECTS[n % len(SUBJECTS)]} {ACTIONS[n % len(ACTIONS)]}."


def prepare_home(home: Path, jobs: int) -> list[Path]:
    """Install tiny.en under home (once), choose it, empty the cache; return `jobs` clips."""
    os.environ["DAREDEVIL_HOME"] = str(home)
    from model_fixtures import install_tiny_en
    from speech import speak

    from desktop_app.core.paths import app_paths

    paths = app_paths().ensure()
    install_tiny_en()
    paths.settings_file.write_text(json.dumps({"model": "tiny.en"}))
    paths.cache_file.unlink(missing_ok=True)
    clips = home / "clips"
    clips.mkdir(exist_ok=True)
    return [speak(sentence(n), clips / f"job_{n:02d}.wav") for n in range(1, jobs + 1)]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--jobs", type=int, default=50)
    parser.add_argument("--home", type=Path, help="the app home (default: a new temp folder, removed after)")
    parser.add_argument("--prepare-only", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.prepare_only:
        prepare_home(args.home, args.jobs)
        return 0
    if args.home is None:  # a fresh history: no job left over from an interrupted run
        with tempfile.TemporaryDirectory(prefix="daredevil-bench-mem50-") as tmp:
            args.home = Path(tmp)
            return measure(args)
    return measure(args)


def measure(args: argparse.Namespace) -> int:
    # Converting and importing the model loads torch: do it in a child so that the GUI
    # process measured here holds only what the real window holds.
    subprocess.run([sys.executable, __file__, "--prepare-only", "--jobs", str(args.jobs), "--home", str(args.home)],
                   check=True)  # fmt: skip
    os.environ["DAREDEVIL_HOME"] = str(args.home)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    clips = sorted((args.home / "clips").glob("job_*.wav"))[: args.jobs]

    import psutil
    from PySide6.QtCore import QTimer

    from desktop_app.core.paths import app_paths
    from desktop_app.runner.controller import QueueController
    from desktop_app.ui.app import application
    from desktop_app.ui.main_window import MainWindow

    app = application()
    controller = QueueController(paths=app_paths())
    controller.clear_finished()
    window = MainWindow(controller)
    window.show()
    me = psutil.Process()
    gui_rss: list[int] = []
    worker_rss: list[int] = []
    worker_pids: set[int] = set()
    pending = list(clips)
    started = time.monotonic()

    def add_next() -> None:
        if not pending:
            app.quit()
            return
        window.add_paths([str(pending.pop(0))])

    def on_idle() -> None:
        gui_rss.append(me.memory_info().rss)
        pid = controller.pipeline.engine.worker_pid
        if pid is not None:
            worker_pids.add(pid)
            worker_rss.append(psutil.Process(pid).memory_info().rss)
        print(f"job {len(gui_rss)}: GUI {gui_rss[-1] / MB:.0f} MB, worker "
              f"{worker_rss[-1] / MB if worker_rss else 0:.0f} MB", file=sys.stderr)  # fmt: skip
        QTimer.singleShot(0, add_next)

    controller.queue_idle.connect(on_idle)
    QTimer.singleShot(0, add_next)
    app.exec()
    seconds = time.monotonic() - started
    statuses = [job.status.value for job in controller.jobs()]
    print(f"torch imported in the GUI process: {'torch' in sys.modules}")
    window.close_without_asking()
    window.deleteLater()
    controller.deleteLater()
    app.sendPostedEvents(None, 0)  # 0: QEvent.DeferredDelete; PySide crashed deleting them at exit
    app.processEvents()

    done = statuses.count("done")
    print(f"{args.jobs} jobs in {seconds:.0f} s: {done} done, {statuses.count('cached')} cached, "
          f"{len(statuses) - done - statuses.count('cached')} other; worker pids {sorted(worker_pids)}")  # fmt: skip
    warm = min(WARM_JOBS, len(gui_rss))
    verdicts = []
    for name, series in (("GUI process", gui_rss), ("engine worker", worker_rss)):
        if len(series) < warm:
            print(f"{name}: too few samples ({len(series)})")
            verdicts.append(False)
            continue
        base, last = series[warm - 1], series[-1]
        growth = 100 * (last / base - 1)
        verdicts.append(growth <= GOAL_PCT)
        print(f"{name}: job 1 {series[0] / MB:.0f} MB, job {warm} {base / MB:.1f} MB, job {len(series)} "
              f"{last / MB:.1f} MB, max {max(series) / MB:.1f} MB; growth job {warm} -> {len(series)}: "
              f"{growth:+.1f} % (goal <= {GOAL_PCT:.0f} %)")  # fmt: skip
    print(f"load average at the end: {open('/proc/loadavg').read().strip()}")
    return 0 if all(verdicts) and done == args.jobs else 1


if __name__ == "__main__":
    sys.exit(main())
