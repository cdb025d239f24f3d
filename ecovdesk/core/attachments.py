"""Turning a picked or pasted image into something a vision model can be sent."""

from __future__ import annotations

import base64
import io
from typing import TYPE_CHECKING
from urllib.parse import unquote, urlsplit

from ecovdesk.core.domain import Attachment, AttachmentKind
from ecovdesk.core.pillow import MAX_PIXELS, open_image

if TYPE_CHECKING:
    from PIL.Image import Image as PILImage

MAX_SIDE = 2048
# The copy the sent message shows: small enough to decode at once on opening a conversation.
THUMBNAIL_SIDE = 160
MAX_INPUT_BYTES = 40 * 1024 * 1024
# Pillow refuses a picture past twice its pixel limit and only warns below that.
MAX_ATTACHED_PIXELS = 2 * MAX_PIXELS


class AttachmentError(ValueError):
    def __init__(self, reason: str, *, too_large: bool = False) -> None:
        super().__init__(reason)
        # Readable, but past what is attached: the user is told the limits, not "unreadable".
        self.too_large = too_large


def image_attachment(data: bytes, name: str) -> Attachment:
    """A data-URL attachment; large pictures are scaled down to keep requests small."""
    if len(data) > MAX_INPUT_BYTES:
        raise AttachmentError("too large", too_large=True)
    from PIL import Image, UnidentifiedImageError

    try:
        with open_image(data) as image:
            image.load()
            fmt = image.format or "PNG"
            if max(image.size) > MAX_SIDE or fmt not in ("PNG", "JPEG", "WEBP", "GIF"):
                image.thumbnail((MAX_SIDE, MAX_SIDE))
                has_alpha = image.mode in ("RGBA", "LA", "P")
                fmt = "PNG" if has_alpha else "JPEG"
                buffer = io.BytesIO()
                image.convert("RGBA" if has_alpha else "RGB").save(buffer, fmt, quality=90)
                data = buffer.getvalue()
            # From the picture as sent: past 2048 pixels, shrinking the full one again would
            # cost as much as the scaling above.
            thumbnail = _thumbnail(image)
    except Image.DecompressionBombError as error:
        raise AttachmentError("too many pixels", too_large=True) from error
    except (UnidentifiedImageError, OSError) as error:
        raise AttachmentError("not a readable image") from error
    mime = {"JPEG": "image/jpeg", "WEBP": "image/webp", "GIF": "image/gif"}.get(fmt, "image/png")
    url = f"data:{mime};base64,{base64.b64encode(data).decode('ascii')}"
    return Attachment(AttachmentKind.IMAGE, url, name, thumbnail)


def _thumbnail(image: PILImage) -> str:
    small = image.copy()
    small.thumbnail((THUMBNAIL_SIDE, THUMBNAIL_SIDE))
    buffer = io.BytesIO()
    small.convert("RGBA").save(buffer, "PNG", optimize=True)
    return f"data:image/png;base64,{base64.b64encode(buffer.getvalue()).decode('ascii')}"


def document_attachment(url: str) -> Attachment:
    parts = urlsplit(url.strip())
    if parts.scheme.lower() not in ("https", "http") or not parts.hostname:
        raise AttachmentError("not a web address")
    # Named by its file, without the query that download links often carry.
    name = unquote(parts.path.rstrip("/").rsplit("/", 1)[-1]) or parts.hostname
    return Attachment(AttachmentKind.FILE, url.strip(), name)
