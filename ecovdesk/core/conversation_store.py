"""Conversations and messages in SQLite.

Plain functions that take the connection first, so they run on the database thread through
``Database.run(fn, ...)``, which also supplies the transaction. Time is always passed in,
which keeps them deterministic under test.
"""

from __future__ import annotations

import json
import logging
import sqlite3
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
from ecovdesk.core.kv_store import kv_delete, kv_get, kv_set
from ecovdesk.core.search_store import search

__all__ = [
    "add_message",
    "count_messages",
    "create_conversation",
    "delete_messages_from",
    "finish_message",
    "get_conversation",
    "get_message",
    "kv_delete",
    "kv_get",
    "kv_set",
    "list_conversations",
    "list_messages",
    "mark_interrupted_streams",
    "purge_deleted",
    "rename_conversation",
    "restore_conversation",
    "search",
    "soft_delete_conversation",
    "update_conversation_settings",
    "update_message_content",
    "update_message_progress",
]

log = logging.getLogger(__name__)

_CONVERSATION_COLUMNS = (
    "id, title, model, system_prompt, temperature, max_tokens, use_search, created_at, updated_at"
)
_MESSAGE_COLUMNS = (
    "id, conversation_id, role, content, reasoning, model, state, error_kind, error_text, "
    "usage_json, attachments_json, created_at"
)


# --- conversations -----------------------------------------------------------------------


def create_conversation(
    conn: sqlite3.Connection, title: str, model: str, options: ChatOptions, now: float
) -> Conversation:
    cursor = conn.execute(
        "INSERT INTO conversations (title, model, system_prompt, temperature, max_tokens, "
        "use_search, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (
            title,
            model,
            options.system_prompt,
            options.temperature,
            options.max_tokens,
            int(options.use_search),
            now,
            now,
        ),
    )
    conversation_id = cursor.lastrowid
    assert conversation_id is not None
    return Conversation(
        id=conversation_id,
        title=title,
        model=model,
        options=ChatOptions(
            system_prompt=options.system_prompt,
            temperature=options.temperature,
            max_tokens=options.max_tokens,
            use_search=options.use_search,
        ),
        created_at=now,
        updated_at=now,
    )


def list_conversations(conn: sqlite3.Connection, limit: int | None = None) -> list[Conversation]:
    """Conversations not in the bin, most recently active first."""
    rows = conn.execute(
        f"SELECT {_CONVERSATION_COLUMNS} FROM conversations WHERE deleted_at IS NULL "
        "ORDER BY updated_at DESC, id DESC LIMIT ?",
        (_sql_limit(limit),),
    )
    return [_conversation(row) for row in rows]


def get_conversation(
    conn: sqlite3.Connection, conversation_id: int, *, include_deleted: bool = False
) -> Conversation | None:
    sql = f"SELECT {_CONVERSATION_COLUMNS} FROM conversations WHERE id = ?"
    if not include_deleted:
        sql += " AND deleted_at IS NULL"
    row = conn.execute(sql, (conversation_id,)).fetchone()
    return _conversation(row) if row is not None else None


def rename_conversation(
    conn: sqlite3.Connection, conversation_id: int, title: str, now: float
) -> bool:
    cursor = conn.execute(
        "UPDATE conversations SET title = ?, updated_at = ? WHERE id = ?",
        (title, now, conversation_id),
    )
    return cursor.rowcount > 0


def update_conversation_settings(
    conn: sqlite3.Connection,
    conversation_id: int,
    model: str,
    options: ChatOptions,
    now: float,
) -> bool:
    cursor = conn.execute(
        "UPDATE conversations SET model = ?, system_prompt = ?, temperature = ?, "
        "max_tokens = ?, use_search = ?, updated_at = ? WHERE id = ?",
        (
            model,
            options.system_prompt,
            options.temperature,
            options.max_tokens,
            int(options.use_search),
            now,
            conversation_id,
        ),
    )
    return cursor.rowcount > 0


