"""Give each word the voice heard while it is spoken, then split segments where the voice changes.

Windows vote for their group over the time they cover, most near their middle (a window
that reaches into the next turn knows least about its edges), each vote weighted by the
window's loudness (RMS): where two voices overlap, the louder one wins, which is also the
voice whisper wrote down. Time no window covers (a pause the VAD left out) takes the
nearest vote.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

import numpy as np

from desktop_app.core.speakers.regions import SAMPLE_RATE, Region
from desktop_app.core.transcript import Segment, Transcript, Word

STEP_S = 0.02  # the vote timeline's resolution


class VoteTimeline:
    """Per group, the summed votes up to each STEP_S of the file (cumulative, for spans)."""

    def __init__(self, windows: Sequence[Region], labels: np.ndarray, loudness: np.ndarray, duration: float):
        n_steps = max(1, int(np.ceil(duration / STEP_S)) + 1)
        groups = int(labels.max()) + 1 if len(labels) else 1
        per_step = np.zeros((groups, n_steps))
        for w, g, weight in zip(windows, labels, loudness):
            a = min(n_steps - 1, max(0, int(w.start / STEP_S)))
            b = min(n_steps, max(a + 1, int(np.ceil(w.end / STEP_S))))
            per_step[g, a:b] += weight * _triangle(b - a)
        self._cumulative = np.concatenate([np.zeros((groups, 1)), np.cumsum(per_step, axis=1)], axis=1)
        covered = per_step.sum(axis=0) > 0
        best = per_step.argmax(axis=0)
        self._nearest = _fill_nearest(best, covered)
        self.n_steps = n_steps

    def group_for(self, start: float, end: float) -> int:
        """The group with the most votes over [start, end]; the nearest one where none voted."""
        a = min(self.n_steps - 1, max(0, int(start / STEP_S)))
        b = min(self.n_steps, max(a + 1, int(np.ceil(end / STEP_S))))
        totals = self._cumulative[:, b] - self._cumulative[:, a]
        if totals.max() > 0:
            return int(totals.argmax())
        return int(self._nearest[(a + b - 1) // 2])


def _triangle(n: int) -> np.ndarray:
    """Weights over a window's n steps: 1 in the middle, falling to near 0 at its edges."""
    centre = (n - 1) / 2
    return 1.0 - np.abs(np.arange(n) - centre) / (centre + 1.0)


def _fill_nearest(best: np.ndarray, covered: np.ndarray) -> np.ndarray:
    """`best` where covered; elsewhere the value at the nearest covered step."""
    if covered.all() or not covered.any():
        return best
    positions = np.flatnonzero(covered)
    steps = np.arange(len(best))
    right = np.clip(np.searchsorted(positions, steps), 0, len(positions) - 1)
    left = np.clip(right - 1, 0, len(positions) - 1)
    nearer_left = np.abs(steps - positions[left]) <= np.abs(positions[right] - steps)
    return best[np.where(nearer_left, positions[left], positions[right])]


def window_loudness(audio: np.ndarray, windows: Sequence[Region]) -> np.ndarray:
    """RMS of the audio inside each window."""
    out = np.empty(len(windows))
    for i, w in enumerate(windows):
        chunk = audio[int(w.start * SAMPLE_RATE):int(w.end * SAMPLE_RATE)]
        out[i] = float(np.sqrt(np.mean(np.square(chunk, dtype=np.float64)))) if len(chunk) else 0.0
    return np.maximum(out, 1e-6)


def _split(segment: Segment, words: list[Word]) -> list[Segment]:
    """The segment cut into runs of one speaker each (times from the words at the cuts)."""
    runs: list[list[Word]] = []
    for w in words:
        if runs and runs[-1][-1].speaker == w.speaker:
            runs[-1].append(w)
        else:
            runs.append([w])
    if len(runs) == 1:
        return [replace(segment, words=tuple(words), speaker=words[0].speaker)]
    out = []
    for k, run in enumerate(runs):
        start = segment.start if k == 0 else run[0].start
        end = segment.end if k == len(runs) - 1 else run[-1].end
        out.append(Segment(start, max(end, start), "".join(w.text for w in run), tuple(run), run[0].speaker))
    return out


def label_transcript(transcript: Transcript, timeline: VoteTimeline, ids: Sequence[str]) -> tuple[Segment, ...]:
    """Segments with a speaker id on each segment and word, split at every change of speaker."""
    out: list[Segment] = []
    for segment in transcript.segments:
        if not segment.words:
            out.append(replace(segment, speaker=ids[timeline.group_for(segment.start, segment.end)]))
            continue
        words = [replace(w, speaker=ids[timeline.group_for(w.start, w.end)]) for w in segment.words]
        out.extend(_split(segment, words))
    return tuple(out)
