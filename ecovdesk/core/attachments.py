"""Turning a picked or pasted image into something a vision model can be sent."""

from __future__ import annotations

import base64
import io

from ecovdesk.core.domain import Attachment, AttachmentKind
from ecovdesk.core.pillow import open_image

MAX_SIDE = 2048
MAX_INPUT_BYTES = 40 * 1024 * 1024


class AttachmentError(ValueError):
    pass


def image_attachment(data: bytes, name: str) -> Attachment:
    """A data-URL attachment; large pictures are scaled down to keep requests small."""
    if len(data) > MAX_INPUT_BYTES:
        raise AttachmentError("too large")
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
    except (UnidentifiedImageError, OSError, Image.DecompressionBombError) as error:
        raise AttachmentError("not a readable image") from error
    mime = {"JPEG": "image/jpeg", "WEBP": "image/webp", "GIF": "image/gif"}.get(fmt, "image/png")
    url = f"data:{mime};base64,{base64.b64encode(data).decode('ascii')}"
    return Attachment(AttachmentKind.IMAGE, url, name)


def document_attachment(url: str) -> Attachment:
    if not url.lower().startswith(("https://", "http://")):
        raise AttachmentError("not a web address")
    name = url.rstrip("/").rsplit("/", 1)[-1] or url
    return Attachment(AttachmentKind.FILE, url, name)
