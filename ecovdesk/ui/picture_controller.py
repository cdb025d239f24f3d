"""Pictures in the window: thumbnails under replies, the gallery page and the viewer."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Coroutine
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from ecovdesk.core.attachments import AttachmentError, image_attachment
from ecovdesk.core.domain import Asset, AssetKind, Attachment
from ecovdesk.core.image_service import ImageService
from ecovdesk.core.library import Library
from ecovdesk.ui.conversation_view import ConversationView
from ecovdesk.ui.gallery import GalleryPage
from ecovdesk.ui.image_viewer import ImageViewer
from ecovdesk.ui.picture_reasons import can_retry, describe_refusal


class PictureController(QObject):
    openConversationRequested = Signal(int)
    referenceReady = Signal(object)
    notice = Signal(str)

    def __init__(
        self,
        library: Library,
        images: ImageService,
        view: ConversationView,
        gallery: GalleryPage,
        run: Callable[[Coroutine[Any, Any, Any]], None],
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        self._library = library
        self._images = images
        self._view = view
        self._gallery = gallery
        self._run = run
        self._parent = parent
        self._gallery_loaded = False
        view.pictureOpened.connect(self.open_viewer)
        view.pictureRetryRequested.connect(
            lambda mid, url: self._run(self._images.retry_picture(mid, url))
        )
        gallery.filtersChanged.connect(lambda: self._run(self.reload_gallery()))
        gallery.openRequested.connect(self.open_viewer)
        gallery.deleteRequested.connect(self._confirm_delete)
        gallery.openConversationRequested.connect(self.openConversationRequested)
        gallery.useAsReferenceRequested.connect(lambda a: self._run(self._use_as_reference(a)))

    # -- conversation ------------------------------------------------------------------------
    async def show_for_visible_messages(self) -> None:
        ids = [b.message.id for b in self._view.bubbles()]
        if not ids:
            return
        for message_id, assets in (await self._library.for_messages(ids)).items():
            bubble = self._view.bubble(message_id)
            if bubble is not None:
                for asset in assets:
                    bubble.images.add_asset(asset)

    def asset_ready(self, asset: Asset) -> None:
        message_id = asset.provenance.message_id
        bubble = self._view.bubble(message_id) if message_id is not None else None
        if bubble is not None:
            bubble.images.add_asset(asset)
        if asset.kind is AssetKind.IMAGE and self._gallery_loaded:
            self._gallery.add_asset(asset)

    def asset_failed(self, message_id: int, url: str, reason: str) -> None:
        bubble = self._view.bubble(message_id)
        if bubble is not None:
            bubble.images.add_failure(url, describe_refusal(reason), retry=can_retry(reason))

    # -- gallery -----------------------------------------------------------------------------
    async def reload_gallery(self) -> None:
        model, text = self._gallery.filter.values()
        self._gallery.filter.set_models(await self._library.models(AssetKind.IMAGE))
        self._gallery.set_assets(await self._library.list_images(model=model, text=text))
        self._gallery_loaded = True

    def open_viewer(self, asset: Asset, assets: list[Asset]) -> None:
        index = next((i for i, a in enumerate(assets) if a.id == asset.id), 0)
        viewer = ImageViewer(assets or [asset], index, self._parent)
        viewer.show()

    def _confirm_delete(self, assets: list[Asset]) -> None:
        answer = QMessageBox.question(
            self._parent,
            self.tr("Delete pictures"),
            self.tr(
                "Delete %n picture(s) from the library? This cannot be undone.", "", len(assets)
            ),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self._run(self._delete([a.id for a in assets]))

    async def _delete(self, ids: list[int]) -> None:
        await self._library.delete(ids)
        for asset_id in ids:
            self._view.thumbnails.forget(asset_id)
        await self.reload_gallery()

    async def _use_as_reference(self, asset: Asset) -> None:
        try:
            data = await asyncio.to_thread(asset.path.read_bytes)
            name = asset.path.name
            attachment: Attachment = await asyncio.to_thread(image_attachment, data, name)
        except (OSError, AttachmentError):
            self.notice.emit(self.tr("That picture could not be attached."))
            return
        self.referenceReady.emit(attachment)
