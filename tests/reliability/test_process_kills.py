"""The app as a real process, killed with SIGKILL in the middle of writing something."""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.e2e.conftest import API_KEY, AppProcess, query, wait_until
from tests.fakerelay.faults import Fault
from tests.fakerelay.server import FakeRelay

pytestmark = [pytest.mark.e2e, pytest.mark.slow]


@pytest.fixture(scope="module")
def display() -> Iterator[str]:
    """A virtual screen of this module's own, on a number the e2e folder does not use."""
    missing = [tool for tool in ("Xvfb", "xdotool") if shutil.which(tool) is None]
    if missing:
        pytest.skip(f"needs {', '.join(missing)} (installed by .ci/run)")
    number = 150 + os.getpid() % 50
    server = subprocess.Popen(
        ["Xvfb", f":{number}", "-screen", "0", "1280x900x24", "-nolisten", "tcp"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 10
    while not Path(f"/tmp/.X11-unix/X{number}").exists():
        if time.monotonic() > deadline or server.poll() is not None:
            pytest.skip("Xvfb did not start")
        time.sleep(0.05)
    yield f":{number}"
    server.terminate()
    server.wait(5)


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
