"""The main window: drop files anywhere, watch the queue, read transcripts as they arrive."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QEvent, QEventLoop, QItemSelectionModel, Qt, QTimer, QUrl
from PySide6.QtGui import QAction, QCloseEvent, QDesktopServices, QDragEnterEvent, QDropEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QFileDialog,
    QHeaderView,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QSplitter,
    QStyle,
    QSystemTrayIcon,
    QTableView,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from desktop_app import APP_NAME
from desktop_app.core.jobs import JobStatus
from desktop_app.runner.controller import QueueController
from desktop_app.ui.editor_windows import show_editor
from desktop_app.ui.export_dialog import ExportDialog
from desktop_app.ui.job_panel import JobPanel
from desktop_app.ui.queue_model import JOB_ID_ROLE, Column, ProgressDelegate, QueueModel, QueueProxy
from desktop_app.ui.settings_dialog import SettingsDialog
from desktop_app.ui.status_bar import QueueStatusBar
from desktop_app.ui.transcript_editor import TranscriptEditor

log = logging.getLogger(__name__)


class MainWindow(QMainWindow):
    """Talks only to the controller: its actions out, its signals in."""

    def __init__(self, controller: QueueController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self._closing = False
        self.editors: dict[str, TranscriptEditor] = {}
        self.setAcceptDrops(True)
        self.resize(1000, 640)

        self.model = QueueModel(controller, self)
        self.proxy = QueueProxy(self)
        self.proxy.setSourceModel(self.model)
        self.table = QTableView(self)
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # queue order until a header is clicked
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.setItemDelegateForColumn(Column.PROGRESS, ProgressDelegate(self.table))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(Column.FILE, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(Column.STATUS, QHeaderView.ResizeMode.Interactive)
        for column, width in ((Column.DURATION, 70), (Column.SIZE, 80), (Column.STATUS, 180),
                              (Column.PROGRESS, 150), (Column.MODEL, 80), (Column.LANGUAGE, 80)):  # fmt: skip
            header.resizeSection(column, width)

        self.drop_hint = QLabel(self.table.viewport())
        self.drop_hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.drop_hint.setWordWrap(True)
        self.drop_hint.setStyleSheet("color: palette(mid); font-size: 16pt;")
        self.drop_hint.setText(self.tr("Drop audio or video files or folders here\nor use File > Add files (Ctrl+O)"))
        self.table.viewport().installEventFilter(self)

        self.panel = JobPanel(controller, self)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        top = QWidget(splitter)
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(self.table)
        splitter.addWidget(top)
        splitter.addWidget(self.panel)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        self.setCentralWidget(splitter)

        self._build_actions()
        self._build_menus_and_toolbar()
        self.setStatusBar(QueueStatusBar(controller, self))
        self.overall_bar = self.statusBar().overall_bar
        self.engine_label = self.statusBar().engine_label
        self.tray: QSystemTrayIcon | None = None
        if QSystemTrayIcon.isSystemTrayAvailable():
            icon = QApplication.windowIcon()
            if icon.isNull():
                icon = self.style().standardIcon(QStyle.StandardPixmap.SP_MediaPlay)
            self.tray = QSystemTrayIcon(icon, self)
            self.tray.show()

        controller.job_added.connect(self._queue_changed)
        controller.job_removed.connect(self._queue_changed)
        controller.job_changed.connect(self._job_changed)
        controller.queue_idle.connect(self._on_idle)
        controller.scan_finished.connect(self._on_scan_finished)
        controller.paused_changed.connect(self._on_paused)
        controller.notice.connect(lambda text: self.statusBar().showMessage(text, 15000))
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.table.customContextMenuRequested.connect(self._show_context_menu)
        self.panel.segment_clicked.connect(lambda job_id, row: self.open_editor(job_id, row))
        self.table.activated.connect(self._on_activated)  # Enter (and double-click on some styles)
        self.table.doubleClicked.connect(self._on_activated)
        self._title_timer = QTimer(self)
        self._title_timer.setSingleShot(True)
        self._title_timer.setInterval(100)
        self._title_timer.timeout.connect(self._update_overall)
        self._queue_changed()
        self._selection_changed()
        for text in controller.startup_notices:
            self.statusBar().showMessage(text, 30000)

    # -- building ----------------------------------------------------------------------

    def _action(self, text: str, slot, shortcut=None, icon=None) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        if icon is not None:
            action.setIcon(self.style().standardIcon(icon))
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        sp = QStyle.StandardPixmap
        self.add_files_action = self._action(self.tr("&Add files…"), self.add_files_dialog, QKeySequence.StandardKey.Open, sp.SP_FileIcon)
        self.add_folder_action = self._action(self.tr("Add &folder…"), self.add_folder_dialog, None, sp.SP_DirIcon)
        self.export_action = self._action(self.tr("&Export…"), self.export_selected, "Ctrl+E", sp.SP_DialogSaveButton)
        self.settings_action = self._action(self.tr("&Settings…"), self.open_settings, "Ctrl+,")
        self.quit_action = self._action(self.tr("&Quit"), self.close, "Ctrl+Q")
        self.cancel_action = self._action(self.tr("&Cancel"), lambda: self.controller.cancel(self.selected_ids()), None, sp.SP_BrowserStop)
        self.retry_action = self._action(self.tr("&Retry"), lambda: self.controller.retry(self.selected_ids()), None, sp.SP_BrowserReload)
        self.remove_action = self._action(self.tr("Re&move"), lambda: self.controller.remove(self.selected_ids()), QKeySequence.StandardKey.Delete, sp.SP_TrashIcon)
        self.edit_action = self._action(self.tr("&Edit transcript"), self.edit_selected, "Ctrl+Return")
        self.open_action = self._action(self.tr("&Open in text editor"), self.open_transcript)
        self.reveal_action = self._action(self.tr("Show in &folder"), self.reveal_file)
        self.copy_action = self._action(self.tr("Cop&y text"), self.copy_text)
        self.details_action = self._action(self.tr("&Details"), self.panel.show_details)
        self.pause_action = self._action(self.tr("&Pause queue"), self.toggle_pause, None, sp.SP_MediaPause)
        self.cancel_all_action = self._action(self.tr("Cancel &all"), self.controller.cancel_all)
        self.clear_action = self._action(self.tr("C&lear finished"), self.controller.clear_finished)

    def _build_menus_and_toolbar(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        for action in (self.add_files_action, self.add_folder_action, None, self.export_action,
                       self.settings_action, None, self.quit_action):  # fmt: skip
            file_menu.addSeparator() if action is None else file_menu.addAction(action)
        self.job_menu = self.menuBar().addMenu(self.tr("&Job"))
        self._fill_job_menu(self.job_menu)
        queue_menu = self.menuBar().addMenu(self.tr("&Queue"))
        for action in (self.pause_action, self.cancel_all_action, self.clear_action):
            queue_menu.addAction(action)
        toolbar = QToolBar(self.tr("Actions"), self)
        toolbar.setObjectName("actions")
        toolbar.setMovable(False)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        for action in (self.add_files_action, self.add_folder_action, None, self.cancel_action,
                       self.retry_action, self.remove_action, self.copy_action, None,
                       self.pause_action, self.clear_action):  # fmt: skip
            toolbar.addSeparator() if action is None else toolbar.addAction(action)
        self.addToolBar(toolbar)

    def _fill_job_menu(self, menu: QMenu) -> None:
        for action in (self.cancel_action, self.retry_action, self.remove_action, None,
                       self.edit_action, self.open_action, self.reveal_action, self.copy_action, self.details_action,
                       None, self.export_action):  # fmt: skip
            menu.addSeparator() if action is None else menu.addAction(action)

    # -- drops and adding --------------------------------------------------------------

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls() and any(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        if not paths:
            event.ignore()
            return
        event.acceptProposedAction()
        self.add_paths(paths)

    def add_paths(self, paths: list[str]) -> None:
        added = self.controller.add_paths(paths)
        if added:
            self.statusBar().showMessage(self.tr("Queued %n file(s).", "", len(added)), 5000)

    def add_files_dialog(self) -> None:
        files, _filter = QFileDialog.getOpenFileNames(
            self, self.tr("Add files"), "", self.tr("Audio and video (*.*)")
        )
        if files:
            self.add_paths(files)

    def add_folder_dialog(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Add folder"))
        if folder:
            self.add_paths([folder])

    # -- row actions -------------------------------------------------------------------

    def selected_ids(self) -> list[str]:
        rows = self.table.selectionModel().selectedRows()
        return [self.proxy.mapToSource(index).data(JOB_ID_ROLE) for index in rows]

    def select_job(self, job_id: str) -> None:
        row = self.model.row_of(job_id)
        if row is None:
            return
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        self.table.selectionModel().select(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        )
        self.table.scrollTo(index)

    def _show_context_menu(self, pos) -> None:
        if not self.table.indexAt(pos).isValid():
            return
        menu = QMenu(self)
        self._fill_job_menu(menu)
        menu.popup(self.table.viewport().mapToGlobal(pos))

    def _on_activated(self, index) -> None:
        job = self.controller.job(self.proxy.mapToSource(index).data(JOB_ID_ROLE))
        if job is not None and self.controller.transcript_for(job.id) is not None:
            self.open_editor(job.id)
        else:
            self.panel.show_details()

    def edit_selected(self) -> None:
        for job_id in self.selected_ids():
            if self.controller.transcript_for(job_id) is not None:
                self.open_editor(job_id)

    def open_editor(self, job_id: str, row: int | None = None) -> TranscriptEditor:
        """Show the job's editor (one per job: an open one is raised), at a segment if given."""
        return show_editor(self.editors, self.controller, job_id, row)

    def open_transcript(self) -> None:
        for job_id in self.selected_ids():
            path = self.controller.write_transcript_file(job_id)
            if path is not None:
                QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

    def reveal_file(self) -> None:
        folders = {Path(job.path).parent for i in self.selected_ids() if (job := self.controller.job(i))}
        for folder in folders:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))

    def copy_text(self) -> None:
        texts = [t.text for i in self.selected_ids() if (t := self.controller.transcript_for(i)) is not None]
        if texts:
            QApplication.clipboard().setText("\n\n".join(texts))
            self.statusBar().showMessage(self.tr("Copied the transcript text."), 3000)

    def toggle_pause(self) -> None:
        if self.controller.paused:
            self.controller.resume()
        else:
            self.controller.pause()

    def export_selected(self) -> None:
        ids = self.selected_ids() or [j.id for j in self.controller.jobs() if j.transcript is not None]
        ExportDialog(self.controller, ids, self).exec()

    def open_settings(self) -> None:
        SettingsDialog(self.controller, self).exec()

    # -- controller signals ------------------------------------------------------------

    def _selection_changed(self, *_args) -> None:
        ids = self.selected_ids()
        self.panel.show_job(ids[0] if len(ids) == 1 else None)
        self._update_actions()

    def _update_actions(self) -> None:
        jobs = [j for i in self.selected_ids() if (j := self.controller.job(i)) is not None]
        statuses = {j.status for j in jobs}
        self.cancel_action.setEnabled(any(not s.finished for s in statuses))
        self.retry_action.setEnabled(bool(statuses & {JobStatus.FAILED, JobStatus.CANCELLED}))
        self.remove_action.setEnabled(bool(jobs))
        has_text = any(j.transcript is not None for j in jobs)
        for action in (self.edit_action, self.open_action, self.copy_action):
            action.setEnabled(has_text)
        self.reveal_action.setEnabled(bool(jobs))
        self.details_action.setEnabled(len(jobs) == 1)

    def _queue_changed(self, *_args) -> None:
        self.drop_hint.setVisible(self.model.rowCount() == 0)
        self._place_drop_hint()
        self._job_changed()

    def _job_changed(self, *_args) -> None:
        if not self._title_timer.isActive():
            self._title_timer.start()

    def _update_overall(self) -> None:
        summary = self.controller.summary()
        self._update_actions()
        self.statusBar().show_summary(summary)
        if summary.active:
            percent = round(summary.fraction * 100)
            self.setWindowTitle(self.tr("{0}% · {1} of {2} done — {3}").format(percent, summary.finished, summary.total, APP_NAME))
        else:
            self.setWindowTitle(APP_NAME)

    def _on_idle(self) -> None:
        self._update_overall()
        summary = self.controller.summary()
        if summary.total == 0:
            return
        title = self.tr("Transcription finished")
        text = self.tr("{0} of {1} files transcribed.").format(summary.succeeded, summary.total)
        if summary.failed:
            text += " " + self.tr("%n failed.", "", summary.failed)
        self.statusBar().showMessage(text, 15000)
        if not self.isActiveWindow() or self.isMinimized():
            if self.tray is not None:
                self.tray.showMessage(title, text, QSystemTrayIcon.MessageIcon.Information, 8000)

    def _on_scan_finished(self, added: int, skipped: int) -> None:
        text = self.tr("Queued %n file(s) from the folder.", "", added)
        if skipped:
            text += " " + self.tr("Skipped %n file(s) that are not audio or video.", "", skipped)
        self.statusBar().showMessage(text, 15000)

    def _on_paused(self, paused: bool) -> None:
        self.pause_action.setText(self.tr("&Resume queue") if paused else self.tr("&Pause queue"))
        icon = QStyle.StandardPixmap.SP_MediaPlay if paused else QStyle.StandardPixmap.SP_MediaPause
        self.pause_action.setIcon(self.style().standardIcon(icon))

    # -- layout and quitting -----------------------------------------------------------

    def eventFilter(self, watched, event) -> bool:
        if watched is self.table.viewport() and event.type() == QEvent.Type.Resize:
            self._place_drop_hint()
        return super().eventFilter(watched, event)

    def _place_drop_hint(self) -> None:
        self.drop_hint.setGeometry(self.table.viewport().rect().adjusted(20, 20, -20, -20))

    def confirm_quit(self) -> bool:
        """Ask before quitting while jobs run; they continue at the next launch."""
        if not self.controller.has_active_jobs():
            return True
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Quit Daredevil?"),
                          self.tr("Files are still being transcribed. Quit anyway? "
                                  "Unfinished files will continue the next time you open Daredevil."),
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self)  # fmt: skip
        box.setObjectName("confirm_quit")
        box.setDefaultButton(QMessageBox.StandardButton.No)
        return box.exec() == QMessageBox.StandardButton.Yes

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._closing and not self.confirm_quit():
            event.ignore()
            return
        self._closing = True
        # stopping the engine and worker can take seconds: be gone from the screen meanwhile
        self.hide()
        if self.tray is not None:
            self.tray.hide()
        QApplication.processEvents(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)
        self.controller.shutdown()
        event.accept()

    def close_without_asking(self) -> None:
        """Close (used when the queue ends with --exit-when-done)."""
        self._closing = True
        self.close()
