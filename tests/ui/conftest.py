"""The real app, composed in-process on a qasync loop, talking to the fake relay."""

from __future__ import annotations

from collections.abc import Callable, Coroutine, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
import qasync
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from ecovdesk.app import RunningApp, compose, parse_args
from ecovdesk.core.secrets import KeyStore
from ecovdesk.paths import resolve_profile
from tests.fakerelay.server import FakeRelay

API_KEY = "sk-ui-test-key-0123456789"


class Driver:
    """Lets Qt (and with it the app's coroutines) run until something the user sees happens."""

    def __init__(self, loop: qasync.QEventLoop, qtbot: QtBot) -> None:
        self.loop = loop
        self.qtbot = qtbot

    def run(self, coro: Coroutine[Any, Any, Any], timeout: float = 30.0) -> Any:
        task = self.loop.create_task(coro)
        self.qtbot.waitUntil(task.done, timeout=int(timeout * 1000))
        return task.result()

    def until(self, predicate: Callable[[], bool], timeout: float = 15.0) -> None:
        try:
            self.qtbot.waitUntil(predicate, timeout=int(timeout * 1000))
        except Exception as error:
            raise AssertionError("the app did not get there in time") from error

    def settle(self, seconds: float = 0.1) -> None:
        self.qtbot.wait(int(seconds * 1000))


@pytest.fixture
def driver(qt_running: qasync.QEventLoop, qtbot: QtBot) -> Driver:
    return Driver(qt_running, qtbot)


@pytest.fixture
def relay() -> Iterator[FakeRelay]:
    with FakeRelay(api_key=API_KEY, token_delay=0.002, poll_steps=2) as server:
        yield server


def start_app(
    driver: Driver, profile: Path, base_url: str, *extra: str, key: str = API_KEY
) -> RunningApp:
    settings = profile / "settings.json"
    if not settings.exists():
        # Assertions read the English labels; the Chinese window has a test of its own.
        profile.mkdir(parents=True, exist_ok=True)
        settings.write_text('{"language": "en", "first_run_done": true}', "utf-8")
    args = parse_args(["--profile-dir", str(profile), "--base-url", base_url, *extra])
    keys = KeyStore(env={"ECOVDESK_API_KEY": key} if key else {})
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    running: RunningApp = driver.run(compose(app, args, resolve_profile(str(profile)), keys))
    running.window.show()
    driver.run(running.window.start(args.model, running.preferences.settings.last_conversation_id))
    return running


def stop_app(driver: Driver, running: RunningApp) -> None:
    running.window.close()
    driver.run(running.aclose())
    running.window.deleteLater()
    driver.settle(0.05)


@contextmanager
def chinese_app(driver: Driver, relay: FakeRelay, profile: Path) -> Iterator[RunningApp]:
    """The app as a Chinese user starts it; English again afterwards for the other tests."""
    from ecovdesk.ui.i18n import install_translation

    qapp = QApplication.instance()
    assert isinstance(qapp, QApplication)
    install_translation(qapp, "zh_CN")
    profile.mkdir(parents=True)
    (profile / "settings.json").write_text('{"language": "zh_CN"}', "utf-8")
    running = start_app(driver, profile, relay.base_url)
    try:
        yield running
    finally:
        stop_app(driver, running)
        install_translation(qapp, "en")


@pytest.fixture
def app(driver: Driver, relay: FakeRelay, tmp_path: Path) -> Iterator[RunningApp]:
    running = start_app(driver, tmp_path / "profile", relay.base_url)
    yield running
    stop_app(driver, running)
