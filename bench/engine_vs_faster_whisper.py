"""Benchmarks of the fast-engine issue: our CLI's defaults against faster-whisper itself.

    .venv/bin/python bench/engine_vs_faster_whisper.py [--runs 2] [--whisper-cli]

On >= 90 s of espeak-ng speech that does not repeat (tests/speech.py + tests/conversations.py),
with the starter model (base, multilingual, its CTranslate2 folder), language en, beam 5, on
the CPU, alternating in one run, each a whole process:
  ours      `daredevil transcribe` with its defaults (faster-whisper, int8, VAD, batched from 30 s)
  ours-words  the same with --word-timestamps (what word timings cost; off by default)
  fw        a plain script: WhisperModel(..., compute_type="int8").transcribe
  fw-batch  a plain script: BatchedInferencePipeline(...).transcribe(batch_size=8)
  whisper   (--whisper-cli) openai's `whisper` CLI on the same weights as a .pt
and the peak RSS of each process tree (sampled every 50 ms). Prints a markdown table.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

SCRIPT = """
import sys
from faster_whisper import WhisperModel, BatchedInferencePipeline, decode_audio
model = WhisperModel(sys.argv[1], device="cpu", compute_type="int8")
audio = decode_audio(sys.argv[2])
if sys.argv[3] == "batched":
    segments, _ = BatchedInferencePipeline(model).transcribe(audio, language="en", beam_size=5, batch_size=8)
else:
    segments, _ = model.transcribe(audio, language="en", beam_size=5)
print("".join(s.text for s in segments))
"""


def timed(cmd: list[str], env: dict[str, str]) -> tuple[float, int, str]:
    """Wall seconds, peak RSS of the process tree in bytes, and stdout."""
    started = time.monotonic()
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    peak, done = 0, threading.Event()

    def sample() -> None:
        nonlocal peak
        root = psutil.Process(proc.pid)
        while not done.is_set():
            try:
                tree = [root, *root.children(recursive=True)]
                peak = max(peak, sum(p.memory_info().rss for p in tree if p.is_running()))
            except psutil.Error:
                pass
            done.wait(0.05)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    out, err = proc.communicate()
    done.set()
    sampler.join()
    if proc.returncode != 0:
        raise SystemExit(f"{cmd[0]} failed: {err[-2000:]}")
    return time.monotonic() - started, peak, out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=2)
    parser.add_argument("--whisper-cli", action="store_true", help="also openai's whisper CLI (slow)")
    args = parser.parse_args()

    from conversations import LINES
    from speech import LONG_TEXT, duration_s, speak

    work = Path(tempfile.mkdtemp(prefix="bench-engine-"))
    home = work / "home"
    env = {**os.environ, "DAREDEVIL_HOME": str(home)}
    os.environ["DAREDEVIL_HOME"] = str(home)
    wav = speak(LONG_TEXT + " " + " ".join(LINES), work / "speech.wav")
    seconds = duration_s(wav)
    from desktop_app.core.models.forms import ModelFormat
    from desktop_app.core.models.registry import ensure_openai_form
    from desktop_app.core.models.starter import STARTER_MODEL_NAME
    from desktop_app.core.models.registry import resolve_model

    model = resolve_model(STARTER_MODEL_NAME, STARTER_MODEL_NAME)
    folder = str(model.form(ModelFormat.CTRANSLATE2).path)
    bin_dir = Path(sys.executable).parent
    commands = {
        "ours": [str(bin_dir / "daredevil"), "transcribe", str(wav), "--language", "en", "--no-cache",
                 "--device", "cpu", "--output-dir", str(work / "out")],
        "ours-words": [str(bin_dir / "daredevil"), "transcribe", str(wav), "--language", "en", "--no-cache",
                       "--device", "cpu", "--output-dir", str(work / "out"), "--word-timestamps"],
        "fw": [sys.executable, "-c", SCRIPT, folder, str(wav), "plain"],
        "fw-batch": [sys.executable, "-c", SCRIPT, folder, str(wav), "batched"],
    }  # fmt: skip
    if args.whisper_cli:
        import imageio_ffmpeg

        pt = ensure_openai_form(model).form(ModelFormat.OPENAI).path
        (work / "bin").mkdir()
        (work / "bin" / "ffmpeg").symlink_to(imageio_ffmpeg.get_ffmpeg_exe())
        env["PATH"] = f"{work / 'bin'}:{env['PATH']}"
        commands["whisper"] = [str(bin_dir / "whisper"), str(wav), "--model", str(pt), "--device", "cpu",
                               "--language", "en", "--fp16", "False", "--output_dir", str(work / "w"),
                               "--output_format", "txt", "--verbose", "False"]  # fmt: skip
    results: dict[str, list[tuple[float, int]]] = {name: [] for name in commands}
    load_before = os.getloadavg()[0]
    for run in range(args.runs):
        for name, cmd in commands.items():
            wall, peak, _ = timed(cmd, env)
            results[name].append((wall, peak))
            print(f"run {run + 1} {name}: {wall:.1f} s, {peak / 2**20:.0f} MB", file=sys.stderr)
    load_after = os.getloadavg()[0]
    best = {name: min(w for w, _ in r) for name, r in results.items()}
    fastest_peer = min(best["fw"], best["fw-batch"])
    print(f"\n{time.strftime('%Y-%m-%d')}, {seconds:.0f} s of speech, base int8, CPU, "
          f"{args.runs} runs each, load {load_before:.1f} -> {load_after:.1f}\n")  # fmt: skip
    print("| run | wall (min) | wall (median) | peak RSS (tree) | ratio to the fastest faster-whisper |")
    print("|---|---|---|---|---|")
    for name, r in results.items():
        walls = [w for w, _ in r]
        print(f"| {name} | {min(walls):.1f} s | {statistics.median(walls):.1f} s | "
              f"{max(p for _, p in r) / 2**20:.0f} MB | {min(walls) / fastest_peer:.2f} |")  # fmt: skip
    if "whisper" in best:
        print(f"\nours / whisper CLI: {best['ours'] / best['whisper']:.2f}")
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
