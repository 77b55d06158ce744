"""What every writer shares: the base class, times as whisper writes them, speaker labels."""

from __future__ import annotations

import functools
import importlib
import importlib.util
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import IO, Union

from desktop_app.core.subtitles.shaping import Cue, ShapeOptions, shape_cues
from desktop_app.core.transcript import Segment, Speaker, Transcript

Source = Union[Transcript, Sequence[Cue]]


class SpeakerLabel(str, Enum):
    """How subtitles (SRT, ASS) show who speaks: "Name: text" or "[Name] text"."""

    COLON = "colon"
    BRACKETS = "brackets"

    def prefix(self, name: str | None) -> str:
        if not name:
            return ""
        return f"[{name}] " if self is SpeakerLabel.BRACKETS else f"{name}: "


@functools.cache
def _whisper_utils():
    """openai-whisper's `utils` module, loaded from its file without running
    `whisper/__init__.py`, which imports torch (over a second and ~300 MB in the GUI)."""
    import sys

    loaded = sys.modules.get("whisper.utils")
    if loaded is not None:
        return loaded
    spec = importlib.util.find_spec("whisper")
    if spec is None or not spec.submodule_search_locations:
        raise ImportError("openai-whisper is not installed")
    path = Path(next(iter(spec.submodule_search_locations))) / "utils.py"
    if not path.is_file():  # a frozen build keeps modules in its archive: import normally
        return importlib.import_module("whisper.utils")
    utils_spec = importlib.util.spec_from_file_location("_daredevil_whisper_utils", path)
    module = importlib.util.module_from_spec(utils_spec)
    utils_spec.loader.exec_module(module)
    return module


def timestamp(seconds: float, always_include_hours: bool, decimal_marker: str) -> str:
    """A time as whisper's writers format it (00:01:02.345)."""
    return _whisper_utils().format_timestamp(max(seconds, 0.0), always_include_hours, decimal_marker)


def cues_to_transcript(cues: Sequence[Cue]) -> Transcript:
    """Cues as a transcript, one segment each; speakers keep their names (as ids too)."""
    names = list(dict.fromkeys(c.speaker for c in cues if c.speaker))
    segments = tuple(Segment(c.start, c.end, " " + " ".join(c.lines), c.words, c.speaker) for c in cues)
    return Transcript(segments, language="", speakers=tuple(Speaker(n, n) for n in names))


@dataclass(frozen=True)
class Row:
    """One line of a plain listing: its times, its text on one line, who said it."""

    start: float
    end: float
    text: str
    speaker: str | None = None  # the speaker's name


class SubtitleWriter:
    """Writes a transcript, or cues already shaped, to a stream in one format."""

    format: str  # the name users pick (--format, the export dialog)
    extension: str  # the output file's extension, without the dot
    binary = False  # True: `write` takes a binary stream
    cue_based = False  # writes shaped cues (timed lines on screen), not the transcript's segments

    def __init__(self, shape: ShapeOptions = ShapeOptions(), timestamps: bool = False,
                 speaker_label: SpeakerLabel | str = SpeakerLabel.COLON):
        self.shape = shape
        self.timestamps = timestamps  # the plain-text and document writers use it
        self.speaker_label = SpeakerLabel(speaker_label)

    def write(self, source: Source, stream: IO) -> None:
        raise NotImplementedError

    def cues(self, source: Source) -> list[Cue]:
        """Cues for `source`: shaped with this writer's options when given a transcript."""
        if isinstance(source, Transcript):
            return shape_cues(source, self.shape)
        return list(source)

    def rows(self, source: Source) -> Iterator[Row]:
        """A transcript's segments with text, or the given cues, one line each."""
        if isinstance(source, Transcript):
            for s in source.segments:
                if s.text.strip():
                    yield Row(s.start, s.end, " ".join(s.text.split()), source.speaker_name(s.speaker))
        else:
            for c in source:
                yield Row(c.start, c.end, " ".join(c.lines), c.speaker)


def turns(rows: Sequence[Row]) -> list[list[Row]]:
    """Consecutive rows of one speaker grouped into a turn (a paragraph of a transcript)."""
    out: list[list[Row]] = []
    for row in rows:
        if out and out[-1][-1].speaker == row.speaker:
            out[-1].append(row)
        else:
            out.append([row])
    return out
