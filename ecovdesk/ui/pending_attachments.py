"""What the next message will carry: images and document links, shown as chips in the composer."""

from __future__ import annotations

import asyncio
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QObject, Signal
from PySide6.QtGui import QImage

from ecovdesk.core.attachments import (
    MAX_ATTACHED_PIXELS,
    MAX_INPUT_BYTES,
    AttachmentError,
    document_attachment,
    image_attachment,
)
from ecovdesk.core.domain import Attachment, AttachmentKind
from ecovdesk.ui.composer import Composer


class PendingAttachments(QObject):
    notice = Signal(str)

    def __init__(self, composer: Composer) -> None:
        super().__init__(composer)
        self._composer = composer
        self.items: list[Attachment] = []
        self._pasted = 0
        composer.imagePasted.connect(self.add_pasted)
        composer.picturesRefused.connect(
            lambda: self.notice.emit(
                self.tr("The model chosen cannot see pictures. Pick one that can, then add it.")
            )
        )
        composer.documentUrlChosen.connect(self.add_document)
        composer.attachmentRemoved.connect(self.remove)

    def take(self) -> list[Attachment]:
        taken, self.items = self.items, []
        self._show()
        return taken

    def add(self, attachment: Attachment) -> None:
        self.items.append(attachment)
        self._show()

    async def add_files(self, files: list[str]) -> None:
        refused: list[str] = []
        for file in files:
            name = Path(file).name
            try:
                data = await asyncio.to_thread(Path(file).read_bytes)
                attachment = await asyncio.to_thread(image_attachment, data, name)
            except AttachmentError as error:
                refused.append(self._refusal(name, error.too_large))
                continue
            except OSError:
                refused.append(self._refusal(name, too_large=False))
                continue
            self.items.append(attachment)
        if refused:
            # One notice for all: the status bar would show only the last of several.
            self.notice.emit(" ".join(refused))
        self._show()

    def _refusal(self, name: str, too_large: bool) -> str:
        if too_large:
            return (
                self.tr("%1 is too large to attach (at most %2 MB and %3 megapixels).")
                .replace("%1", name)
                .replace("%2", str(MAX_INPUT_BYTES // (1024 * 1024)))
                .replace("%3", str(MAX_ATTACHED_PIXELS // 1_000_000))
            )
        return self.tr("%1 is not an image that can be attached.").replace("%1", name)

    def add_pasted(self, image: QImage) -> None:
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        image.save(buffer, "PNG")  # type: ignore[call-overload]
        self._pasted += 1
        name = self.tr("pasted image %1.png").replace("%1", str(self._pasted))
        try:
            self.items.append(image_attachment(bytes(data.data()), name))
        except AttachmentError:
            self.notice.emit(self.tr("The pasted picture could not be read."))
        self._show()

    def add_document(self, url: str) -> None:
        try:
            self.items.append(document_attachment(url))
        except AttachmentError:
            self.notice.emit(self.tr("Only http and https document links can be attached."))
        self._show()

    def keep_only(self, *, images: bool, documents: bool) -> None:
        """After a change of model: what it cannot take is taken off, and the user told, rather
        than sent to be refused by the relay or silently ignored."""
        allowed = {AttachmentKind.IMAGE: images, AttachmentKind.FILE: documents}
        kept = [a for a in self.items if allowed.get(a.kind, True)]
        if len(kept) == len(self.items):
            return
        self.items = kept
        self.notice.emit(self.tr("Attachments this model cannot take were removed."))
        self._show()

    def remove(self, index: int) -> None:
        if 0 <= index < len(self.items):
            del self.items[index]
        self._show()

    def _show(self) -> None:
        self._composer.set_attachments([a.name for a in self.items])
