"""Subtitles: shape a transcript into cues and write them as SRT, VTT, ASS, TSV, JSON, text,
a MAXQDA transcript or a Word document."""

from desktop_app.core.subtitles.export import (
    CollisionPolicy,
    ExportOptions,
    output_name,
    resolve_collision,
    write_file,
)
from desktop_app.core.subtitles.base import SpeakerLabel
from desktop_app.core.subtitles.shaping import Cue, ShapeOptions, shape_cues
from desktop_app.core.subtitles.writers import FORMATS, SubtitleWriter, extension_for, get_writer

__all__ = [
    "CollisionPolicy", "Cue", "ExportOptions", "FORMATS", "ShapeOptions", "SpeakerLabel", "SubtitleWriter",
    "extension_for", "get_writer", "output_name", "resolve_collision", "shape_cues", "write_file",
]
