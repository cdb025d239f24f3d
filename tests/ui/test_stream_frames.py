"""A streaming reply repaints the window once per frame: the text, its layout and the view
following the end are settled first, instead of showing up in three repaints."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QObject, Qt
from pytestqt.qtbot import QtBot

from ecovdesk.app import RunningApp
from ecovdesk.core.domain import MessageState, Role
from ecovdesk.ui.message_bubble import MessageBubble
from tests.ui.conftest import Driver


class Repaints(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.count = 0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.UpdateRequest:
            self.count += 1
        return False


def test_a_long_reply_repaints_the_window_once_per_frame(
    qtbot: QtBot, driver: Driver, app: RunningApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = app.window
    frames = 0
    render = MessageBubble._render

    def counted(bubble: MessageBubble) -> None:
        nonlocal frames
        frames += bubble.message.role is Role.ASSISTANT
        render(bubble)

    monkeypatch.setattr(MessageBubble, "_render", counted)
    repaints = Repaints()
    window.installEventFilter(repaints)
    window.picker.choose("gpt-4o-mini")
    window.composer.edit.insertPlainText("写一篇长文 #deltas=20000")
    qtbot.keyClick(window.composer.edit, Qt.Key.Key_Return)
    driver.until(
        lambda: any(
            b.message.role is Role.ASSISTANT and b.message.state is MessageState.DONE
            for b in window.view.bubbles()
        ),
        timeout=60,
    )
    window.removeEventFilter(repaints)
    assert frames > 5
    assert repaints.count <= frames * 1.5 + 5
