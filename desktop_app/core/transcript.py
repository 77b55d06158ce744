"""The transcript: words, segments and the result of one transcription."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Word:
    start: float
    end: float
    text: str  # as Whisper gives it, usually with a leading space
    probability: float = 1.0
    speaker: str | None = None  # a Speaker.id of the transcript


@dataclass(frozen=True)
class Segment:
    start: float
    end: float
    text: str
    words: tuple[Word, ...] = ()
    speaker: str | None = None  # a Speaker.id of the transcript
    # What Whisper says of how it decoded the segment (its JSON keeps them; 0/() when unknown,
    # e.g. after an edit made the segment anew).
    seek: int = 0
    tokens: tuple[int, ...] = ()
    temperature: float = 0.0
    avg_logprob: float = 0.0
    compression_ratio: float = 0.0
    no_speech_prob: float = 0.0


#: Segment fields kept as Whisper writes them, with their types.
DECODING_FIELDS = (("seek", int), ("temperature", float), ("avg_logprob", float),
                   ("compression_ratio", float), ("no_speech_prob", float))  # fmt: skip


@dataclass(frozen=True)
class Speaker:
    """A voice in the transcript: the id segments and words refer to, and the name shown.

    Renaming changes only `name`, so every segment follows at once (see core/speakers/labels.py).
    """

    id: str
    name: str


@dataclass(frozen=True)
class Transcript:
    segments: tuple[Segment, ...]
    language: str
    duration: float = 0.0
    speakers: tuple[Speaker, ...] = ()  # empty: no speaker step ran
    engine: str = ""  # what made it, e.g. "openai-whisper"; "" when unknown

    @property
    def text(self) -> str:
        return "".join(s.text for s in self.segments).strip()

    @property
    def whisper_text(self) -> str:
        """The text as Whisper's own result holds it: the segments' texts joined, unstripped."""
        return "".join(s.text for s in self.segments)

    def speaker_name(self, speaker_id: str | None) -> str | None:
        """The name shown for `speaker_id`; None when the id is None or unknown."""
        for speaker in self.speakers:
            if speaker.id == speaker_id:
                return speaker.name
        return None

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-able data (written out by hand: `asdict` is slow on long transcripts)."""
        return {
            "segments": [
                {
                    "start": s.start,
                    "end": s.end,
                    "text": s.text,
                    "words": [
                        {"start": w.start, "end": w.end, "text": w.text, "probability": w.probability,
                         **({"speaker": w.speaker} if w.speaker is not None else {})}
                        for w in s.words
                    ],
                    **({"speaker": s.speaker} if s.speaker is not None else {}),
                    "seek": s.seek, "tokens": list(s.tokens), "temperature": s.temperature,
                    "avg_logprob": s.avg_logprob, "compression_ratio": s.compression_ratio,
                    "no_speech_prob": s.no_speech_prob,
                }
                for s in self.segments
            ],
            "language": self.language,
            "duration": self.duration,
            **({"engine": self.engine} if self.engine else {}),
            **({"speakers": [{"id": p.id, "name": p.name} for p in self.speakers]} if self.speakers else {}),
        }

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


def _speakers(raw: Any) -> tuple[Speaker, ...]:
    if raw is None:
        return ()
    if not isinstance(raw, (list, tuple)):
        raise TranscriptInvalid("speakers is not a list")
    out: list[Speaker] = []
    for k, p in enumerate(raw):
        if not (isinstance(p, dict) and isinstance(p.get("id"), str) and p["id"]
                and isinstance(p.get("name"), str)):
            raise TranscriptInvalid(f"speaker {k} needs an id and a name")
        out.append(Speaker(p["id"], p["name"]))
    if len({p.id for p in out}) != len(out):
        raise TranscriptInvalid("two speakers share an id")
    return tuple(out)


def _speaker_ref(raw: dict, known: frozenset[str], what: str) -> str | None:
    speaker = raw.get("speaker")
    if speaker is not None and (not isinstance(speaker, str) or speaker not in known):
        raise TranscriptInvalid(f"{what} names an unknown speaker: {speaker!r}")
    return speaker


def _word(w: Any, i: int, j: int, known: frozenset[str] = frozenset()) -> Word:
    try:
        start, end = w["start"], w["end"]
        text = w["text"] if "text" in w else w["word"]  # ours, or openai-whisper's JSON
        probability = w.get("probability", 1.0)
        speaker = _speaker_ref(w, known, f"segment {i} word {j}") if "speaker" in w else None
    except (TypeError, KeyError, AttributeError):
        raise TranscriptInvalid(f"segment {i} word {j} is malformed") from None
    # fast path: plain finite floats, the usual case (a word-timed hour has ~10k words)
    if not (type(start) is float and type(end) is float and type(probability) is float
            and math.isfinite(start) and math.isfinite(end) and math.isfinite(probability)):
        start, end = _number(start, "word start"), _number(end, "word end")
        probability = _number(probability, "probability")
    if not isinstance(text, str):
        raise TranscriptInvalid(f"segment {i} word {j} has no text")
    if end < start:
        raise TranscriptInvalid(f"segment {i} word {j} ends before it starts")
    return Word(start, end, text, probability, speaker)


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
    speakers = _speakers(data.get("speakers"))
    known = frozenset(p.id for p in speakers)
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
        words = [_word(w, i, j, known) for j, w in enumerate(raw.get("words") or ())]
        segments.append(Segment(start, end, text, tuple(words), _speaker_ref(raw, known, f"segment {i}"),
                                **_decoding(raw, i)))  # fmt: skip
    if segments and not any(s.text.strip() for s in segments):
        raise TranscriptInvalid("no segment has text")
    engine = data.get("engine", "")
    if not isinstance(engine, str):
        raise TranscriptInvalid("engine is not a string")
    return Transcript(tuple(segments), language, duration, speakers, engine)


def _decoding(raw: dict, i: int) -> dict[str, Any]:
    """The optional decoding fields of segment `i` (absent in results stored by earlier versions)."""
    out: dict[str, Any] = {}
    for name, kind in DECODING_FIELDS:
        if name in raw:
            value = raw[name]
            if kind is int and (isinstance(value, bool) or not isinstance(value, int)):
                raise TranscriptInvalid(f"segment {i} {name} is not a whole number")
            out[name] = value if kind is int else _number(value, f"segment {i} {name}")
    tokens = raw.get("tokens", ())
    if not isinstance(tokens, (list, tuple)) or not all(type(t) is int for t in tokens):
        raise TranscriptInvalid(f"segment {i} tokens are not whole numbers")
    out["tokens"] = tuple(tokens)
    return out