def soft_delete_conversation(conn: sqlite3.Connection, conversation_id: int, now: float) -> bool:
    """Hide a conversation; it stays restorable until :func:`purge_deleted` runs."""
    cursor = conn.execute(
        "UPDATE conversations SET deleted_at = ? WHERE id = ? AND deleted_at IS NULL",
        (now, conversation_id),
    )
    return cursor.rowcount > 0


def restore_conversation(conn: sqlite3.Connection, conversation_id: int) -> bool:
    cursor = conn.execute(
        "UPDATE conversations SET deleted_at = NULL WHERE id = ? AND deleted_at IS NOT NULL",
        (conversation_id,),
    )
    return cursor.rowcount > 0


def purge_deleted(conn: sqlite3.Connection) -> int:
    """Remove soft-deleted conversations for good (their messages go by cascade)."""
    cursor = conn.execute("DELETE FROM conversations WHERE deleted_at IS NOT NULL")
    return cursor.rowcount


# --- messages ----------------------------------------------------------------------------


def add_message(
    conn: sqlite3.Connection,
    conversation_id: int,
    role: Role,
    content: str = "",
    *,
    reasoning: str = "",
    model: str = "",
    state: MessageState = MessageState.DONE,
    error_kind: str | None = None,
    error_text: str | None = None,
    usage: Usage | None = None,
    attachments: Sequence[Attachment] = (),
    now: float,
) -> Message:
    """Append a message and mark the conversation as just active."""
    cursor = conn.execute(
        f"INSERT INTO messages ({_MESSAGE_COLUMNS}) VALUES (NULL, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            conversation_id,
            role.value,
            content,
            reasoning,
            model,
            state.value,
            error_kind,
            error_text,
            _usage_to_json(usage),
            _attachments_to_json(attachments),
            now,
        ),
    )
    message_id = cursor.lastrowid
    assert message_id is not None
    conn.execute(
        "UPDATE conversations SET updated_at = max(updated_at, ?) WHERE id = ?",
        (now, conversation_id),
    )
    return Message(
        id=message_id,
        conversation_id=conversation_id,
        role=role,
        content=content,
        reasoning=reasoning,
        model=model,
        state=state,
        error_kind=error_kind,
        error_text=error_text,
        usage=usage,
        attachments=list(attachments),
        created_at=now,
    )


def update_message_progress(
    conn: sqlite3.Connection, message_id: int, content: str, reasoning: str
) -> bool:
    """Save a reply while it streams, so a crash loses at most the last moment of text."""
    cursor = conn.execute(
        "UPDATE messages SET content = ?, reasoning = ? WHERE id = ?",
        (content, reasoning, message_id),
    )
    return cursor.rowcount > 0


def finish_message(
    conn: sqlite3.Connection,
    message_id: int,
    content: str,
    reasoning: str,
    state: MessageState,
    error_kind: str | None = None,
    error_text: str | None = None,
    usage: Usage | None = None,
) -> Message | None:
    """Store the final text and outcome; returns the finished message."""
    conn.execute(
        "UPDATE messages SET content = ?, reasoning = ?, state = ?, error_kind = ?, "
        "error_text = ?, usage_json = ? WHERE id = ?",
        (
            content,
            reasoning,
            state.value,
            error_kind,
            error_text,
            _usage_to_json(usage),
            message_id,
        ),
    )
    return get_message(conn, message_id)


def get_message(conn: sqlite3.Connection, message_id: int) -> Message | None:
    row = conn.execute(
        f"SELECT {_MESSAGE_COLUMNS} FROM messages WHERE id = ?", (message_id,)
    ).fetchone()
    return _message(row) if row is not None else None


