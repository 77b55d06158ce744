"""The segments of one transcript as a table (start, end, text); every change is an undo step."""

from __future__ import annotations

import re
from dataclasses import replace
from enum import IntEnum

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QUndoCommand, QUndoStack

from desktop_app.core.transcript import Segment, Transcript

#: (start, length) of each search hit in a row's text.
HITS_ROLE = Qt.ItemDataRole.UserRole + 1
PLAYING_COLOUR = QColor(255, 236, 179)  # a soft amber, readable with dark text


class Column(IntEnum):
    START = 0
    END = 1
    TEXT = 2


def format_time(seconds: float) -> str:
    """H:MM:SS.mmm, as a person reads a subtitle time."""
    ms = round(max(seconds, 0.0) * 1000)
    return f"{ms // 3_600_000}:{ms // 60_000 % 60:02d}:{ms // 1000 % 60:02d}.{ms % 1000:03d}"


def _shift_segment(s: Segment, offset: float) -> Segment:
    words = tuple(replace(w, start=w.start + offset, end=w.end + offset) for w in s.words)
    return Segment(s.start + offset, s.end + offset, s.text, words)


def retext(segment: Segment, text: str) -> Segment:
    """The segment with new text; word timings are kept when the words still line up one for one."""
    old = [w for w in segment.words if w.text.strip()]
    tokens = text.split()
    if old and len(old) == len(segment.words) and len(tokens) == len(old) and all(
        w.text[:1].isspace() for w in old
    ):
        words = tuple(replace(w, text=" " + t) for w, t in zip(old, tokens))
        return Segment(segment.start, segment.end, text, words)
    return Segment(segment.start, segment.end, text, ())


def merge(first: Segment, second: Segment) -> Segment:
    """One segment spanning both, texts joined with a space, words kept in order."""
    joint = second.text if second.text[:1].isspace() or not first.text else " " + second.text
    words = first.words + second.words if first.words and second.words else ()
    return Segment(first.start, max(first.end, second.end), first.text.rstrip() + joint, words)



def _distance(gap: tuple[int, int], position: int) -> int:
    # a nested def here would hide the model class from pyside6-lupdate (its parser loses track)
    lo, hi = gap
    return 0 if lo <= position <= hi else min(abs(position - lo), abs(position - hi))

def split(segment: Segment, position: int) -> tuple[Segment, Segment] | None:
    """Two segments cut at character `position` of the text; None when either side would be empty.

    With word timings (and text that is the words joined) the cut moves to the nearest word
    boundary and each half keeps its words' times; without them time is shared by characters.
    """
    text = segment.text
    words = segment.words
    if words and "".join(w.text for w in words) == text:
        gaps, offset, trail = [], 0, 0  # (end of one word's text, start of the next one's) between words
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
        return (Segment(segment.start, end, left_text, left_words),
                Segment(start, max(segment.end, start), right_text, right_words))
    position = max(0, min(position, len(text)))
    left, right = text[:position].rstrip(), text[position:].strip()
    if not left.strip() or not right:
        return None
    lead = " " if text[:1].isspace() else ""
    span = segment.end - segment.start
    at = segment.start + span * position / max(len(text), 1)
    return Segment(segment.start, at, left, ()), Segment(at, segment.end, lead + right, ())


class _Replace(QUndoCommand):
    """Replace rows [row, row+len(old)) with `new`; undo puts `old` back."""

    def __init__(self, model: "SegmentTableModel", row: int, old: tuple[Segment, ...],
                 new: tuple[Segment, ...], text: str) -> None:
        super().__init__(text)
        self.model, self.row, self.old, self.new = model, row, old, new

    def redo(self) -> None:
        self.model._replace(self.row, len(self.old), self.new)

    def undo(self) -> None:
        self.model._replace(self.row, len(self.new), self.old)


