"""Jobs started together report together: their previews and files are fetched a few at a
time, and every one of them arrives."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import cast

import pytest

from ecovdesk.core import job_service
from ecovdesk.core.domain import Asset, AssetKind, Job, Provenance
from ecovdesk.core.job_adapter import Download
from ecovdesk.core.job_outputs import DOWNLOADS_AT_ONCE, JobOutputs
from ecovdesk.core.job_preview import PreviewPixels
from ecovdesk.core.job_service import PREVIEWS_AT_ONCE
from ecovdesk.core.library import Library
from ecovdesk.core.relay_session import RelaySession
from tests.core.library_helpers import RecordingSink

from .helpers import JobRig


class CountingLibrary:
    """Stores nothing; notes how many fetches were under way at once."""

    def __init__(self) -> None:
        self.under_way = 0
        self.most = 0
        self.fetched: list[str] = []

    async def fetch(
        self, url: str, provenance: Provenance, *, duration: float | None = None
    ) -> Asset:
        self.under_way += 1
        self.most = max(self.most, self.under_way)
        # Long enough for every other fetch to have started, were nothing holding it back.
        await asyncio.sleep(0.01)
        self.under_way -= 1
        self.fetched.append(url)
        return Asset(len(self.fetched), provenance.kind, Path(url), "", 0, "", provenance)


@pytest.mark.asyncio
async def test_files_of_jobs_finishing_together_are_fetched_a_few_at_a_time() -> None:
    library = CountingLibrary()
    outputs = JobOutputs(cast(Library, library), RecordingSink())
    jobs = [Job(id=n, family="midjourney", model="midjourney", prompt="p") for n in range(8)]
    files = [
        [Download(AssetKind.IMAGE, f"https://cdn.example/{job.id}-{n}.png") for n in range(3)]
        for job in jobs
    ]
    stored = await asyncio.gather(*(outputs.store(j, f) for j, f in zip(jobs, files, strict=True)))
    assert [len(assets) for assets in stored] == [3] * len(jobs)
    assert sorted(library.fetched) == sorted(d.url for f in files for d in f)
    assert 1 < library.most <= DOWNLOADS_AT_ONCE


@pytest.mark.asyncio
async def test_previews_reported_together_are_fetched_a_few_at_a_time(
    rig: JobRig, monkeypatch: pytest.MonkeyPatch
) -> None:
    under_way: list[str] = []
    most = 0

    async def fetch(relay: RelaySession, url: str, side: int) -> PreviewPixels:
        nonlocal most
        under_way.append(url)
        most = max(most, len(under_way))
        await asyncio.sleep(0.01)
        under_way.remove(url)
        return PreviewPixels(1, 1, bytes(4))

    monkeypatch.setattr(job_service, "fetch_preview", fetch)
    urls = [f"https://cdn.example/mj-{n}-preview.webp" for n in range(12)]
    shown = await asyncio.gather(*(rig.service.preview(url, 256) for url in urls))
    assert all(pixels is not None for pixels in shown)
    assert 1 < most <= PREVIEWS_AT_ONCE
