"""Benchmark: the speaker step against the transcription of the same file, as the app runs them.

    .venv/bin/python bench/speakers_speed.py [--turns 36] [--voices 2] [--runs 3]

Builds a conversation of espeak-ng voices taking turns (tests/conversations.py), then runs the
app's own Pipeline on it with the default settings (faster-whisper, int8 on the CPU, VAD,
batched decoding from 30 s, language detected), in the engine worker process, and times:
- the transcription the speaker job makes (word timestamps on: the step labels words);
- the default transcription without speakers (word timestamps off), the smaller of the two;
- the speaker step (`Pipeline.label_speakers`: VAD, batched embeddings, clustering, word
  labels) in the warm worker, and once cold (its first call: imports, the encoder's load).
Each run alternates the three, so a shared machine's load hits all alike. Prints a markdown
table. The issue's goal: the step takes at most 20 % of the transcription time on the CPU.
"""

from __future__ import annotations

import argparse
import os
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


def word_accuracy(talk, transcript) -> float:
    """Share of words whose speaker is their turn's voice, under the best label mapping."""
    import numpy as np
    from scipy.optimize import linear_sum_assignment

    words = [w for s in transcript.segments for w in s.words if w.text.strip()]
    found = sorted({w.speaker for w in words})
    counts = np.zeros((len(found), len(talk.voices)))
    for w in words:
        counts[found.index(w.speaker), talk.speaker_at(w.start, w.end)] += 1
    rows, cols = linear_sum_assignment(-counts)
    return counts[rows, cols].sum() / max(1, len(words))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--turns", type=int, default=36)
    parser.add_argument("--voices", type=int, default=2, choices=(1, 2, 3))
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()

    scratch = Path(tempfile.mkdtemp(prefix="daredevil-bench-"))
    os.environ["DAREDEVIL_HOME"] = str(scratch / "home")  # our own settings, models and store

    from conversations import VOICES, conversation
    from desktop_app.core.pipeline import Pipeline
    from desktop_app.core.settings import Settings

    talk = conversation(VOICES[: args.voices], scratch / "talk.wav", turns=args.turns, seed=7)
    seconds = len(talk.audio) / 16000
    settings = Settings()
    plain = Pipeline(settings, use_cache=False, device="cpu")
    labelled = Pipeline(settings, use_cache=False, device="cpu", speakers="auto", engine=plain.engine)
    try:
        plain_job, speaker_job = plain.prepare(talk.path), labelled.prepare(talk.path)
        audio = plain.extract(plain_job)
        warm_clip = audio[: 16000 * 20]
        started = time.perf_counter()
        labelled.label_speakers(speaker_job, warm_clip, labelled.transcribe_audio(speaker_job, warm_clip))
        cold_s = time.perf_counter() - started
        with_words, without_words, step = [], [], []
        load_before = os.getloadavg()[0]
        for _ in range(args.runs):
            started = time.perf_counter()
            plain.transcribe_audio(plain_job, audio)
            without_words.append(time.perf_counter() - started)
            started = time.perf_counter()
            transcript = labelled.transcribe_audio(speaker_job, audio)
            with_words.append(time.perf_counter() - started)
            started = time.perf_counter()
            result = labelled.label_speakers(speaker_job, audio, transcript)
            step.append(time.perf_counter() - started)
        load_after = os.getloadavg()[0]
        run = labelled.describe_run(speaker_job)
    finally:
        plain.close()
    t_words, t_plain, s = min(with_words), min(without_words), min(step)
    command = " ".join(map(shlex.quote, ["bench/speakers_speed.py", *sys.argv[1:]]))
    print(f"\n{date.today()}, `{command}`: {seconds:.0f} s, {args.voices} voice(s), {run}, "
          f"{args.runs} runs, load {load_before:.1f} -> {load_after:.1f}\n")
    print("| transcription with words (min) | default transcription, no words (min) | speaker step, warm (min) "
          "| share of the first | share of the second | speakers found | word accuracy |")
    print("|---|---|---|---|---|---|---|")
    print(f"| {t_words:.1f} s (median {statistics.median(with_words):.1f}) "
          f"| {t_plain:.1f} s (median {statistics.median(without_words):.1f}) "
          f"| {s:.2f} s (median {statistics.median(step):.2f}) | {100 * s / t_words:.1f} % "
          f"| {100 * s / t_plain:.1f} % | {len(result.speakers)} | {word_accuracy(talk, result.transcript):.3f} |")
    print(f"\nCold first call in the worker (a 20 s clip: transcription, imports, the encoder's load, "
          f"the step): {cold_s:.2f} s. Verdict: {'PASS' if s <= 0.2 * t_plain else 'FAIL'} "
          "(goal: at most 20 % of the transcription).")


if __name__ == "__main__":
    main()
