"""The music and video libraries: every song or video kept, newest first, with its actions."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QModelIndex, Qt, Signal, SignalInstance
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QListView,
    QMenu,
    QVBoxLayout,
    QWidget,
)

from ecovdesk.core.domain import Asset, AssetKind
from ecovdesk.ui import looks
from ecovdesk.ui.filter_fields import FilterFields
from ecovdesk.ui.media_library_model import ASSET_ROLE, MediaLibraryModel, is_luma, matches
from ecovdesk.ui.media_library_model import media_title as media_title
from ecovdesk.ui.save_copy import save_copy_as, show_in_folder
from ecovdesk.ui.widgets import label, push_button


class MediaLibraryPage(QWidget):
    filtersChanged = Signal()
    playRequested = Signal(object, list)
    deleteRequested = Signal(list)
    openConversationRequested = Signal(int)
    continueRequested = Signal(object)
    extendRequested = Signal(object)
    useLastFrameRequested = Signal(object)

    def __init__(self, kind: AssetKind, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = kind
        self.model = MediaLibraryModel(kind)
        audio = kind == AssetKind.AUDIO
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.filter = FilterFields(
            self.tr("Filter by title, style or prompt") if audio else self.tr("Filter by prompt"),
            self,
        )
        self.filter.changed.connect(self.filtersChanged)
        self.play_button = push_button(self.tr("Play"))
        self.continue_button = push_button(self.tr("Continue this song"))
        self.extend_button = push_button(self.tr("Extend"))
        self.last_frame_button = push_button(self.tr("Use last frame"))
        self.last_frame_button.setToolTip(self.tr("Use the last frame as the next start frame"))
        self.delete_button = push_button(self.tr("Delete"))
        self.count_label = label(name=looks.DIMMED)
        bar.addWidget(self.filter.text, 1)
        bar.addWidget(self.filter.model)
        for button in (
            self.play_button,
            self.continue_button,
            self.extend_button,
            self.last_frame_button,
            self.delete_button,
        ):
            bar.addWidget(button)
        bar.addWidget(self.count_label)
        self.continue_button.setVisible(audio)
        self.extend_button.setVisible(not audio)
        self.last_frame_button.setVisible(not audio)
        layout.addLayout(bar)

        self.view = QListView()
        self.view.setUniformItemSizes(True)
        self.view.setIconSize(self.model.cover_size)
        self.view.setSpacing(2)
        self.view.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setLayoutMode(QListView.LayoutMode.Batched)
        self.view.setBatchSize(200)
        self.view.setModel(self.model)
        self.view.activated.connect(self._play_index)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._context_menu)
        layout.addWidget(self.view, 1)
        self.empty_hint = label(name=looks.DIMMED, align=Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.empty_hint)

        self.play_button.clicked.connect(self._play_current)
        self.continue_button.clicked.connect(lambda: self._emit_for_current(self.continueRequested))
        self.extend_button.clicked.connect(lambda: self._emit_for_current(self.extendRequested))
        self.last_frame_button.clicked.connect(
            lambda: self._emit_for_current(self.useLastFrameRequested)
        )
        self.delete_button.clicked.connect(self._delete_selected)
        delete = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.view)
        delete.setContext(Qt.ShortcutContext.WidgetShortcut)
        delete.activated.connect(self._delete_selected)
        self.view.selectionModel().selectionChanged.connect(self._update_buttons)
        self.model.modelReset.connect(self._update_buttons)
        self._update_count()
        self._update_buttons()

    # Filters and content

    def set_assets(self, assets: list[Asset]) -> None:
        self.model.set_assets([a for a in assets if a.kind == self.kind])
        self._update_count()

    def add_asset(self, asset: Asset) -> None:
        """A new song or video, shown at the top when it passes the filters."""
        if asset.kind != self.kind or not matches(asset, *self.filter.values()):
            return
        self.model.prepend(asset)
        self._update_count()

    def remove_assets(self, ids: list[int]) -> None:
        self.model.remove_ids(set(ids))
        self._update_count()

    def selected_assets(self) -> list[Asset]:
        rows = sorted({i.row() for i in self.view.selectionModel().selectedIndexes()})
        return [self.model.assets[r] for r in rows]

    def _update_count(self) -> None:
        count = len(self.model.assets)
        if self.kind == AssetKind.AUDIO:
            self.count_label.setText(self.tr("%n song(s)", "", count))
        else:
            self.count_label.setText(self.tr("%n video(s)", "", count))
        self.empty_hint.setText(self._empty_text())
        self.empty_hint.setVisible(count == 0)

    def _empty_text(self) -> str:
        model, text = self.filter.values()
        filtered = bool(model or text)
        if self.kind == AssetKind.AUDIO:
            if filtered:
                return self.tr("No songs match the filter.")
            return self.tr("Songs you make with Suno appear here, kept for good.")
        if filtered:
            return self.tr("No videos match the filter.")
        return self.tr("Videos you make appear here, kept for good.")

    # Actions

    def actions_for(self, asset: Asset) -> list[tuple[str, Any]]:
        """The menu entries for one item, each a label and what it does."""
        entries: list[tuple[str, Any]] = [
            (self.tr("Play"), lambda: self.playRequested.emit(asset, list(self.model.assets)))
        ]
        conversation = asset.provenance.conversation_id
        if conversation is not None:
            entries.append(
                (
                    self.tr("Open the conversation it came from"),
                    lambda: self.openConversationRequested.emit(conversation),
                )
            )
        if self.kind == AssetKind.AUDIO:
            entries.append(
                (self.tr("Continue this song"), lambda: self.continueRequested.emit(asset))
            )
        else:
            if is_luma(asset):
                entries.append((self.tr("Extend"), lambda: self.extendRequested.emit(asset)))
            entries.append(
                (
                    self.tr("Use the last frame as the next start frame"),
                    lambda: self.useLastFrameRequested.emit(asset),
                )
            )
        entries.append((self.tr("Save as…"), lambda: self.save_copy(asset)))
        entries.append((self.tr("Show in folder"), lambda: show_in_folder(asset.path)))
        entries.append((self.tr("Delete"), self._delete_selected))
        return entries

    def save_copy(self, asset: Asset) -> Path | None:
        caption = self.tr("Save song") if self.kind == AssetKind.AUDIO else self.tr("Save video")
        return save_copy_as(self, asset.path, media_title(asset), caption)

    def _context_menu(self, position: Any) -> None:
        index = self.view.indexAt(position)
        asset = index.data(ASSET_ROLE) if index.isValid() else None
        if asset is None:
            return
        menu = QMenu(self)
        entries = self.actions_for(asset)
        for number, (text, action) in enumerate(entries):
            if number == len(entries) - 1:
                menu.addSeparator()  # before Delete
            menu.addAction(text, action)
        menu.exec(self.view.viewport().mapToGlobal(position))

    def _play_index(self, index: QModelIndex) -> None:
        asset = index.data(ASSET_ROLE) if index.isValid() else None
        if asset is not None:
            self.playRequested.emit(asset, list(self.model.assets))

    def _play_current(self) -> None:
        asset = self._current()
        if asset is not None:
            self.playRequested.emit(asset, list(self.model.assets))

    def _current(self) -> Asset | None:
        selected = self.selected_assets()
        return selected[0] if len(selected) == 1 else None

    def _emit_for_current(self, signal: SignalInstance) -> None:
        asset = self._current()
        if asset is not None:
            signal.emit(asset)

    def _delete_selected(self) -> None:
        selected = self.selected_assets()
        if selected:
            self.deleteRequested.emit(selected)

    def _update_buttons(self) -> None:
        selected = self.selected_assets()
        single = selected[0] if len(selected) == 1 else None
        self.play_button.setEnabled(single is not None)
        self.continue_button.setEnabled(single is not None)
        self.extend_button.setEnabled(single is not None and is_luma(single))
        self.extend_button.setToolTip(
            "" if single is None or is_luma(single) else self.tr("Only Luma videos can be extended")
        )
        self.last_frame_button.setEnabled(single is not None)
        self.delete_button.setEnabled(bool(selected))
