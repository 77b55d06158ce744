"""The segments of one transcript as a table (start, end, text); every change is an undo step."""

from __future__ import annotations

from enum import IntEnum

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QUndoCommand, QUndoStack

from desktop_app.core import segment_edits as edits
from desktop_app.core.segment_edits import FindQuery, format_time
from desktop_app.core.transcript import Segment, Speaker, Transcript

#: (start, length) of each search hit in a row's text.
HITS_ROLE = Qt.ItemDataRole.UserRole + 1
#: (start, length) of each uncertain word in a row's text.
UNCERTAIN_ROLE = Qt.ItemDataRole.UserRole + 2
#: (start, length) of the word being played, or None.
PLAYING_WORD_ROLE = Qt.ItemDataRole.UserRole + 3
PLAYING_COLOUR = QColor(255, 236, 179)  # a soft amber, readable with dark text

__all__ = ["Column", "SegmentTableModel", "format_time", "HITS_ROLE", "UNCERTAIN_ROLE", "PLAYING_WORD_ROLE"]


class Column(IntEnum):
    START = 0
    END = 1
    SPEAKER = 2  # shown only for a transcript with speakers
    TEXT = 3


#: A colour per speaker, in the order speakers are listed (pale, so dark text stays readable).
SPEAKER_COLOURS = tuple(QColor(c) for c in ("#bbdefb", "#c8e6c9", "#ffe0b2", "#e1bee7", "#b2ebf2",
                                             "#f8bbd0", "#dcedc8", "#d7ccc8", "#fff9c4", "#cfd8dc"))  # fmt: skip


class _Replace(QUndoCommand):
    """Replace rows [row, row+len(old)) with `new`; undo puts `old` back."""

    def __init__(self, model: "SegmentTableModel", row: int, old: tuple[Segment, ...],
                 new: tuple[Segment, ...], text: str) -> None:  # fmt: skip
        super().__init__(text)
        self.model, self.row, self.old, self.new = model, row, old, new

    def redo(self) -> None:
        self.model._replace(self.row, len(self.old), self.new)

    def undo(self) -> None:
        self.model._replace(self.row, len(self.new), self.old)


class _Relabel(QUndoCommand):
    """Swap the whole transcript's segments and speaker list (rename, merge, set a speaker)."""

    def __init__(self, model: "SegmentTableModel", old: Transcript, new: Transcript, text: str) -> None:
        super().__init__(text)
        self.model, self.old, self.new = model, old, new

    def redo(self) -> None:
        self.model._swap(self.old, self.new)

    def undo(self) -> None:
        self.model._swap(self.new, self.old)


