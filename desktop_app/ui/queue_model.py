"""The queue as a Qt table model, its sorting proxy and the progress-bar delegate."""

from __future__ import annotations

from enum import IntEnum
from pathlib import Path

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionProgressBar

from desktop_app.core.jobs import Job, JobStatus
from desktop_app.core.sizes import human_size
from desktop_app.runner.controller import QueueController

JOB_ID_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2
PROGRESS_ROLE = Qt.ItemDataRole.UserRole + 3  # (fraction, eta seconds or None, status)

_Index = QModelIndex | QPersistentModelIndex


class Column(IntEnum):
    FILE = 0
    DURATION = 1
    SIZE = 2
    STATUS = 3
    PROGRESS = 4
    MODEL = 5
    LANGUAGE = 6


def status_text(status: JobStatus) -> str:
    """The status as a person reads it, translated."""
    queued = QCoreApplication.translate("QueueModel", "Queued")
    names = {
        JobStatus.QUEUED: queued,
        JobStatus.AUDIO_READY: queued,  # for the engine, which takes one job at a time
        JobStatus.RETRY_WAIT: queued,  # for a retry (the row shows why)
        JobStatus.CHECKING: QCoreApplication.translate("QueueModel", "Checking"),
        JobStatus.EXTRACTING: QCoreApplication.translate("QueueModel", "Extracting"),
        JobStatus.TRANSCRIBING: QCoreApplication.translate("QueueModel", "Transcribing"),
        JobStatus.IDENTIFYING_SPEAKERS: QCoreApplication.translate("QueueModel", "Identifying speakers"),
        JobStatus.DONE: QCoreApplication.translate("QueueModel", "Done"),
        JobStatus.CACHED: QCoreApplication.translate("QueueModel", "Done (cached)"),
        JobStatus.FAILED: QCoreApplication.translate("QueueModel", "Failed"),
        JobStatus.CANCELLED: QCoreApplication.translate("QueueModel", "Cancelled"),
    }
    return names[status]


def format_duration(seconds: float | None) -> str:
    """1:05 or 1:02:03; an empty string when unknown."""
    if seconds is None:
        return ""
    total = int(round(seconds))
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


class QueueModel(QAbstractTableModel):
    """One row per job, in the order they were queued; fed by the controller's signals."""

    def __init__(self, controller: QueueController, parent=None) -> None:
        super().__init__(parent)
        self._controller = controller
        self._ids: list[str] = [job.id for job in controller.jobs()]
        self._rows: dict[str, int] = {job_id: i for i, job_id in enumerate(self._ids)}
        controller.job_added.connect(self._on_added)
        controller.job_changed.connect(self._on_changed)
        controller.job_removed.connect(self._on_removed)

    def headers(self) -> list[str]:
        return [
            self.tr("File"),
            self.tr("Duration"),
            self.tr("Size"),
            self.tr("Status"),
            self.tr("Progress"),
            self.tr("Model"),
            self.tr("Language"),
        ]

    # -- Qt model API ------------------------------------------------------------------

    def rowCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(Column)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers()[section]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        job = self._controller.job(self._ids[index.row()])
        if job is None:
            return None
        column = Column(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(job, column)
        if role == JOB_ID_ROLE:
            return job.id
        if role == SORT_ROLE:
            return self._sort_key(job, column)
        if role == PROGRESS_ROLE:
            return (job.progress, job.eta_s, job.status)
        if role == Qt.ItemDataRole.ToolTipRole:
            if job.status == JobStatus.FAILED and job.error:
                return job.error
            if column == Column.STATUS and self._controller.waiting(job.id):
                return self._controller.waiting(job.id)
            if column == Column.FILE:
                return str(job.path)
        if role == Qt.ItemDataRole.ForegroundRole and column == Column.STATUS:
            if job.status == JobStatus.FAILED:
                return QColor("#c62828")
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (Column.DURATION, Column.SIZE):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _display(self, job: Job, column: Column) -> str:
        if column == Column.FILE:
            return Path(job.path).name
        if column == Column.DURATION:
            return format_duration(job.duration_s)
        if column == Column.SIZE:
            return human_size(job.size_bytes) if job.size_bytes is not None else ""
        if column == Column.STATUS:
            text = status_text(job.status)
            if job.error and job.status in (JobStatus.FAILED, JobStatus.QUEUED, JobStatus.RETRY_WAIT):
                text = f"{text}: {job.error}"
            elif self._controller.waiting(job.id):
                text = self.tr("Waiting for the server")  # the tooltip and the log say why
            return text
        if column == Column.PROGRESS:
            return f"{round(job.progress * 100)}%"
        if column == Column.MODEL:
            return job.model or ""
        if column == Column.LANGUAGE:
            return job.language or (self.tr("auto") if not job.status.finished else "")
        return ""

    def _sort_key(self, job: Job, column: Column):
        if column == Column.DURATION:
            return job.duration_s or 0.0
        if column == Column.SIZE:
            return job.size_bytes or 0
        if column == Column.PROGRESS:
            return job.progress
        if column == Column.STATUS:
            return list(JobStatus).index(job.status)
        return self._display(job, column).lower()

    # -- controller signals ------------------------------------------------------------

    def job_id(self, row: int) -> str:
        return self._ids[row]

    def row_of(self, job_id: str) -> int | None:
        return self._rows.get(job_id)

    def _on_added(self, job_id: str) -> None:
        if job_id in self._rows:
            return
        row = len(self._ids)
        self.beginInsertRows(QModelIndex(), row, row)
        self._ids.append(job_id)
        self._rows[job_id] = row
        self.endInsertRows()

    def _on_changed(self, job_id: str) -> None:
        row = self._rows.get(job_id)
        if row is not None:
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(Column) - 1))

    def _on_removed(self, job_id: str) -> None:
        row = self._rows.get(job_id)
        if row is None:
            return
        self.beginRemoveRows(QModelIndex(), row, row)
        del self._ids[row]
        self._rows = {jid: i for i, jid in enumerate(self._ids)}
        self.endRemoveRows()


class QueueProxy(QSortFilterProxyModel):
    """Sorts by each column's natural key (durations as numbers, not text)."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)
        self.setDynamicSortFilter(False)  # rows stay put while progress ticks


class ProgressDelegate(QStyledItemDelegate):
    """Draws the progress column as a bar with the percentage and time left."""

    def paint(self, painter, option, index) -> None:
        value = index.data(PROGRESS_ROLE)
        if not value:
            super().paint(painter, option, index)
            return
        fraction, eta_s, status = value
        bar = QStyleOptionProgressBar()
        bar.rect = option.rect.adjusted(2, 3, -2, -3)
        bar.minimum, bar.maximum = 0, 1000
        bar.progress = int(fraction * 1000)
        bar.textVisible = True
        bar.state = option.state | QStyle.StateFlag.State_Horizontal
        bar.palette = option.palette
        if status == JobStatus.FAILED:
            bar.palette.setColor(QPalette.ColorRole.Highlight, QColor("#c62828"))
        bar.text = progress_text(fraction, eta_s, status)
        if option.state & QStyle.StateFlag.State_Selected:
            painter.fillRect(option.rect, option.palette.highlight())
        style = option.widget.style() if option.widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ProgressBar, bar, painter, option.widget)


def progress_text(fraction: float, eta_s: float | None, status: JobStatus) -> str:
    percent = f"{round(fraction * 100)}%"
    if status == JobStatus.TRANSCRIBING and eta_s is not None:
        left = QCoreApplication.translate("QueueModel", "{0} left").format(format_duration(eta_s))
        return f"{percent} · {left}"
    return percent