class SegmentTableModel(QAbstractTableModel):
    """Holds the edited segments; edits go through `undo_stack` so each one can be undone."""

    search_changed = Signal(list)  # rows with hits

    def __init__(self, transcript: Transcript, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._segments: list[Segment] = list(transcript.segments)
        self._language = transcript.language
        self._duration = transcript.duration
        self._speakers = transcript.speakers  # kept whole until the editor edits speakers (issue 10)
        self.undo_stack = QUndoStack(self)
        self._query = ""
        self._hits: dict[int, list[tuple[int, int]]] = {}
        self._playing: int | None = None

    # -- reading ------------------------------------------------------------------------

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._segments)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(Column)

    def segment(self, row: int) -> Segment:
        return self._segments[row]

    def segments(self) -> tuple[Segment, ...]:
        return tuple(self._segments)

    def transcript(self) -> Transcript:
        """The edited transcript, ready to save."""
        return Transcript(tuple(self._segments), self._language, self._duration, self._speakers)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        s, column = self._segments[index.row()], index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if column == Column.START:
                return format_time(s.start)
            if column == Column.END:
                return format_time(s.end)
            return s.text.strip()
        if role == Qt.ItemDataRole.ToolTipRole and column == Column.TEXT:
            return s.text.strip()
        if role == HITS_ROLE and column == Column.TEXT:
            return self._hits.get(index.row(), [])
        if role == Qt.ItemDataRole.BackgroundRole and index.row() == self._playing:
            return QBrush(PLAYING_COLOUR)
        if role == Qt.ItemDataRole.ForegroundRole and index.row() == self._playing:
            return QBrush(QColor(Qt.GlobalColor.black))
        if role == Qt.ItemDataRole.TextAlignmentRole and column != Column.TEXT:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (self.tr("Start"), self.tr("End"), self.tr("Text"))[section]
        if orientation == Qt.Orientation.Vertical and role == Qt.ItemDataRole.DisplayRole:
            return str(section + 1)
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.isValid() and index.column() == Column.TEXT:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    # -- editing (each call is one undo step) -------------------------------------------

    def setData(self, index: QModelIndex | QPersistentModelIndex, value, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or index.column() != Column.TEXT:
            return False
        return self.set_text(index.row(), str(value))

    def set_text(self, row: int, text: str) -> bool:
        old = self._segments[row]
        lead = " " if old.text[:1].isspace() else ""  # keep Whisper's leading space
        new_text = lead + text.strip() if text.strip() else ""
        if new_text.strip() == old.text.strip():
            return False
        self._push(row, (old,), (retext(old, new_text),), self.tr("Edit text of segment {0}").format(row + 1))
        return True

    def merge_with_next(self, row: int) -> bool:
        if not 0 <= row < len(self._segments) - 1:
            return False
        pair = (self._segments[row], self._segments[row + 1])
        self._push(row, pair, (merge(*pair),), self.tr("Merge segments {0} and {1}").format(row + 1, row + 2))
        return True

    def split(self, row: int, position: int) -> bool:
        if not 0 <= row < len(self._segments):
            return False
        old = self._segments[row]
        halves = split(old, position)
        if halves is None:
            return False
        self._push(row, (old,), halves, self.tr("Split segment {0}").format(row + 1))
        return True

    def shift(self, offset: float) -> float:
        """Move every time by `offset` seconds (never before zero); returns the offset applied."""
        if not self._segments:
            return 0.0
        earliest = min([s.start for s in self._segments] + [w.start for s in self._segments for w in s.words])
        offset = max(offset, -earliest)
        if abs(offset) < 0.0005:
            return 0.0
        old = tuple(self._segments)
        new = tuple(_shift_segment(s, offset) for s in old)
        self._push(0, old, new, self.tr("Shift all times by {0:+.3f} s").format(offset))
        return offset

    def _push(self, row: int, old: tuple[Segment, ...], new: tuple[Segment, ...], text: str) -> None:
        self.undo_stack.push(_Replace(self, row, old, new, text))

    def _replace(self, row: int, count: int, new: tuple[Segment, ...]) -> None:
        """Swap `count` rows at `row` for `new`, telling views only what changed."""
        same = min(count, len(new))
        if count > same:
            self.beginRemoveRows(QModelIndex(), row + same, row + count - 1)
            del self._segments[row + same: row + count]
            self.endRemoveRows()
        elif len(new) > same:
            self.beginInsertRows(QModelIndex(), row + same, row + len(new) - 1)
            self._segments[row + same: row + same] = new[same:]
            self.endInsertRows()
        self._segments[row: row + same] = new[:same]
        if same:
            self.dataChanged.emit(self.index(row, 0), self.index(row + same - 1, len(Column) - 1))
        if self._query:
            self.set_search(self._query)

    # -- search and playback ------------------------------------------------------------

    def set_search(self, query: str) -> list[int]:
        """Mark every case-insensitive occurrence of `query`; returns the rows that have one."""
        self._query = query
        before = set(self._hits)
        self._hits = {}
        if query.strip():
            pattern = re.compile(re.escape(query.strip()), re.IGNORECASE)
            for row, s in enumerate(self._segments):
                spans = [(m.start(), m.end() - m.start()) for m in pattern.finditer(s.text.strip())]
                if spans:
                    self._hits[row] = spans
        for row in sorted(before | set(self._hits)):
            if row < len(self._segments):
                index = self.index(row, Column.TEXT)
                self.dataChanged.emit(index, index, [HITS_ROLE])
        rows = sorted(self._hits)
        self.search_changed.emit(rows)
        return rows

    def hit_rows(self) -> list[int]:
        return sorted(self._hits)

    def row_at(self, seconds: float) -> int | None:
        """The segment playing at `seconds`, if any."""
        for row, s in enumerate(self._segments):
            if s.start <= seconds < s.end:
                return row
        return None

    def set_playing(self, row: int | None) -> None:
        if row == self._playing:
            return
        old, self._playing = self._playing, row
        for r in (old, row):
            if r is not None and r < len(self._segments):
                self.dataChanged.emit(self.index(r, 0), self.index(r, len(Column) - 1))

    @property
    def playing_row(self) -> int | None:
        return self._playing
