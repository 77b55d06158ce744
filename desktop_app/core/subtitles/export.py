"""Writing output files: encoding and line endings, atomic saves, names and collisions."""

from __future__ import annotations

import re
import string
from collections.abc import Collection
from dataclasses import dataclass
from enum import Enum
from pathlib import Path

from desktop_app.core.fileio import atomic_output
from desktop_app.core.subtitles.base import SpeakerLabel
from desktop_app.core.hashing import real_path
from desktop_app.core.subtitles.shaping import ShapeOptions
from desktop_app.core.subtitles.writers import Source, get_writer

ENCODINGS = ("utf-8", "utf-8-sig")  # utf-8-sig writes a byte-order mark, for old Windows players
NEWLINES = ("\n", "\r\n")
PATTERN_FIELDS = ("name", "lang", "ext")
DEFAULT_PATTERN = "{name}.{ext}"


@dataclass(frozen=True)
class ExportOptions:
    """How the bytes of an output file are written."""

    encoding: str = "utf-8"
    newline: str = "\n"
    txt_timestamps: bool = False  # plain text and documents: start each line with its time
    speaker_label: str = SpeakerLabel.COLON.value  # SRT and ASS: "Name: text" or "[Name] text"

    def __post_init__(self) -> None:
        if self.speaker_label not in {s.value for s in SpeakerLabel}:
            raise ValueError(f"Speaker labels must be colon or brackets, not {self.speaker_label!r}.")
        if self.encoding not in ENCODINGS:
            raise ValueError(f"Encoding must be one of {', '.join(ENCODINGS)}, "
                             f"not {self.encoding!r}.")
        if self.newline not in NEWLINES:
            raise ValueError("Line endings must be \\n (Unix) or \\r\\n (Windows).")


class CollisionPolicy(str, Enum):
    """What to do when the output file already exists."""

    ASK = "ask"  # the UI asks the person, then calls again with their choice
    OVERWRITE = "overwrite"
    SKIP = "skip"
    NUMBER = "number"  # save as "name (2).srt", "name (3).srt", ...


def write_file(source: Source, path: Path, fmt: str, shape: ShapeOptions = ShapeOptions(),
               export: ExportOptions = ExportOptions()) -> Path:
    """Write `source` as `fmt` to `path` atomically: a temp file in the same folder, then rename."""
    path = Path(path)
    writer = get_writer(fmt, shape, timestamps=export.txt_timestamps, speaker_label=export.speaker_label)
    if getattr(writer, "binary", False):  # a document format: encoding and line endings don't apply
        with atomic_output(path, "wb") as stream:
            writer.write(source, stream)
        return path
    with atomic_output(path, "w", encoding=export.encoding, newline=export.newline) as stream:
        writer.write(source, stream)
    return path


def output_name(source: Path, pattern: str = DEFAULT_PATTERN, lang: str = "",
                ext: str = "srt") -> str:
    """The output file name for `source`, from a pattern using {name}, {lang} and {ext}."""
    fields = {f for _, f, _, _ in string.Formatter().parse(pattern) if f is not None}
    unknown = fields - set(PATTERN_FIELDS)
    if unknown:
        raise ValueError(f"The file-name pattern uses {', '.join(sorted(unknown))}; "
                         "only {name}, {lang} and {ext} are allowed.")
    if not lang:  # drop the field and one separator next to it: "{name}.{lang}.{ext}" -> "a.srt"
        pattern = re.sub(r"[._ -]\{lang\}|\{lang\}[._ -]?", "", pattern)
    name = pattern.format(name=Path(source).stem, lang=lang, ext=ext.lstrip("."))
    if not name.strip(" .") or "/" in name or "\\" in name or "\0" in name:
        raise ValueError(f"The file-name pattern {pattern!r} gives {name!r}, which is not a "
                         "file name; remove folder separators from it.")
    return name


def check_name_pattern(pattern: str) -> None:
    """Raise ValueError, saying why, unless `pattern` names a file for any source, with a language or without."""
    try:
        for lang in ("en", ""):
            output_name(Path("example.wav"), pattern, lang, "srt")
    except (IndexError, KeyError) as exc:  # str.format's own complaints
        raise ValueError(f"The file-name pattern {pattern!r} can't be filled in ({exc}).") from exc


def resolve_collision(path: Path, policy: CollisionPolicy) -> Path | None:
    """Where to write `path` under `policy`; None means skip it."""
    path = Path(path)
    if not path.exists() or policy is CollisionPolicy.OVERWRITE:
        return path
    if policy is CollisionPolicy.SKIP:
        return None
    if policy is CollisionPolicy.NUMBER:
        n = 2
        while (candidate := _numbered(path, n)).exists():
            n += 1
        return candidate
    raise ValueError("The ASK policy must be resolved by asking the person before saving.")


def free_output_path(path: Path, taken: Collection[Path]) -> Path:
    """`path`, or its NUMBER-policy name when `path` is taken: `taken` holds resolved paths
    (see `real_path`) that must not be written over, such as a batch's inputs and outputs."""
    path = Path(path)
    if real_path(path) not in taken:
        return path
    n = 2
    while (candidate := _numbered(path, n)).exists() or real_path(candidate) in taken:
        n += 1
    return candidate


def _numbered(path: Path, n: int) -> Path:
    return path.with_name(f"{path.stem} ({n}){path.suffix}")
