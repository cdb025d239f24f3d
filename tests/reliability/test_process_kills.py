"""The app as a real process, killed with SIGKILL in the middle of writing something."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.e2e.conftest import API_KEY, AppProcess, query, wait_until
from tests.fakerelay.faults import Fault
from tests.fakerelay.server import FakeRelay
from tests.virtual_screen import virtual_screen

pytestmark = [pytest.mark.e2e, pytest.mark.slow]


@pytest.fixture(scope="module")
def display() -> Iterator[str]:
    with virtual_screen() as name:
        yield name


@pytest.fixture
def relay() -> Iterator[FakeRelay]:
    with FakeRelay(api_key=API_KEY, token_delay=0.005) as server:
        server.image_delay = 0.0
        yield server


def _partials(profile: Path) -> list[Path]:
    return [p for p in profile.rglob("*.part") if p.is_file()]


def test_a_download_killed_half_way_leaves_no_half_file_after_a_restart(
    display: str, relay: FakeRelay, tmp_path: Path
) -> None:
    profile = tmp_path / "profile"
    # The picture arrives a byte at a time, so the kill lands while it is being written.
    relay.queue_fault(Fault.DRIP, path_prefix="/files/", delay=0.002)
    app = AppProcess(display, profile, relay.base_url, "gpt-4o-all")
    app.wait_for_window()
    app.type("hua yi zhi mao picture")
    app.key("Return")
    # Downloads reach the disk in large batches, so the part file may still be empty.
    wait_until(lambda: bool(_partials(profile / "library")), 60)
    wait_until(lambda: relay.requests_to("/files/") != [], 10)
    time.sleep(0.5)
    app.kill()
    assert _partials(profile / "library"), "the kill should have caught a download"
    # The relay saw the picture's connection drop half-way.
    wait_until(lambda: relay.requests_to("/files/")[0].client_disconnected, 10)
    reply = query(profile, "SELECT state, content FROM messages WHERE role = 'assistant'")
    assert reply and reply[0][0] == "done" and reply[0][1]

    with relay.refuse():
        again = AppProcess(display, profile, relay.base_url, "gpt-4o-all")
        again.wait_for_window()
        assert _partials(profile) == []
        assert query(profile, "PRAGMA integrity_check") == [("ok",)]
        assert query(profile, "SELECT count(*) FROM assets") == [(0,)]
        # The reply's text survived; only its picture is missing, to be fetched again.
        assert query(profile, "SELECT state FROM messages WHERE role = 'assistant'") == [("done",)]
        assert again.close() == 0
    assert [p for p in (profile / "library").rglob("*") if p.is_file()] == []
