"""The transcript editor: hear the source, fix one job's segments; edits save themselves."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenuBar,
    QMessageBox,
    QPushButton,
    QSplitter,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.segment_edits import word_at
from desktop_app.core.transcript import Segment, Transcript
from desktop_app.runner.controller import QueueController
from desktop_app.ui.editor_menus import build_menus, build_toolbar
from desktop_app.ui.editor_playback import EditorPlayback
from desktop_app.ui.editor_review import NUDGE_S, ReviewActions, SegmentTable
from desktop_app.ui.editor_speakers import SpeakerActions
from desktop_app.ui.find_replace_bar import FindReplaceBar
from desktop_app.ui.segment_delegate import HIT_COLOUR, HighlightDelegate
from desktop_app.ui.segment_table_model import Column, SegmentTableModel
from desktop_app.ui.transcript_player import multimedia_available

log = logging.getLogger(__name__)

__all__ = ["HIT_COLOUR", "TranscriptEditor", "multimedia_available"]

AUTOSAVE_MS = 1000  # edits are saved this long after the last one


class TranscriptEditor(ReviewActions, SpeakerActions, QWidget):
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
        self.model.set_threshold(controller.settings.uncertain_below)
        self.undo_stack = self.model.undo_stack
        self.setWindowTitle(self.tr("Transcript — {0}").format(job.path.name))
        self.resize(1000, 680)

        self.table = SegmentTable(self)
        self.table.setModel(self.model)
        self.delegate = HighlightDelegate(self.table)
        self.table.setItemDelegateForColumn(Column.TEXT, self.delegate)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                   | QAbstractItemView.EditTrigger.EditKeyPressed
                                   | QAbstractItemView.EditTrigger.AnyKeyPressed)  # fmt: skip
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        time_width = self.fontMetrics().horizontalAdvance(" 0:00:00.000 ") + 12  # no per-row sizing
        for column in (Column.START, Column.END):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
            header.resizeSection(column, time_width)
        header.resizeSection(Column.SPEAKER, self.fontMetrics().horizontalAdvance("Speaker 10") + 30)
        header.setSectionResizeMode(Column.TEXT, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)

        self.status = QLabel(self.tr("Double-click a text to correct it; Ctrl+Z undoes. Edits save themselves."), self)
        self.find_bar = FindReplaceBar(self.model, self.select_row, self._say, self)
        self.playback = EditorPlayback(self, None, self.current_segment)
        self.playback.position_changed.connect(self._on_position)
        self.playback.failed.connect(lambda text: self._say(self.tr("Cannot play the source: {0}").format(text)))
        self.video = self._make_video_pane()
        self._build_actions()
        self.menu_bar = QMenuBar(self)
        build_menus(self, self.menu_bar)
        self.toolbar: QToolBar = build_toolbar(self)

        self.missing_label = QLabel(self)
        self.missing_label.setWordWrap(True)
        self.locate_button = QPushButton(self.tr("Locate file…"), self)
        self.locate_button.clicked.connect(self.locate_source)
        banner = QHBoxLayout()
        banner.addWidget(self.missing_label, 1)
        banner.addWidget(self.locate_button)
        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        if self.video is not None:
            self.splitter.addWidget(self.video)
        self.splitter.addWidget(self.table)
        self.splitter.setStretchFactor(self.splitter.count() - 1, 3)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.setMenuBar(self.menu_bar)
        layout.addWidget(self.toolbar)
        layout.addLayout(banner)
        layout.addWidget(self.find_bar)
        layout.addWidget(self.splitter, 1)
        layout.addWidget(self.status)

        self._autosave = QTimer(self)
        self._autosave.setSingleShot(True)
        self._autosave.setInterval(AUTOSAVE_MS)
        self._autosave.timeout.connect(lambda: self.save(quiet=True))
        self.undo_stack.indexChanged.connect(self._on_edit)
        self.undo_stack.cleanChanged.connect(self._update_title)
        self.undo_stack.cleanChanged.connect(self._update_actions)
        self.undo_stack.indexChanged.connect(self._update_actions)
        self.table.selectionModel().currentRowChanged.connect(self._update_actions)
        self.table.clicked_at.connect(self.seek_to_click)
        if transcript.segments and not any(s.words for s in transcript.segments):
            self._say(self.tr("This job has no word timings: turn on Settings > Transcription > Word timestamps "
                              "to mark uncertain words and follow each word as it plays."))  # fmt: skip
        self.setup_speakers()
        self.undo_stack.indexChanged.connect(self.update_speaker_column)
        self._set_source(self._source if self._source.is_file() else None)
        self._update_actions()

    # -- building ---------------------------------------------------------------------

    def _make_video_pane(self):
        if self.playback.player is None:
            return None
        from desktop_app.ui.video_pane import VideoPane

        pane = VideoPane(self)
        pane.setVisible(False)
        self.playback.player.set_video_sink(pane.sink)
        self.playback.player.has_video_changed.connect(self._on_has_video)
        return pane

    def action(self, text: str, slot, keys: str | list[str] | None = None, tip: str = "") -> QAction:
        action = QAction(text, self)
        action.triggered.connect(slot)
        if keys:
            action.setShortcuts([QKeySequence(k) for k in ([keys] if isinstance(keys, str) else keys)])
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
        a = self.action
        self.save_action = a(self.tr("Save now"), self.save, "Ctrl+S",
                             self.tr("Edits also save themselves a second after you make them"))
        self.export_action = a(self.tr("Export…"), self.open_export, "Ctrl+E",
                               self.tr("Write subtitles or text from the edited transcript"))
        self.revert_action = a(self.tr("Revert to original"), self.revert_to_original, None,
                               self.tr("Bring back the text the engine wrote (undoable)"))
        self.close_action = a(self.tr("Close"), self.close, "Ctrl+W")
        self.find_action = a(self.tr("Find…"), lambda: self.find_bar.focus_find(False), "Ctrl+F")
        self.replace_action = a(self.tr("Replace…"), lambda: self.find_bar.focus_find(True), "Ctrl+H")
        self.find_next_action = a(self.tr("Find next"), self.find_bar.next_hit, "F3")
        self.merge_action = a(self.tr("Merge with next"), self.merge_selected, "Ctrl+M",
                              self.tr("Join the selected segment and the one after it"))
        self.split_action = a(self.tr("Split at cursor"), self.split_at_cursor, "Ctrl+Shift+S",
                              self.tr("While editing a text, cut the segment where the cursor is"))
        self.set_start_action = a(self.tr("Set start to playhead"), lambda: self.set_time_to_playhead(True), "Ctrl+[")
        self.set_end_action = a(self.tr("Set end to playhead"), lambda: self.set_time_to_playhead(False), "Ctrl+]")
        self.start_earlier_action = a(self.tr("Start 0.1 s earlier"), lambda: self.nudge(True, -NUDGE_S), "Alt+Shift+Left")
        self.start_later_action = a(self.tr("Start 0.1 s later"), lambda: self.nudge(True, NUDGE_S), "Alt+Shift+Right")
        self.end_earlier_action = a(self.tr("End 0.1 s earlier"), lambda: self.nudge(False, -NUDGE_S), "Ctrl+Alt+Left")
        self.end_later_action = a(self.tr("End 0.1 s later"), lambda: self.nudge(False, NUDGE_S), "Ctrl+Alt+Right")
        self.shift_action = a(self.tr("Shift all times"), self.shift_times, None,
                              self.tr("Move every start and end time by the offset"))
        self.next_uncertain_action = a(self.tr("Next uncertain word"), lambda: self.go_uncertain(1), "F8")
        self.previous_uncertain_action = a(self.tr("Previous uncertain word"), lambda: self.go_uncertain(-1), "Shift+F8")
        self.rename_speaker_action = a(self.tr("Rename speaker…"), lambda: self.rename_selected_speaker(), "Ctrl+Shift+R",
                                       self.tr("Rename the selected segment's speaker in every segment"))
        self.merge_speaker_action = a(self.tr("Merge speaker into…"), lambda: self.merge_selected_speaker(), None,
                                      self.tr("Give the selected segment's speaker's segments to another speaker"))
        self.video_action = a(self.tr("Show video"), self._toggle_video, "Ctrl+Shift+V")
        self.video_action.setCheckable(True)
        self.video_action.setEnabled(False)

    # -- state ------------------------------------------------------------------------

    @property
    def dirty(self) -> bool:
        return not self.undo_stack.isClean()

    def transcript(self) -> Transcript:
        return self.model.transcript()

    def current_row(self) -> int:
        return self.table.currentIndex().row()

    def current_segment(self) -> Segment | None:
        row = self.current_row()
        return self.model.segment(row) if 0 <= row < self.model.rowCount() else None

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

    # -- source -----------------------------------------------------------------------

    def _set_source(self, source: Path | None) -> None:
        self.playback.set_source(source)
        missing = source is None
        if missing:
            self.missing_label.setText(self.tr("The source file {0} is missing or was moved. Editing goes on "
                                               "without sound; locate the file to hear it.").format(self._source))
        elif self.playback.player is None:
            missing = True
            self.missing_label.setText(self.tr("Playback needs Qt Multimedia (PySide6-Addons)."))
        self.missing_label.setVisible(missing)
        self.locate_button.setVisible(source is None and self.playback.player is not None)

    def locate_source(self) -> Path | None:
        """Ask where the source file is now (a native dialog), and play that file."""
        chosen, _filter = QFileDialog.getOpenFileName(self, self.tr("Locate {0}").format(self._source.name),
                                                      str(self._source.parent))  # fmt: skip
        if not chosen:
            return None
        self._source = Path(chosen)
        self._set_source(self._source)
        return self._source

    def _on_has_video(self, has_video: int) -> None:
        has_video = bool(has_video)
        self.video_action.setEnabled(has_video)
        self.video_action.setChecked(has_video)
        self.video.setVisible(has_video)
        if has_video:  # the picture gets a good share; the splitter handle resizes it
            total = max(self.splitter.height(), 400)
            self.splitter.setSizes([total * 9 // 20, total * 11 // 20])

    def _toggle_video(self, shown: bool) -> None:
        if self.video is not None:
            self.video.setVisible(shown)

    # -- playback in step with the text ---------------------------------------------------

    def _on_position(self, seconds: float) -> None:
        row = self.model.row_at(seconds)
        word = word_at(self.model.segment(row), seconds) if row is not None else None
        if row is not None and row != self.model.playing_row and self.playback.is_playing():
            # only while playing: a stop reports position 0, which must not jump the view to the top
            self.table.scrollTo(self.model.index(row, Column.TEXT))
        self.model.set_playing(row, word)
        if self.video is not None:
            self.video.set_cue(self.model.segment(row).text.strip() if row is not None else "")

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

    def _on_edit(self, *_args) -> None:
        self._autosave.start()

    def save(self, quiet: bool = False) -> bool:
        """Store the edited transcript in the history (one transaction) through the controller."""
        self._autosave.stop()
        self.delegate.finish()
        try:
            self.controller.save_edited(self.job_id, self.model.transcript())
        except (KeyError, OSError, ValueError) as exc:
            log.warning("Saving the edited transcript failed: %s", exc)
            self._say(self.tr("Not saved: {0}").format(exc))
            if not quiet:
                QMessageBox.warning(self, self.tr("Not saved"),
                                    self.tr("The edited transcript could not be saved: {0}").format(exc))
            return False
        self.undo_stack.setClean()
        self._say(self.tr("Saved. Exports use the edited text; the original result is kept. Ctrl+E exports."))
        self.saved.emit(self.job_id)
        return True

    def open_export(self) -> None:
        """Export what is on screen: unsaved edits are saved first."""
        if self.dirty and not self.save():
            return
        from desktop_app.ui.export_dialog import ExportDialog

        ExportDialog(self.controller, [self.job_id], self).exec()

    # -- closing ----------------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:
        self.delegate.finish()  # a text still being typed counts as an edit
        if self.dirty and not self.save():
            answer = QMessageBox.question(
                self, self.tr("Edits not saved"),
                self.tr("Your edits could not be saved. Close anyway and lose them?"),
                QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Cancel,
            )
            if answer != QMessageBox.StandardButton.Discard:
                event.ignore()
                return
        self.playback.release()
        event.accept()
