"""Subtitle and text writers, one small class per format, after openai-whisper's ResultWriter."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import TextIO

from desktop_app.core.subtitles.base import (
    Source,
    SpeakerLabel,
    SubtitleWriter,
    cues_to_transcript,
    timestamp,
    turns,
)
from desktop_app.core.subtitles.documents import DOCXWriter, MAXQDAWriter
from desktop_app.core.subtitles.shaping import Cue, ShapeOptions, word_pieces
from desktop_app.core.transcript import Transcript

# Karaoke sub-cues shorter than this would vanish once times are rounded to milliseconds.
_MIN_SUB_CUE_S = 0.0005


class TXTWriter(SubtitleWriter):
    """One line per segment, as whisper writes it; with speakers, "Name: text" paragraphs."""

    format = extension = "txt"

    def stamp(self, start: float, end: float) -> str:
        return f"[{timestamp(start, True, '.')} --> {timestamp(end, True, '.')}] " if self.timestamps else ""

    def write(self, source: Source, stream: TextIO) -> None:
        rows = list(self.rows(source))
        if not any(r.speaker for r in rows):
            for r in rows:
                stream.write(self.stamp(r.start, r.end) + r.text + "\n")
            return
        for n, turn in enumerate(turns(rows)):
            text = " ".join(r.text for r in turn)
            name = f"{turn[0].speaker}: " if turn[0].speaker else ""
            stream.write(("\n" if n else "") + self.stamp(turn[0].start, turn[-1].end) + name + text + "\n")


class TSVWriter(SubtitleWriter):
    """Integer milliseconds, as whisper writes them, so no locale can change the decimal mark.

    A speaker column comes before the text when the transcript has speakers."""

    format = extension = "tsv"

    def write(self, source: Source, stream: TextIO) -> None:
        rows = list(self.rows(source))
        with_speakers = any(r.speaker for r in rows)
        stream.write("start\tend\tspeaker\ttext\n" if with_speakers else "start\tend\ttext\n")
        for r in rows:
            speaker = (r.speaker or "").replace("\t", " ") + "\t" if with_speakers else ""
            stream.write(f"{round(1000 * r.start)}\t{round(1000 * r.end)}\t{speaker}{r.text.replace(chr(9), ' ')}\n")


class JSONWriter(SubtitleWriter):
    """openai-whisper's JSON, key for key (`text`, `segments` with `id`, `seek`, `tokens`,
    `temperature`, `avg_logprob`, `compression_ratio`, `no_speech_prob` and `words` with
    `word`, `start`, `end`, `probability`; `language`), plus our `duration` and `engine`.

    With speakers, each segment and word has `speaker` (the name shown) and `speaker_id`,
    and `speakers` lists the ids and names."""

    format = extension = "json"

    def write(self, source: Source, stream: TextIO) -> None:
        transcript = source if isinstance(source, Transcript) else cues_to_transcript(source)
        json.dump(whisper_json(transcript), stream, ensure_ascii=False, indent=2)
        stream.write("\n")


def whisper_json(transcript: Transcript) -> dict:
    """The transcript as openai-whisper's `transcribe` result, with our extra keys."""
    names = {p.id: p.name for p in transcript.speakers}

    def speaker(part) -> dict:
        if part.speaker is None:
            return {}
        return {"speaker": names.get(part.speaker, part.speaker), "speaker_id": part.speaker}

    segments = [
        {
            "id": i, "seek": s.seek, "start": s.start, "end": s.end, "text": s.text,
            "tokens": list(s.tokens), "temperature": s.temperature, "avg_logprob": s.avg_logprob,
            "compression_ratio": s.compression_ratio, "no_speech_prob": s.no_speech_prob,
            "words": [{"word": w.text, "start": w.start, "end": w.end, "probability": w.probability, **speaker(w)}
                      for w in s.words],
            **speaker(s),
        }
        for i, s in enumerate(transcript.segments)
    ]  # fmt: skip
    data = {"text": transcript.whisper_text, "segments": segments, "language": transcript.language,
            "duration": transcript.duration}  # fmt: skip
    if transcript.engine:
        data["engine"] = transcript.engine
    if transcript.speakers:
        data["speakers"] = [{"id": p.id, "name": p.name} for p in transcript.speakers]
    return data


class TimedTextWriter(SubtitleWriter):
    """SRT and WebVTT: numbered or plain blocks of `start --> end` and text."""

    always_include_hours: bool
    decimal_marker: str
    cue_based = True

    def stamp(self, seconds: float) -> str:
        return timestamp(seconds, self.always_include_hours, self.decimal_marker)

    def escape(self, text: str) -> str:
        return text.replace("-->", "->")

    def label(self, cue: Cue) -> str:
        """What goes before a cue's text to say who speaks (empty without speakers)."""
        return self.escape(self.speaker_label.prefix(cue.speaker))

    def blocks(self, cues: list[Cue]) -> Iterator[tuple[float, float, str]]:
        """(start, end, text) per block; with karaoke, one block per word as it is spoken."""
        for cue in cues:
            label = self.label(cue)
            plain = self.escape(cue.text)
            if not (self.shape.highlight_words and cue.words):
                yield cue.start, cue.end, label + plain
                continue
            for start, end, text in self._highlighted(cue, plain):
                yield start, end, label + text

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
    format = extension = "srt"
    always_include_hours = True
    decimal_marker = ","

    def write(self, source: Source, stream: TextIO) -> None:
        for n, (start, end, text) in enumerate(self.blocks(self.cues(source)), start=1):
            stream.write(f"{n}\n{self.stamp(start)} --> {self.stamp(end)}\n{text}\n\n")


class VTTWriter(TimedTextWriter):
    """WebVTT; a speaker is a voice tag, <v Name>, as the WebVTT spec defines it."""

    format = extension = "vtt"
    always_include_hours = False
    decimal_marker = "."

    def escape(self, text: str) -> str:
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")

    def label(self, cue: Cue) -> str:
        return f"<v {self.escape(' '.join(cue.speaker.split()))}>" if cue.speaker else ""

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
    """Advanced SubStation Alpha; karaoke through \\k tags when words are highlighted.

    A speaker goes in the event's Name field and, as the user chose, before the text."""

    format = extension = "ass"
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
            name = self.escape(cue.speaker or "").replace(",", " ")  # commas separate the fields
            text = self.escape(self.speaker_label.prefix(cue.speaker)) + text
            stream.write(f"Dialogue: 0,{ass_timestamp(cue.start)},{ass_timestamp(cue.end)},"
                         f"Default,{name},0,0,0,,{text}\n")


WRITERS: dict[str, type[SubtitleWriter]] = {
    w.format: w for w in (TXTWriter, SRTWriter, VTTWriter, TSVWriter, JSONWriter, ASSWriter,
                          MAXQDAWriter, DOCXWriter)
}
FORMATS: tuple[str, ...] = tuple(WRITERS)


def get_writer(fmt: str, shape: ShapeOptions = ShapeOptions(), timestamps: bool = False,
               speaker_label: SpeakerLabel | str = SpeakerLabel.COLON) -> SubtitleWriter:
    """A writer for `fmt` (one of FORMATS)."""
    try:
        cls = WRITERS[fmt.lower().lstrip(".")]
    except KeyError:
        raise ValueError(f"Unknown output format {fmt!r}; choose one of: "
                         f"{', '.join(FORMATS)}.") from None
    return cls(shape, timestamps, speaker_label)


def extension_for(fmt: str) -> str:
    """The file extension `fmt` writes ("maxqda" writes a .maxqda.txt, the others their name)."""
    return WRITERS[fmt.lower().lstrip(".")].extension
