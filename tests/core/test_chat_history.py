"""The history a chat request carries: answers only, and never two questions in a row."""

from __future__ import annotations

from ecovdesk.core.chat_history import api_messages
from ecovdesk.core.domain import (
    Attachment,
    AttachmentKind,
    ChatOptions,
    Message,
    MessageState,
    Role,
)


def _user(text: str, **extra: object) -> Message:
    return Message(0, 1, Role.USER, text, **extra)  # type: ignore[arg-type]


def _reply(text: str, state: MessageState = MessageState.DONE) -> Message:
    return Message(0, 1, Role.ASSISTANT, text, state=state)


def test_inline_thinking_is_not_sent_back() -> None:
    history = [
        _user("9.11 和 9.8 哪个大？"),
        _reply("[思考开始]\n先比较整数部分……\n[思考结束]\n9.8 更大。"),
        _user("为什么？"),
    ]
    assert api_messages(ChatOptions(), history) == [
        {"role": "user", "content": "9.11 和 9.8 哪个大？"},
        {"role": "assistant", "content": "9.8 更大。"},
        {"role": "user", "content": "为什么？"},
    ]


def test_questions_left_unanswered_are_joined_into_one_turn() -> None:
    history = [
        _user("第一个问题"),
        _reply("[思考开始]\n想到一半", MessageState.INTERRUPTED),  # stopped while thinking
        _user("第二个问题"),
        _reply("", MessageState.FAILED),
        _user("第三个问题"),
    ]
    messages = api_messages(ChatOptions(system_prompt="简洁回答"), history)
    assert messages == [
        {"role": "system", "content": "简洁回答"},
        {"role": "user", "content": "第一个问题\n\n第二个问题\n\n第三个问题"},
    ]


def test_joined_questions_keep_their_pictures() -> None:
    picture = Attachment(AttachmentKind.IMAGE, "data:image/png;base64,AAAA")
    history = [
        _user("看这张图", attachments=[picture]),
        _reply("", MessageState.FAILED),
        _user("图里是什么？"),
    ]
    [message] = api_messages(ChatOptions(), history)
    assert message["role"] == "user"
    parts = message["content"]
    assert [p["type"] for p in parts] == ["image_url", "text", "text"]
    assert [p.get("text") for p in parts[1:]] == ["看这张图", "图里是什么？"]
