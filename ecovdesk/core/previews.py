"""Short-lived preview pictures (Midjourney's low-res progress images), kept in memory only.

They are replaced every few seconds and never belong in the library, so they skip it, but they
go through the same checks: size cap, real image, no key for other hosts.
"""

from __future__ import annotations

import asyncio
import logging
from collections import OrderedDict

import httpx

from ecovdesk.core.media_check import MediaRejected, check_image
from ecovdesk.core.relay_session import RelaySession

log = logging.getLogger(__name__)

MAX_PREVIEW_BYTES = 4 * 1024 * 1024
KEEP = 32


class PreviewFetcher:
    def __init__(self, relay: RelaySession) -> None:
        self._relay = relay
        self._cache: OrderedDict[str, bytes] = OrderedDict()

    async def get(self, url: str) -> bytes | None:
        """The picture's bytes, or None when it cannot be had (a preview is optional)."""
        if url in self._cache:
            return self._cache[url]
        if httpx.URL(url).scheme not in ("http", "https"):
            return None
        try:
            data = await self._download(url)
            await asyncio.to_thread(check_image, data)
        except (httpx.HTTPError, MediaRejected) as error:
            log.info("preview not shown: %s", type(error).__name__)
            return None
        self._cache[url] = data
        while len(self._cache) > KEEP:
            self._cache.popitem(last=False)
        return data

    async def _download(self, url: str) -> bytes:
        chunks: list[bytes] = []
        size = 0
        async with self._relay.client_for(url).stream("GET", url) as response:
            response.raise_for_status()
            async for chunk in response.aiter_bytes():
                size += len(chunk)
                if size > MAX_PREVIEW_BYTES:
                    raise MediaRejected("too_large")
                chunks.append(chunk)
        return b"".join(chunks)
