"""Fixtures for the media job tests: job services that are shut down after each test."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest_asyncio

from ecovdesk.core.database import Database
from ecovdesk.core.relay_session import RelaySession
from tests.core.conftest import MakeLibrary
from tests.core.library_helpers import RecordingSink

from .helpers import FakeClock, JobRig, RigFactory, build_rig


@pytest_asyncio.fixture
async def rig_for(
    db: Database, make_library: MakeLibrary, sink: RecordingSink
) -> AsyncIterator[RigFactory]:
    rigs: list[JobRig] = []

    def build(relay: RelaySession, clock: FakeClock | None = None) -> JobRig:
        rig = build_rig(db, make_library, sink, relay, clock)
        rigs.append(rig)
        return rig

    yield build
    for rig in rigs:
        await rig.close()


@pytest_asyncio.fixture
async def rig(rig_for: RigFactory, session: RelaySession) -> JobRig:
    """A started job service talking to the fake relay."""
    built = rig_for(session)
    await built.service.start()
    return built
