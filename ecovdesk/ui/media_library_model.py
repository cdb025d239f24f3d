"""The rows of the music and video libraries: title, style, length, model, date and cover."""

from __future__ import annotations

import datetime as dt
from collections import OrderedDict
from pathlib import Path
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, QSize, Qt
from PySide6.QtGui import QIcon, QImage, QPainter, QPixmap
from PySide6.QtWidgets import QApplication, QStyle

from ecovdesk.core.domain import Asset, AssetKind
from ecovdesk.ui.media_common import clock
from ecovdesk.ui.pictures import load_image

ASSET_ROLE = Qt.ItemDataRole.UserRole
AUDIO_COVER = QSize(64, 64)
VIDEO_POSTER = QSize(96, 54)
COVER_CACHE = 400
Index = QModelIndex | QPersistentModelIndex


def media_title(asset: Asset) -> str:
    title = str(asset.provenance.params.get("title") or "").strip()
    return title or asset.provenance.prompt.strip() or asset.provenance.model


def media_tags(asset: Asset) -> str:
    return str(asset.provenance.params.get("tags") or "").strip()


def cover_path(asset: Asset) -> Path | None:
    """The asset's thumbnail, else the cover or poster image downloaded with it."""
    candidates: list[object] = [asset.thumbnail]
    candidates += [asset.provenance.params.get(k) for k in ("poster_path", "cover_path")]
    for candidate in candidates:
        if candidate and Path(str(candidate)).is_file():
            return Path(str(candidate))
    return None


def matches(asset: Asset, model: str | None, text: str) -> bool:
    if model and asset.provenance.model != model:
        return False
    haystack = " ".join((media_title(asset), asset.provenance.prompt, media_tags(asset)))
    return not text or text.lower() in haystack.lower()


def is_luma(asset: Asset) -> bool:
    return asset.provenance.model.lower().startswith("luma")


class MediaLibraryModel(QAbstractListModel):
    def __init__(self, kind: AssetKind) -> None:
        super().__init__()
        self.kind = kind
        self.cover_size = AUDIO_COVER if kind == AssetKind.AUDIO else VIDEO_POSTER
        self.assets: list[Asset] = []
        self._covers: OrderedDict[int, QPixmap] = OrderedDict()
        # Rows drawn without a cover: theirs may have arrived since.
        self._placeholders: set[int] = set()

    def set_assets(self, assets: list[Asset]) -> None:
        before = {a.id: a for a in self.assets}
        self.beginResetModel()
        self.assets = sorted(assets, key=lambda a: a.created_at, reverse=True)
        for asset in self.assets:
            if before.get(asset.id) != asset or asset.id in self._placeholders:
                self._forget_cover(asset.id)
        self.endResetModel()

    def prepend(self, asset: Asset) -> None:
        self.beginInsertRows(QModelIndex(), 0, 0)
        self.assets.insert(0, asset)
        self.endInsertRows()

    def replace(self, asset: Asset) -> None:
        """The same file with changed details (a still made for it, say), drawn again."""
        for row, shown in enumerate(self.assets):
            if shown.id == asset.id:
                self.assets[row] = asset
                self._forget_cover(asset.id)
                index = self.index(row)
                self.dataChanged.emit(index, index)
                return

    def remove_ids(self, ids: set[int]) -> None:
        for row in reversed(range(len(self.assets))):
            if self.assets[row].id in ids:
                self.beginRemoveRows(QModelIndex(), row, row)
                self._forget_cover(self.assets.pop(row).id)
                self.endRemoveRows()

    def _forget_cover(self, asset_id: int) -> None:
        self._covers.pop(asset_id, None)
        self._placeholders.discard(asset_id)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.assets)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.assets):
            return None
        asset = self.assets[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{media_title(asset)[:80]}\n{self._details(asset)}"
        if role == Qt.ItemDataRole.DecorationRole:
            return QIcon(self._cover(asset))
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(asset)
        if role == ASSET_ROLE:
            return asset
        return None

    @staticmethod
    def _details(asset: Asset) -> str:
        when = dt.datetime.fromtimestamp(asset.created_at).strftime("%Y-%m-%d %H:%M")
        parts = [
            media_tags(asset)[:60],
            clock(asset.duration * 1000) if asset.duration else "",
            asset.provenance.model,
            when,
        ]
        return " · ".join(p for p in parts if p)

    def _tooltip(self, asset: Asset) -> str:
        lines = [media_title(asset)]
        if asset.provenance.prompt and asset.provenance.prompt != lines[0]:
            lines.append(asset.provenance.prompt[:300])
        lines.append(self._details(asset))
        lyrics = str(asset.provenance.params.get("lyrics") or "").strip()
        if lyrics:
            lines += ["", *lyrics.splitlines()[:12]]
        return "\n".join(lines)

    def _cover(self, asset: Asset) -> QPixmap:
        cached = self._covers.get(asset.id)
        if cached is not None:
            self._covers.move_to_end(asset.id)
            return cached
        path = cover_path(asset)
        image = load_image(path, 2 * self.cover_size.width()) if path else QImage()
        pixmap = self._framed(image)
        self._covers[asset.id] = pixmap
        if image.isNull():
            self._placeholders.add(asset.id)
        if len(self._covers) > COVER_CACHE:
            self._placeholders.discard(self._covers.popitem(last=False)[0])
        return pixmap

    def _framed(self, image: QImage) -> QPixmap:
        """Every row's picture the same size: the cover filling it, or a centred placeholder."""
        size = self.cover_size
        canvas = QPixmap(size)
        canvas.fill(Qt.GlobalColor.transparent)
        painter = QPainter(canvas)
        if not image.isNull():
            scaled = image.scaled(
                size,
                Qt.AspectRatioMode.KeepAspectRatioByExpanding,
                Qt.TransformationMode.SmoothTransformation,
            )
            left = (scaled.width() - size.width()) // 2
            top = (scaled.height() - size.height()) // 2
            painter.drawImage(0, 0, scaled, left, top, size.width(), size.height())
        else:
            audio = self.kind == AssetKind.AUDIO
            icon = (
                QStyle.StandardPixmap.SP_MediaVolume
                if audio
                else QStyle.StandardPixmap.SP_MediaPlay
            )
            side = size.height() // 2
            placeholder = QApplication.style().standardIcon(icon).pixmap(side)
            painter.drawPixmap(
                (size.width() - side) // 2, (size.height() - side) // 2, side, side, placeholder
            )
        painter.end()
        return canvas
