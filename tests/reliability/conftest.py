"""Fixtures for the fault, hostile-input and key tests: the real app on the fake relay."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import qasync
from pytestqt.qtbot import QtBot

from ecovdesk.app import RunningApp
from tests.fakerelay.server import FakeRelay
from tests.reliability.helpers import API_KEY
from tests.ui.conftest import Driver, start_app, stop_app


@pytest.fixture
def driver(qt_running: qasync.QEventLoop, qtbot: QtBot) -> Driver:
    return Driver(qt_running, qtbot)


@pytest.fixture
def relay() -> Iterator[FakeRelay]:
    with FakeRelay(api_key=API_KEY, token_delay=0.002, poll_steps=2) as server:
        server.image_delay = 0.0
        yield server


@pytest.fixture
def profile(tmp_path: Path) -> Path:
    return tmp_path / "profile"


@pytest.fixture
def app(driver: Driver, relay: FakeRelay, profile: Path) -> Iterator[RunningApp]:
    running = start_app(driver, profile, relay.base_url, key=API_KEY)
    yield running
    stop_app(driver, running)
