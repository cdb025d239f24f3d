"""A finished job's files into the library, all at once, each with the job's provenance."""

from __future__ import annotations

import asyncio
import logging

from ecovdesk.core.domain import Asset, Job, Provenance
from ecovdesk.core.events import EventSink
from ecovdesk.core.job_book import request_params
from ecovdesk.core.job_families import Download
from ecovdesk.core.library import Library
from ecovdesk.core.media_check import SAVE_FAILED, MediaRejected

log = logging.getLogger(__name__)

# Files fetched at once. Jobs started together finish together; two downloads at a time
# bring each file in sooner than dozens sharing the line, keep the chunks the window's
# thread reads per turn of its event loop to two streams' worth, and leave a core free for
# that thread while workers check, decode and thumbnail what arrived.
DOWNLOADS_AT_ONCE = 2


def provenance(job: Job, download: Download) -> Provenance:
    """The job's request, plus what this one file is (grid, cover, poster, last frame…)."""
    params: dict[str, object] = {**request_params(job.params), **download.meta}
    params["role"] = download.role
    if download.title:
        params["title"] = download.title
    if job.remote_id:
        params["remote_id"] = job.remote_id
    return Provenance(
        kind=download.kind,
        prompt=job.prompt,
        model=job.model,
        params=params,
        conversation_id=job.conversation_id,
        message_id=job.message_id,
        job_id=job.id,
    )


class JobOutputs:
    def __init__(self, library: Library, sink: EventSink) -> None:
        self._library = library
        self._sink = sink
        self._at_once = asyncio.Semaphore(DOWNLOADS_AT_ONCE)

    async def store(self, job: Job, downloads: list[Download]) -> list[Asset]:
        """Download every file now (relay links expire); a refusal is reported, not raised."""
        stored = await asyncio.gather(*(self._one(job, d) for d in downloads))
        return [asset for asset in stored if asset is not None]

    async def _one(self, job: Job, download: Download) -> Asset | None:
        try:
            async with self._at_once:
                return await self._library.fetch(
                    download.url, provenance(job, download), duration=download.duration
                )
        except MediaRejected as rejected:
            reason = rejected.reason
        except Exception:
            log.exception("could not store a file of job %d", job.id)
            reason = SAVE_FAILED
        log.info("job %d: %s file refused (%s)", job.id, download.role, reason)
        if job.message_id is not None:
            self._sink.asset_failed(job.message_id, download.url, reason)
        return None
