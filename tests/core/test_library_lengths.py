"""A video's length as read from its file, kept in place of the relay's figure."""

from __future__ import annotations

from pathlib import Path

import pytest

from ecovdesk.core.domain import AssetKind, Provenance
from ecovdesk.core.library import length_measured
from ecovdesk.core.relay_session import RelaySession

from .conftest import MakeLibrary

CLIP = Path(__file__).resolve().parent.parent / "fakerelay" / "media" / "sample.mp4"


@pytest.mark.asyncio
async def test_the_files_length_replaces_the_relays_and_is_kept(
    session: RelaySession, make_library: MakeLibrary
) -> None:
    library = make_library(session)
    params: dict[str, object] = {"duration": "5", "role": "main"}
    provenance = Provenance(AssetKind.VIDEO, prompt="海浪", model="kling-v1-6", params=params)
    video = await library.add_bytes(CLIP.read_bytes(), provenance)
    assert not length_measured(video)
    assert await library.keep_duration(video, 0) is None  # no length at all: nothing changes

    kept = await library.keep_duration(video, 2.0)
    assert kept is not None and kept.duration == 2.0 and length_measured(kept)
    assert kept.provenance.params["duration"] == "5"  # what was asked for stays on record
    (listed,) = await library.list_kind(AssetKind.VIDEO)
    assert listed.duration == 2.0 and length_measured(listed)

    await library.delete([video.id])
    assert await library.keep_duration(video, 2.0) is None
