"""Settings > Engine: which engine runs, its compute type, silence skipping, batching, and where."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QComboBox, QFormLayout, QLabel, QWidget

from desktop_app.core.settings import Settings
from desktop_app.ui.server_box import ServerBox


def _combo(items: list[tuple[str, str]], tip: str) -> QComboBox:
    combo = QComboBox()
    for label, value in items:
        combo.addItem(label, value)
    combo.setToolTip(tip)
    return combo


def _select(combo: QComboBox, value: str) -> None:
    combo.setCurrentIndex(max(0, combo.findData(value)))


class EnginePage(QWidget):
    """The engine settings; `changes()` gives them as Settings fields."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.engine_combo = _combo(
            [(self.tr("Automatic (faster-whisper where the model allows)"), "auto"),
             (self.tr("faster-whisper (CTranslate2)"), "faster-whisper"),
             (self.tr("openai-whisper (PyTorch)"), "openai-whisper")],
            self.tr("faster-whisper is several times faster and needs less memory"),
        )  # fmt: skip
        self.compute_combo = _combo(
            [(self.tr("Automatic (int8 on the CPU, float16 on a GPU)"), "auto"),
             (self.tr("int8 (CPU)"), "int8"), (self.tr("float32 (CPU)"), "float32"),
             (self.tr("float16 (GPU)"), "float16"), (self.tr("int8_float16 (GPU)"), "int8_float16")],
            self.tr("How faster-whisper computes; openai-whisper uses float32 on the CPU, float16 on a GPU"),
        )  # fmt: skip
        self.vad_check = QCheckBox(self.tr("Skip silence (voice activity detection)"))
        self.vad_check.setToolTip(self.tr("Silence costs seconds, not minutes, and gives no invented text"))
        self.batched_combo = _combo(
            [(self.tr("Automatic (from 30 s of audio)"), "auto"), (self.tr("On"), "on"), (self.tr("Off"), "off")],
            self.tr("Decode several parts of the audio at once (faster on long files)"),
        )  # fmt: skip
        note = QLabel(self.tr("Silence skipping and batching apply to faster-whisper only."))
        note.setWordWrap(True)
        form = QFormLayout(self)
        form.addRow(self.tr("Engine:"), self.engine_combo)
        form.addRow(self.tr("Compute type:"), self.compute_combo)
        form.addRow("", self.vad_check)
        form.addRow(self.tr("Batched decoding:"), self.batched_combo)
        form.addRow("", note)
        self.server_box = ServerBox(self)
        form.addRow(self.server_box)

    def show_settings(self, settings: Settings) -> None:
        _select(self.engine_combo, settings.engine)
        _select(self.compute_combo, settings.compute_type)
        self.vad_check.setChecked(settings.vad)
        _select(self.batched_combo, settings.batched)
        self.server_box.show_settings(settings)

    def changes(self) -> dict[str, object]:
        """The page's Settings fields."""
        return {
            "engine": self.engine_combo.currentData(),
            "compute_type": self.compute_combo.currentData(),
            "vad": self.vad_check.isChecked(),
            "batched": self.batched_combo.currentData(),
            **self.server_box.changes(),
        }
