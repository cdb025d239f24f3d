"""The gallery: every picture ever received, newest first, with filters and actions."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QPersistentModelIndex,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QListView,
    QMenu,
    QVBoxLayout,
    QWidget,
)

from ecovdesk.core.domain import Asset, AssetKind
from ecovdesk.core.grid_split import arrival_row, in_reading_order
from ecovdesk.ui import looks
from ecovdesk.ui.filter_fields import FilterFields
from ecovdesk.ui.pictures import THUMB_SIDE, ThumbnailCache
from ecovdesk.ui.save_copy import save_copy_as, show_in_folder
from ecovdesk.ui.widgets import label, plain_tooltip, push_button

ASSET_ROLE = Qt.ItemDataRole.UserRole
Index = QModelIndex | QPersistentModelIndex


class GalleryModel(QAbstractListModel):
    def __init__(self, cache: ThumbnailCache) -> None:
        super().__init__()
        self._cache = cache
        self.assets: list[Asset] = []

    def set_assets(self, assets: list[Asset]) -> None:
        self.beginResetModel()
        self.assets = in_reading_order(assets)
        self.endResetModel()

    def prepend(self, asset: Asset) -> None:
        """A picture that just arrived: at the top, pieces of a split grid in their order."""
        row = arrival_row(self.assets, asset)
        self.beginInsertRows(QModelIndex(), row, row)
        self.assets.insert(row, asset)
        self.endInsertRows()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.assets)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        asset = self.assets[index.row()]
        if role == Qt.ItemDataRole.DecorationRole:
            return QIcon(self._cache.get(asset))
        if role == Qt.ItemDataRole.DisplayRole:
            prompt = asset.provenance.prompt or asset.provenance.model
            return prompt[:40] + ("…" if len(prompt) > 40 else "")
        if role == Qt.ItemDataRole.ToolTipRole:
            when = dt.datetime.fromtimestamp(asset.created_at).strftime("%Y-%m-%d %H:%M")
            return plain_tooltip(f"{asset.provenance.prompt}\n{asset.provenance.model} · {when}")
        if role == ASSET_ROLE:
            return asset
        return None


class GalleryPage(QWidget):
    filtersChanged = Signal()
    openRequested = Signal(object, list)
    deleteRequested = Signal(list)
    openConversationRequested = Signal(int)
    useAsReferenceRequested = Signal(object)

    def __init__(self, cache: ThumbnailCache, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = GalleryModel(cache)
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.filter = FilterFields(self.tr("Filter by prompt"), self)
        self.filter.changed.connect(self.filtersChanged)
        self.delete_button = push_button(self.tr("Delete"))
        self.delete_button.clicked.connect(self._delete_selected)
        self.count_label = label(name=looks.DIMMED)
        bar.addWidget(self.filter.text, 1)
        bar.addWidget(self.filter.model)
        bar.addWidget(self.delete_button)
        bar.addWidget(self.count_label)
        layout.addLayout(bar)
        self.view = QListView()
        self.view.setViewMode(QListView.ViewMode.IconMode)
        self.view.setResizeMode(QListView.ResizeMode.Adjust)
        self.view.setMovement(QListView.Movement.Static)
        self.view.setUniformItemSizes(True)
        self.view.setIconSize(QSize(THUMB_SIDE, THUMB_SIDE))
        self.view.setGridSize(QSize(THUMB_SIDE + 24, THUMB_SIDE + 44))
        self.view.setWordWrap(True)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setModel(self.model)
        self.view.selectionModel().selectionChanged.connect(self._update_delete)
        self.model.modelReset.connect(self._update_delete)
        self.model.rowsRemoved.connect(self._update_delete)
        self._update_delete()
        self.view.setLayoutMode(QListView.LayoutMode.Batched)
        self.view.setBatchSize(200)
        self.view.activated.connect(self._open_index)
        self.view.doubleClicked.connect(self._open_index)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._context_menu)
        layout.addWidget(self.view, 1)
        self.empty_hint = label(name=looks.DIMMED, align=Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.empty_hint)
        self._update_count()

    def set_assets(self, assets: list[Asset]) -> None:
        self.model.set_assets(assets)
        self._update_count()

    def add_asset(self, asset: Asset) -> None:
        model, text = self.filter.values()
        if model and asset.provenance.model != model:
            return
        if text and text.lower() not in asset.provenance.prompt.lower():
            return
        self.model.prepend(asset)
        self._update_count()

    def _update_count(self) -> None:
        count = len(self.model.assets)
        model, text = self.filter.values()
        filtered = bool(model or text.strip())
        # With a filter on, an empty page means nothing matched, not an empty library.
        self.count_label.setText(
            "" if filtered and not count else self.tr("%n picture(s)", "", count)
        )
        if filtered:
            self.empty_hint.setText(self.tr("No pictures match the filter."))
        else:
            self.empty_hint.setText(
                self.tr("Pictures you generate or receive in chats appear here, kept for good.")
            )
        self.empty_hint.setVisible(count == 0)

    def _update_delete(self) -> None:
        self.delete_button.setEnabled(self.view.selectionModel().hasSelection())

    def selected_assets(self) -> list[Asset]:
        rows = sorted(i.row() for i in self.view.selectionModel().selectedIndexes())
        return [self.model.assets[r] for r in rows]

    def _open_index(self, index: QModelIndex) -> None:
        asset = index.data(ASSET_ROLE)
        if asset is not None:
            self.openRequested.emit(asset, list(self.model.assets))

    def _delete_selected(self) -> None:
        selected = self.selected_assets()
        if selected:
            self.deleteRequested.emit(selected)

    def _context_menu(self, position: Any) -> None:
        index = self.view.indexAt(position)
        menu = self.menu_for(index)
        if menu is not None:
            menu.exec(self.view.viewport().mapToGlobal(position))

    def menu_for(self, index: QModelIndex) -> QMenu | None:
        asset = index.data(ASSET_ROLE) if index.isValid() else None
        if asset is None:
            return None
        menu = QMenu(self)
        menu.addAction(self.tr("Open"), lambda: self._open_index(index))
        menu.addAction(self.tr("Save as…"), lambda: self.save_as(asset))
        menu.addAction(self.tr("Show in folder"), lambda: show_in_folder(asset.path))
        if asset.provenance.conversation_id is not None:
            menu.addAction(
                self.tr("Open the conversation it came from"),
                lambda: self.openConversationRequested.emit(asset.provenance.conversation_id),
            )
        menu.addAction(
            self.tr("Use as reference"), lambda: self.useAsReferenceRequested.emit(asset)
        )
        menu.addSeparator()
        menu.addAction(self.tr("Delete"), self._delete_selected)
        return menu

    def save_as(self, asset: Asset) -> None:
        title = asset.provenance.prompt or "picture"
        save_copy_as(self, asset.path, title, self.tr("Save picture"), kind=AssetKind.IMAGE)
