"""Turning library files into pixmaps (raster files through QImageReader, SVG through QtSvg),
and pictures back into PNG bytes."""

from __future__ import annotations

from collections import OrderedDict
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize, Qt
from PySide6.QtGui import QImage, QImageReader, QPainter, QPixmap

from ecovdesk.core.domain import Asset

THUMB_SIDE = 160


def png_bytes(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")  # type: ignore[call-overload]
    return bytes(data.data())


def load_image(path: Path, max_side: int | None = None) -> QImage:
    if path.suffix.lower() == ".svg":
        return _render_svg(path, max_side or 1024)
    reader = QImageReader(str(path))
    reader.setAutoTransform(True)
    if max_side:
        size = reader.size()
        if size.isValid() and max(size.width(), size.height()) > max_side:
            reader.setScaledSize(
                size.scaled(max_side, max_side, Qt.AspectRatioMode.KeepAspectRatio)
            )
    return reader.read()


def _render_svg(path: Path, side: int) -> QImage:
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(path))
    if not renderer.isValid():
        return QImage()
    size = renderer.defaultSize()
    if not size.isValid() or size.isEmpty():
        size = QSize(side, side)
    size = size.scaled(side, side, Qt.AspectRatioMode.KeepAspectRatio)
    image = QImage(size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.white)
    painter = QPainter(image)
    renderer.render(painter)
    painter.end()
    return image


class ThumbnailCache:
    """Small pixmaps for the gallery and the conversation, newest kept, oldest dropped."""

    def __init__(self, capacity: int = 600) -> None:
        self._capacity = capacity
        self._items: OrderedDict[int, QPixmap] = OrderedDict()

    def get(self, asset: Asset, side: int = THUMB_SIDE) -> QPixmap:
        cached = self._items.get(asset.id)
        if cached is not None:
            self._items.move_to_end(asset.id)
            return cached
        source = asset.thumbnail if asset.thumbnail and asset.thumbnail.exists() else asset.path
        image = load_image(source, side)
        pixmap = QPixmap.fromImage(image) if not image.isNull() else QPixmap()
        if not pixmap.isNull() and max(pixmap.width(), pixmap.height()) > side:
            pixmap = pixmap.scaled(
                side,
                side,
                Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
        self._items[asset.id] = pixmap
        if len(self._items) > self._capacity:
            self._items.popitem(last=False)
        return pixmap

    def has(self, asset_id: int) -> bool:
        return asset_id in self._items

    def forget(self, asset_id: int) -> None:
        self._items.pop(asset_id, None)
