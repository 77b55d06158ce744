"""The export dialog: options beside a live preview; the batch export runs off the GUI thread."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QCloseEvent, QDesktopServices
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QProgressDialog,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.subtitles.batch import PLAN_FILE, BatchResult, ExportJob, load_plan, targets
from desktop_app.core.subtitles.export import CollisionPolicy
from desktop_app.runner.controller import QueueController
from desktop_app.runner.export_runner import CollisionQuestion, ExportRunner
from desktop_app.ui.export_messages import ask_collision, result_box
from desktop_app.ui.export_options import ExportOptionsForm
from desktop_app.ui.export_preview import ExportPreview

log = logging.getLogger(__name__)

PREVIEW_DELAY_MS = 120  # options often change in bursts (spin boxes): redraw once they settle


class ExportDialog(QDialog):
    """Export the given jobs (their edited transcript when there is one) in the ticked formats."""

    exported = Signal(object)  # the BatchResult, once its message is closed

    def __init__(self, controller: QueueController, job_ids: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.jobs: list[ExportJob] = []
        for job_id in job_ids:
            job = controller.job(job_id)
            transcript = controller.transcript_for(job_id)
            if job is not None and transcript is not None:
                self.jobs.append(ExportJob(Path(job.path), transcript))
        self._plan_file = controller.paths.config_dir / PLAN_FILE
        self.result: BatchResult | None = None
        self.result_box: QMessageBox | None = None
        self.progress: QProgressDialog | None = None
        self._answer_all: CollisionPolicy | None = None
        self.runner = ExportRunner(self)
        self.runner.progress.connect(self._on_progress)
        self.runner.collision.connect(self._on_collision)
        self.runner.finished.connect(self._on_finished)

        self.setWindowTitle(self.tr("Export subtitles"))
        self._preview_timer = QTimer(self)
        self._preview_timer.setSingleShot(True)
        self._preview_timer.setInterval(PREVIEW_DELAY_MS)
        self._preview_timer.timeout.connect(self.update_preview)

        has_words = any(s.words for j in self.jobs for s in j.transcript.segments)
        self.options = ExportOptionsForm(has_words, self.jobs[0].source.parent if self.jobs else None, self)
        for name in ExportOptionsForm.WIDGETS:  # dialog.max_chars etc., as callers and tests know them
            setattr(self, name, getattr(self.options, name))
        self.preview_box = ExportPreview(self)
        self.preview_format = self.preview_box.preview_format
        columns = QHBoxLayout()
        columns.addWidget(self.options, 0)
        columns.addWidget(self.preview_box, 1)

        self.buttons = QDialogButtonBox(self)
        self.export_button = self.buttons.addButton(self.tr("Export"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.export)
        self.buttons.rejected.connect(self.reject)
        self.problem = QLabel(self)
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #b71c1c;")

        layout = QVBoxLayout(self)
        if len(self.jobs) == 1:
            intro = QLabel(self.tr("Export the transcript of {0}.").format(self.jobs[0].name), self)
        else:
            intro = QLabel(self.tr("%n transcript(s) to export.", "", len(self.jobs)), self)
        layout.addWidget(intro)
        layout.addLayout(columns, 1)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)

        self.options.set_plan(load_plan(self._plan_file))
        self.preview_box.set_formats(self.options.ticked_formats())
        self.options.changed.connect(self._options_changed)
        self.preview_box.format_changed.connect(self._options_changed)
        self.resize(980, 640)
        self.update_preview()

    # -- preview ----------------------------------------------------------------------

    def _options_changed(self) -> None:
        self.preview_box.set_formats(self.options.ticked_formats())
        self._preview_timer.start()

    def preview_text(self) -> str:
        return self.preview_box.text.toPlainText()

    def update_preview(self) -> None:
        """Check the options, name the files, and show the first cues of the first transcript."""
        self._preview_timer.stop()
        try:
            plan = self.options.plan()
        except ValueError as exc:
            self.problem.setText(str(exc))
            self.export_button.setEnabled(False)
            self.names_label.setText("")
            return
        if not self.jobs:
            self.problem.setText(self.tr("None of these jobs has a transcript yet."))
            self.export_button.setEnabled(False)
            return
        self.problem.setText("")
        self.export_button.setEnabled(not self.runner.running)
        first = self.jobs[0]
        names = [path.name for _fmt, path in targets(first, plan)]
        where = plan.folder if plan.folder is not None else first.source.parent
        self.names_label.setText(self.tr("{0} → {1}").format(", ".join(names), where))
        self.preview_box.show_plan(first.transcript, plan)

    # -- export -----------------------------------------------------------------------

    def export(self) -> None:
        """Start writing every job's files; `exported` follows once the result has been shown."""
        if self.runner.running:
            return
        try:
            plan = self.options.plan()
        except ValueError as exc:
            self.problem.setText(str(exc))
            return
        self._answer_all = None
        self.result = None
        self.progress = None
        self.export_button.setEnabled(False)
        if len(self.jobs) > 1:
            self.progress = QProgressDialog(self.tr("Exporting…"), self.tr("Stop"), 0, len(self.jobs), self)
            self.progress.setWindowTitle(self.tr("Export"))
            self.progress.setWindowModality(Qt.WindowModality.WindowModal)
            self.progress.setMinimumDuration(0)
            self.progress.canceled.connect(self.runner.cancel)
            self.progress.setValue(0)
            self.progress.forceShow()  # now, not at the next event-loop turn: a short export still shows it
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        self.runner.start(self.jobs, plan, self._plan_file)

    def _on_progress(self, done: int, total: int, name: str) -> None:
        progress = self.progress
        if progress is None or progress.wasCanceled():
            return
        if name:
            progress.setLabelText(self.tr("Exporting {0} ({1} of {2})…").format(name, done + 1, total))
        progress.setValue(done)  # last: a modal progress dialog runs events here, the end of the export too

    def _on_collision(self, question: CollisionQuestion) -> None:
        """Ask what to do with an existing file (once for all, when the person says so)."""
        answer = CollisionPolicy.SKIP
        try:
            if self._answer_all is not None:
                answer = self._answer_all
                return
            QApplication.restoreOverrideCursor()  # a question wants the normal pointer
            try:
                answer, for_all = ask_collision(self, question.path)
            finally:
                QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
            if for_all:
                self._answer_all = answer
        finally:
            question.answer(answer)  # always: the export waits for it

    def _on_finished(self, result: BatchResult) -> None:
        QApplication.restoreOverrideCursor()
        if self.progress is not None:
            self.progress.close()
            self.progress.deleteLater()
            self.progress = None
        self.result = result
        self.update_preview()
        self.show_result(result)
        if not result.failures:
            self.accept()
        self.exported.emit(result)

    def show_result(self, result: BatchResult) -> None:
        """A message naming the written files and each failure, with "Open folder"."""
        box, self.open_folder_button = result_box(self, result)
        if self.open_folder_button is not None:
            self.open_folder_button.clicked.connect(lambda: self.open_folder(result.folders[0]))
        self.result_box = box
        box.exec()
        self.result_box = None

    def open_folder(self, folder: Path) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))

    # -- closing ----------------------------------------------------------------------

    def reject(self) -> None:
        """Cancel closes the dialog; during an export it stops the export at the next job instead."""
        if self.runner.running:
            self.runner.cancel()
            return
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.runner.running:
            self.runner.cancel()
            event.ignore()
            return
        super().closeEvent(event)
