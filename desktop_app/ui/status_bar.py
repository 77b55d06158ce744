"""The status bar: messages, the whole queue's progress, and what the engine runs on."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QProgressBar, QStatusBar, QWidget

from desktop_app.core.engine import EngineStatus
from desktop_app.runner.controller import QueueController
from desktop_app.runner.jobs_view import QueueSummary

GB = 1024**3


class QueueStatusBar(QStatusBar):
    """Overall progress while a batch runs; device, GPU memory and loaded model from the worker."""

    def __init__(self, controller: QueueController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.overall_bar = QProgressBar(self)
        self.overall_bar.setRange(0, 1000)
        self.overall_bar.setMaximumWidth(180)
        self.overall_bar.setTextVisible(True)
        self.overall_bar.hide()
        self.engine_label = QLabel(self)
        settings = controller.settings
        self.engine_label.setText(
            self.tr("Device: {0} · Model: {1} (not loaded yet)").format(
                settings.device, settings.model or self.tr("starter")
            )
        )
        self.addPermanentWidget(self.overall_bar)
        self.addPermanentWidget(self.engine_label)
        controller.engine_status.connect(self.show_engine_status)

    def show_summary(self, summary: QueueSummary) -> None:
        if summary.active:
            percent = round(summary.fraction * 100)
            self.overall_bar.setValue(int(summary.fraction * 1000))
            self.overall_bar.setFormat(self.tr("{0}% of the queue").format(percent))
            self.overall_bar.show()
        else:
            self.overall_bar.hide()

    def show_engine_status(self, status: EngineStatus) -> None:
        parts = [status.device_name]
        if status.gpu_memory_used_bytes is not None and status.gpu_memory_free_bytes is not None:
            parts.append(
                self.tr("GPU memory {0:.1f} GB used, {1:.1f} GB free").format(
                    status.gpu_memory_used_bytes / GB, status.gpu_memory_free_bytes / GB
                )
            )
        parts.append(self.tr("Model: {0}").format(status.model_name or self.tr("none loaded")))
        if status.engine:
            parts.append(self.tr("Engine: {0} ({1})").format(status.engine, status.compute_type))
        self.engine_label.setText(" · ".join(parts))
