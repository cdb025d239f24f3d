"""Driving the composed app like a user, and reading what the relay and the profile saw."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Coroutine
from typing import Any, TypeVar

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from ecovdesk.app import RunningApp
from ecovdesk.core.domain import Role
from ecovdesk.ui.message_bubble import MessageBubble
from tests.ui.conftest import Driver

# Distinctive, so that a search of every byte the app wrote or sent finds only real leaks.
API_KEY = "sk-LEAKCHECK-5e1f0c7d9a2b4e68b3"
CHAT_PATH = "/v1/chat/completions"
IMAGES_PATH = "/v1/images/generations"

T = TypeVar("T")


def send(qtbot: QtBot, app: RunningApp, text: str, model: str = "gpt-4o-mini") -> None:
    """Pick ``model``, type ``text`` and press Enter, as a user would."""
    window = app.window
    window.picker.choose(model)
    window.composer.edit.insertPlainText(text)
    QTest.keyClick(window.composer.edit, Qt.Key.Key_Return)


def replies(app: RunningApp) -> list[MessageBubble]:
    return [b for b in app.window.view.bubbles() if b.message.role is Role.ASSISTANT]


def finished_reply(
    driver: Driver,
    app: RunningApp,
    timeout: float = 20.0,
    *,
    replacing: MessageBubble | None = None,
) -> MessageBubble:
    """The newest reply, once it has stopped streaming and the composer is free again.

    After Retry the failed reply stays on screen for a moment (and its replacement may even
    reuse its id); ``replacing`` makes sure the bubble returned is a new one.
    """

    def done() -> bool:
        found = replies(app)
        return (
            bool(found)
            and found[-1] is not replacing
            and not found[-1].streaming
            and not app.window.composer._busy
        )

    driver.until(done, timeout=timeout)
    driver.settle(0.05)
    return replies(app)[-1]


def run_off_loop(coro: Coroutine[Any, Any, T]) -> T:
    """Run ``coro`` to the end on a loop of its own, in another thread.

    The Qt tests keep their loop marked as running on the main thread for the whole session,
    so plain asyncio.run() would refuse to start there.
    """
    result: list[T] = []
    errors: list[BaseException] = []

    def target() -> None:
        try:
            result.append(asyncio.run(coro))
        except BaseException as error:
            errors.append(error)

    thread = threading.Thread(target=target, name="reliability-loop")
    thread.start()
    thread.join()
    if errors:
        raise errors[0]
    return result[0]
