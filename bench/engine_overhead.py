"""Benchmark: the engine worker vs calling ``model.transcribe`` directly, same audio and options.

    .venv/bin/python bench/engine_overhead.py [--model tiny.en.pt] [--audio speech.wav] [--runs 5]

Runs alternate (direct, engine, direct, engine, ...) after one warm-up each, so load on a
shared machine hits both sides alike. The engine side includes copying the audio into
shared memory, the typed messages, the progress/cancel hooks and the gc after the job.
Prints a markdown table row; the goal is an overhead of at most 3 %. On a shared
machine the min is the steadier estimate; use more --runs when the two disagree.
"""

from __future__ import annotations

import argparse
import shlex
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

TEXT = (
    "Good morning everyone. Today we will talk about the history of the city. "
    "The first houses were built near the river more than two hundred years ago."
)


def bench_model(path: str | None):
    """A ModelInfo for --model, or tiny.en converted once into the temp folder."""
    from desktop_app.core.models.registry import resolve_model

    if path is None:
        from model_fixtures import convert_tiny_en

        checkpoint = convert_tiny_en(Path(tempfile.gettempdir()) / "daredevil-bench")
    else:
        checkpoint = Path(path)
    return resolve_model(str(checkpoint), None)  # the .pt by path: one (openai) form


def bench_audio(path: str | None):
    """16 kHz float32 audio from --audio, or espeak-ng speech of TEXT."""
    from speech import ESPEAK_DEFAULT_SPEED, decode_audio, speak

    if path is None:
        path = str(speak(TEXT, Path(tempfile.gettempdir()) / "daredevil-bench-speech.wav", voice="en",
                         speed=ESPEAK_DEFAULT_SPEED))
    return decode_audio(Path(path))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", help="an openai-whisper .pt checkpoint (default: tiny.en)")
    parser.add_argument("--audio", help="any audio file (default: espeak-ng speech, ~10 s)")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()

    from desktop_app.core.engine import EngineClient
    from desktop_app.core.models.loading import load_checkpoint_model
    from desktop_app.core.options import TranscribeOptions

    model_info = bench_model(args.model)
    audio = bench_audio(args.audio)
    options = TranscribeOptions()  # the openai-whisper CLI defaults
    kwargs = options.whisper_kwargs(fp16=False)
    model = load_checkpoint_model(model_info.forms[0].path, "cpu", name=model_info.name)

    direct, engine_times = [], []
    with EngineClient() as engine:
        engine.transcribe(audio, model_info, options, device="cpu")  # warm-up: load, JIT
        model.transcribe(audio, verbose=None, **kwargs)
        for _ in range(args.runs):
            started = time.perf_counter()
            expected = model.transcribe(audio, verbose=None, **kwargs)["text"].strip()
            direct.append(time.perf_counter() - started)
            started = time.perf_counter()
            got = engine.transcribe(audio, model_info, options, device="cpu").text
            engine_times.append(time.perf_counter() - started)
            if got != expected:
                print(f"warning: texts differ:\n  direct: {expected}\n  engine: {got}", file=sys.stderr)

    d, e = statistics.median(direct), statistics.median(engine_times)
    dmin, emin = min(direct), min(engine_times)
    command = shlex.join([Path(sys.executable).name, *sys.argv])
    print("| Date | Command | Audio | Runs | Direct median (min) | Engine median (min) | Overhead median (min) |")
    print("|---|---|---|---|---|---|---|")
    print(
        f"| {date.today()} | `{command}` | {len(audio) / 16000:.1f} s, {model_info.name} | "
        f"{args.runs} | {d:.2f} s ({dmin:.2f} s) | {e:.2f} s ({emin:.2f} s) | "
        f"{100 * (e / d - 1):+.1f} % ({100 * (emin / dmin - 1):+.1f} %) |"
    )

if __name__ == "__main__":
    main()
