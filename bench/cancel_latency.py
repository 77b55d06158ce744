"""Benchmark 5: cancel latency during extraction and during transcription.

Usage: .venv/bin/python bench/cancel_latency.py [--runs 3]
Extraction: a one-hour WAV, cancelled 0.3 s after ffmpeg starts.
Transcription: varied speech on tiny.en in the worker, cancelled once the first segment arrives.
"""

from __future__ import annotations

import argparse
import atexit
import datetime
import os
import shutil
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from cli_vs_whisper import PARAGRAPH  # noqa: E402


def _cancel_after(event: threading.Event, seconds: float) -> list[float]:
    stamp: list[float] = []

    def fire() -> None:
        time.sleep(seconds)
        stamp.append(time.perf_counter())
        event.set()

    threading.Thread(target=fire, daemon=True).start()
    return stamp


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="bench-cancel-"))
    atexit.register(shutil.rmtree, work, True)
    os.environ["DAREDEVIL_HOME"] = str(work / "home")

    import subprocess

    from model_fixtures import install_tiny_en
    from speech import speak

    from desktop_app.core.engine import EngineClient
    from desktop_app.core.errors import CancelledError
    from desktop_app.core.media import extract_audio
    from desktop_app.core.options import TranscribeOptions

    hour = work / "hour.wav"
    subprocess.run(["sox", "-n", "-r", "16000", "-c", "1", str(hour), "synth", "3600", "sine", "440"], check=True)
    extraction = []
    for _ in range(args.runs):
        cancel = threading.Event()
        stamp = _cancel_after(cancel, 0.3)
        try:
            extract_audio(hour, timeout_s=600, cancel=cancel)
        except CancelledError:
            extraction.append(time.perf_counter() - stamp[0])

    model = install_tiny_en()
    speech = speak(PARAGRAPH * 2, work / "speech.wav")
    audio = extract_audio(speech, timeout_s=60)
    transcription = []
    with EngineClient() as engine:
        engine.transcribe(audio[:16000], model, TranscribeOptions(), device="cpu")  # load the model
        for _ in range(args.runs):
            cancel = threading.Event()
            stamp: list[float] = []

            def on_progress(update, cancel=cancel, stamp=stamp):
                if update.segment is not None and not cancel.is_set():
                    stamp.append(time.perf_counter())
                    cancel.set()

            try:
                engine.transcribe(audio, model, TranscribeOptions(), device="cpu", on_progress=on_progress, cancel=cancel)
            except CancelledError:
                transcription.append(time.perf_counter() - stamp[0])
    ms = lambda xs: f"{1000 * statistics.median(xs):.0f} ms (max {1000 * max(xs):.0f})"  # noqa: E731
    print(f"| {datetime.date.today()} | cancel during extraction | {ms(extraction)} |")
    print(f"| {datetime.date.today()} | cancel during transcription | {ms(transcription)} |")


if __name__ == "__main__":
    main()
