"""The app as a separate process on a virtual screen, typed into like a user would."""

from __future__ import annotations

import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.fakerelay.server import FakeRelay
from tests.virtual_screen import virtual_screen

API_KEY = "sk-e2e-test-key-9876543210"
ROOT = Path(__file__).resolve().parents[2]


def _needs(*tools: str) -> None:
    missing = [t for t in tools if shutil.which(t) is None]
    if missing:
        pytest.skip(f"needs {', '.join(missing)} (installed by .ci/run)")


@pytest.fixture(scope="session")
def display() -> Iterator[str]:
    with virtual_screen() as name:
        yield name


@pytest.fixture
def relay() -> Iterator[FakeRelay]:
    with FakeRelay(api_key=API_KEY, token_delay=0.01) as server:
        yield server


class AppProcess:
    def __init__(self, display: str, profile: Path, base_url: str, model: str) -> None:
        env = dict(
            os.environ,
            DISPLAY=display,
            ECOVDESK_API_KEY=API_KEY,
            LANG="zh_CN.UTF-8",
            LANGUAGE="zh_CN",
            QT_QPA_PLATFORM="xcb",
        )
        env["PYTHON_KEYRING_BACKEND"] = "keyring.backends.null.Keyring"
        self.display = display
        self.profile = profile
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "ecovdesk",
                "--profile-dir",
                str(profile),
                "--base-url",
                base_url,
                "--model",
                model,
            ],
            cwd=ROOT,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
        )

    def xdotool(self, *args: str) -> str:
        result = subprocess.run(
            ["xdotool", *args],
            env=dict(os.environ, DISPLAY=self.display),
            capture_output=True,
            text=True,
            timeout=20,
        )
        return result.stdout.strip()

    def wait_for_window(self, timeout: float = 30) -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            found = self.xdotool("search", "--onlyvisible", "--name", "^ecovdesk$")
            if found:
                window = found.splitlines()[0]
                # Mapped is not yet ready for typing: give Qt a moment to settle focus.
                time.sleep(2.0)
                return window
            if self.process.poll() is not None:
                raise AssertionError(self.output())
            time.sleep(0.2)
        raise AssertionError("the window did not appear")

    def type(self, text: str) -> None:
        self.xdotool("type", "--delay", "30", text)

    def key(self, *keys: str) -> None:
        self.xdotool("key", *keys)

    def screenshot(self, path: Path) -> None:
        if shutil.which("import"):
            subprocess.run(
                ["import", "-display", self.display, "-window", "root", str(path)],
                timeout=20,
                check=False,
            )

    def close(self) -> int:
        """Ask the app to quit as a session logout would, and return its exit code."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                return self.process.wait(20)
            except subprocess.TimeoutExpired:
                self.process.kill()
        return self.process.wait(15)

    def kill(self) -> None:
        self.process.send_signal(signal.SIGKILL)
        self.process.wait(10)

    def output(self) -> str:
        if self.process.poll() is None:
            return ""
        assert self.process.stdout is not None
        return self.process.stdout.read().decode("utf-8", "replace")


def query(profile: Path, sql: str) -> list[tuple[object, ...]]:
    with sqlite3.connect(profile / "ecovdesk.sqlite3") as conn:
        return conn.execute(sql).fetchall()


def wait_until(
    predicate: Callable[[], bool],
    timeout: float = 30,
    explain: Callable[[], object] = lambda: "",
) -> None:
    """Waits for ``predicate``; on a timeout the error carries ``explain()``, what the app
    had got to, since a screenshot is all that is left of a process that stalled."""
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out; the app had: {explain()!r}")
        time.sleep(0.2)
