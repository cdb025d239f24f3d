"""A reply's header offers only what can be done with it."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QGuiApplication
from pytestqt.qtbot import QtBot

from ecovdesk.core.domain import Message, MessageState, Role
from ecovdesk.ui.message_bubble import MessageBubble
from ecovdesk.ui.pictures import ThumbnailCache


def _reply(qtbot: QtBot, content: str, state: MessageState) -> MessageBubble:
    message = Message(2, 1, Role.ASSISTANT, content, state=state, error_kind="bad_key")
    bubble = MessageBubble(message, dark=False, thumbnails=ThumbnailCache())
    qtbot.addWidget(bubble)
    bubble.show()
    return bubble


def test_a_reply_that_failed_before_any_text_offers_nothing_to_copy(qtbot: QtBot) -> None:
    bubble = _reply(qtbot, "", MessageState.FAILED)
    assert bubble.retry_button.isVisible()
    assert not bubble.copy_button.isVisible()
    # Nor an empty line of text between its header and the failure.
    assert not bubble.body.isVisible()


@pytest.mark.parametrize("state", [MessageState.INTERRUPTED, MessageState.DONE])
def test_a_reply_with_text_can_be_copied(qtbot: QtBot, state: MessageState) -> None:
    bubble = _reply(qtbot, "已经写了一半的回答", state)
    assert bubble.copy_button.isVisible() and bubble.body.isVisible()
    bubble.copy_button.click()
    assert QGuiApplication.clipboard().text() == "已经写了一半的回答"
