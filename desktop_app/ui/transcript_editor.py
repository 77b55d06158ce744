"""The transcript editor: read and fix one job's segments, then save or export them."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDoubleSpinBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QTableView,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.transcript import Transcript
from desktop_app.runner.controller import QueueController
from desktop_app.ui.segment_delegate import HIT_COLOUR, HighlightDelegate
from desktop_app.ui.segment_table_model import Column, SegmentTableModel
from desktop_app.ui.transcript_player import SourcePlayer, multimedia_available

log = logging.getLogger(__name__)

__all__ = ["HIT_COLOUR", "TranscriptEditor", "multimedia_available"]


class TranscriptEditor(QWidget):
    """A view of one job's transcript; edits are undoable and saved through the controller."""

    saved = Signal(str)  # job id

    def __init__(self, controller: QueueController, job_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.job_id = job_id
        job = controller.job(job_id)
        transcript = controller.transcript_for(job_id)
        if job is None or transcript is None:
            raise ValueError(f"job {job_id} has no transcript to edit")
        self._source = Path(job.path)
        self.model = SegmentTableModel(transcript, self)
        self.undo_stack = self.model.undo_stack
        self.setWindowTitle(self.tr("Transcript — {0}").format(job.path.name))
        self.resize(900, 600)

        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.delegate = HighlightDelegate(self.table)
        self.table.setItemDelegateForColumn(Column.TEXT, self.delegate)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                   | QAbstractItemView.EditTrigger.EditKeyPressed
                                   | QAbstractItemView.EditTrigger.AnyKeyPressed)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(Column.START, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(Column.END, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(Column.TEXT, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)

        self._build_actions()
        self._build_toolbar()

        self.status = QLabel(self.tr("Double-click a text to correct it; Ctrl+Z undoes."), self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.toolbar)
        layout.addLayout(self._search_row())
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)

        self.undo_stack.cleanChanged.connect(self._update_title)
        self.undo_stack.cleanChanged.connect(self._update_actions)
        self.undo_stack.indexChanged.connect(self._update_actions)
        self.table.selectionModel().currentRowChanged.connect(self._update_actions)
        self._player: SourcePlayer | None = None
        self._setup_playback()
        self._update_actions()

    # -- building ---------------------------------------------------------------------

    def _action(self, text: str, slot, shortcut=None, tip: str = "") -> QAction:
        action = QAction(text, self)
        action.triggered.connect(slot)
        if shortcut is not None:
            action.setShortcuts(shortcut if isinstance(shortcut, list) else [shortcut])
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        if tip:
            action.setToolTip(tip)
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        self.undo_action = self.undo_stack.createUndoAction(self, self.tr("Undo"))
        self.undo_action.setShortcuts([QKeySequence("Ctrl+Z")])
        self.redo_action = self.undo_stack.createRedoAction(self, self.tr("Redo"))
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        for action in (self.undo_action, self.redo_action):
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.addAction(action)
        self.merge_action = self._action(
            self.tr("Merge with next"), self.merge_selected, QKeySequence("Ctrl+M"),
            self.tr("Join the selected segment and the one after it"))
        self.split_action = self._action(
            self.tr("Split at cursor"), self.split_at_cursor, QKeySequence("Ctrl+Shift+S"),
            self.tr("While editing a text, cut the segment where the cursor is"))
        self.shift_action = self._action(
            self.tr("Shift times"), self.shift_times, None,
            self.tr("Move every start and end time by the offset"))
        self.play_action = self._action(
            self.tr("Play from here"), self.toggle_playback, QKeySequence("Ctrl+P"),
            self.tr("Play the source from the selected segment"))
        self.save_action = self._action(
            self.tr("Save"), self.save, QKeySequence("Ctrl+S"),
            self.tr("Keep the edited transcript; the original result stays in the cache"))
        self.export_action = self._action(
            self.tr("Export…"), self.open_export, QKeySequence("Ctrl+E"),
            self.tr("Write subtitles or text from the edited transcript"))

    def _build_toolbar(self) -> None:
        self.toolbar = QToolBar(self)
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.toolbar.addAction(self.save_action)
        self.toolbar.addAction(self.undo_action)
        self.toolbar.addAction(self.redo_action)
        self.toolbar.addSeparator()
        self.toolbar.addAction(self.merge_action)
        self.toolbar.addAction(self.split_action)
        self.toolbar.addSeparator()
        self.shift_spin = QDoubleSpinBox(self)
        self.shift_spin.setRange(-36_000.0, 36_000.0)
        self.shift_spin.setDecimals(3)
        self.shift_spin.setSingleStep(0.1)
        self.shift_spin.setSuffix(self.tr(" s"))
        self.shift_spin.setToolTip(self.tr("Offset in seconds; negative moves subtitles earlier"))
        self.shift_spin.setAccessibleName(self.tr("Time offset"))
        self.toolbar.addWidget(self.shift_spin)
        self.toolbar.addAction(self.shift_action)
        self.toolbar.addSeparator()
        self.toolbar.addAction(self.play_action)
        self.toolbar.addAction(self.export_action)

    def _search_row(self) -> QHBoxLayout:
        self.search_edit = QLineEdit(self)
        self.search_edit.setPlaceholderText(self.tr("Search the transcript"))
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.textChanged.connect(self.search)
        self.search_edit.returnPressed.connect(self.next_hit)
        self.search_count = QLabel(self)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Find:"), self))
        row.addWidget(self.search_edit, 1)
        row.addWidget(self.search_count)
        return row

    # -- state ------------------------------------------------------------------------

    @property
    def dirty(self) -> bool:
        return not self.undo_stack.isClean()

    def transcript(self) -> Transcript:
        return self.model.transcript()

    def current_row(self) -> int:
        return self.table.currentIndex().row()

    def select_row(self, row: int) -> None:
        index = self.model.index(row, Column.TEXT)
        self.table.setCurrentIndex(index)
        self.table.scrollTo(index)

    def _update_title(self, *_args) -> None:
        base = self.tr("Transcript — {0}").format(self._source.name)
        self.setWindowTitle(base + (" *" if self.dirty else ""))

    def _update_actions(self, *_args) -> None:
        row = self.current_row()
        self.merge_action.setEnabled(0 <= row < self.model.rowCount() - 1)
        self.save_action.setEnabled(self.dirty)

    def _say(self, text: str) -> None:
        self.status.setText(text)

    # -- actions ----------------------------------------------------------------------

    def merge_selected(self) -> bool:
        self.delegate.finish()
        row = self.current_row()
        if not self.model.merge_with_next(row):
            self._say(self.tr("Select a segment that has another one after it."))
            return False
        self.select_row(row)
        return True

    def split_at_cursor(self) -> bool:
        """Split the segment being edited where its text cursor is."""
        where = self.delegate.finish()
        if where is None:
            self._say(self.tr("Double-click a text and put the cursor where it should be split."))
            return False
        row, position = where
        text = self.model.segment(row).text
        position += len(text) - len(text.lstrip())  # the editor showed the text without its lead space
        if not self.model.split(row, position):
            self._say(self.tr("Put the cursor between two words to split there."))
            return False
        self.select_row(row + 1)
        return True

    def shift_times(self) -> float:
        wanted = self.shift_spin.value()
        applied = self.model.shift(wanted)
        if abs(applied - wanted) > 0.0005:
            self._say(self.tr("Shifted by {0:+.3f} s: no time can go before the start.").format(applied))
        elif applied:
            self._say(self.tr("Shifted every time by {0:+.3f} s.").format(applied))
        return applied

    def search(self, query: str) -> list[int]:
        rows = self.model.set_search(query)
        if not query.strip():
            self.search_count.setText("")
        elif rows:
            self.search_count.setText(self.tr("%n segment(s)", "", len(rows)))
            self.select_row(rows[0])
        else:
            self.search_count.setText(self.tr("No match"))
        self.table.viewport().update()
        return rows

    def next_hit(self) -> int | None:
        rows = self.model.hit_rows()
        if not rows:
            return None
        row = next((r for r in rows if r > self.current_row()), rows[0])
        self.select_row(row)
        return row

    def save(self) -> bool:
        """Store the edited transcript in the history through the controller."""
        self.delegate.finish()
        try:
            self.controller.save_edited(self.job_id, self.model.transcript())
        except (KeyError, OSError, ValueError) as exc:
            log.warning("Saving the edited transcript failed: %s", exc)
            QMessageBox.warning(self, self.tr("Not saved"),
                                self.tr("The edited transcript could not be saved: {0}").format(exc))
            return False
        self.undo_stack.setClean()
        self._say(self.tr("Saved. Exports use the edited text; the original result is kept."))
        self.saved.emit(self.job_id)
        return True

    def open_export(self) -> None:
        """Export what is on screen: unsaved edits are saved first."""
        if self.dirty and not self.save():
            return
        from desktop_app.ui.export_dialog import ExportDialog

        dialog = ExportDialog(self.controller, [self.job_id], self)
        dialog.exec()

    # -- playback (Qt Multimedia only) ------------------------------------------------

    def _setup_playback(self) -> None:
        if not multimedia_available():
            self.play_action.setVisible(False)
            self.play_action.setEnabled(False)
            return
        self._player = SourcePlayer(self._source, self)
        self._player.position_changed.connect(self._on_position)
        self._player.playing_changed.connect(self._on_playing)
        self._player.stopped.connect(lambda: self.model.set_playing(None))

    def toggle_playback(self) -> None:
        if self._player is None:
            return
        if self._player.is_playing():
            self._player.pause()
            return
        row = max(self.current_row(), 0)
        self._player.play_from(self.model.segment(row).start if self.model.rowCount() else None)

    def _on_position(self, seconds: float) -> None:
        row = self.model.row_at(seconds)
        self.model.set_playing(row)
        if row is not None:
            self.table.scrollTo(self.model.index(row, Column.TEXT))

    def _on_playing(self, playing: bool) -> None:
        self.play_action.setText(self.tr("Pause") if playing else self.tr("Play from here"))

    # -- closing ----------------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:
        self.delegate.finish()  # a text still being typed counts as an edit
        if self.dirty:
            answer = QMessageBox.question(
                self, self.tr("Unsaved edits"),
                self.tr("Save your edits to this transcript before closing?"),
                QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
                | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Save,
            )
            if answer == QMessageBox.StandardButton.Cancel or (
                answer == QMessageBox.StandardButton.Save and not self.save()
            ):
                event.ignore()
                return
        if self._player is not None:
            self._player.stop()
        event.accept()
