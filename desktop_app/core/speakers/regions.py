"""Where people speak: speech regions from Silero VAD, and the windows embedded inside them."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

SAMPLE_RATE = 16000
WINDOW_S = 1.5  # resemblyzer was trained on 1.6 s partials; 1.5 s keeps turns sharper
# The first pass embeds windows every MAX_HOP_S (each moment about 1.5 times) on long files,
# closer together on short ones so that at least TARGET_WINDOWS are clustered; the second pass
# adds windows every FINE_HOP_S only where two neighbours disagree (`windows_around_changes`).
MAX_HOP_S = 1.0
MIN_HOP_S = 0.5
TARGET_WINDOWS = 80
FINE_HOP_S = 0.5
MIN_WINDOW_S = 0.5  # a region shorter than this says too little about its voice
# VAD tuned for turns, not for whisper's 30 s chunks: a short pause ends a region.
VAD_MIN_SILENCE_MS = 250
VAD_SPEECH_PAD_MS = 30


@dataclass(frozen=True)
class Region:
    """A stretch of speech, in seconds."""

    start: float
    end: float

    @property
    def duration(self) -> float:
        return self.end - self.start


def speech_regions(audio: np.ndarray) -> list[Region]:
    """Speech regions of 16 kHz mono audio, from faster-whisper's bundled Silero VAD (no download)."""
    from faster_whisper.vad import VadOptions, get_speech_timestamps

    options = VadOptions(min_silence_duration_ms=VAD_MIN_SILENCE_MS, speech_pad_ms=VAD_SPEECH_PAD_MS)
    stamps = get_speech_timestamps(audio, options, sampling_rate=SAMPLE_RATE)
    return [Region(s["start"] / SAMPLE_RATE, s["end"] / SAMPLE_RATE) for s in stamps]


def first_pass_hop(regions: list[Region]) -> float:
    """The first pass's hop: side by side on long speech, closer on short speech."""
    speech = sum(r.duration for r in regions)
    return float(np.clip(speech / TARGET_WINDOWS, MIN_HOP_S, MAX_HOP_S))


def _windows_in(r: Region, hop: float) -> list[Region]:
    if r.duration <= WINDOW_S:
        return [r]
    count = int(np.ceil((r.duration - WINDOW_S) / hop)) + 1
    starts = [min(r.start + k * hop, r.end - WINDOW_S) for k in range(count)]  # the last ends with r
    return [Region(start, start + WINDOW_S) for start in starts]


def speech_windows(regions: list[Region], hop: float = MIN_HOP_S) -> list[Region]:
    """Windows of WINDOW_S every `hop` inside each region; a shorter region is one window."""
    return [w for r in regions if r.duration >= MIN_WINDOW_S for w in _windows_in(r, hop)]


def windows_around_changes(windows: list[Region], labels: np.ndarray, hop: float = FINE_HOP_S) -> list[Region]:
    """Windows every `hop` across each pair of touching windows whose groups differ: a turn
    changes somewhere in there, inside one stretch of speech (the pause was too short for VAD)."""
    extra: list[Region] = []
    for a, b, la, lb in zip(windows, windows[1:], labels, labels[1:]):
        if la == lb or b.start > a.end + 1e-6:
            continue
        span = Region(a.start, b.end)
        extra += [w for w in _windows_in(span, hop) if w.start > a.start + 1e-6 and w.end < b.end - 1e-6]
    return extra
