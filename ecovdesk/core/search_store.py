"""Full-text search over message text and conversation titles.

The FTS5 tables use the trigram tokenizer, so a query of three or more characters matches
any substring, Chinese included. Shorter terms cannot form a trigram; for those the search
falls back to LIKE, which scans but is still quick at desktop sizes.
"""

from __future__ import annotations

import sqlite3
from typing import Any

from ecovdesk.core.domain import SearchHit

SNIPPET_LENGTH = 60
# How much text before the hit the snippet keeps, so the hit is seen in context.
_SNIPPET_LEAD = 20
_TRIGRAM = 3

# A title hit has no message to jump to; its message_id is this value.
TITLE_HIT_MESSAGE_ID = 0


def search(conn: sqlite3.Connection, query: str, limit: int = 50) -> list[SearchHit]:
    """Messages and titles matching every word of ``query``, newest first.

    Deleted conversations are left out. For a title hit ``message_id`` is
    :data:`TITLE_HIT_MESSAGE_ID` and the snippet is the title.
    """
    terms = query.split()
    if not terms or limit <= 0:
        return []
    if all(len(term) >= _TRIGRAM for term in terms):
        match = fts_query(terms)
        messages = _message_rows_fts(conn, match, limit)
        titles = _title_rows_fts(conn, match, limit)
    else:
        messages = _message_rows_like(conn, terms, limit)
        titles = _title_rows_like(conn, terms, limit)
    found: list[tuple[float, int, SearchHit]] = []
    for message_id, conversation_id, title, content, created_at in messages:
        hit = SearchHit(conversation_id, message_id, title, make_snippet(content, terms[0]))
        found.append((created_at, message_id, hit))
    for conversation_id, title, updated_at in titles:
        hit = SearchHit(conversation_id, TITLE_HIT_MESSAGE_ID, title, make_snippet(title, ""))
        found.append((updated_at, TITLE_HIT_MESSAGE_ID, hit))
    found.sort(key=lambda item: (item[0], item[1]), reverse=True)
    return [hit for _, _, hit in found[:limit]]


def fts_query(terms: list[str]) -> str:
    """An FTS5 query that matches the terms literally, all of them.

    Each term becomes an FTS5 string (double quotes, inner quotes doubled), so nothing the
    user types (``*``, ``NEAR``, ``OR``, parentheses, column names) is read as syntax.
    """
    return " ".join('"' + term.replace('"', '""') + '"' for term in terms)


def like_pattern(term: str) -> str:
    escaped = term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def make_snippet(text: str, term: str, length: int = SNIPPET_LENGTH) -> str:
    """About ``length`` characters of ``text`` around the first ``term``, on one line."""
    lowered = text.lower()
    position = lowered.find(term.lower()) if term else 0
    if position < 0 or len(lowered) != len(text):
        # Case folding changed the length, so positions would not line up; show the start.
        position = 0
    start = max(0, position - _SNIPPET_LEAD)
    end = min(len(text), start + length)
    start = max(0, end - length)
    snippet = " ".join(text[start:end].split())
    if start > 0:
        snippet = "…" + snippet
    if end < len(text):
        snippet += "…"
    return snippet


def _message_rows_fts(conn: sqlite3.Connection, match: str, limit: int) -> list[Any]:
    return conn.execute(
        "SELECT m.id, m.conversation_id, c.title, m.content, m.created_at "
        "FROM messages_fts JOIN messages m ON m.id = messages_fts.rowid "
        "JOIN conversations c ON c.id = m.conversation_id "
        "WHERE messages_fts MATCH ? AND c.deleted_at IS NULL "
        # Message ids grow with time, and FTS5 can walk rowids backwards and stop at the
        # limit; sorting by created_at would first collect every match of a common word.
        "ORDER BY messages_fts.rowid DESC LIMIT ?",
        (match, limit),
    ).fetchall()


def _title_rows_fts(conn: sqlite3.Connection, match: str, limit: int) -> list[Any]:
    return conn.execute(
        "SELECT c.id, c.title, c.updated_at "
        "FROM conversations_fts JOIN conversations c ON c.id = conversations_fts.rowid "
        "WHERE conversations_fts MATCH ? AND c.deleted_at IS NULL "
        "ORDER BY c.updated_at DESC, c.id DESC LIMIT ?",
        (match, limit),
    ).fetchall()


def _like_clause(column: str, terms: list[str]) -> tuple[str, list[str]]:
    clause = " AND ".join(f"{column} LIKE ? ESCAPE '\\'" for _ in terms)
    return clause, [like_pattern(term) for term in terms]


def _message_rows_like(conn: sqlite3.Connection, terms: list[str], limit: int) -> list[Any]:
    clause, params = _like_clause("m.content", terms)
    return conn.execute(
        "SELECT m.id, m.conversation_id, c.title, m.content, m.created_at "
        "FROM messages m JOIN conversations c ON c.id = m.conversation_id "
        f"WHERE {clause} AND c.deleted_at IS NULL "
        "ORDER BY m.id DESC LIMIT ?",
        (*params, limit),
    ).fetchall()


def _title_rows_like(conn: sqlite3.Connection, terms: list[str], limit: int) -> list[Any]:
    clause, params = _like_clause("c.title", terms)
    return conn.execute(
        "SELECT c.id, c.title, c.updated_at FROM conversations c "
        f"WHERE {clause} AND c.deleted_at IS NULL "
        "ORDER BY c.updated_at DESC, c.id DESC LIMIT ?",
        (*params, limit),
    ).fetchall()
