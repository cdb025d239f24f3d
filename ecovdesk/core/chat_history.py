"""The conversation so far, as the messages a chat request carries."""

from __future__ import annotations

from typing import Any

from ecovdesk.api import chat as chat_api
from ecovdesk.core.domain import AttachmentKind, ChatOptions, Message, MessageState, Role
from ecovdesk.core.reply_parser import split_thinking


def _api_content(message: Message, text: str) -> str | list[dict[str, Any]]:
    if not message.attachments:
        return text
    parts: list[dict[str, Any]] = []
    for attachment in message.attachments:
        if attachment.kind is AttachmentKind.IMAGE:
            parts.append(chat_api.image_part(attachment.url))
        else:
            parts.append(chat_api.file_part(attachment.url))
    parts.append(chat_api.text_part(text))
    return parts


def _as_parts(content: str | list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [chat_api.text_part(content)] if isinstance(content, str) else content


def _joined(
    first: str | list[dict[str, Any]], second: str | list[dict[str, Any]]
) -> str | list[dict[str, Any]]:
    if isinstance(first, str) and isinstance(second, str):
        return f"{first}\n\n{second}"
    return [*_as_parts(first), *_as_parts(second)]


def api_messages(options: ChatOptions, history: list[Message]) -> list[dict[str, Any]]:
    """The conversation as the relay wants it.

    A failed reply, and one stopped before any answer (only thinking, or nothing), is left
    out, and thinking written into a reply's text (deepseek 全能's ``[思考开始]``) is not sent
    back: the model wants its answers, not its notes. Questions left without an answer that
    way are joined into one turn, since some models (deepseek-reasoner) refuse two user
    messages in a row.
    """
    result: list[dict[str, Any]] = []
    if options.system_prompt.strip():
        result.append({"role": "system", "content": options.system_prompt})
    for message in history:
        text = message.content
        if message.role is Role.ASSISTANT:
            text = split_thinking(text)[1].strip("\n")
            if message.state is MessageState.FAILED or not text.strip():
                continue
        content = _api_content(message, text)
        if result and message.role is Role.USER and result[-1]["role"] == Role.USER.value:
            result[-1]["content"] = _joined(result[-1]["content"], content)
            continue
        result.append({"role": message.role.value, "content": content})
    return result
