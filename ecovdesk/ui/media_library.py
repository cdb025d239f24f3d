"""The music and video libraries: every song or video kept, newest first, with its actions."""

from __future__ import annotations

import datetime as dt
from collections import OrderedDict
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QSize,
    Qt,
    QTimer,
    Signal,
    SignalInstance,
)
from PySide6.QtGui import QIcon, QImage, QKeySequence, QPainter, QPixmap, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QHBoxLayout,
    QLineEdit,
    QListView,
    QMenu,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from ecovdesk.core.domain import Asset, AssetKind
from ecovdesk.ui.media_common import clock
from ecovdesk.ui.pictures import load_image
from ecovdesk.ui.widgets import label, push_button

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

    def set_assets(self, assets: list[Asset]) -> None:
        self.beginResetModel()
        self.assets = sorted(assets, key=lambda a: a.created_at, reverse=True)
        self.endResetModel()

    def prepend(self, asset: Asset) -> None:
        self.beginInsertRows(QModelIndex(), 0, 0)
        self.assets.insert(0, asset)
        self.endInsertRows()

    def remove_ids(self, ids: set[int]) -> None:
        for row in reversed(range(len(self.assets))):
            if self.assets[row].id in ids:
                self.beginRemoveRows(QModelIndex(), row, row)
                self._covers.pop(self.assets.pop(row).id, None)
                self.endRemoveRows()

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
        if len(self._covers) > COVER_CACHE:
            self._covers.popitem(last=False)
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
        self.text_filter = QLineEdit()
        self.text_filter.setPlaceholderText(
            self.tr("Filter by title, style or prompt") if audio else self.tr("Filter by prompt")
        )
        self.text_filter.setClearButtonEnabled(True)
        self.model_filter = QComboBox()
        self.model_filter.addItem(self.tr("All models"), "")
        self.play_button = push_button(self.tr("Play"))
        self.continue_button = push_button(self.tr("Continue this song"))
        self.extend_button = push_button(self.tr("Extend"))
        self.last_frame_button = push_button(self.tr("Use last frame"))
        self.last_frame_button.setToolTip(self.tr("Use the last frame as the next start frame"))
        self.delete_button = push_button(self.tr("Delete"))
        self.count_label = label(name="bubbleHeader")
        bar.addWidget(self.text_filter, 1)
        bar.addWidget(self.model_filter)
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
        self.empty_hint = label(
            self.tr("Songs you make with Suno appear here, kept for good.")
            if audio
            else self.tr("Videos you make appear here, kept for good."),
            name="bubbleHeader",
            align=Qt.AlignmentFlag.AlignCenter,
        )
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
        self._filter_timer = QTimer(self, singleShot=True, interval=200)
        self._filter_timer.timeout.connect(self.filtersChanged)
        self.text_filter.textChanged.connect(lambda _t: self._filter_timer.start())
        self.model_filter.currentIndexChanged.connect(lambda _i: self.filtersChanged.emit())
        self._update_count()
        self._update_buttons()

    # Filters and content

    def filters(self) -> tuple[str | None, str]:
        model = self.model_filter.currentData()
        return (str(model) if model else None), self.text_filter.text().strip()

    def set_models(self, models: list[str]) -> None:
        current = self.model_filter.currentData()
        self.model_filter.blockSignals(True)
        while self.model_filter.count() > 1:
            self.model_filter.removeItem(1)
        for model in models:
            self.model_filter.addItem(model, model)
        self.model_filter.setCurrentIndex(max(0, self.model_filter.findData(current)))
        self.model_filter.blockSignals(False)

    def set_assets(self, assets: list[Asset]) -> None:
        self.model.set_assets([a for a in assets if a.kind == self.kind])
        self._update_count()

    def add_asset(self, asset: Asset) -> None:
        """A new song or video, shown at the top when it passes the filters."""
        if asset.kind != self.kind or not matches(asset, *self.filters()):
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
        self.empty_hint.setVisible(count == 0)

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
        entries.append((self.tr("Delete"), self._delete_selected))
        return entries

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


def kind_title(kind: AssetKind) -> str:
    """The page's name, for the tab that holds it."""
    if kind == AssetKind.AUDIO:
        return QCoreApplication.translate("MediaLibraryPage", "Music")
    return QCoreApplication.translate("MediaLibraryPage", "Videos")
