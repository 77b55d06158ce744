"""Test conversations: espeak-ng voices that sound different, taking turns at known times.

Each turn is spoken on its own, trimmed of espeak's silence and decoded to 16 kHz with the
bundled ffmpeg; the turns are joined with short pauses, so where each voice speaks is
known to the sample. The voices were picked from their resemblyzer embeddings: en-us,
en-us+f3 and en-us+Storm are far apart (mean cosine 0.49-0.60 between, 0.77-0.82 within);
en-gb+m3 sounds like en-us to the encoder (0.77), so it is not used.
"""

from __future__ import annotations

import subprocess
import wave
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from desktop_app.core.transcript import Segment, Transcript, Word

from speech import decode_audio

SAMPLE_RATE = 16000
VOICES = ("en-us", "en-us+f3", "en-us+Storm")
# Varied sentences with words tiny.en hears well; every turn says something new.
LINES = (
    "Good morning, thank you for coming in today.",
    "Thanks for having me. I am happy to be here.",
    "Let us start with your work at the library.",
    "I have worked there for six years, mostly with old maps.",
    "What do people ask you about the most?",
    "They often want to know how the city looked before the railway.",
    "That sounds like a lot of research.",
    "It is, but I enjoy it. Every map tells a small story.",
    "Do you have a favourite one?",
    "Yes, a drawing of the harbour from the year eighteen twenty.",
    "Where can visitors see it?",
    "It hangs in the reading room on the second floor.",
)


@dataclass(frozen=True)
class Turn:
    start: float
    end: float
    speaker: int  # index into the conversation's voices


@dataclass(frozen=True)
class Conversation:
    path: Path
    audio: np.ndarray
    turns: tuple[Turn, ...]
    voices: tuple[str, ...]

    def speaker_at(self, start: float, end: float) -> int:
        """The voice that speaks most of [start, end] (the nearest turn when none does)."""
        best = max(self.turns, key=lambda t: min(t.end, end) - max(t.start, start))
        return best.speaker


def spoken(text: str, voice: str, scratch: Path) -> np.ndarray:
    """`text` in `voice`, 16 kHz float32, espeak's leading and trailing silence cut."""
    wav = scratch / f"turn-{abs(hash((text, voice)))}.wav"
    subprocess.run(["espeak-ng", "-v", voice, "-s", "150", "-w", str(wav), text], check=True, capture_output=True)
    audio = decode_audio(wav)
    loud = np.flatnonzero(np.abs(audio) > 0.01)
    return audio[loud[0]:loud[-1] + 1]


def write_wav(audio: np.ndarray, path: Path) -> Path:
    """16-bit mono WAV at 16 kHz."""
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(SAMPLE_RATE)
        out.writeframes((np.clip(audio, -1, 1) * 32767).astype(np.int16).tobytes())
    return Path(path)


def conversation(voices: tuple[str, ...], path: Path, turns: int = 12, seed: int = 0,
                 pause_s: tuple[float, float] = (0.5, 0.9)) -> Conversation:
    """`turns` turns, the voices in rotation, pauses drawn from `pause_s`; written to `path`."""
    rng = np.random.default_rng(seed)
    order = rng.permutation(len(LINES))
    parts, timeline, t = [], [], 0.0
    for i in range(turns):
        audio = spoken(LINES[order[i % len(LINES)]], voices[i % len(voices)], path.parent)
        timeline.append(Turn(t, t + len(audio) / SAMPLE_RATE, i % len(voices)))
        pause = np.zeros(int(rng.uniform(*pause_s) * SAMPLE_RATE), dtype=np.float32)
        parts += [audio, pause]
        t += (len(audio) + len(pause)) / SAMPLE_RATE
    audio = np.concatenate(parts).astype(np.float32)
    write_wav(audio, path)
    return Conversation(path, audio, tuple(timeline), tuple(voices))


def with_quiet_overlap(base: Conversation, path: Path, turn: int = 2, gain: float = 0.2) -> Conversation:
    """`base` with another voice speaking quietly (x`gain`) under the loud turn `turn`."""
    loud = base.turns[turn]
    other = VOICES[(base.voices.index(base.voices[loud.speaker]) + 1) % len(VOICES)]
    quiet = spoken("Sorry, may I just say something here?", other, path.parent) * gain
    audio = base.audio.copy()
    at = int(loud.start * SAMPLE_RATE) + SAMPLE_RATE // 2
    n = min(len(quiet), len(audio) - at)
    audio[at:at + n] += quiet[:n]
    write_wav(audio, path)
    return Conversation(path, audio, base.turns, base.voices)


def known_turns_transcript(talk):
    """A transcript whose words are the conversation's turns cut in 0.4 s pieces (no model)."""
    segments = []
    for turn in talk.turns:
        words, t = [], turn.start
        while t < turn.end:
            words.append(Word(t, min(t + 0.4, turn.end), " word"))
            t += 0.4
        segments.append(Segment(turn.start, turn.end, "".join(w.text for w in words), tuple(words)))
    return Transcript(tuple(segments), "en", len(talk.audio) / 16000)
