"""The export dialog: formats, line shaping, bytes, destination, a live preview, batch export."""

from __future__ import annotations

import io
import logging
from pathlib import Path

from PySide6.QtCore import Qt, QTimer, QUrl
from PySide6.QtGui import QDesktopServices, QFontDatabase
from PySide6.QtWidgets import (
    QApplication,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QProgressDialog,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.subtitles.batch import (
    PLAN_FILE,
    BatchResult,
    ExportJob,
    ExportPlan,
    export_batch,
    load_plan,
    save_plan,
    targets,
)
from desktop_app.core.subtitles.export import CollisionPolicy, ExportOptions, output_name
from desktop_app.core.subtitles.shaping import ShapeOptions
from desktop_app.core.subtitles.writers import get_writer
from desktop_app.core.transcript import Transcript
from desktop_app.runner.controller import QueueController

log = logging.getLogger(__name__)

PREVIEW_SEGMENTS = 30  # the preview shapes only the start of the first transcript
PREVIEW_CUES = 6
PREVIEW_DELAY_MS = 120  # options often change in bursts (spin boxes): redraw once they settle
LISTED_FILES = 8  # written files named in the message; the rest are in its details


class ExportDialog(QDialog):
    """Export the given jobs (their edited transcript when there is one) in the ticked formats."""

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

        self.setWindowTitle(self.tr("Export subtitles"))
        self._preview_timer = QTimer(self)
        self._preview_timer.setSingleShot(True)
        self._preview_timer.setInterval(PREVIEW_DELAY_MS)
        self._preview_timer.timeout.connect(self.update_preview)

        options = QVBoxLayout()
        options.addWidget(self._formats_box())
        options.addWidget(self._lines_box())
        options.addWidget(self._file_box())
        options.addWidget(self._destination_box())
        options.addStretch(1)
        columns = QHBoxLayout()
        columns.addLayout(options, 0)
        columns.addWidget(self._preview_box(), 1)

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

        self.set_plan(load_plan(self._plan_file))
        self._connect_changes()
        self.resize(980, 640)
        self.update_preview()

    # -- building ---------------------------------------------------------------------

    def _formats_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Formats"), self)
        grid = QGridLayout(box)
        labels = {
            "srt": self.tr("SubRip (.srt)"),
            "vtt": self.tr("WebVTT (.vtt)"),
            "ass": self.tr("Advanced SubStation (.ass)"),
            "txt": self.tr("Plain text (.txt)"),
            "tsv": self.tr("Tab-separated (.tsv)"),
            "json": self.tr("JSON (.json)"),
        }
        self.format_checks: dict[str, QCheckBox] = {}
        for i, (fmt, label) in enumerate(labels.items()):
            check = QCheckBox(label, box)
            self.format_checks[fmt] = check
            grid.addWidget(check, i % 3, i // 3)
        self.txt_timestamps = QCheckBox(self.tr("Times in plain text"), box)
        self.txt_timestamps.setToolTip(self.tr("Start each line of the .txt file with its start and end time"))
        grid.addWidget(self.txt_timestamps, 3, 1)
        self.format_checks["txt"].toggled.connect(self.txt_timestamps.setEnabled)
        return box

    def _lines_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Lines"), self)
        form = QFormLayout(box)
        self.max_chars = QSpinBox(box)
        self.max_chars.setRange(10, 200)
        form.addRow(self.tr("Characters per line, at most:"), self.max_chars)
        self.max_lines = QSpinBox(box)
        self.max_lines.setRange(1, 5)
        form.addRow(self.tr("Lines per subtitle, at most:"), self.max_lines)
        self.max_duration = QDoubleSpinBox(box)
        self.max_duration.setRange(1.0, 60.0)
        self.max_duration.setDecimals(1)
        self.max_duration.setSuffix(self.tr(" s"))
        form.addRow(self.tr("Subtitle duration, at most:"), self.max_duration)
        self.min_gap = QDoubleSpinBox(box)
        self.min_gap.setRange(0.0, 5.0)
        self.min_gap.setDecimals(2)
        self.min_gap.setSingleStep(0.05)
        self.min_gap.setSuffix(self.tr(" s"))
        form.addRow(self.tr("Gap between subtitles, at least:"), self.min_gap)
        self.split_sentences = QCheckBox(self.tr("Start a new subtitle after each sentence"), box)
        form.addRow(self.split_sentences)
        pause_row = QHBoxLayout()
        self.split_pauses = QCheckBox(self.tr("Start a new subtitle after a pause of"), box)
        self.pause_length = QDoubleSpinBox(box)
        self.pause_length.setRange(0.1, 10.0)
        self.pause_length.setDecimals(1)
        self.pause_length.setSingleStep(0.1)
        self.pause_length.setSuffix(self.tr(" s"))
        self.split_pauses.toggled.connect(self.pause_length.setEnabled)
        pause_row.addWidget(self.split_pauses)
        pause_row.addWidget(self.pause_length)
        pause_row.addStretch(1)
        form.addRow(pause_row)
        self.karaoke = QCheckBox(self.tr("Highlight each word as it is spoken (karaoke)"), box)
        self.has_words = any(s.words for j in self.jobs for s in j.transcript.segments)
        if not self.has_words:
            self.karaoke.setEnabled(False)
            self.karaoke.setToolTip(self.tr("Needs word timestamps: turn them on in the settings and transcribe again"))
        form.addRow(self.karaoke)
        return box

    def _file_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Text file"), self)
        form = QFormLayout(box)
        self.encoding = QComboBox(box)
        self.encoding.addItem(self.tr("UTF-8"), "utf-8")
        self.encoding.addItem(self.tr("UTF-8 with byte-order mark (older players)"), "utf-8-sig")
        form.addRow(self.tr("Encoding:"), self.encoding)
        self.newline = QComboBox(box)
        self.newline.addItem(self.tr("LF (Linux, macOS)"), "\n")
        self.newline.addItem(self.tr("CRLF (Windows)"), "\r\n")
        form.addRow(self.tr("Line endings:"), self.newline)
        return box

    def _destination_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Where"), self)
        form = QFormLayout(box)
        self.next_to_source = QRadioButton(self.tr("Next to each source file"), box)
        self.in_folder = QRadioButton(self.tr("In this folder:"), box)
        group = QButtonGroup(box)
        group.addButton(self.next_to_source)
        group.addButton(self.in_folder)
        form.addRow(self.next_to_source)
        folder_row = QHBoxLayout()
        self.folder_edit = QLineEdit(box)
        self.folder_edit.setPlaceholderText(self.tr("Choose a folder"))
        self.choose_button = QPushButton(self.tr("Choose…"), box)
        self.choose_button.clicked.connect(self.choose_folder)
        folder_row.addWidget(self.in_folder)
        folder_row.addWidget(self.folder_edit, 1)
        folder_row.addWidget(self.choose_button)
        form.addRow(folder_row)
        self.in_folder.toggled.connect(self.folder_edit.setEnabled)
        self.in_folder.toggled.connect(self.choose_button.setEnabled)
        self.pattern = QLineEdit(box)
        self.pattern.setToolTip(self.tr("{name}: the source file's name; {lang}: the language code; "
                                        "{ext}: the format's extension"))
        form.addRow(self.tr("File name:"), self.pattern)
        self.collision = QComboBox(box)
        for text, policy in (
            (self.tr("Ask me"), CollisionPolicy.ASK),
            (self.tr("Replace it"), CollisionPolicy.OVERWRITE),
            (self.tr("Keep it, don't write"), CollisionPolicy.SKIP),
            (self.tr("Add a number to the new name"), CollisionPolicy.NUMBER),
        ):
            self.collision.addItem(text, policy.value)
        form.addRow(self.tr("When a file exists:"), self.collision)
        self.names_label = QLabel(box)
        self.names_label.setWordWrap(True)
        self.names_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form.addRow(self.names_label)
        return box

    def _preview_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Preview"), self)
        layout = QVBoxLayout(box)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Format:"), box))
        self.preview_format = QComboBox(box)
        row.addWidget(self.preview_format, 1)
        layout.addLayout(row)
        self.preview = QPlainTextEdit(box)
        self.preview.setReadOnly(True)
        self.preview.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.preview.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.preview.setMinimumWidth(380)
        layout.addWidget(self.preview, 1)
        return box

    def _connect_changes(self) -> None:
        for check in (*self.format_checks.values(), self.txt_timestamps, self.split_sentences,
                      self.split_pauses, self.karaoke, self.next_to_source, self.in_folder):
            check.toggled.connect(self._options_changed)
        for spin in (self.max_chars, self.max_lines, self.max_duration, self.min_gap, self.pause_length):
            spin.valueChanged.connect(self._options_changed)
        for combo in (self.encoding, self.newline, self.collision, self.preview_format):
            combo.currentIndexChanged.connect(self._options_changed)
        for edit in (self.pattern, self.folder_edit):
            edit.textChanged.connect(self._options_changed)

    # -- plan <-> widgets -------------------------------------------------------------

    def set_plan(self, plan: ExportPlan) -> None:
        """Show `plan` in the widgets."""
        for fmt, check in self.format_checks.items():
            check.setChecked(fmt in plan.formats)
        self.txt_timestamps.setChecked(plan.export.txt_timestamps)
        self.txt_timestamps.setEnabled(self.format_checks["txt"].isChecked())
        shape = plan.shape
        self.max_chars.setValue(shape.max_chars_per_line)
        self.max_lines.setValue(shape.max_lines_per_cue)
        self.max_duration.setValue(shape.max_cue_duration_s)
        self.min_gap.setValue(shape.min_gap_s)
        self.split_sentences.setChecked(shape.split_on_sentences)
        self.split_pauses.setChecked(shape.split_on_pauses_s is not None)
        self.pause_length.setValue(shape.split_on_pauses_s or ShapeOptions().split_on_pauses_s or 1.0)
        self.pause_length.setEnabled(shape.split_on_pauses_s is not None)
        self.karaoke.setChecked(shape.highlight_words and self.has_words)
        self.encoding.setCurrentIndex(max(0, self.encoding.findData(plan.export.encoding)))
        self.newline.setCurrentIndex(max(0, self.newline.findData(plan.export.newline)))
        in_folder = plan.folder is not None
        self.in_folder.setChecked(in_folder)
        self.next_to_source.setChecked(not in_folder)
        self.folder_edit.setText(str(plan.folder) if plan.folder is not None else "")
        self.folder_edit.setEnabled(in_folder)
        self.choose_button.setEnabled(in_folder)
        self.pattern.setText(plan.pattern)
        self.collision.setCurrentIndex(max(0, self.collision.findData(plan.collision.value)))
        self._refresh_preview_formats()

    def plan(self) -> ExportPlan:
        """The widgets' choices; ValueError with a readable message when they don't make sense."""
        formats = tuple(fmt for fmt, check in self.format_checks.items() if check.isChecked())
        if not formats:
            raise ValueError(self.tr("Tick at least one format."))
        shape = ShapeOptions(
            max_chars_per_line=self.max_chars.value(),
            max_lines_per_cue=self.max_lines.value(),
            max_cue_duration_s=self.max_duration.value(),
            min_gap_s=self.min_gap.value(),
            split_on_sentences=self.split_sentences.isChecked(),
            split_on_pauses_s=self.pause_length.value() if self.split_pauses.isChecked() else None,
            highlight_words=self.karaoke.isChecked() and self.karaoke.isEnabled(),
        )
        export = ExportOptions(
            encoding=self.encoding.currentData(),
            newline=self.newline.currentData(),
            txt_timestamps=self.txt_timestamps.isChecked(),
        )
        folder = None
        if self.in_folder.isChecked():
            text = self.folder_edit.text().strip()
            if not text:
                raise ValueError(self.tr("Choose the folder to export to."))
            folder = Path(text).expanduser()
        pattern = self.pattern.text().strip()
        try:
            output_name(Path("example.wav"), pattern, "en", "srt")
        except (ValueError, IndexError, KeyError):
            raise ValueError(self.tr("The file name may use {name}, {lang} and {ext}, and no folder "
                                     "separators; for example {name}.{lang}.{ext}.")) from None
        policy = CollisionPolicy(self.collision.currentData())
        return ExportPlan(formats, shape, export, folder, pattern, policy)

    def choose_folder(self) -> None:
        start = self.folder_edit.text() or (str(self.jobs[0].source.parent) if self.jobs else "")
        folder = QFileDialog.getExistingDirectory(self, self.tr("Export to folder"), start)
        if folder:
            self.folder_edit.setText(folder)
            self.in_folder.setChecked(True)

    # -- preview ----------------------------------------------------------------------

    def _options_changed(self, *_args) -> None:
        self._refresh_preview_formats()
        self._preview_timer.start()

    def _refresh_preview_formats(self) -> None:
        ticked = [fmt for fmt, check in self.format_checks.items() if check.isChecked()]
        current = self.preview_format.currentData()
        shown = [self.preview_format.itemData(i) for i in range(self.preview_format.count())]
        if shown == ticked:
            return
        self.preview_format.blockSignals(True)
        self.preview_format.clear()
        for fmt in ticked:
            self.preview_format.addItem(fmt.upper(), fmt)
        if current in ticked:
            self.preview_format.setCurrentIndex(ticked.index(current))
        self.preview_format.blockSignals(False)

    def preview_text(self) -> str:
        return self.preview.toPlainText()

    def update_preview(self) -> None:
        """Show the first cues of the first transcript as the chosen options write them."""
        self._preview_timer.stop()
        try:
            plan = self.plan()
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
        self.export_button.setEnabled(True)
        first = self.jobs[0]
        names = [path.name for _fmt, path in targets(first, plan)]
        where = plan.folder if plan.folder is not None else first.source.parent
        self.names_label.setText(self.tr("{0} → {1}").format(", ".join(names), where))
        fmt = self.preview_format.currentData() or plan.formats[0]
        sample = Transcript(first.transcript.segments[:PREVIEW_SEGMENTS], first.transcript.language,
                            first.transcript.duration)
        writer = get_writer(fmt, plan.shape, timestamps=plan.export.txt_timestamps)
        if fmt in ("srt", "vtt", "ass"):
            sample_cues = writer.cues(sample)[:PREVIEW_CUES]
            source: object = sample_cues
        else:
            source = Transcript(sample.segments[:PREVIEW_CUES], sample.language, sample.duration)
        stream = io.StringIO()
        try:
            writer.write(source, stream)  # type: ignore[arg-type]
        except Exception as exc:  # a preview must never take the dialog down
            log.exception("Preview failed")
            stream = io.StringIO(self.tr("No preview: {0}").format(exc))
        self.preview.setPlainText(stream.getvalue())

    # -- export -----------------------------------------------------------------------

    def export(self) -> BatchResult | None:
        """Write every job's files, then say what was written (and what failed)."""
        try:
            plan = self.plan()
        except ValueError as exc:
            self.problem.setText(str(exc))
            return None
        save_plan_quietly(plan, self._plan_file)
        self._answer_all = None
        self.progress = None
        if len(self.jobs) > 1:
            self.progress = QProgressDialog(self.tr("Exporting…"), self.tr("Stop"), 0, len(self.jobs), self)
            self.progress.setWindowTitle(self.tr("Export"))
            self.progress.setWindowModality(Qt.WindowModality.WindowModal)
            self.progress.setMinimumDuration(0)
            self.progress.setValue(0)
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self.result = export_batch(self.jobs, plan, self._progress, self._decide)
        finally:
            QApplication.restoreOverrideCursor()
            if self.progress is not None:
                self.progress.close()
                self.progress.deleteLater()
                self.progress = None
        self.show_result(self.result)
        if not self.result.failures:
            self.accept()
        return self.result

    def _progress(self, done: int, total: int, name: str) -> bool:
        if self.progress is None:
            return True
        if self.progress.wasCanceled():
            return False
        self.progress.setValue(done)
        if name:
            self.progress.setLabelText(self.tr("Exporting {0} ({1} of {2})…").format(name, done + 1, total))
        QApplication.processEvents()
        return not self.progress.wasCanceled()

    def _decide(self, path: Path) -> CollisionPolicy:
        """Ask what to do with an existing file (once for all, when the person says so)."""
        if self._answer_all is not None:
            return self._answer_all
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("File exists"),
                          self.tr("{0} already exists in {1}.").format(path.name, path.parent), parent=self)
        replace_button = box.addButton(self.tr("Replace"), QMessageBox.ButtonRole.AcceptRole)
        number_button = box.addButton(self.tr("Add a number"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("Skip"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(number_button)
        box.setCheckBox(QCheckBox(self.tr("Do the same for every existing file"), box))
        box.exec()
        clicked = box.clickedButton()
        if clicked is replace_button:
            answer = CollisionPolicy.OVERWRITE
        elif clicked is number_button:
            answer = CollisionPolicy.NUMBER
        else:
            answer = CollisionPolicy.SKIP
        if box.checkBox().isChecked():
            self._answer_all = answer
        return answer

    def show_result(self, result: BatchResult) -> None:
        """A message naming the written files and each failure, with "Open folder"."""
        written = result.written
        failed = result.failures
        if failed and not written:
            icon, title = QMessageBox.Icon.Critical, self.tr("Export failed")
        elif failed:
            icon, title = QMessageBox.Icon.Warning, self.tr("Export finished with problems")
        else:
            icon, title = QMessageBox.Icon.Information, self.tr("Export finished")
        lines = [self.tr("Wrote %n file(s).", "", len(written))]
        lines += [f"  {p.name}" for p in written[:LISTED_FILES]]
        if len(written) > LISTED_FILES:
            lines.append(self.tr("  …and %n more (see the details)", "", len(written) - LISTED_FILES))
        if result.folders:
            lines.append(self.tr("In: {0}").format(", ".join(str(f) for f in result.folders[:3])))
        if result.skipped:
            lines.append(self.tr("Skipped %n existing file(s).", "", len(result.skipped)))
        if result.cancelled:
            lines.append(self.tr("Stopped before every job was exported."))
        if failed:
            lines.append(self.tr("Could not export:"))
            lines += [f"  {failure}" for failure in failed]
        box = QMessageBox(icon, title, "\n".join(lines), QMessageBox.StandardButton.Close, self)
        if len(written) > LISTED_FILES:
            box.setDetailedText("\n".join(str(p) for p in written))
        self.open_folder_button = None
        if result.folders:
            self.open_folder_button = box.addButton(self.tr("Open folder"), QMessageBox.ButtonRole.ActionRole)
            self.open_folder_button.clicked.connect(lambda: self.open_folder(result.folders[0]))
        self.result_box = box
        box.exec()
        self.result_box = None

    def open_folder(self, folder: Path) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))


def save_plan_quietly(plan: ExportPlan, path: Path) -> None:
    """Remember the choices; failing to is logged, never a reason to stop the export."""
    try:
        save_plan(plan, path)
    except OSError as exc:
        log.warning("Could not remember the export choices in %s: %s", path, exc)
