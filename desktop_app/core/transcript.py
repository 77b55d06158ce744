"""The transcript: words, segments and the result of one transcription."""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass(frozen=True)
class Word:
    start: float
    end: float
    text: str  # as Whisper gives it, usually with a leading space
    probability: float = 1.0


@dataclass(frozen=True)
class Segment:
    start: float
    end: float
    text: str
    words: tuple[Word, ...] = ()


@dataclass(frozen=True)
class Transcript:
    segments: tuple[Segment, ...]
    language: str
    duration: float = 0.0

    @property
    def text(self) -> str:
        return "".join(s.text for s in self.segments).strip()

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Transcript":
        """Build from `to_dict` output; raises ValueError when the data is malformed."""
        return validate_transcript(data)


class TranscriptInvalid(ValueError):
    """Stored transcript data failed validation."""


def _number(value: Any, what: str) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        raise TranscriptInvalid(f"{what} is not a finite number: {value!r}")
    return float(value)


def validate_transcript(data: Any) -> Transcript:
    """Check structure, types, ascending times and present text; return a Transcript."""
    if not isinstance(data, dict):
        raise TranscriptInvalid("transcript is not an object")
    language = data.get("language")
    if not isinstance(language, str):
        raise TranscriptInvalid("language missing")
    duration = _number(data.get("duration", 0.0), "duration")
    raw_segments = data.get("segments")
    if not isinstance(raw_segments, (list, tuple)):
        raise TranscriptInvalid("segments missing")
    segments: list[Segment] = []
    last_start = -math.inf
    for i, raw in enumerate(raw_segments):
        if not isinstance(raw, dict):
            raise TranscriptInvalid(f"segment {i} is not an object")
        start = _number(raw.get("start"), f"segment {i} start")
        end = _number(raw.get("end"), f"segment {i} end")
        text = raw.get("text")
        if not isinstance(text, str):
            raise TranscriptInvalid(f"segment {i} has no text")
        if start < 0 or end < start or start < last_start:
            raise TranscriptInvalid(f"segment {i} times are out of order")
        last_start = start
        words = []
        for j, w in enumerate(raw.get("words") or ()):
            if not isinstance(w, dict) or not isinstance(w.get("text"), str):
                raise TranscriptInvalid(f"segment {i} word {j} is malformed")
            ws = _number(w.get("start"), "word start")
            we = _number(w.get("end"), "word end")
            if we < ws:
                raise TranscriptInvalid(f"segment {i} word {j} ends before it starts")
            words.append(Word(ws, we, w["text"], _number(w.get("probability", 1.0), "probability")))
        segments.append(Segment(start, end, text, tuple(words)))
    if segments and not any(s.text.strip() for s in segments):
        raise TranscriptInvalid("no segment has text")
    return Transcript(tuple(segments), language, duration)
