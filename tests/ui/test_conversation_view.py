"""The conversation view keeps the message being read in place when earlier ones load."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from ecovdesk.core.domain import Message, Role
from ecovdesk.ui.conversation_view import ConversationView


def _messages(first: int, count: int) -> list[Message]:
    return [
        Message(
            i,
            1,
            Role.USER if i % 2 else Role.ASSISTANT,
            f"第 {i} 条消息\n\n" + "一段有好几行的文字，" * (3 + i % 5),
        )
        for i in range(first, first + count)
    ]


def test_showing_earlier_messages_keeps_the_one_being_read_in_place(qtbot: QtBot) -> None:
    view = ConversationView()
    qtbot.addWidget(view)
    view.resize(800, 600)
    view.show()
    view.show_messages(_messages(41, 40), has_earlier=True)
    bar = view.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0 and bar.value() == bar.maximum())
    bar.setValue(0)  # at the top, where "Show earlier messages" is
    reading = view.bubble(41)
    assert reading is not None
    on_screen = reading.y() - bar.value()

    view.prepend_messages(_messages(1, 40), has_earlier=False)
    qtbot.wait(600)
    assert abs((reading.y() - bar.value()) - on_screen) <= 2
    assert bar.value() > 0
