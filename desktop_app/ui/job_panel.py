"""The pane under the queue: the selected job's live transcript, its error and its log."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QTabWidget, QVBoxLayout, QWidget

from desktop_app.core.jobs import JobStatus
from desktop_app.core.transcript import Segment
from desktop_app.runner.controller import QueueController


class JobPanel(QWidget):
    """Shows one job; follows its segments as they arrive. A click on a finished line asks to edit there."""

    segment_clicked = Signal(str, int)  # job id, segment row

    def __init__(self, controller: QueueController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._controller = controller
        self._job_id: str | None = None
        self._shown_status: JobStatus | None = None
        self.error_label = QLabel(self)
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #c62828; font-weight: bold;")
        self.error_label.hide()
        self.transcript_view = QPlainTextEdit(self)
        self.transcript_view.setReadOnly(True)
        self.transcript_view.setPlaceholderText(self.tr("Select a job to see its transcript."))
        self.transcript_view.viewport().installEventFilter(self)
        self.log_view = QPlainTextEdit(self)
        self.log_view.setReadOnly(True)
        self.log_view.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self.transcript_view, self.tr("Transcript"))
        self.tabs.addTab(self.log_view, self.tr("Details"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.error_label)
        layout.addWidget(self.tabs)
        controller.segment_added.connect(self._on_segment)
        controller.job_changed.connect(self._on_changed)
        controller.job_removed.connect(self._on_removed)

    def show_job(self, job_id: str | None) -> None:
        self._job_id = job_id
        self._shown_status = None
        self.transcript_view.clear()
        self.log_view.clear()
        self.error_label.hide()
        if job_id is None:
            return
        transcript = self._controller.transcript_for(job_id)
        segments = transcript.segments if transcript is not None else self._controller.segments(job_id)
        text = "\n".join(_line(s) for s in segments)
        self.transcript_view.setPlainText(text)
        self._refresh_state()

    def show_details(self) -> None:
        self.tabs.setCurrentWidget(self.log_view)

    def _refresh_state(self) -> None:
        job = self._controller.job(self._job_id) if self._job_id else None
        if job is None:
            return
        self._shown_status = job.status
        if job.status == JobStatus.FAILED and job.error:
            self.error_label.setText(job.error)
            self.error_label.show()
        else:
            self.error_label.hide()
        self.log_view.setPlainText("\n".join(self._controller.logs(job.id)))
        self.log_view.moveCursor(QTextCursor.MoveOperation.End)

    def _on_segment(self, job_id: str, segment: Segment) -> None:
        if job_id != self._job_id:
            return
        self.transcript_view.appendPlainText(_line(segment))

    def eventFilter(self, watched, event) -> bool:
        if (watched is self.transcript_view.viewport() and event.type() == QEvent.Type.MouseButtonRelease
                and event.button() == Qt.MouseButton.LeftButton and self._job_id is not None
                and self._controller.transcript_for(self._job_id) is not None):  # fmt: skip
            row = self.transcript_view.cursorForPosition(event.position().toPoint()).blockNumber()
            self.segment_clicked.emit(self._job_id, row)
        return super().eventFilter(watched, event)

    def _on_changed(self, job_id: str) -> None:
        job = self._controller.job(job_id)
        if job_id != self._job_id or job is None or job.status == self._shown_status:
            return
        if job.status in (JobStatus.DONE, JobStatus.CACHED) or job.status == JobStatus.QUEUED:
            self.show_job(job_id)  # the final text (or a cleared one on retry)
        else:
            self._refresh_state()

    def _on_removed(self, job_id: str) -> None:
        if job_id == self._job_id:
            self.show_job(None)


def _line(segment: Segment) -> str:
    """One panel line: the segment's start time, then its text."""
    minutes, seconds = divmod(int(segment.start), 60)
    return f"[{minutes}:{seconds:02d}] {segment.text.strip()}"
