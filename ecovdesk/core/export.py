"""A conversation as Markdown for people or as JSON for programs.

Exports are built only from the conversation and its messages; the key never reaches them
because nothing here has access to it.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from ecovdesk.core.atomic import write_text_atomic
from ecovdesk.core.domain import (
    Attachment,
    AttachmentKind,
    Conversation,
    Message,
    MessageState,
    Role,
)
from ecovdesk.core.row_codec import attachment_to_dict, usage_to_dict

__all__ = [
    "DEFAULT_LABELS",
    "JSON_FORMAT",
    "ExportLabels",
    "conversation_to_json",
    "conversation_to_markdown",
    "write_text_atomic",
]

JSON_FORMAT = "ecovdesk.conversation/1"


@dataclass(frozen=True, kw_only=True)
class ExportLabels:
    """Every word of a Markdown export that is not the conversation's own text.

    No field has a default: whoever passes labels (the UI, with its translated words) must
    give every one, so a label can be neither left out nor misnamed without a type error.
    """

    system: str
    user: str
    assistant: str
    model: str
    system_prompt: str
    reasoning: str
    error: str
    interrupted: str
    attachment: str

    def role(self, role: Role) -> str:
        return {Role.SYSTEM: self.system, Role.USER: self.user, Role.ASSISTANT: self.assistant}[
            role
        ]


# For callers that pass no labels: exports stay readable without the UI's translations.
DEFAULT_LABELS = ExportLabels(
    system="System",
    user="User",
    assistant="Assistant",
    model="Model",
    system_prompt="System prompt",
    reasoning="Reasoning",
    error="Error",
    interrupted="Interrupted",
    attachment="Attachment",
)


def conversation_to_markdown(
    conversation: Conversation,
    messages: Iterable[Message],
    labels: ExportLabels | None = None,
) -> str:
    text = labels or DEFAULT_LABELS
    lines = [f"# {_one_line(conversation.title)}", ""]
    lines.append(f"- {text.model}: `{conversation.model}`")
    lines.append("")
    if conversation.options.system_prompt:
        lines += [f"**{text.system_prompt}**", ""]
        lines += _quote(conversation.options.system_prompt)
        lines.append("")
    for message in messages:
        heading = text.role(message.role)
        if message.model:
            heading += f" · {message.model}"
        lines += [f"## {heading}", ""]
        if message.reasoning:
            lines += [f"> **{text.reasoning}**", ">"]
            lines += _quote(message.reasoning)
            lines.append("")
        if message.content:
            lines += [message.content.rstrip("\n"), ""]
        for attachment in message.attachments:
            lines += [_attachment_markdown(attachment, text.attachment), ""]
        if message.state is MessageState.INTERRUPTED:
            lines += [f"*({text.interrupted})*", ""]
        if message.state is MessageState.FAILED and (message.error_text or message.error_kind):
            lines += [f"> **{text.error}:** {message.error_text or message.error_kind}", ""]
    return "\n".join(lines).rstrip("\n") + "\n"


def conversation_to_json(conversation: Conversation, messages: Iterable[Message]) -> str:
    """A stable, versioned document; field names change only with a new ``format``."""
    document = {
        "format": JSON_FORMAT,
        "conversation": {
            "id": conversation.id,
            "title": conversation.title,
            "model": conversation.model,
            "system_prompt": conversation.options.system_prompt,
            "temperature": conversation.options.temperature,
            "max_tokens": conversation.options.max_tokens,
            "use_search": conversation.options.use_search,
            "created_at": conversation.created_at,
            "updated_at": conversation.updated_at,
        },
        "messages": [_message_json(message) for message in messages],
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def _message_json(message: Message) -> dict[str, Any]:
    return {
        "id": message.id,
        "role": message.role.value,
        "model": message.model,
        "state": message.state.value,
        "content": message.content,
        "reasoning": message.reasoning,
        "error_kind": message.error_kind,
        "error_text": message.error_text,
        "usage": None if message.usage is None else usage_to_dict(message.usage),
        "attachments": [attachment_to_dict(a) for a in message.attachments],
        "created_at": message.created_at,
    }


def _attachment_markdown(attachment: Attachment, label: str) -> str:
    name = _one_line(attachment.name) or label
    # Brackets in a name would end the link text early.
    name = name.replace("[", "\\[").replace("]", "\\]")
    target = f"<{attachment.url}>" if " " in attachment.url else attachment.url
    if attachment.kind is AttachmentKind.IMAGE:
        return f"![{name}]({target})"
    return f"[{name}]({target})"


def _quote(text: str) -> list[str]:
    return [f"> {line}".rstrip() for line in text.rstrip("\n").split("\n")]


def _one_line(text: str) -> str:
    return " ".join(text.split())
