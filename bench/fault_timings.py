"""How fast the fault paths are: the timings the tests no longer assert.

Usage: .venv/bin/python bench/fault_timings.py [--runs 3] [--skip-engine] [--skip-window]
Each row: what was measured, its median and max over the runs, the goal the tests used to
assert, and whether the goal was met. The engine rows use the tiny.en test model (converted
once into a scratch home); the window row drives the real window offscreen.
"""

from __future__ import annotations

import argparse
import atexit
import datetime
import json
import os
import shutil
import signal
import statistics
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(REPO), str(REPO / "tests")]
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def timed(action: Callable[[], object], expect: type[BaseException] | None = None) -> float:
    """Seconds `action` took; it must raise `expect` when one is given."""
    started = time.perf_counter()
    try:
        action()
    except BaseException as exc:
        if expect is None or not isinstance(exc, expect):
            raise
    else:
        if expect is not None:
            raise AssertionError(f"{expect.__name__} was not raised")
    return time.perf_counter() - started


def row(what: str, seconds: list[float], goal_s: float, low_s: float = 0.0) -> str:
    med, top = statistics.median(seconds), max(seconds)
    verdict = "met" if low_s <= min(seconds) and top < goal_s else "NOT met"
    goal = f"{low_s:g}–{goal_s:g} s" if low_s else f"< {goal_s:g} s"
    return f"| {datetime.date.today()} | {what} | {med:.3f} s ({top:.3f}) | {goal} | {verdict} |"


def media_rows(work: Path, runs: int) -> list[str]:
    from fakes import CHATTY_FFMPEG, HANGING_FFMPEG
    from speech import HELLO, ffmpeg, speak

    from desktop_app.core.errors import CancelledError, MediaTimeoutError
    from desktop_app.core.filecheck import FileTooLargeError, check_file
    from desktop_app.core.media import extract_audio, probe_media

    sparse = work / "huge.mp4"
    with open(sparse, "wb"):
        pass
    os.truncate(sparse, 10 * 1024**3)
    wav = speak(HELLO, work / "hello.wav")
    hour = work / "hour.wav"
    ffmpeg("-f", "lavfi", "-i", "sine=f=440:r=16000:d=3600", str(hour))
    os.environ["HANGING_FFMPEG_PIDS"] = str(work / "pids")

    def cancel_at_first_progress() -> float:
        cancel, marks = threading.Event(), []

        def on_progress(_fraction: float) -> None:
            if not cancel.is_set():
                marks.append(time.perf_counter())
                cancel.set()

        try:
            extract_audio(hour, 600, cancel=cancel, on_progress=on_progress, duration_s=3600)
        except CancelledError:
            return time.perf_counter() - marks[0]
        raise AssertionError("not cancelled")

    def cancel_from_a_thread() -> float:
        cancel = threading.Event()
        threading.Timer(0.2, cancel.set).start()
        return timed(lambda: extract_audio(hour, 600, cancel=cancel), CancelledError)

    measures = {
        "10 GB sparse file refused by check_file": ([timed(lambda: check_file(sparse, 4 * 1024**3), FileTooLargeError)
                                                    for _ in range(runs)], 0.1, 0.0),
        "hanging ffmpeg probe, 1 s limit, killed": ([timed(lambda: probe_media(wav, 1, ffmpeg=str(HANGING_FFMPEG)),
                                                           MediaTimeoutError) for _ in range(runs)], 1.5, 0.9),
        "hanging ffmpeg extract, 1 s limit, killed": ([timed(lambda: extract_audio(wav, 1, ffmpeg=str(HANGING_FFMPEG)),
                                                             MediaTimeoutError) for _ in range(runs)], 1.5, 0.9),
        "chatty ffmpeg (floods stderr) extract": ([timed(lambda: extract_audio(wav, 20, ffmpeg=str(CHATTY_FFMPEG)))
                                                  for _ in range(runs)], 20.0, 0.0),
        "extraction cancelled at its first progress: stop": ([cancel_at_first_progress() for _ in range(runs)], 0.5, 0.0),
        "extraction cancelled from a thread at 0.2 s: total": ([cancel_from_a_thread() for _ in range(runs)], 0.7, 0.0),
        "1 h 16 kHz WAV extracted in full": ([timed(lambda: extract_audio(hour, 600)) for _ in range(runs)], 30.0, 0.0),
    }  # fmt: skip
    return [row(what, seconds, goal, low) for what, (seconds, goal, low) in measures.items()]


