"""The export dialog's preview: the first cues of one transcript as the chosen options write them."""

from __future__ import annotations

import io
import logging
from dataclasses import replace

from PySide6.QtCore import Signal
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QComboBox, QGroupBox, QHBoxLayout, QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from desktop_app.core.subtitles.batch import ExportPlan
from desktop_app.core.subtitles.writers import get_writer
from desktop_app.core.transcript import Transcript

log = logging.getLogger(__name__)

PREVIEW_SEGMENTS = 30  # the preview shapes only the start of the transcript
PREVIEW_CUES = 6


class ExportPreview(QGroupBox):
    """A format picker over a read-only text showing the start of one file."""

    format_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Preview"))
        layout = QVBoxLayout(self)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Format:"), self))
        self.preview_format = QComboBox(self)
        self.preview_format.currentIndexChanged.connect(self.format_changed)
        row.addWidget(self.preview_format, 1)
        layout.addLayout(row)
        self.text = QPlainTextEdit(self)
        self.text.setReadOnly(True)
        self.text.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.text.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.text.setMinimumWidth(380)
        layout.addWidget(self.text, 1)

    def set_formats(self, ticked: list[str]) -> None:
        """Offer the ticked formats, keeping the current one when it is still ticked."""
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

    def show_plan(self, transcript: Transcript, plan: ExportPlan) -> None:
        """Write the first cues of `transcript` in the picked format (the plan's first by default)."""
        fmt = self.preview_format.currentData() or plan.formats[0]
        sample = replace(transcript, segments=transcript.segments[:PREVIEW_SEGMENTS])
        writer = get_writer(fmt, plan.shape, timestamps=plan.export.txt_timestamps,
                            speaker_label=plan.export.speaker_label)
        if writer.cue_based:
            source: object = writer.cues(sample)[:PREVIEW_CUES]
        else:
            source = replace(sample, segments=sample.segments[:PREVIEW_CUES])
        stream = io.StringIO()
        try:
            if writer.binary:  # a Word document: its paragraphs as text
                stream.write(writer.preview(source))  # type: ignore[attr-defined, arg-type]
            else:
                writer.write(source, stream)  # type: ignore[arg-type]
        except Exception as exc:  # a preview must never take the dialog down
            log.exception("Preview failed")
            stream = io.StringIO(self.tr("No preview: {0}").format(exc))
        self.text.setPlainText(stream.getvalue())