def list_messages(
    conn: sqlite3.Connection,
    conversation_id: int,
    *,
    limit: int | None = None,
    before_id: int | None = None,
) -> list[Message]:
    """Messages in ascending id order.

    With ``limit`` it returns the newest ``limit`` messages older than ``before_id`` (or
    the newest overall), still ascending: that is one page of history to prepend.
    """
    where = "conversation_id = ?"
    params: list[Any] = [conversation_id]
    if before_id is not None:
        where += " AND id < ?"
        params.append(before_id)
    if limit is None:
        rows: Iterable[sqlite3.Row] = conn.execute(
            f"SELECT {_MESSAGE_COLUMNS} FROM messages WHERE {where} ORDER BY id", params
        )
        return [_message(row) for row in rows]
    params.append(_sql_limit(limit))
    rows = conn.execute(
        f"SELECT {_MESSAGE_COLUMNS} FROM messages WHERE {where} ORDER BY id DESC LIMIT ?",
        params,
    ).fetchall()
    return [_message(row) for row in reversed(rows)]


def count_messages(conn: sqlite3.Connection, conversation_id: int) -> int:
    row = conn.execute(
        "SELECT count(*) FROM messages WHERE conversation_id = ?", (conversation_id,)
    ).fetchone()
    return int(row[0])


def delete_messages_from(conn: sqlite3.Connection, conversation_id: int, message_id: int) -> int:
    """Delete a message and everything after it (regenerate, edit and resend)."""
    cursor = conn.execute(
        "DELETE FROM messages WHERE conversation_id = ? AND id >= ?",
        (conversation_id, message_id),
    )
    return cursor.rowcount


def update_message_content(conn: sqlite3.Connection, message_id: int, content: str) -> bool:
    cursor = conn.execute("UPDATE messages SET content = ? WHERE id = ?", (content, message_id))
    return cursor.rowcount > 0


def mark_interrupted_streams(conn: sqlite3.Connection) -> int:
    """At start, replies still marked streaming were cut off by a crash or a kill."""
    cursor = conn.execute(
        "UPDATE messages SET state = ? WHERE state = ?",
        (MessageState.INTERRUPTED.value, MessageState.STREAMING.value),
    )
    return cursor.rowcount


# --- row mapping -------------------------------------------------------------------------


def _sql_limit(limit: int | None) -> int:
    # SQLite reads a negative LIMIT as "no limit".
    return -1 if limit is None else max(0, limit)


def _conversation(row: Sequence[Any]) -> Conversation:
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


def _message(row: Sequence[Any]) -> Message:
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
        usage=_usage_from_json(row[9]),
        attachments=_attachments_from_json(row[10]),
        created_at=row[11],
    )


def _usage_to_json(usage: Usage | None) -> str | None:
    if usage is None:
        return None
    return json.dumps(
        {
            "prompt_tokens": usage.prompt_tokens,
            "completion_tokens": usage.completion_tokens,
            "total_tokens": usage.total_tokens,
            "reasoning_tokens": usage.reasoning_tokens,
        }
    )


def _usage_from_json(text: str | None) -> Usage | None:
    if not text:
        return None
    try:
        data = json.loads(text)
        return Usage(
            prompt_tokens=int(data["prompt_tokens"]),
            completion_tokens=int(data["completion_tokens"]),
            total_tokens=int(data["total_tokens"]),
            reasoning_tokens=(
                int(data["reasoning_tokens"]) if data.get("reasoning_tokens") is not None else None
            ),
        )
    except (ValueError, TypeError, KeyError):
        # Usage is informational; a damaged value should not make the message unreadable.
        log.warning("ignoring unreadable usage data in the database")
        return None


def _attachments_to_json(attachments: Iterable[Attachment]) -> str:
    return json.dumps(
        [{"kind": a.kind.value, "url": a.url, "name": a.name} for a in attachments],
        ensure_ascii=False,
    )


def _attachments_from_json(text: str | None) -> list[Attachment]:
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
                )
            )
        except (ValueError, TypeError, KeyError, AttributeError):
            log.warning("ignoring an unreadable attachment in the database")
    return attachments
