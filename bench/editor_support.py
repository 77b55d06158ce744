"""Shared by bench/editor_open.py and bench/editor_playback_stall.py: a large synthetic transcript
with word timings, a fresh DAREDEVIL_HOME, and first-paint / heartbeat probes.

Import this only after DAREDEVIL_HOME is set (see `fresh_home`): it imports desktop_app.
"""

from __future__ import annotations

import os
import random
import statistics
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]

WORDS = (
    "the and of to a in that is was he for it with as his on be at by had not are but from or have "
    "an they which one you were her all she there would their we him been has when who will more no "
    "if out so said what up its about into than them can only other new some could time these two may "
    "then do first any my now such like our over man me even most made after also did many before "
    "must through back years where much your way well down should because each just those people "
    "river bridge market library museum railway square morning evening concert church student "
    "weather festival history building transcription review export segment quickly carefully"
).split()


def fresh_home(prefix: str = "daredevil-bench-") -> Path:
    """A new, empty DAREDEVIL_HOME (set in the environment before desktop_app is imported)."""
    home = Path(tempfile.mkdtemp(prefix=prefix))
    os.environ["DAREDEVIL_HOME"] = str(home)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    return home


def synthetic_segments(start: float, count: int, seed: int = 9, seg_s: float = 5.0, words_per: int = 12,
                       gap_s: float = 0.2, low_every: int = 29):  # fmt: skip
    """`count` segments of about `seg_s` seconds from `start`, each of ~`words_per` words with
    start/end/probability; about one word in `low_every` has a probability below 0.5."""
    from desktop_app.core.transcript import Segment, Word

    rng = random.Random(seed)
    segments, t, n = [], start, 0
    for _ in range(count):
        length = seg_s * rng.uniform(0.8, 1.2)
        k = max(4, words_per + rng.randint(-3, 3))
        tokens = [rng.choice(WORDS) for _ in range(k)]
        tokens[0] = tokens[0].capitalize()
        tokens[-1] += "."
        total = sum(len(tok) + 1 for tok in tokens)
        words, at = [], t
        for token in tokens:
            span = length * (len(token) + 1) / total
            n += 1
            probability = rng.uniform(0.1, 0.49) if n % low_every == 0 else rng.uniform(0.6, 0.99)
            words.append(Word(round(at, 3), round(at + span * 0.9, 3), " " + token, round(probability, 3)))
            at += span
        segments.append(Segment(round(t, 3), round(t + length, 3), "".join(w.text for w in words), tuple(words)))
        t += length + gap_s
    return segments


def two_hour_transcript(segment_count: int = 1400):
    from desktop_app.core.transcript import Transcript

    segments = synthetic_segments(0.0, segment_count)
    return Transcript(tuple(segments), "en", segments[-1].end + 1.0)


def seed_job(home_store: Path, source: Path, transcript) -> str:
    """A finished job for `source` in the real SQLite history (as tests/ui/editor_media.py does)."""
    from desktop_app.core.jobs import Job, JobStatus
    from desktop_app.core.store import JobStore

    with JobStore(home_store) as store:
        job = Job(path=source, status=JobStatus.DONE, transcript=transcript, language="en",
                  duration_s=transcript.duration)  # fmt: skip
        store.add(job)
    return job.id


def ffmpeg_exe() -> str:
    import imageio_ffmpeg

    return imageio_ffmpeg.get_ffmpeg_exe()


def pct(values: list[float], q: float) -> float:
    """The q-quantile (0..1) by nearest rank."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, int(round(q * len(ordered))) - 1))]


def summary(values: list[float]) -> str:
    return f"median {statistics.median(values):.1f}, max {max(values):.1f}"

