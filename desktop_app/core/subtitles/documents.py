"""Transcripts as documents for analysis software: MAXQDA's timestamped text, and Word (DOCX).

Both write one paragraph per speaker turn (consecutive segments of one speaker).

MAXQDA (Import > Transcripts > "Transcript with timestamps", or Import > Focus group
transcript) follows MAXQDA's documented rules:
- focus-group transcripts: "each contribution starts a new paragraph, beginning with the
  participant's name followed by a colon"; names up to 63 characters, case-sensitive
  (MAXQDA help, "Transkripte von Fokusgruppen importieren",
  https://www.maxqda.de/hilfe-max12/fokusgruppen/transkripte-von-fokusgruppen-importieren);
- timestamps link the transcript to its recording (MAXQDA help, "Transcription mode",
  https://www.maxqda.com/help-mx24/transcription-audio-video/transcription-mode); each
  paragraph starts with its time as [hh:mm:ss], the form MAXQDA's timestamp import reads from
  aTrain's "_maxqda" output (https://github.com/aTrainTranscription/aTrain/wiki/Tutorials),
  with a blank line between paragraphs.
"""

from __future__ import annotations

from typing import IO

from desktop_app.core.subtitles.base import Row, Source, SubtitleWriter, turns

MAXQDA_NAME_LIMIT = 63  # MAXQDA reads at most this many characters before the colon


def clock(seconds: float) -> str:
    """[hh:mm:ss], whole seconds (rounded down, so the mark never comes after the words)."""
    s = int(max(seconds, 0.0))
    return f"[{s // 3600:02d}:{s // 60 % 60:02d}:{s % 60:02d}]"


def maxqda_name(name: str) -> str:
    """A speaker name MAXQDA reads back whole: one line, no colon, at most 63 characters."""
    return " ".join(name.replace(":", " ").split())[:MAXQDA_NAME_LIMIT].strip()


def paragraphs(rows: list[Row]) -> list[tuple[float, str | None, str]]:
    """(start, speaker, text): one per speaker turn, or one per row when nobody is named."""
    if not any(r.speaker for r in rows):
        return [(r.start, None, r.text) for r in rows]
    return [(turn[0].start, turn[0].speaker, " ".join(r.text for r in turn)) for turn in turns(rows)]


class MAXQDAWriter(SubtitleWriter):
    """`[hh:mm:ss] Name: text` paragraphs, a blank line between them (see the module docstring)."""

    format = "maxqda"
    extension = "maxqda.txt"

    def write(self, source: Source, stream: IO) -> None:
        for n, (start, speaker, text) in enumerate(paragraphs(list(self.rows(source)))):
            name = f"{maxqda_name(speaker)}: " if speaker else ""
            stream.write(("\n" if n else "") + f"{clock(start)} {name}{text}\n")


class DOCXWriter(SubtitleWriter):
    """A Word document through python-docx: a paragraph per turn, the speaker's name in bold,
    its time in front when timestamps are asked for."""

    format = extension = "docx"
    binary = True

    def write(self, source: Source, stream: IO) -> None:
        import docx  # python-docx; imported here so listing formats stays light

        document = docx.Document()
        for start, speaker, text in paragraphs(list(self.rows(source))):
            paragraph = document.add_paragraph()
            if self.timestamps:
                paragraph.add_run(clock(start) + " ")
            if speaker:
                paragraph.add_run(f"{speaker}:").bold = True
                paragraph.add_run(" ")
            paragraph.add_run(text)
        document.save(stream)

    def preview(self, source: Source) -> str:
        """The document's paragraphs as plain text, for the export dialog's preview."""
        lines = []
        for start, speaker, text in paragraphs(list(self.rows(source))):
            stamp = clock(start) + " " if self.timestamps else ""
            lines.append(stamp + (f"{speaker}: " if speaker else "") + text)
        return "\n\n".join(lines) + "\n"
