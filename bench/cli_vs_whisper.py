"""Benchmark 1: `daredevil transcribe` vs openai-whisper's `whisper` CLI, same file/model/options.

Usage: .venv/bin/python bench/cli_vs_whisper.py [--repeat-text 2] [--runs 2]
Both run side by side in this one process tree, alternating, with the cache off for ours.
openai-whisper's CLI needs `ffmpeg` on PATH: we give it the same bundled binary.
"""

from __future__ import annotations

import argparse
import atexit
import datetime
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

PARAGRAPH = (
    "The history of the printing press begins in the fifteenth century. Before it, books were "
    "copied by hand, which took months. Johannes Gutenberg combined movable metal type with an "
    "oil based ink and a wooden press. Within fifty years, presses were working in more than two "
    "hundred cities across Europe. Prices fell, literacy rose, and ideas travelled faster than "
    "ever before. Scientists could share their results, and readers could compare many texts. "
)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=2)
    parser.add_argument("--repeat-text", type=int, default=2, help="paragraph repeats (varied speech)")
    args = parser.parse_args()

    import imageio_ffmpeg
    from model_fixtures import install_tiny_en
    from speech import speak

    work = Path(tempfile.mkdtemp(prefix="bench-cli-"))
    atexit.register(shutil.rmtree, work, True)
    os.environ["DAREDEVIL_HOME"] = str(work / "home")
    from desktop_app.core.models.forms import ModelFormat

    checkpoint = install_tiny_en().form(ModelFormat.OPENAI).path
    wav = speak(PARAGRAPH * args.repeat_text, work / "speech.wav")
    bindir = work / "bin"
    bindir.mkdir()
    (bindir / "ffmpeg").symlink_to(imageio_ffmpeg.get_ffmpeg_exe())
    env = {**os.environ, "PATH": f"{bindir}:{os.environ['PATH']}"}
    venv_bin = Path(sys.executable).parent

    ours = [str(venv_bin / "daredevil"), "transcribe", str(wav), "--model", "tiny.en", "--device", "cpu",
            "--language", "en", "--no-cache", "--format", "txt", "--output-dir", str(work / "ours")]
    theirs = [str(venv_bin / "whisper"), str(wav), "--model", str(checkpoint),
              "--device", "cpu", "--language", "en", "--fp16", "False", "--output_format", "txt",
              "--output_dir", str(work / "theirs"), "--verbose", "False"]

    times: dict[str, list[float]] = {"daredevil": [], "whisper": []}
    for _ in range(args.runs):
        for name, cmd in (("daredevil", ours), ("whisper", theirs)):
            start = time.perf_counter()
            subprocess.run(cmd, check=True, env=env, capture_output=True)
            times[name].append(time.perf_counter() - start)
    audio_s = float(subprocess.run(["soxi", "-D", str(wav)], capture_output=True, text=True).stdout)
    ours_t, theirs_t = statistics.median(times["daredevil"]), statistics.median(times["whisper"])
    print(f"| {datetime.date.today()} | {audio_s:.0f} s speech, tiny.en, CPU, beam 5 | "
          f"daredevil {ours_t:.2f} s | whisper CLI {theirs_t:.2f} s | ratio {ours_t / theirs_t:.2f} |")


if __name__ == "__main__":
    main()
