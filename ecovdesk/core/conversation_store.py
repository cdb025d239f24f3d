"""Conversations and messages in SQLite.

Plain functions that take the connection first, so they run on the database thread through
``Database.run(fn, ...)``, which also supplies the transaction. Time is always passed in,
which keeps them deterministic under test.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence
from typing import Any

from ecovdesk.core.domain import (
    Attachment,
    ChatOptions,
    Conversation,
    Message,
    MessageState,
    Role,
    Usage,
)
from ecovdesk.core.kv_store import kv_delete, kv_get, kv_set
from ecovdesk.core.row_codec import (
    CONVERSATION_COLUMNS,
    MESSAGE_COLUMNS,
    attachments_to_json,
    conversation_from_row,
    message_from_row,
    usage_to_json,
)
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
        f"SELECT {CONVERSATION_COLUMNS} FROM conversations WHERE deleted_at IS NULL "
        "ORDER BY updated_at DESC, id DESC LIMIT ?",
        (_sql_limit(limit),),
    )
    return [conversation_from_row(row) for row in rows]


def get_conversation(
    conn: sqlite3.Connection, conversation_id: int, *, include_deleted: bool = False
) -> Conversation | None:
    sql = f"SELECT {CONVERSATION_COLUMNS} FROM conversations WHERE id = ?"
    if not include_deleted:
        sql += " AND deleted_at IS NULL"
    row = conn.execute(sql, (conversation_id,)).fetchone()
    return conversation_from_row(row) if row is not None else None


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
        f"INSERT INTO messages ({MESSAGE_COLUMNS}) VALUES (NULL, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            conversation_id,
            role.value,
            content,
            reasoning,
            model,
            state.value,
            error_kind,
            error_text,
            usage_to_json(usage),
            attachments_to_json(attachments),
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
            usage_to_json(usage),
            message_id,
        ),
    )
    return get_message(conn, message_id)


def get_message(conn: sqlite3.Connection, message_id: int) -> Message | None:
    row = conn.execute(
        f"SELECT {MESSAGE_COLUMNS} FROM messages WHERE id = ?", (message_id,)
    ).fetchone()
    return message_from_row(row) if row is not None else None


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
            f"SELECT {MESSAGE_COLUMNS} FROM messages WHERE {where} ORDER BY id", params
        )
        return [message_from_row(row) for row in rows]
    params.append(_sql_limit(limit))
    rows = conn.execute(
        f"SELECT {MESSAGE_COLUMNS} FROM messages WHERE {where} ORDER BY id DESC LIMIT ?",
        params,
    ).fetchall()
    return [message_from_row(row) for row in reversed(rows)]


def count_messages_from(conn: sqlite3.Connection, conversation_id: int, message_id: int) -> int:
    """How many messages of the conversation there are from ``message_id`` on."""
    row = conn.execute(
        "SELECT count(*) FROM messages WHERE conversation_id = ? AND id >= ?",
        (conversation_id, message_id),
    ).fetchone()
    return int(row[0])


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


def _sql_limit(limit: int | None) -> int:
    # SQLite reads a negative LIMIT as "no limit".
    return -1 if limit is None else max(0, limit)
