"""The export dialog's options: formats, line shaping, bytes and destination, as an ExportPlan."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.subtitles.base import SpeakerLabel
from desktop_app.core.subtitles.batch import ExportPlan
from desktop_app.core.subtitles.export import CollisionPolicy, ExportOptions, check_name_pattern
from desktop_app.core.subtitles.shaping import ShapeOptions


class ExportOptionsForm(QWidget):
    """The option boxes of the export dialog; `plan()` reads them, `set_plan()` fills them."""

    changed = Signal()  # any option changed

    # the widgets the dialog shows as its own attributes (dialog.max_chars, ...)
    WIDGETS = (
        "format_checks", "txt_timestamps", "speaker_label", "max_chars", "max_lines", "max_duration", "min_gap",
        "split_sentences", "split_pauses", "pause_length", "karaoke", "encoding", "newline",
        "next_to_source", "in_folder", "folder_edit", "choose_button", "pattern", "collision",
        "names_label",
    )

    def __init__(self, has_words: bool, default_folder: Path | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.has_words = has_words
        self.default_folder = default_folder
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._formats_box())
        layout.addWidget(self._lines_box())
        layout.addWidget(self._file_box())
        layout.addWidget(self._destination_box())
        layout.addStretch(1)
        self._connect_changes()

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
            "maxqda": self.tr("MAXQDA transcript (.maxqda.txt)"),
            "docx": self.tr("Word document (.docx)"),
        }
        self.format_checks: dict[str, QCheckBox] = {}
        for i, (fmt, label) in enumerate(labels.items()):
            check = QCheckBox(label, box)
            self.format_checks[fmt] = check
            grid.addWidget(check, i % 3, i // 3)
        self.txt_timestamps = QCheckBox(self.tr("Times in plain text and Word"), box)
        self.txt_timestamps.setToolTip(self.tr("Start each line of the .txt file, and each paragraph of the "
                                               ".docx file, with its time"))
        grid.addWidget(self.txt_timestamps, 3, 0, 1, 2)
        for fmt in ("txt", "docx"):
            self.format_checks[fmt].toggled.connect(self._update_timestamps_enabled)
        self.speaker_label = QComboBox(box)
        self.speaker_label.addItem(self.tr("Speakers as “Name: text”"), SpeakerLabel.COLON.value)
        self.speaker_label.addItem(self.tr("Speakers as “[Name] text”"), SpeakerLabel.BRACKETS.value)
        self.speaker_label.setToolTip(self.tr("How SubRip and SubStation subtitles show who speaks"))
        grid.addWidget(self.speaker_label, 4, 0, 1, 2)
        return box

    def _update_timestamps_enabled(self) -> None:
        self.txt_timestamps.setEnabled(self.format_checks["txt"].isChecked() or self.format_checks["docx"].isChecked())

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

    def _connect_changes(self) -> None:
        for check in (*self.format_checks.values(), self.txt_timestamps, self.split_sentences,
                      self.split_pauses, self.karaoke, self.next_to_source, self.in_folder):
            check.toggled.connect(self.changed)
        for spin in (self.max_chars, self.max_lines, self.max_duration, self.min_gap, self.pause_length):
            spin.valueChanged.connect(self.changed)
        for combo in (self.encoding, self.newline, self.collision, self.speaker_label):
            combo.currentIndexChanged.connect(self.changed)
        for edit in (self.pattern, self.folder_edit):
            edit.textChanged.connect(self.changed)

    # -- plan <-> widgets -------------------------------------------------------------

    def set_plan(self, plan: ExportPlan) -> None:
        """Show `plan` in the widgets."""
        for fmt, check in self.format_checks.items():
            check.setChecked(fmt in plan.formats)
        self.txt_timestamps.setChecked(plan.export.txt_timestamps)
        self._update_timestamps_enabled()
        self.speaker_label.setCurrentIndex(max(0, self.speaker_label.findData(plan.export.speaker_label)))
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
            speaker_label=self.speaker_label.currentData(),
        )
        folder = None
        if self.in_folder.isChecked():
            text = self.folder_edit.text().strip()
            if not text:
                raise ValueError(self.tr("Choose the folder to export to."))
            folder = Path(text).expanduser()
        pattern = self.pattern.text().strip()
        try:
            check_name_pattern(pattern)
        except ValueError:
            raise ValueError(self.tr("The file name may use {name}, {lang} and {ext}, and no folder "
                                     "separators; for example {name}.{lang}.{ext}.")) from None
        policy = CollisionPolicy(self.collision.currentData())
        return ExportPlan(formats, shape, export, folder, pattern, policy)

    def ticked_formats(self) -> list[str]:
        return [fmt for fmt, check in self.format_checks.items() if check.isChecked()]

    def choose_folder(self) -> None:
        start = self.folder_edit.text() or (str(self.default_folder) if self.default_folder else "")
        folder = QFileDialog.getExistingDirectory(self, self.tr("Export to folder"), start)
        if folder:
            self.folder_edit.setText(folder)
            self.in_folder.setChecked(True)
