"""Subtitle and text writers, one small class per format, after openai-whisper's ResultWriter."""

from __future__ import annotations

import functools
import importlib
import importlib.util
import json
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TextIO, Union

from desktop_app.core.subtitles.shaping import Cue, ShapeOptions, shape_cues, word_pieces
from desktop_app.core.transcript import Segment, Transcript

Source = Union[Transcript, Sequence[Cue]]
# Karaoke sub-cues shorter than this would vanish once times are rounded to milliseconds.
_MIN_SUB_CUE_S = 0.0005


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


def _timestamp(seconds: float, always_include_hours: bool, decimal_marker: str) -> str:
    return _whisper_utils().format_timestamp(max(seconds, 0.0), always_include_hours, decimal_marker)


def _cues_to_transcript(cues: Sequence[Cue]) -> Transcript:
    segments = tuple(Segment(c.start, c.end, " " + " ".join(c.lines), c.words) for c in cues)
    return Transcript(segments, language="")


class SubtitleWriter:
    """Writes a transcript, or cues already shaped, to a text stream in one format."""

    extension: str
    cue_based = False  # writes shaped cues (timed lines on screen), not the transcript's segments

    def __init__(self, shape: ShapeOptions = ShapeOptions(), timestamps: bool = False):
        self.shape = shape
        self.timestamps = timestamps  # only the plain-text writer uses it

    def write(self, source: Source, stream: TextIO) -> None:
        raise NotImplementedError

    def cues(self, source: Source) -> list[Cue]:
        """Cues for `source`: shaped with this writer's options when given a transcript."""
        if isinstance(source, Transcript):
            return shape_cues(source, self.shape)
        return list(source)

    def rows(self, source: Source) -> Iterator[tuple[float, float, str]]:
        """(start, end, one-line text): a transcript's segments, or the given cues."""
        if isinstance(source, Transcript):
            for s in source.segments:
                if s.text.strip():
                    yield s.start, s.end, " ".join(s.text.split())
        else:
            for c in source:
                yield c.start, c.end, " ".join(c.lines)


class TXTWriter(SubtitleWriter):
    extension = "txt"

    def write(self, source: Source, stream: TextIO) -> None:
        for start, end, text in self.rows(source):
            if self.timestamps:
                text = f"[{_timestamp(start, True, '.')} --> {_timestamp(end, True, '.')}] {text}"
            stream.write(text + "\n")


class TSVWriter(SubtitleWriter):
    """Integer milliseconds, as whisper writes them, so no locale can change the decimal mark."""

    extension = "tsv"

    def write(self, source: Source, stream: TextIO) -> None:
        stream.write("start\tend\ttext\n")
        for start, end, text in self.rows(source):
            text = text.replace("\t", " ")
            stream.write(f"{round(1000 * start)}\t{round(1000 * end)}\t{text}\n")


class JSONWriter(SubtitleWriter):
    """The transcript's own dictionary (segments, words, language) plus its full text."""

    extension = "json"

    def write(self, source: Source, stream: TextIO) -> None:
        transcript = source if isinstance(source, Transcript) else _cues_to_transcript(source)
        data = {"text": transcript.text, **transcript.to_dict()}
        json.dump(data, stream, ensure_ascii=False, indent=2)
        stream.write("\n")


class TimedTextWriter(SubtitleWriter):
    """SRT and WebVTT: numbered or plain blocks of `start --> end` and text."""

    always_include_hours: bool
    decimal_marker: str
    cue_based = True

    def stamp(self, seconds: float) -> str:
        return _timestamp(seconds, self.always_include_hours, self.decimal_marker)

    def escape(self, text: str) -> str:
        return text.replace("-->", "->")

    def blocks(self, cues: list[Cue]) -> Iterator[tuple[float, float, str]]:
        """(start, end, text) per block; with karaoke, one block per word as it is spoken."""
        for cue in cues:
            plain = self.escape(cue.text)
            if not (self.shape.highlight_words and cue.words):
                yield cue.start, cue.end, plain
                continue
            yield from self._highlighted(cue, plain)

    def _highlighted(self, cue: Cue, plain: str) -> Iterator[tuple[float, float, str]]:
        pieces, last, emitted = word_pieces(cue), cue.start, False
        for index, _ in pieces:
            if index is None:
                continue
            w = cue.words[index]
            start = min(max(w.start, last), cue.end)
            end = min(max(w.end, start), cue.end)
            if end - start < _MIN_SUB_CUE_S:
                continue
            if start - last >= _MIN_SUB_CUE_S:
                yield last, start, plain
            text = "".join(f"<u>{self.escape(p)}</u>" if i == index else self.escape(p)
                           for i, p in pieces)
            yield start, end, text
            last, emitted = end, True
        if not emitted:
            yield cue.start, cue.end, plain
        elif cue.end - last >= _MIN_SUB_CUE_S:
            yield last, cue.end, plain