def engine_rows(work: Path, runs: int) -> list[str]:
    from model_fixtures import convert_tiny_en
    from speech import HELLO, LONG_TEXT, decode_audio, speak

    from desktop_app.core.engine import EngineClient
    from desktop_app.core.errors import CancelledError, JobTimeoutError
    from desktop_app.core.models import registry
    from desktop_app.core.options import TranscribeOptions

    model = registry.import_model(convert_tiny_en(work / "model"), "tiny.en")
    hello = decode_audio(speak(HELLO, work / "hello.wav"))
    long = decode_audio(speak(LONG_TEXT, work / "long.wav"))
    fast, full = TranscribeOptions(beam_size=1, best_of=1), TranscribeOptions()
    cancel_s, soft_s, hard_s = [], [], []
    with EngineClient() as engine:
        for _ in range(runs):
            engine.transcribe(hello, model, fast)  # warm: the limits measure decoding only
            cancel, marks = threading.Event(), []
            threading.Timer(1.0, lambda: (marks.append(time.perf_counter()), cancel.set())).start()
            try:
                engine.transcribe(long, model, full, cancel=cancel)
            except CancelledError:
                cancel_s.append(time.perf_counter() - marks[0])
            engine.transcribe(hello, model, fast)
            soft_s.append(timed(lambda: engine.transcribe(long, model, full, soft_limit_s=1.0), JobTimeoutError))
            engine.transcribe(hello, model, fast)
            hard_s.append(timed(lambda: engine.transcribe(long, model, full, hard_limit_s=1.0), JobTimeoutError))
    return [
        row("engine: cooperative cancel 1 s into a job, until it returns", cancel_s, 2.0),
        row("engine: 1 s soft limit, whole call", soft_s, 3.0),
        row("engine: 1 s hard limit (worker killed), whole call", hard_s, 3.0),
    ]


def window_rows(work: Path, runs: int) -> list[str]:
    """Quitting the real window while its worker is stopped with SIGSTOP (a hung engine)."""
    import psutil
    from PySide6.QtWidgets import QApplication

    from model_fixtures import convert_tiny_en
    from speech import PARAGRAPH, speak

    from desktop_app.core.jobs import JobStatus
    from desktop_app.core.models import registry
    from desktop_app.core.paths import AppPaths
    from desktop_app.runner.controller import QueueController
    from desktop_app.ui.main_window import MainWindow

    app = QApplication.instance() or QApplication([])
    checkpoint = convert_tiny_en(work / "model")
    wav = speak(PARAGRAPH, work / "paragraph.wav")
    seconds = []
    for n in range(runs):
        home = work / f"window-{n}"
        os.environ["DAREDEVIL_HOME"] = str(home)
        paths = AppPaths(home / "data", home / "cache", home / "config", home / "logs").ensure()
        model = registry.import_model(checkpoint, "tiny.en")
        paths.settings_file.write_text(json.dumps({"model": str(model.path)}))
        controller = QueueController(paths=paths)
        window = MainWindow(controller)
        window.show()
        [job_id] = controller.add_paths([wav])
        deadline = time.monotonic() + 300
        while time.monotonic() < deadline and not (
            controller.job(job_id).status == JobStatus.TRANSCRIBING and controller.pipeline.engine.worker_pid
        ):
            app.processEvents()
            time.sleep(0.01)
        os.kill(psutil.Process(controller.pipeline.engine.worker_pid).pid, signal.SIGSTOP)
        seconds.append(timed(window.close_without_asking))
    return [row("window: quit with a hung (SIGSTOPped) engine", seconds, 20.0)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--skip-engine", action="store_true")
    parser.add_argument("--skip-window", action="store_true")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="bench-faults-"))
    atexit.register(shutil.rmtree, work, True)
    os.environ["DAREDEVIL_HOME"] = str(work / "home")
    print(f"load before: {os.getloadavg()[0]:.2f}", file=sys.stderr)
    rows = media_rows(work, args.runs)
    if not args.skip_engine:
        rows += engine_rows(work, args.runs)
    if not args.skip_window:
        rows += window_rows(work, args.runs)
    print(f"load after: {os.getloadavg()[0]:.2f}", file=sys.stderr)
    print("| Date | What | Median (max) | Goal the tests asserted | Verdict |")
    print("|---|---|---|---|---|")
    print("\n".join(rows))


if __name__ == "__main__":
    main()
