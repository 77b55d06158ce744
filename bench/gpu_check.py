"""GPU check for a CUDA machine (issue 2, benchmark 6); meant to finish within 5 minutes.

Usage: python bench/gpu_check.py [--jobs 100] [--model tiny.en.pt] [--audio speech.wav]

1. Engine: 100 sequential jobs through the real EngineClient on "cuda" (fp16). After each
   job the worker reports the GPU's used memory (after its gc + empty_cache); every job
   must come back to the value after job 1 (model loaded, one job's caches released).
2. Allocator: the worker's steps in this process (load_checkpoint_model, whisper.transcribe
   with our options, gc.collect + empty_cache), recording torch.cuda.memory_allocated after
   each job. Goal: back to the model-only baseline (allocated right after the load) every time.
3. Speed: `daredevil transcribe --device cuda` vs `whisper --device cuda --fp16 True`,
   same file and model, alternating, cache off for ours (goal: ratio <= 1.0).
Exit code 0 only when every goal is met. It needs a CUDA GPU; it exits 2 without one.
"""

from __future__ import annotations

import argparse
import gc
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(REPO), str(REPO / "tests")]
MB = 1024**2
TOLERANCE_BYTES = 2 * MB  # the driver rounds used memory to pages; a leak grows past this
BUDGET_S = 300


def engine_jobs(audio, model, jobs: int) -> tuple[bool, str]:
    from desktop_app.core.engine import EngineClient
    from desktop_app.core.options import TranscribeOptions

    used: list[int] = []
    with EngineClient(max_jobs=jobs + 1, max_rss_gb=1000) as engine:
        for _ in range(jobs):
            engine.transcribe(audio, model, TranscribeOptions(), device="cuda")
            status = engine.status()
            assert status.device.startswith("cuda"), f"the worker ran on {status.device}"
            used.append(status.gpu_memory_used_bytes or 0)
    base = used[0]
    worst = max(u - base for u in used)
    ok = worst <= TOLERANCE_BYTES
    return ok, (f"engine: GPU used after job 1 {base / MB:.0f} MB, after job {jobs} {used[-1] / MB:.0f} MB, "
                f"worst above job 1 {worst / MB:+.1f} MB (tolerance {TOLERANCE_BYTES / MB:.0f} MB)")  # fmt: skip


def allocator_jobs(audio, model_path: Path, jobs: int) -> tuple[bool, str]:
    import torch
    import whisper

    from desktop_app.core.models.loading import load_checkpoint_model
    from desktop_app.core.options import TranscribeOptions

    model = load_checkpoint_model(model_path, "cuda")
    torch.cuda.synchronize()
    baseline = torch.cuda.memory_allocated()
    kwargs = TranscribeOptions().whisper_kwargs(fp16=True)
    after: list[int] = []
    peak = 0
    for _ in range(jobs):
        torch.cuda.reset_peak_memory_stats()
        whisper.transcribe(model, audio, verbose=None, **kwargs)
        gc.collect()
        torch.cuda.empty_cache()
        torch.cuda.synchronize()
        after.append(torch.cuda.memory_allocated())
        peak = max(peak, torch.cuda.max_memory_allocated())
    off = [a - baseline for a in after]
    ok = all(o == 0 for o in off)
    del model
    gc.collect()
    torch.cuda.empty_cache()
    return ok, (f"allocator: model-only baseline {baseline / MB:.1f} MB, peak during a job {peak / MB:.1f} MB; "
                f"{sum(1 for o in off if o == 0)}/{jobs} jobs back to the baseline exactly, "
                f"worst {max(off) / MB:+.2f} MB")  # fmt: skip


def cli_speed(wav: Path, checkpoint: Path, home: Path, runs: int) -> tuple[bool, str]:
    import imageio_ffmpeg

    bindir = home / "bin"
    bindir.mkdir(exist_ok=True)
    if not (bindir / "ffmpeg").exists():
        (bindir / "ffmpeg").symlink_to(imageio_ffmpeg.get_ffmpeg_exe())
    env = {**os.environ, "PATH": f"{bindir}:{os.environ['PATH']}", "DAREDEVIL_HOME": str(home)}
    venv_bin = Path(sys.executable).parent
    ours = [str(venv_bin / "daredevil"), "transcribe", str(wav), "--model", str(checkpoint), "--device", "cuda",
            "--language", "en", "--no-cache", "--format", "txt", "--output-dir", str(home / "ours")]  # fmt: skip
    theirs = [str(venv_bin / "whisper"), str(wav), "--model", str(checkpoint), "--device", "cuda",
              "--language", "en", "--fp16", "True", "--output_format", "txt",
              "--output_dir", str(home / "theirs"), "--verbose", "False"]  # fmt: skip
    times: dict[str, list[float]] = {"daredevil": [], "whisper": []}
    for _ in range(runs):
        for name, cmd in (("daredevil", ours), ("whisper", theirs)):
            start = time.perf_counter()
            subprocess.run(cmd, check=True, env=env, capture_output=True)
            times[name].append(time.perf_counter() - start)
    a, b = statistics.median(times["daredevil"]), statistics.median(times["whisper"])
    return a / b <= 1.0, f"speed (fp16, {runs} runs each, median): daredevil {a:.2f} s, whisper CLI {b:.2f} s, ratio {a / b:.2f}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--jobs", type=int, default=100)
    parser.add_argument("--runs", type=int, default=2, help="CLI runs for the speed comparison")
    parser.add_argument("--model", type=Path, help="an openai-whisper .pt checkpoint (default: tiny.en)")
    parser.add_argument("--audio", type=Path, help="a speech file (default: espeak-ng speech, ~25 s)")
    args = parser.parse_args()
    started = time.monotonic()

    import torch

    if not torch.cuda.is_available():
        print("gpu_check: no CUDA device here (torch.cuda.is_available() is False); nothing measured.")
        return 2
    work = Path(tempfile.mkdtemp(prefix="daredevil-gpu-"))
    os.environ["DAREDEVIL_HOME"] = str(work / "home")
    from speech import PARAGRAPH, decode_audio, speak

    from desktop_app.core.models.registry import resolve_model

    if args.model:
        checkpoint = args.model
    else:
        from model_fixtures import convert_tiny_en

        checkpoint = convert_tiny_en(work / "model")
    model = resolve_model(str(checkpoint), None)  # the .pt by path: one (openai) form
    wav = args.audio or speak(PARAGRAPH, work / "speech.wav")
    audio = decode_audio(wav)
    print(f"GPU: {torch.cuda.get_device_name(0)}, torch {torch.__version__}, model {checkpoint.name}, "
          f"{len(audio) / 16000:.0f} s of audio, {args.jobs} jobs")  # fmt: skip

    results = []
    for step in (lambda: engine_jobs(audio, model, args.jobs),
                 lambda: allocator_jobs(audio, checkpoint, args.jobs),
                 lambda: cli_speed(wav, checkpoint, work / "home", args.runs)):  # fmt: skip
        ok, line = step()
        results.append(ok)
        print(("MET     " if ok else "NOT MET ") + line, flush=True)
    total = time.monotonic() - started
    results.append(total <= BUDGET_S)
    print(f"{'MET     ' if total <= BUDGET_S else 'NOT MET '}whole check in {total:.0f} s (goal <= {BUDGET_S} s)")
    return 0 if all(results) else 1


if __name__ == "__main__":
    sys.exit(main())
