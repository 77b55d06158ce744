"""The source's picture in the transcript editor, with the current cue drawn over it."""

from __future__ import annotations

from PySide6.QtCore import QRect, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget


class VideoPane(QWidget):
    """Shows the frames of a QVideoSink scaled to fit, and the cue being played at the bottom."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from PySide6.QtMultimedia import QVideoSink

        self.sink = QVideoSink(self)
        self.sink.videoFrameChanged.connect(self._on_frame)
        self.frames_received = 0
        self._image = QImage()
        self._cue = ""
        self.setMinimumSize(160, 90)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAccessibleName(self.tr("Video"))

    @property
    def cue(self) -> str:
        return self._cue

    def set_cue(self, text: str) -> None:
        if text != self._cue:
            self._cue = text
            self.update()

    def current_image(self) -> QImage:
        return self._image

    def _on_frame(self, frame) -> None:
        self.frames_received += 1
        if self.isVisible():  # converting a frame costs time: only for a pane that shows it
            self._image = frame.toImage()
            self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), Qt.GlobalColor.black)
        if not self._image.isNull():
            size = self._image.size().scaled(self.size(), Qt.AspectRatioMode.KeepAspectRatio)
            target = QRect(0, 0, size.width(), size.height())
            target.moveCenter(self.rect().center())
            painter.drawImage(target, self._image)
        if self._cue:
            font = QFont(self.font())
            font.setPointSizeF(max(font.pointSizeF() * 1.3, 10))
            painter.setFont(font)
            margin = 8
            box = QRectF(self.rect().adjusted(margin, margin, -margin, -margin))
            flags = int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom | Qt.TextFlag.TextWordWrap)
            bound = painter.boundingRect(box, flags, self._cue).adjusted(-6, -3, 6, 3)
            painter.fillRect(bound, QColor(0, 0, 0, 170))
            painter.setPen(Qt.GlobalColor.white)
            painter.drawText(box, flags, self._cue)
        painter.end()
