"""Database rows to domain objects and back, including the JSON columns."""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable, Sequence
from typing import Any

from ecovdesk.core.domain import (
    Attachment,
    AttachmentKind,
    ChatOptions,
    Conversation,
    Message,
    MessageState,
    Role,
    Usage,
)

log = logging.getLogger(__name__)

# Column orders that conversation_from_row and message_from_row read by position, so they
# work whether or not the connection uses sqlite3.Row.
CONVERSATION_COLUMNS = (
    "id, title, model, system_prompt, temperature, max_tokens, use_search, created_at, updated_at"
)
MESSAGE_COLUMNS = (
    "id, conversation_id, role, content, reasoning, model, state, error_kind, error_text, "
    "usage_json, attachments_json, created_at"
)


def conversation_from_row(row: Sequence[Any]) -> Conversation:
    return Conversation(
        id=row[0],
        title=row[1],
        model=row[2],
        options=ChatOptions(
            system_prompt=row[3],
            temperature=row[4],
            max_tokens=row[5],
            use_search=bool(row[6]),
        ),
        created_at=row[7],
        updated_at=row[8],
    )


def message_from_row(row: Sequence[Any]) -> Message:
    return Message(
        id=row[0],
        conversation_id=row[1],
        role=Role(row[2]),
        content=row[3],
        reasoning=row[4],
        model=row[5],
        state=MessageState(row[6]),
        error_kind=row[7],
        error_text=row[8],
        usage=usage_from_json(row[9]),
        attachments=attachments_from_json(row[10]),
        created_at=row[11],
    )


def usage_to_dict(usage: Usage) -> dict[str, int | None]:
    return {
        "prompt_tokens": usage.prompt_tokens,
        "completion_tokens": usage.completion_tokens,
        "total_tokens": usage.total_tokens,
        "reasoning_tokens": usage.reasoning_tokens,
    }


def attachment_to_dict(attachment: Attachment) -> dict[str, str]:
    item = {"kind": attachment.kind.value, "url": attachment.url, "name": attachment.name}
    if attachment.thumbnail:
        item["thumbnail"] = attachment.thumbnail
    return item


def usage_to_json(usage: Usage | None) -> str | None:
    return None if usage is None else json.dumps(usage_to_dict(usage))


def usage_from_json(text: str | None) -> Usage | None:
    if not text:
        return None
    try:
        data = json.loads(text)
        reasoning = data.get("reasoning_tokens")
        return Usage(
            prompt_tokens=int(data["prompt_tokens"]),
            completion_tokens=int(data["completion_tokens"]),
            total_tokens=int(data["total_tokens"]),
            reasoning_tokens=None if reasoning is None else int(reasoning),
        )
    except (ValueError, TypeError, KeyError, AttributeError):
        # Usage is informational; a damaged value should not make the message unreadable.
        log.warning("ignoring unreadable usage data in the database")
        return None


def attachments_to_json(attachments: Iterable[Attachment]) -> str:
    return json.dumps([attachment_to_dict(a) for a in attachments], ensure_ascii=False)


def attachments_from_json(text: str | None) -> list[Attachment]:
    if not text:
        return []
    try:
        items = json.loads(text)
    except ValueError:
        log.warning("ignoring unreadable attachment data in the database")
        return []
    attachments = []
    for item in items if isinstance(items, list) else []:
        try:
            attachments.append(
                Attachment(
                    kind=AttachmentKind(item["kind"]),
                    url=str(item["url"]),
                    name=str(item.get("name", "")),
                    thumbnail=str(item.get("thumbnail", "")),
                )
            )
        except (ValueError, TypeError, KeyError, AttributeError):
            # Skipping one entry (say, a kind a newer version added) keeps the rest visible.
            log.warning("ignoring an unreadable attachment in the database")
    return attachments
