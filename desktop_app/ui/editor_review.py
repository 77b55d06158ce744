"""The editor's review actions: seek by click, timing edits, uncertain words, revert.

A mixin of TranscriptEditor, kept apart so each file stays about one concern. It relies on the
editor's `model`, `table`, `delegate`, `playback`, `controller`, `job_id` and `_say`.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QModelIndex, QPoint, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QStyleOptionViewItem, QTableView

from desktop_app.core.segment_edits import TimingError, word_spans
from desktop_app.core.transcript import Segment
from desktop_app.ui.segment_table_model import Column

NUDGE_S = 0.1
PREROLL_S = 1.0  # an uncertain word plays from this long before it


class SegmentTable(QTableView):
    """The segment table; says where in a cell a click landed (for seeking to a word)."""

    clicked_at = Signal(QModelIndex, QPoint)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        index = self.indexAt(event.position().toPoint())
        super().mousePressEvent(event)
        if index.isValid():
            self.clicked_at.emit(index, event.position().toPoint())


class ReviewActions:
    """Seeking, timing and uncertain-word actions of the transcript editor."""

    _uncertain_at: tuple[int, int] | None = None

    def seek_to_click(self, index: QModelIndex, point: QPoint) -> float:
        """A click on a segment seeks to its start; on a word of its text, to that word."""
        segment = self.model.segment(index.row())
        at = segment.start
        if index.column() == Column.TEXT and segment.words:
            option = QStyleOptionViewItem()
            option.rect = self.table.visualRect(index)
            option.font = self.table.font()
            char = self.delegate.char_at(option, index, point.x())
            at = word_time_at(segment, char, at)
        self.playback.seek(at)
        return at

    def _retime(self, start: float | None = None, end: float | None = None) -> bool:
        row = self.current_row()
        if row < 0:
            self._say(QCoreApplication.translate("TranscriptEditor", "Select a segment first."))
            return False
        try:
            self.model.set_times(row, start, end)
        except TimingError as refused:
            self._say(QCoreApplication.translate("TranscriptEditor", "Not changed: {0}").format(refused))
            return False
        return True

    def set_time_to_playhead(self, start: bool) -> bool:
        """Set the selected segment's start (or end) to where playback is."""
        at = self.playback.position()
        return self._retime(start=at) if start else self._retime(end=at)

    def nudge(self, start: bool, offset: float) -> bool:
        """Move the selected segment's start (or end) by `offset` seconds."""
        segment = self.current_segment()
        if segment is None:
            self._say(QCoreApplication.translate("TranscriptEditor", "Select a segment first."))
            return False
        return self._retime(start=segment.start + offset) if start else self._retime(end=segment.end + offset)

    def go_uncertain(self, step: int) -> tuple[int, int] | None:
        """Select the next (step 1) or previous (-1) uncertain word and play from just before it."""
        marks = self.model.uncertain()
        if not marks:
            self._say(QCoreApplication.translate("TranscriptEditor", "No uncertain words (none below {0:.0%}, or the job has no word timings).")
                      .format(self.controller.settings.uncertain_below))  # fmt: skip
            return None
        row = self.current_row()
        if self._uncertain_at is not None and self._uncertain_at[0] == row:
            here = self._uncertain_at
        else:
            here = (row, -1) if step > 0 else (row, 1 << 30)
        if step > 0:
            mark = next((m for m in marks if m > here), marks[0])
        else:
            mark = next((m for m in reversed(marks) if m < here), marks[-1])
        self._uncertain_at = mark
        self.select_row(mark[0])
        word = self.model.segment(mark[0]).words[mark[1]]
        self._say(QCoreApplication.translate("TranscriptEditor", "Uncertain: “{0}” ({1:.0%} sure). F8 goes to the next one.")
                  .format(word.text.strip(), word.probability))  # fmt: skip
        self.playback.play_from(word.start - PREROLL_S)
        return mark

    def revert_to_original(self) -> bool:
        """Bring back the engine's text (the cached original is never changed); undoable."""
        job = self.controller.job(self.job_id)
        if job is None or job.transcript is None:
            return False
        if not self.model.revert_to(job.transcript):
            self._say(QCoreApplication.translate("TranscriptEditor", "This is already the engine's original text."))
            return False
        self._say(QCoreApplication.translate("TranscriptEditor", "Back to the engine's original text. Ctrl+Z brings your edits back."))
        return True


def word_time_at(segment: Segment, char: int, default: float) -> float:
    """Start of the word at character `char` of the segment's shown text (the nearest one after)."""
    for word, span in zip(segment.words, word_spans(segment)):
        if span is not None and char < span[0] + span[1] + 1:
            return word.start
    return default
