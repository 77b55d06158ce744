"""Edits of a transcript's segments as pure functions: text, merge, split, times, find and replace.

The editor's table model (ui/segment_table_model.py) wraps each in an undo step. Texts are
matched as the editor shows them: stripped of Whisper's leading space.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, replace

from desktop_app.core.transcript import Segment, Word

#: Shortest segment a timing edit may leave, in seconds.
MIN_SEGMENT_S = 0.05


class TimingError(ValueError):
    """A timing edit that would put times out of order or overlap a neighbour."""


def format_time(seconds: float) -> str:
    """H:MM:SS.mmm, as a person reads a subtitle time."""
    ms = round(max(seconds, 0.0) * 1000)
    return f"{ms // 3_600_000}:{ms // 60_000 % 60:02d}:{ms // 1000 % 60:02d}.{ms % 1000:03d}"


def shift_segment(s: Segment, offset: float) -> Segment:
    words = tuple(replace(w, start=w.start + offset, end=w.end + offset) for w in s.words)
    return replace(s, start=s.start + offset, end=s.end + offset, words=words)


def retext(segment: Segment, text: str) -> Segment:
    """The segment with new text; word timings are kept when the words still line up one for one.

    A word whose text changed was checked by a person: its probability becomes 1.0, so it is no
    longer marked as uncertain.
    """
    old = [w for w in segment.words if w.text.strip()]
    tokens = text.split()
    if old and len(old) == len(segment.words) and len(tokens) == len(old) and all(
        w.text[:1].isspace() for w in old
    ):
        words = tuple(w if w.text.strip() == t else replace(w, text=" " + t, probability=1.0)
                      for w, t in zip(old, tokens))  # fmt: skip
        return replace(segment, text=text, words=words, tokens=())
    return replace(segment, text=text, words=(), tokens=())


def merge(first: Segment, second: Segment) -> Segment:
    """One segment spanning both, texts joined with a space, words kept in order."""
    joint = second.text if second.text[:1].isspace() or not first.text else " " + second.text
    words = first.words + second.words if first.words and second.words else ()
    return replace(first, end=max(first.end, second.end), text=first.text.rstrip() + joint,
                   words=words, tokens=())  # fmt: skip


def _distance(gap: tuple[int, int], position: int) -> int:
    lo, hi = gap
    return 0 if lo <= position <= hi else min(abs(position - lo), abs(position - hi))


def split(segment: Segment, position: int) -> tuple[Segment, Segment] | None:
    """Two segments cut at character `position` of the text; None when either side would be empty.

    With word timings (and text that is the words joined) the cut moves to the nearest word
    boundary and each half keeps its words' times; without them time is shared by characters.
    """
    text, words = segment.text, segment.words
    if words and "".join(w.text for w in words) == text:
        gaps, offset, trail = [], 0, 0  # (end of one word's text, start of the next one's)
        for w in words:
            if offset:
                gaps.append((offset - trail, offset + len(w.text) - len(w.text.lstrip())))
            trail = len(w.text) - len(w.text.rstrip())
            offset += len(w.text)
        if not gaps:
            return None
        cut = min(range(len(gaps)), key=lambda i: _distance(gaps[i], position)) + 1
        left_words, right_words = words[:cut], words[cut:]
        left_text = "".join(w.text for w in left_words)
        right_text = "".join(w.text for w in right_words)
        if not left_text.strip() or not right_text.strip():
            return None
        end = max(w.end for w in left_words)
        start = max(min(w.start for w in right_words), end)
        return (replace(segment, end=end, text=left_text, words=left_words, tokens=()),
                replace(segment, start=start, end=max(segment.end, start), text=right_text,
                        words=right_words, tokens=()))  # fmt: skip
    position = max(0, min(position, len(text)))
    left, right = text[:position].rstrip(), text[position:].strip()
    if not left.strip() or not right:
        return None
    lead = " " if text[:1].isspace() else ""
    at = segment.start + (segment.end - segment.start) * position / max(len(text), 1)
    return (replace(segment, end=at, text=left, words=(), tokens=()),
            replace(segment, start=at, text=lead + right, words=(), tokens=()))


# -- times --------------------------------------------------------------------------------


def retime(segments: tuple[Segment, ...] | list[Segment], row: int, start: float | None = None,
           end: float | None = None) -> Segment:  # fmt: skip
    """Segment `row` with a new start and/or end; TimingError if times would go out of order.

    A segment may not start before zero or the previous one's end, nor end after the next one's
    start, and keeps at least MIN_SEGMENT_S. Its words are kept inside its new span.
    """
    s = segments[row]
    start = round(s.start if start is None else start, 3)
    end = round(s.end if end is None else end, 3)
    if start < 0:
        raise TimingError("A segment cannot start before the beginning of the file.")
    if end - start < MIN_SEGMENT_S - 1e-9:
        raise TimingError("The start must stay before the end.")
    if row > 0 and start < segments[row - 1].end - 1e-9:
        raise TimingError(f"That start would overlap segment {row} (it ends at {format_time(segments[row - 1].end)}).")
    if row + 1 < len(segments) and end > segments[row + 1].start + 1e-9:
        raise TimingError(f"That end would overlap segment {row + 2} (it starts at {format_time(segments[row + 1].start)}).")
    words = tuple(_clamp(w, start, end) for w in s.words)
    return replace(s, start=start, end=end, words=words)


def _clamp(w: Word, start: float, end: float) -> Word:
    ws = min(max(w.start, start), end)
    return replace(w, start=ws, end=min(max(w.end, ws), end))


def row_at(starts: list[float], segments: tuple[Segment, ...] | list[Segment], seconds: float) -> int | None:
    """The segment playing at `seconds` (`starts` are the segments' starts, ascending)."""
    row = bisect.bisect_right(starts, seconds) - 1
    if 0 <= row < len(segments) and seconds < segments[row].end:
        return row
    return None


# -- words in the text ----------------------------------------------------------------------


def word_spans(segment: Segment) -> list[tuple[int, int] | None]:
    """(start, length) of each word in the segment's stripped text; None for a word not found."""
    text, spans, cursor = segment.text.strip(), [], 0
    for w in segment.words:
        token = w.text.strip()
        at = text.find(token, cursor) if token else -1
        if at < 0:
            spans.append(None)
            continue
        spans.append((at, len(token)))
        cursor = at + len(token)
    return spans


def word_at(segment: Segment, seconds: float) -> int | None:
    """Index of the word being spoken at `seconds` (the last one started), if any."""
    index = None
    for i, w in enumerate(segment.words):
        if w.start <= seconds:
            index = i
        else:
            break
    if index is not None and seconds <= segment.words[index].end + 0.3:
        return index
    return None


def uncertain_words(segments: tuple[Segment, ...] | list[Segment], threshold: float) -> list[tuple[int, int]]:
    """(row, word index) of every word Whisper gave a probability below `threshold`."""
    return [(row, i) for row, s in enumerate(segments) for i, w in enumerate(s.words)
            if w.text.strip() and w.probability < threshold]  # fmt: skip


# -- find and replace ---------------------------------------------------------------------


@dataclass(frozen=True)
class FindQuery:
    text: str
    match_case: bool = False
    whole_word: bool = False

    def pattern(self) -> re.Pattern[str] | None:
        """The compiled query; None when there is nothing to find."""
        needle = self.text.strip()
        if not needle:
            return None
        body = re.escape(needle)
        if self.whole_word:
            body = rf"(?<!\w){body}(?!\w)"
        return re.compile(body, 0 if self.match_case else re.IGNORECASE)


def find_spans(text: str, pattern: re.Pattern[str] | None) -> list[tuple[int, int]]:
    """(start, length) of each match in `text`."""
    if pattern is None:
        return []
    return [(m.start(), m.end() - m.start()) for m in pattern.finditer(text)]


def replace_in(segment: Segment, pattern: re.Pattern[str], replacement: str,
               only_at: int | None = None) -> Segment | None:  # fmt: skip
    """The segment with matches replaced (all, or only the one starting at `only_at` in the
    stripped text); None when nothing matched."""
    shown = segment.text.strip()
    done = [0]

    def swap(m: re.Match[str]) -> str:
        if only_at is not None and m.start() != only_at:
            return m.group(0)
        done[0] += 1
        return replacement  # literal: a "\1" typed by the person is not a back-reference

    new = pattern.sub(swap, shown)
    if not done[0]:
        return None
    lead = " " if segment.text[:1].isspace() else ""
    return retext(segment, lead + new if new.strip() else "")