class SegmentTableModel(QAbstractTableModel):
    """Holds the edited segments; edits go through `undo_stack` so each one can be undone."""

    search_changed = Signal(list)  # rows with hits

    def __init__(self, transcript: Transcript, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._transcript = transcript  # language, duration, speakers, engine: kept as they are
        self._segments: list[Segment] = list(transcript.segments)
        self._starts = [s.start for s in self._segments]
        self.undo_stack = QUndoStack(self)
        self._query = FindQuery("")
        self._hits: dict[int, list[tuple[int, int]]] = {}
        self._playing: int | None = None
        self._playing_word: int | None = None
        self._threshold = 0.5

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
        t = self._transcript
        return Transcript(tuple(self._segments), t.language, t.duration, t.speakers, t.engine)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row, column = index.row(), index.column()
        s = self._segments[row]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if column == Column.START:
                return format_time(s.start)
            if column == Column.END:
                return format_time(s.end)
            if column == Column.SPEAKER:
                if role == Qt.ItemDataRole.EditRole:
                    return s.speaker
                return self._transcript.speaker_name(s.speaker) or ""
            return s.text.strip()
        if column == Column.TEXT:
            if role == Qt.ItemDataRole.ToolTipRole:
                return s.text.strip()
            if role == HITS_ROLE:
                return self._hits.get(row, [])
            if role == UNCERTAIN_ROLE:
                return self._uncertain_spans(s)
            if role == PLAYING_WORD_ROLE:
                return self._playing_word_span(row)
        if role == Qt.ItemDataRole.BackgroundRole and row == self._playing:
            return QBrush(PLAYING_COLOUR)
        if column == Column.SPEAKER and s.speaker is not None:
            if role == Qt.ItemDataRole.BackgroundRole:
                return QBrush(self.speaker_colour(s.speaker))
            if role == Qt.ItemDataRole.ForegroundRole:
                return QBrush(QColor(Qt.GlobalColor.black))
        if role == Qt.ItemDataRole.ForegroundRole and row == self._playing:
            return QBrush(QColor(Qt.GlobalColor.black))
        if role == Qt.ItemDataRole.TextAlignmentRole and column != Column.TEXT:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _uncertain_spans(self, s: Segment) -> list[tuple[int, int]]:
        if not s.words:
            return []
        return [span for w, span in zip(s.words, edits.word_spans(s))
                if span is not None and w.probability < self._threshold]  # fmt: skip

    def _playing_word_span(self, row: int) -> tuple[int, int] | None:
        if row != self._playing or self._playing_word is None:
            return None
        spans = edits.word_spans(self._segments[row])
        return spans[self._playing_word] if self._playing_word < len(spans) else None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (self.tr("Start"), self.tr("End"), self.tr("Speaker"), self.tr("Text"))[section]
        if orientation == Qt.Orientation.Vertical and role == Qt.ItemDataRole.DisplayRole:
            return str(section + 1)
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.isValid() and (index.column() == Column.TEXT or (index.column() == Column.SPEAKER and self.speakers())):
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    # -- editing (each call is one undo step) -------------------------------------------

    def setData(self, index: QModelIndex | QPersistentModelIndex, value, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        if index.column() == Column.SPEAKER:
            return self.set_speaker(index.row(), value or None)
        if index.column() != Column.TEXT:
            return False
        return self.set_text(index.row(), str(value))

    def set_text(self, row: int, text: str) -> bool:
        old = self._segments[row]
        lead = " " if old.text[:1].isspace() else ""  # keep Whisper's leading space
        new_text = lead + text.strip() if text.strip() else ""
        if new_text.strip() == old.text.strip():
            return False
        self._push(row, (old,), (edits.retext(old, new_text),), self.tr("Edit text of segment {0}").format(row + 1))
        return True

    def merge_with_next(self, row: int) -> bool:
        if not 0 <= row < len(self._segments) - 1:
            return False
        pair = (self._segments[row], self._segments[row + 1])
        self._push(row, pair, (edits.merge(*pair),), self.tr("Merge segments {0} and {1}").format(row + 1, row + 2))
        return True

    def split(self, row: int, position: int) -> bool:
        if not 0 <= row < len(self._segments):
            return False
        old = self._segments[row]
        halves = edits.split(old, position)
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
        new = tuple(edits.shift_segment(s, offset) for s in old)
        self._push(0, old, new, self.tr("Shift all times by {0:+.3f} s").format(offset))
        return offset

    def set_times(self, row: int, start: float | None = None, end: float | None = None) -> Segment:
        """New start and/or end for a row; raises edits.TimingError (nothing changes) if refused."""
        old = self._segments[row]
        new = edits.retime(self._segments, row, start, end)
        if (new.start, new.end) != (old.start, old.end):
            self._push(row, (old,), (new,), self.tr("Change times of segment {0}").format(row + 1))
        return new

    def replace_at(self, row: int, at: int, replacement: str) -> bool:
        """Replace the hit that starts at character `at` of a row's text."""
        pattern = self._query.pattern()
        new = edits.replace_in(self._segments[row], pattern, replacement, only_at=at) if pattern else None
        if new is None:
            return False
        self._push(row, (self._segments[row],), (new,), self.tr("Replace in segment {0}").format(row + 1))
        return True

    def replace_all(self, replacement: str) -> int:
        """Replace every hit of the current search, as one undo step; returns how many segments changed."""
        pattern = self._query.pattern()
        if pattern is None or not self._hits:
            return 0
        old = tuple(self._segments)
        new = tuple(edits.replace_in(s, pattern, replacement) or s for s in old)
        changed = sum(a is not b for a, b in zip(old, new))
        if changed:
            self._push(0, old, new, self.tr("Replace all: %n segment(s)", "", changed))
        return changed

    def revert_to(self, original: Transcript) -> bool:
        """Put the engine's segments back, as one undo step."""
        old, new = tuple(self._segments), tuple(original.segments)
        if old == new:
            return False
        self._push(0, old, new, self.tr("Revert to original"))
        return True

    # -- speakers (issue 10; the edits themselves are core/speakers/labels.py) -------------------

    def speakers(self) -> tuple[Speaker, ...]:
        return self._transcript.speakers

    def speaker_colour(self, speaker_id: str) -> QColor:
        ids = [p.id for p in self._transcript.speakers]
        return SPEAKER_COLOURS[ids.index(speaker_id) % len(SPEAKER_COLOURS)] if speaker_id in ids else QColor()

    def rename_speaker(self, speaker_id: str, name: str) -> bool:
        """Every segment of the speaker shows `name`; ValueError for an empty name."""
        from desktop_app.core.speakers import labels  # here: the package's __init__ imports numpy

        old = self.transcript()
        new = labels.rename_speaker(old, speaker_id, name)
        if new == old:
            return False
        self.undo_stack.push(_Relabel(self, old, new, self.tr("Rename {0} to {1}").format(
            old.speaker_name(speaker_id), new.speaker_name(speaker_id))))  # fmt: skip
        return True

    def merge_speakers(self, keep: str, drop: str) -> bool:
        """`drop`'s segments and words become `keep`'s."""
        from desktop_app.core.speakers import labels  # here: the package's __init__ imports numpy

        old = self.transcript()
        new = labels.merge_speakers(old, keep, drop)
        if new == old:
            return False
        self.undo_stack.push(_Relabel(self, old, new, self.tr("Merge {0} into {1}").format(
            old.speaker_name(drop), old.speaker_name(keep))))  # fmt: skip
        return True

    def set_speaker(self, row: int, speaker_id: str | None) -> bool:
        """Segment `row` (and its words) said by `speaker_id`."""
        old = self.transcript()
        if old.segments[row].speaker == speaker_id and all(w.speaker == speaker_id for w in old.segments[row].words):
            return False
        from desktop_app.core.speakers import labels

        new = labels.set_segment_speaker(old, row, speaker_id)
        self.undo_stack.push(_Relabel(self, old, new, self.tr("Set the speaker of segment {0}").format(row + 1)))
        return True

    def _swap(self, old: Transcript, new: Transcript) -> None:
        self._transcript = new
        self._replace(0, len(old.segments), tuple(new.segments))
        if self._segments:
            self.dataChanged.emit(self.index(0, Column.SPEAKER), self.index(len(self._segments) - 1, Column.SPEAKER))

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
        self._starts = [s.start for s in self._segments]
        if same:
            self.dataChanged.emit(self.index(row, 0), self.index(row + same - 1, len(Column) - 1))
        if self._query.pattern() is not None:
            self.set_search(self._query)

    # -- search, uncertain words and playback ---------------------------------------------

    def set_search(self, query: FindQuery | str) -> list[int]:
        """Mark every occurrence of `query` (a plain string: any case); returns the rows hit."""
        self._query = query if isinstance(query, FindQuery) else FindQuery(query)
        pattern = self._query.pattern()
        before = set(self._hits)
        self._hits = {}
        if pattern is not None:
            for row, s in enumerate(self._segments):
                spans = edits.find_spans(s.text.strip(), pattern)
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

    def hits(self) -> list[tuple[int, int]]:
        """(row, character) of every hit, in reading order."""
        return [(row, at) for row in sorted(self._hits) for at, _length in self._hits[row]]

    def set_threshold(self, threshold: float) -> None:
        self._threshold = threshold
        if self._segments:
            self.dataChanged.emit(self.index(0, Column.TEXT), self.index(len(self._segments) - 1, Column.TEXT),
                                  [UNCERTAIN_ROLE])  # fmt: skip

    def uncertain(self) -> list[tuple[int, int]]:
        """(row, word index) of every uncertain word."""
        return edits.uncertain_words(self._segments, self._threshold)

    def row_at(self, seconds: float) -> int | None:
        """The segment playing at `seconds`, if any."""
        return edits.row_at(self._starts, self._segments, seconds)

    def set_playing(self, row: int | None, word: int | None = None) -> None:
        if (row, word) == (self._playing, self._playing_word):
            return
        old, self._playing, self._playing_word = self._playing, row, word
        for r in {old, row}:
            if r is not None and r < len(self._segments):
                self.dataChanged.emit(self.index(r, 0), self.index(r, len(Column) - 1))

    @property
    def playing_row(self) -> int | None:
        return self._playing

    @property
    def playing_word(self) -> int | None:
        return self._playing_word
