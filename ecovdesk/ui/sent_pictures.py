"""The pictures a question was sent with, shown small in its bubble."""

from __future__ import annotations

import base64
import binascii

from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from ecovdesk.core.domain import Attachment, AttachmentKind
from ecovdesk.ui.widgets import plain_tooltip


def shown_as_picture(attachment: Attachment) -> bool:
    return attachment.kind is AttachmentKind.IMAGE and bool(attachment.thumbnail)


def sent_pictures(attachments: list[Attachment]) -> QWidget | None:
    """A row of the attachments' small copies, or None when none has one (older messages
    name their pictures in the text instead)."""
    labels = [_picture(a) for a in attachments if shown_as_picture(a)]
    shown = [item for item in labels if item is not None]
    if not shown:
        return None
    row = QWidget()
    layout = QHBoxLayout(row)
    layout.setContentsMargins(0, 0, 0, 0)
    for item in shown:
        layout.addWidget(item)
    layout.addStretch(1)
    return row


def _picture(attachment: Attachment) -> QLabel | None:
    _, _, encoded = attachment.thumbnail.partition(",")
    try:
        data = base64.b64decode(encoded, validate=True)
    except (binascii.Error, ValueError):
        return None
    image = QImage.fromData(data)
    if image.isNull():
        return None
    picture = QLabel()
    picture.setPixmap(QPixmap.fromImage(image))
    picture.setToolTip(plain_tooltip(attachment.name))
    return picture
