"""Where people speak: speech regions from Silero VAD, and the windows embedded inside them."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

SAMPLE_RATE = 16000
WINDOW_S = 1.5  # resemblyzer was trained on 1.6 s partials; 1.5 s keeps turns sharper
HOP_S = 0.5  # three windows cover each moment of long speech
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


def speech_windows(regions: list[Region]) -> list[Region]:
    """Windows of WINDOW_S every HOP_S inside each region; a shorter region is one window."""
    windows: list[Region] = []
    for r in regions:
        if r.duration < MIN_WINDOW_S:
            continue
        if r.duration <= WINDOW_S:
            windows.append(r)
            continue
        count = int(np.ceil((r.duration - WINDOW_S) / HOP_S)) + 1
        for k in range(count):
            start = min(r.start + k * HOP_S, r.end - WINDOW_S)  # the last one ends with the region
            windows.append(Region(start, start + WINDOW_S))
    return windows
