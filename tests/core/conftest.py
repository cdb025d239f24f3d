"""Fixtures for the library and picture tests: a database file, the fake relay, a library."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import pytest_asyncio

from ecovdesk.api.http import RelayConfig
from ecovdesk.core.database import Database
from ecovdesk.core.library import Library
from ecovdesk.core.relay_session import RelaySession
from tests.fakerelay.server import FakeRelay

from .library_helpers import API_KEY, RecordingSink

MakeLibrary = Callable[..., Library]


@pytest_asyncio.fixture
async def db(tmp_path: Path) -> AsyncIterator[Database]:
    database = await Database.open(tmp_path / "ecovdesk.sqlite3", tmp_path / "backups")
    yield database
    await database.close()


@pytest.fixture
def fake_relay() -> Iterator[FakeRelay]:
    with FakeRelay(api_key=API_KEY, token_delay=0.001) as relay:
        relay.image_delay = 0.0
        yield relay


@pytest_asyncio.fixture
async def session(fake_relay: FakeRelay) -> AsyncIterator[RelaySession]:
    relay_session = RelaySession()
    relay_session.configure(RelayConfig(fake_relay.base_url, API_KEY))
    yield relay_session
    await relay_session.aclose()


@pytest.fixture
def sink() -> RecordingSink:
    return RecordingSink()


@pytest.fixture
def make_library(db: Database, tmp_path: Path, sink: RecordingSink) -> MakeLibrary:
    """A library in ``tmp_path/profile``; pass the relay session and any options."""

    def make(relay: RelaySession, **options: Any) -> Library:
        profile = tmp_path / "profile"
        return Library(
            db, profile / "library", profile / "cache" / "thumbs", relay, sink, **options
        )

    return make
