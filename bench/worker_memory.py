"""Benchmark: the engine worker's resident memory over many sequential short jobs.

    .venv/bin/python bench/worker_memory.py [--jobs 50] [--model tiny.en.pt]

Greedy decoding of a ~4 s espeak-ng clip keeps the run short. Growth is measured from
the RSS after job 5 (once numba's JIT and the caches have warmed up) to the last job;
the goal is at most 5 %. Prints a markdown table row.
"""

from __future__ import annotations

import argparse
import shlex
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from engine_overhead import bench_model  # noqa: E402

MB = 1024**2
WARM_JOBS = 5


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--jobs", type=int, default=50)
    parser.add_argument("--model", help="an openai-whisper .pt checkpoint (default: tiny.en)")
    args = parser.parse_args()

    from speech import ESPEAK_DEFAULT_SPEED, HELLO, decode_audio, speak

    from desktop_app.core.engine import EngineClient
    from desktop_app.core.options import TranscribeOptions

    model = bench_model(args.model)
    wav = speak(HELLO, Path(tempfile.gettempdir()) / "daredevil-bench-hello.wav", voice="en",
                speed=ESPEAK_DEFAULT_SPEED)
    audio = decode_audio(wav)
    options = TranscribeOptions(beam_size=1, best_of=1, word_timestamps=True)

    rss: list[int] = []
    started = time.monotonic()
    with EngineClient(max_jobs=args.jobs + 1, max_rss_gb=1000) as engine:
        pid = engine.status().pid
        for _ in range(args.jobs):
            engine.transcribe(audio, model, options, device="cpu")
            status = engine.status()
            assert status.pid == pid, "the worker was replaced during the run"
            rss.append(status.rss_bytes)
    seconds = time.monotonic() - started

    warm = min(WARM_JOBS, len(rss))
    base = rss[warm - 1]
    growth = 100 * (rss[-1] / base - 1)
    print("RSS MB per job:", " ".join(f"{r / MB:.0f}" for r in rss), file=sys.stderr)
    command = shlex.join([Path(sys.executable).name, *sys.argv])
    print(f"| Date | Command | Jobs | RSS after job 1 | after job {warm} | last | max | Growth ({warm} to last) | Wall |")
    print("|---|---|---|---|---|---|---|---|---|")
    print(
        f"| {date.today()} | `{command}` | {args.jobs} | {rss[0] / MB:.0f} MB | {base / MB:.0f} MB | "
        f"{rss[-1] / MB:.0f} MB | {max(rss) / MB:.0f} MB | {growth:+.1f} % | {seconds:.0f} s |"
    )


if __name__ == "__main__":
    main()
