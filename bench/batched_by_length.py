"""Benchmark of the fast-engine issue: batched vs not, by file length (to choose BATCHED_FROM_S).

    .venv/bin/python bench/batched_by_length.py [--runs 2] [--lengths 15,30,60,120,240]

For each length, espeak-ng speech that does not repeat (tests/speech.py's LONG_TEXT, then
tests/conversations.py's LINES, then the sentences below, cut at the sentence end nearest the
length) is transcribed by our CLI, each run a whole process:

    daredevil transcribe FILE --language en --no-cache --device cpu --batched | --no-batched

with the starter model (base, multilingual, its CTranslate2 form, int8) and the CLI's other
defaults (beam 5, VAD on). One untimed warm-up run comes first (the disk cache). Batched and
non-batched alternate side by side, the order flipped on every other run, so load on a shared
machine hits both alike. Peak RSS of the process tree is sampled every 50 ms
(engine_vs_faster_whisper.timed). Prints a markdown table: the median wall time per mode, the
ratio batched / non-batched, and a rough word error rate of each mode against the spoken text
(espeak's voice, and digits for spoken numbers, keep it above 0).
The app switches to batched from desktop_app.core.engine_choice.BATCHED_FROM_S.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from engine_vs_faster_whisper import timed  # noqa: E402

MB = 1024**2
MODES = ("batched", "no-batched")

# New varied sentences (no sentence said twice), after LONG_TEXT and LINES, for up to ~4 min.
MORE = (
    "The river starts high in the hills, where the snow melts in early spring. "
    "Farmers along its banks grow apples, pears and a little wheat. "
    "Every autumn a boat race is held between the two old bridges. "
    "The winning team receives a silver cup and a dinner at the town hall. "
    "Last year the race was cancelled because of a heavy storm. "
    "Our school opened a new science room with twelve microscopes. "
    "The students built a small weather station on the roof. "
    "It measures the wind, the rain and the temperature every ten minutes. "
    "A local newspaper prints the results on the back page each Friday. "
    "My neighbour keeps bees in the garden behind her house. "
    "She sells honey at the market and gives lessons to beginners. "
    "The bees visit the lime trees in June and the heather in August. "
    "Please remember to close the windows before you leave the office. "
    "The cleaning team arrives at seven and locks the front door at nine. "
    "If you need a key, ask at the reception desk on the ground floor. "
    "The museum will show a collection of old clocks next month. "
    "Some of them were made by hand in a workshop near the harbour. "
    "The oldest clock still runs, although it loses a minute every day. "
    "A guide explains how the springs and wheels work together. "
    "In the summer the park hosts open air films on Saturday nights. "
    "People bring blankets, cushions and baskets of food. "
    "The films start when the sun goes down, usually around half past nine. "
    "Our train was delayed by twenty minutes because of work on the line. "
    "The driver apologised and explained that a signal had failed. "
    "We used the time to read the news and drink a cup of tea. "
    "The mountain path is steep, so wear good boots and carry water. "
    "From the top you can see three lakes and the roofs of the village. "
    "On a clear day the view reaches as far as the sea. "
    "The kitchen at the hotel buys its vegetables from nearby farms. "
    "The chef changes the menu every week, depending on the season. "
    "Guests often ask for the recipe of the mushroom soup. "
    "A new bicycle lane now runs from the station to the university. "
    "It is separated from the cars by a low wall and a row of trees. "
    "More people cycle to work since the lane was opened in May. "
    "The orchestra practises on Tuesday and Thursday evenings. "
    "They are preparing a programme of music for the winter festival. "
    "The violin section has three new players this season. "
    "Our team meeting has moved to Wednesday afternoon at two o'clock. "
    "Please bring the sales figures and a short report on the new project. "
    "We will also discuss the budget for the next three months. "
    "The library lends tools as well as books, from drills to ladders. "
    "Members can borrow a tool for one week at no cost. "
    "The most popular item is a machine for cleaning carpets. "
    "A family of foxes lives under the shed at the end of our street. "
    "The young ones play on the grass in the early morning. "
    "Nobody feeds them, but they seem healthy and quick. "
    "The baker wakes up at four to prepare the dough for the day. "
    "He makes white bread, brown bread and small sweet rolls with raisins. "
    "By noon the shelves are usually empty. "
    "The ferry to the island leaves twice a day in the winter. "
    "In the summer there are five crossings, and the last one is at eight. "
    "Cars must be booked in advance, but people on foot can just arrive. "
    "Thank you all for listening, and have a pleasant evening."
)

_WORD = re.compile(r"[a-z0-9']+")


def _words(text: str) -> list[str]:
    return _WORD.findall(text.lower())


def wer(reference: str, hypothesis: str) -> float:
    """Word error rate (edits / reference words), plain Levenshtein on lower-cased words."""
    ref, hyp = _words(reference), _words(hypothesis)
    previous = list(range(len(hyp) + 1))
    for i, r in enumerate(ref, 1):
        current = [i]
        for j, h in enumerate(hyp, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (r != h)))
        previous = current
    return previous[-1] / max(1, len(ref))


def make_clips(lengths: list[float], work: Path) -> dict[float, tuple[Path, float, str]]:
    """For each target length, a WAV of the first sentences, cut nearest it: (path, seconds, text)."""
    from conversations import LINES
    from speech import LONG_TEXT, duration_s, speak

    text = " ".join([LONG_TEXT, *LINES, MORE])
    sentences = re.findall(r"[^.?!]+[.?!]", text)
    per_sentence = []  # each sentence's spoken seconds, to choose the cut without trial and error
    for i, sentence in enumerate(sentences):
        per_sentence.append(duration_s(speak(sentence.strip(), work / f"s{i}.wav")))
    clips = {}
    sums = [sum(per_sentence[:n]) for n in range(len(sentences) + 1)]
    for target in lengths:
        if sums[-1] < target * 0.95:
            raise SystemExit(f"Not enough text for {target:.0f} s (only {sums[-1]:.0f} s); add sentences to MORE")
        n = min(range(1, len(sums)), key=lambda k: abs(sums[k] - target))  # the cut nearest the target
        spoken_text = " ".join(s.strip() for s in sentences[:n])
        wav = speak(spoken_text, work / f"speech-{target:.0f}s.wav")
        clips[target] = (wav, duration_s(wav), spoken_text)
    return clips


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=2)
    parser.add_argument("--lengths", default="15,30,60,120,240", help="target seconds, comma-separated")
    parser.add_argument("--keep", action="store_true", help="keep the work folder (audio, transcripts)")
    args = parser.parse_args()
    lengths = [float(x) for x in args.lengths.split(",")]

    work = Path(tempfile.mkdtemp(prefix="bench-batched-"))
    home = work / "home"
    env = {**os.environ, "DAREDEVIL_HOME": str(home)}
    os.environ["DAREDEVIL_HOME"] = str(home)
    from desktop_app.core.engine_choice import BATCHED_FROM_S
    from desktop_app.core.models.registry import resolve_model
    from desktop_app.core.models.starter import STARTER_MODEL_NAME

    resolve_model(STARTER_MODEL_NAME, STARTER_MODEL_NAME)  # install it into the bench home now, not in run 1
    clips = make_clips(lengths, work)
    daredevil = str(Path(sys.executable).parent / "daredevil")

    warm_up = [daredevil, "transcribe", str(clips[lengths[0]][0]), "--language", "en", "--no-cache",
               "--device", "cpu", "--output-dir", str(work / "warm-up")]  # fmt: skip
    timed(warm_up, env)  # untimed: the first process reads the libraries and the model from disk
    results: dict[tuple[float, str], list[tuple[float, int, float]]] = {}
    load_before = os.getloadavg()[0]
    started = time.monotonic()
    for run in range(args.runs):
        for target, (wav, seconds, spoken_text) in clips.items():
            order = MODES if run % 2 == 0 else MODES[::-1]
            for mode in order:
                out = work / f"out-{mode}"
                cmd = [daredevil, "transcribe", str(wav), "--language", "en", "--no-cache", "--device", "cpu",
                       f"--{mode}", "--format", "txt", "--output-dir", str(out)]  # fmt: skip
                wall, peak, _ = timed(cmd, env)
                error = wer(spoken_text, (out / f"{wav.stem}.txt").read_text(encoding="utf-8"))
                results.setdefault((target, mode), []).append((wall, peak, error))
                print(f"run {run + 1} {seconds:.0f} s {mode}: {wall:.1f} s, {peak / MB:.0f} MB, "
                      f"WER {100 * error:.0f} %", file=sys.stderr)  # fmt: skip
    load_after = os.getloadavg()[0]
    total_s = time.monotonic() - started

    print(f"\n{time.strftime('%Y-%m-%d %H:%M')}, base int8 (starter), CPU, beam 5, VAD on, --language en, "
          f"{args.runs} runs each, whole CLI processes, load {load_before:.1f} -> {load_after:.1f}, "
          f"{total_s / 60:.0f} min; the app's BATCHED_FROM_S = {BATCHED_FROM_S:.0f} s\n")  # fmt: skip
    print("| speech | batched wall (median) | non-batched wall (median) | batched / non-batched | "
          "batched runs | non-batched runs | peak RSS batched | peak RSS non-batched | WER batched | WER non-batched |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    for target, (_, seconds, _) in clips.items():
        b, n = results[(target, "batched")], results[(target, "no-batched")]
        mb, mn = statistics.median(w for w, _, _ in b), statistics.median(w for w, _, _ in n)
        runs = lambda r: ", ".join(f"{w:.1f}" for w, _, _ in r)  # noqa: E731
        print(f"| {seconds:.0f} s | {mb:.1f} s | {mn:.1f} s | {mb / mn:.2f} | {runs(b)} | {runs(n)} | "
              f"{max(p for _, p, _ in b) / MB:.0f} MB | {max(p for _, p, _ in n) / MB:.0f} MB | "
              f"{100 * statistics.median(e for _, _, e in b):.0f} % | "
              f"{100 * statistics.median(e for _, _, e in n):.0f} % |")  # fmt: skip
    if args.keep:
        print(f"\nwork folder: {work}", file=sys.stderr)
    else:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
