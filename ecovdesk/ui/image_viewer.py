"""The picture viewer: fit or 100 %, wheel zoom, drag to pan, save, copy, show in folder."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import (
    QGuiApplication,
    QKeySequence,
    QPixmap,
    QShortcut,
    QWheelEvent,
)
from PySide6.QtWidgets import (
    QDialog,
    QGraphicsPixmapItem,
    QGraphicsScene,
    QGraphicsView,
    QHBoxLayout,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ecovdesk.core.domain import Asset, AssetKind
from ecovdesk.ui.picture_params import parameter_lines
from ecovdesk.ui.pictures import load_image
from ecovdesk.ui.save_copy import save_copy_as, show_in_folder
from ecovdesk.ui.widgets import label, push_button

ZOOM_STEP = 1.25


class ZoomView(QGraphicsView):
    zoomChanged = Signal(float)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setScene(QGraphicsScene(self))
        self.item = QGraphicsPixmapItem()
        self.item.setTransformationMode(Qt.TransformationMode.SmoothTransformation)
        self.scene().addItem(self.item)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.fitting = True

    def set_pixmap(self, pixmap: QPixmap) -> None:
        self.item.setPixmap(pixmap)
        self.scene().setSceneRect(self.item.boundingRect())
        self.fit()

    def fit(self) -> None:
        self.fitting = True
        self.resetTransform()
        if not self.item.pixmap().isNull():
            self.fitInView(self.item, Qt.AspectRatioMode.KeepAspectRatio)
        self.zoomChanged.emit(self.scale_factor())

    def actual_size(self) -> None:
        self.fitting = False
        self.resetTransform()
        self.zoomChanged.emit(self.scale_factor())

    def zoom(self, factor: float) -> None:
        self.fitting = False
        self.scale(factor, factor)
        self.zoomChanged.emit(self.scale_factor())

    def scale_factor(self) -> float:
        return float(self.transform().m11())

    def wheelEvent(self, event: QWheelEvent) -> None:
        self.zoom(ZOOM_STEP if event.angleDelta().y() > 0 else 1 / ZOOM_STEP)

    def resizeEvent(self, event: object) -> None:
        super().resizeEvent(event)  # type: ignore[arg-type]
        if self.fitting:
            self.fit()


class ImageViewer(QDialog):
    def __init__(self, assets: list[Asset], index: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.assets = assets
        self.index = index
        self.setWindowTitle(self.tr("Picture"))
        self.resize(1100, 760)
        self.view = ZoomView()
        self.details = QPlainTextEdit(readOnly=True)
        self.details.setMaximumWidth(300)
        buttons = QHBoxLayout()
        actions = (
            (self.tr("Previous"), self.previous, "Left"),
            (self.tr("Next"), self.next, "Right"),
            (self.tr("Fit"), self.view.fit, "F"),
            (self.tr("100%"), self.view.actual_size, "1"),
            (self.tr("Save as…"), self.save_as, "Ctrl+S"),
            (self.tr("Copy"), self.copy, "Ctrl+C"),
            (self.tr("Show in folder"), self.show_in_folder, ""),
        )
        self.buttons: list[QPushButton] = []
        for text, slot, key in actions:
            button = push_button(text)
            button.clicked.connect(slot)
            buttons.addWidget(button)
            self.buttons.append(button)
            if key:
                QShortcut(QKeySequence(key), self, slot)
        # Fit, 100 %, Save as and Copy need the picture itself.
        self.picture_buttons = self.buttons[2:6]
        self.previous_button, self.next_button = self.buttons[0], self.buttons[1]
        # Beside Fit and 100 %, so the user sees what the wheel and those buttons did.
        self.zoom_label = label()
        buttons.insertWidget(4, self.zoom_label)
        self.view.zoomChanged.connect(self._show_zoom)
        buttons.addStretch(1)
        self.position = label()
        buttons.addWidget(self.position)
        self.missing = label(
            self.tr("The file of this picture is missing or cannot be read."),
            align=Qt.AlignmentFlag.AlignCenter,
        )
        self.missing.setWordWrap(True)
        body = QHBoxLayout()
        body.addWidget(self.view, 1)
        body.addWidget(self.missing, 1)
        body.addWidget(self.details)
        layout = QVBoxLayout(self)
        layout.addLayout(body, 1)
        layout.addLayout(buttons)
        self.show_current()

    @property
    def asset(self) -> Asset:
        return self.assets[self.index]

    def show_current(self) -> None:
        asset = self.asset
        image = load_image(asset.path)
        self.view.set_pixmap(QPixmap.fromImage(image))
        self.readable = not image.isNull()
        self.view.setVisible(self.readable)
        self.missing.setVisible(not self.readable)
        for button in self.picture_buttons:
            button.setEnabled(self.readable)
        self.zoom_label.setVisible(self.readable)
        self.previous_button.setEnabled(self.index > 0)
        self.next_button.setEnabled(self.index + 1 < len(self.assets))
        self.position.setText(f"{self.index + 1} / {len(self.assets)}")
        when = dt.datetime.fromtimestamp(asset.created_at).strftime("%Y-%m-%d %H:%M")
        lines = [
            self.tr("Prompt:"),
            asset.provenance.prompt or "—",
            "",
            self.tr("Model: %1").replace("%1", asset.provenance.model or "—"),
            self.tr("Date: %1").replace("%1", when),
        ]
        if asset.width and asset.height:
            lines.append(
                self.tr("Size: %1 × %2")
                .replace("%1", str(asset.width))
                .replace("%2", str(asset.height))
            )
        described = parameter_lines(asset)
        if described:
            lines += ["", self.tr("Parameters:"), *described]
        self.details.setPlainText("\n".join(lines))

    def _show_zoom(self, factor: float) -> None:
        self.zoom_label.setText(f"{round(factor * 100)}%")

    def next(self) -> None:
        if self.index + 1 < len(self.assets):
            self.index += 1
            self.show_current()

    def previous(self) -> None:
        if self.index > 0:
            self.index -= 1
            self.show_current()

    def save_as(self) -> None:
        if self.readable:
            title = self.asset.provenance.prompt or "picture"
            save_copy_as(
                self, self.asset.path, title, self.tr("Save picture"), kind=AssetKind.IMAGE
            )

    def copy(self) -> None:
        image = load_image(self.asset.path)
        if not image.isNull():
            QGuiApplication.clipboard().setImage(image)

    def show_in_folder(self) -> None:
        show_in_folder(self.asset.path)
