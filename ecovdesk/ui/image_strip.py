"""The pictures of one reply, shown as thumbnails under its text."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ecovdesk.core.domain import Asset, AssetKind
from ecovdesk.ui import looks
from ecovdesk.ui.pictures import THUMB_SIDE, ThumbnailCache
from ecovdesk.ui.widgets import label, push_button

COLUMNS = 4


class ImageStrip(QWidget):
    openRequested = Signal(object)
    playRequested = Signal(object)
    retryRequested = Signal(str)

    def __init__(self, cache: ThumbnailCache, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._cache = cache
        self.assets: list[Asset] = []
        self.media: list[Asset] = []
        self._failures: dict[str, QWidget] = {}
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 4, 0, 4)
        self._media_row = QHBoxLayout()
        self._media_row.setAlignment(Qt.AlignmentFlag.AlignLeft)
        outer.addLayout(self._media_row)
        self._grid = QGridLayout()
        outer.addLayout(self._grid)
        self._grid.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        # Below the thumbnails and as wide as the message: in the grid, which keeps its cells
        # to their content's width, a reason that wraps was squeezed into a column or cut.
        self._failure_rows = QVBoxLayout()
        outer.addLayout(self._failure_rows)
        self.setVisible(False)

    def _next_cell(self) -> tuple[int, int]:
        index = self._grid.count()
        return divmod(index, COLUMNS)

    def add_asset(self, asset: Asset) -> None:
        if any(a.id == asset.id for a in self.assets):
            return
        failure = self._failures.pop(asset.source_url, None)
        if failure is not None:
            self._failure_rows.removeWidget(failure)
            failure.deleteLater()
        if asset.kind is not AssetKind.IMAGE:
            self._add_media(asset)
            return
        self.assets.append(asset)
        button = QToolButton()
        button.setIcon(QIcon(self._cache.get(asset)))
        button.setIconSize(QSize(THUMB_SIDE, THUMB_SIDE))
        button.setAutoRaise(True)
        button.setToolTip(asset.provenance.prompt or self.tr("Open the picture"))
        button.setAccessibleName(self.tr("Picture"))
        button.clicked.connect(lambda _=False, a=asset: self.openRequested.emit(a))
        self._grid.addWidget(button, *self._next_cell())
        self.setVisible(True)

    def _add_media(self, asset: Asset) -> None:
        """A song or a video of this reply: one click plays it."""
        if any(a.id == asset.id for a in self.media):
            return
        self.media.append(asset)
        title = str(asset.provenance.params.get("title") or asset.provenance.prompt)[:40]
        button = push_button(("♪ " if asset.kind is AssetKind.AUDIO else "▶ ") + title)
        button.setToolTip(self.tr("Play"))
        button.clicked.connect(lambda _=False, a=asset: self.playRequested.emit(a))
        self._media_row.addWidget(button)
        self.setVisible(True)

    def add_failure(self, url: str, reason: str, *, retry: bool = True) -> None:
        if url in self._failures:
            return
        box = QWidget()
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(label(reason, name=looks.ERROR, wrap=True), 1)
        if retry:
            button = QPushButton(self.tr("Retry"))
            button.clicked.connect(lambda: self.retryRequested.emit(url))
            row.addWidget(button)
        self._failures[url] = box
        self._failure_rows.addWidget(box)
        self.setVisible(True)

    def failed_urls(self) -> list[str]:
        return list(self._failures)
