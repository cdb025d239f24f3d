"""Marking the region Midjourney's Vary (Region) should redraw: drag rectangles over the image."""

from __future__ import annotations

import base64

from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QColor, QImage, QMouseEvent, QPainter, QPaintEvent, QPixmap
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLineEdit, QVBoxLayout, QWidget

from ecovdesk.ui.pictures import png_bytes
from ecovdesk.ui.widgets import label

MAX_SIDE = 640


class MaskCanvas(QWidget):
    def __init__(self, image: QImage, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.source_size = image.size()
        self._pixmap = QPixmap.fromImage(image).scaled(
            MAX_SIDE,
            MAX_SIDE,
            Qt.AspectRatioMode.KeepAspectRatio,
            Qt.TransformationMode.SmoothTransformation,
        )
        self.setFixedSize(self._pixmap.size())
        self.rects: list[QRect] = []
        self._start: QPoint | None = None

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._start = event.position().toPoint()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self._start is not None:
            rect = QRect(self._start, event.position().toPoint()).normalized()
            if rect.width() > 3 and rect.height() > 3:
                self.rects.append(rect)
            self._start = None
            self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.drawPixmap(0, 0, self._pixmap)
        painter.fillRect(self.rect(), QColor(0, 0, 0, 90))
        for rect in self.rects:
            painter.drawPixmap(rect, self._pixmap, rect)
            painter.setPen(QColor("#3d7eff"))
            painter.drawRect(rect)
        painter.end()

    def mask_base64(self) -> str:
        """White where Midjourney should redraw, black elsewhere, at the image's own size."""
        mask = QImage(self.source_size, QImage.Format.Format_RGB32)
        mask.fill(Qt.GlobalColor.black)
        scale_x = self.source_size.width() / self.width()
        scale_y = self.source_size.height() / self.height()
        painter = QPainter(mask)
        for rect in self.rects:
            painter.fillRect(
                QRect(
                    int(rect.x() * scale_x),
                    int(rect.y() * scale_y),
                    int(rect.width() * scale_x),
                    int(rect.height() * scale_y),
                ),
                Qt.GlobalColor.white,
            )
        painter.end()
        return "data:image/png;base64," + base64.b64encode(png_bytes(mask)).decode("ascii")


class ModalDialog(QDialog):
    """The extra input a Midjourney button asks for: a prompt, and for Vary (Region) a mask."""

    def __init__(self, prompt: str, image: QImage | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Midjourney needs a little more"))
        layout = QVBoxLayout(self)
        self.canvas: MaskCanvas | None = None
        if image is not None and not image.isNull():
            layout.addWidget(label(self.tr("Drag over the parts to redraw."), wrap=True))
            self.canvas = MaskCanvas(image)
            layout.addWidget(self.canvas)
        layout.addWidget(label(self.tr("Prompt:")))
        self.prompt = QLineEdit(prompt)
        layout.addWidget(self.prompt)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def mask_data(self) -> str | None:
        if self.canvas is None or not self.canvas.rects:
            return None
        return self.canvas.mask_base64()
