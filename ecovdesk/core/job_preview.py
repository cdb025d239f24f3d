"""The low-res picture a running job shows (Midjourney's preview, a Suno cover), fetched
for the window, which never talks to the network itself.

Previews are shown, not kept: they skip the library, but pass the same checks before any
of their bytes reach the UI, and only a link on the relay's own origin gets the key.
"""

from __future__ import annotations

import asyncio
import functools
import logging
from concurrent.futures import Executor

import httpx

from ecovdesk.api.errors import RelayError
from ecovdesk.api.http import read_capped
from ecovdesk.core.media_check import SVG_MIME, MediaRejected, check_image
from ecovdesk.core.relay_session import RelaySession

log = logging.getLogger(__name__)

PREVIEW_MAX_BYTES = 8 * 1024 * 1024
MAX_REDIRECTS = 3


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
    relay: RelaySession, url: str, *, executor: Executor | None = None
) -> bytes | None:
    """The picture's bytes once checked to be a safe raster image, else None."""
    data = await _download(relay, url)
    if not data:
        return None
    loop = asyncio.get_running_loop()
    try:
        facts = await loop.run_in_executor(executor, functools.partial(check_image, data))
    except MediaRejected as rejected:
        log.info("preview refused: %s", rejected.reason)
        return None
    return data if facts.mime != SVG_MIME else None
