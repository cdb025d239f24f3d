"""The low-res picture a running job shows (Midjourney's preview, a Suno cover), fetched
for the window, which never talks to the network itself.

Previews are shown, not kept: they skip the library, but pass the same checks before any
of their bytes reach the UI, and only a link on the relay's own origin gets the key. They
arrive for many jobs at once, so they are decoded and scaled on a worker thread: the UI
thread only wraps the finished pixels.
"""

from __future__ import annotations

import asyncio
import functools
import logging
from concurrent.futures import Executor
from dataclasses import dataclass

import httpx

from ecovdesk.api.errors import RelayError
from ecovdesk.api.http import read_capped
from ecovdesk.core.media_check import SVG_MIME, MediaRejected, check_image
from ecovdesk.core.pillow import open_image
from ecovdesk.core.relay_session import RelaySession

log = logging.getLogger(__name__)

PREVIEW_MAX_BYTES = 8 * 1024 * 1024
MAX_REDIRECTS = 3


@dataclass(frozen=True)
class PreviewPixels:
    """A decoded preview, scaled to fit the square it is shown in: 8-bit RGBA, row by row."""

    width: int
    height: int
    rgba: bytes


def fitted(width: int, height: int, side: int) -> tuple[int, int]:
    """``width`` × ``height`` scaled up or down to fit a ``side`` square, keeping its shape."""
    scale = side / max(width, height)
    return max(1, round(width * scale)), max(1, round(height * scale))


def decode_preview(data: bytes, side: int) -> PreviewPixels | None:
    """Check ``data`` as a safe raster picture, then decode it to fit a ``side`` square."""
    try:
        facts = check_image(data)
    except MediaRejected as rejected:
        log.info("preview refused: %s", rejected.reason)
        return None
    if facts.mime == SVG_MIME:
        return None
    from PIL import Image, ImageOps

    try:
        with open_image(data) as image:
            # draft() lets the JPEG decoder scale while decoding, much cheaper than resizing.
            image.draft("RGB", (side, side))
            upright = ImageOps.exif_transpose(image).convert("RGBA")
        size = fitted(upright.width, upright.height, side)
        if size != upright.size:
            upright = upright.resize(size, Image.Resampling.BILINEAR)
    except (OSError, ValueError) as exc:
        log.info("preview not decoded: %s", type(exc).__name__)
        return None
    return PreviewPixels(upright.width, upright.height, upright.tobytes())


async def _download(relay: RelaySession, url: str) -> bytes | None:
    for _ in range(MAX_REDIRECTS + 1):
        try:
            if httpx.URL(url).scheme not in ("http", "https"):
                return None
            # Each hop picks its client again, so the key never follows a redirect away.
            client = relay.client_for(url)
            async with client.stream("GET", url) as response:
                location = response.headers.get("location")
                if response.is_redirect and location:
                    url = str(response.url.join(location))
                    continue
                if not response.is_success:
                    return None
                return await read_capped(response, PREVIEW_MAX_BYTES)
        except (httpx.HTTPError, httpx.InvalidURL, RelayError) as exc:
            log.info("preview not fetched: %s", type(exc).__name__)
            return None
    return None


async def fetch_preview(
    relay: RelaySession, url: str, side: int, *, executor: Executor | None = None
) -> PreviewPixels | None:
    """The picture, once checked to be a safe raster image, scaled to fit ``side``; else None."""
    data = await _download(relay, url)
    if not data:
        return None
    loop = asyncio.get_running_loop()
    return await loop.run_in_executor(executor, functools.partial(decode_preview, data, side))