class SRTWriter(TimedTextWriter):
    extension = "srt"
    always_include_hours = True
    decimal_marker = ","

    def write(self, source: Source, stream: TextIO) -> None:
        for n, (start, end, text) in enumerate(self.blocks(self.cues(source)), start=1):
            stream.write(f"{n}\n{self.stamp(start)} --> {self.stamp(end)}\n{text}\n\n")


class VTTWriter(TimedTextWriter):
    extension = "vtt"
    always_include_hours = False
    decimal_marker = "."

    def escape(self, text: str) -> str:
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")

    def write(self, source: Source, stream: TextIO) -> None:
        stream.write("WEBVTT\n\n")
        for start, end, text in self.blocks(self.cues(source)):
            stream.write(f"{self.stamp(start)} --> {self.stamp(end)}\n{text}\n\n")


ASS_HEADER = """[Script Info]
; Written by Daredevil
Title: {title}
ScriptType: v4.00+
WrapStyle: 0
ScaledBorderAndShadow: yes
PlayResX: 1920
PlayResY: 1080

[V4+ Styles]
Format: Name, Fontname, Fontsize, PrimaryColour, SecondaryColour, OutlineColour, BackColour, \
Bold, Italic, Underline, StrikeOut, ScaleX, ScaleY, Spacing, Angle, BorderStyle, Outline, \
Shadow, Alignment, MarginL, MarginR, MarginV, Encoding
Style: Default,Arial,64,{primary},&H00B4B4B4,&H00000000,&H80000000,0,0,0,0,100,100,0,0,1,3,1,\
2,60,60,50,1

[Events]
Format: Layer, Start, End, Style, Name, MarginL, MarginR, MarginV, Effect, Text
"""
_WHITE, _YELLOW = "&H00FFFFFF", "&H0000FFFF"  # ASS colours are &HAABBGGRR


def ass_timestamp(seconds: float) -> str:
    """H:MM:SS.cc, the centisecond times of ASS."""
    cs = round(max(seconds, 0.0) * 100)
    return f"{cs // 360000}:{cs // 6000 % 60:02d}:{cs // 100 % 60:02d}.{cs % 100:02d}"


class ASSWriter(SubtitleWriter):
    """Advanced SubStation Alpha; karaoke through \\k tags when words are highlighted."""

    extension = "ass"
    cue_based = True
    title = "Transcript"

    @staticmethod
    def escape(text: str) -> str:
        # ASS has no escape for braces (override blocks) or backslashes (\N, \h); use look-alikes.
        text = text.replace("\\", "＼").replace("{", "｛").replace("}", "｝")
        return text.replace("\n", "\\N")

    def karaoke(self, cue: Cue) -> str:
        """Text with a \\k tag before each word, lasting from the previous word's end to its own."""
        def cs(t: float) -> int:  # centiseconds from the cue's start, inside the cue
            return round((min(max(t, cue.start), cue.end) - cue.start) * 100)

        out, last = [], 0
        for index, piece in word_pieces(cue):
            if index is None:
                out.append(self.escape(piece))
                continue
            w = cue.words[index]
            start = max(cs(w.start), last)
            end = max(cs(w.end), start)
            if start > last:
                out.append(f"{{\\k{start - last}}}")
            out.append(f"{{\\k{end - start}}}{self.escape(piece)}")
            last = end
        return "".join(out)

    def write(self, source: Source, stream: TextIO) -> None:
        karaoke = self.shape.highlight_words
        stream.write(ASS_HEADER.format(title=self.title, primary=_YELLOW if karaoke else _WHITE))
        for cue in self.cues(source):
            if karaoke and cue.words:
                text = self.karaoke(cue)
            else:
                text = self.escape(cue.text)
            stream.write(f"Dialogue: 0,{ass_timestamp(cue.start)},{ass_timestamp(cue.end)},"
                         f"Default,,0,0,0,,{text}\n")


WRITERS: dict[str, type[SubtitleWriter]] = {
    w.extension: w for w in (TXTWriter, SRTWriter, VTTWriter, TSVWriter, JSONWriter, ASSWriter)
}
FORMATS: tuple[str, ...] = tuple(WRITERS)


def get_writer(fmt: str, shape: ShapeOptions = ShapeOptions(),
               timestamps: bool = False) -> SubtitleWriter:
    """A writer for `fmt` (one of FORMATS)."""
    try:
        cls = WRITERS[fmt.lower().lstrip(".")]
    except KeyError:
        raise ValueError(f"Unknown output format {fmt!r}; choose one of: "
                         f"{', '.join(FORMATS)}.") from None
    return cls(shape, timestamps)
