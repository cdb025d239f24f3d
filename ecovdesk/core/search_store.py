"""Full-text search over message text and conversation titles.

The FTS5 tables use the trigram tokenizer, so a query of three or more characters matches
any substring, Chinese included. A term of one or two characters (两个字 words are the usual
Chinese query) cannot form a trigram. For those, a LIKE scan runs first, newest messages
first: a common term fills the page of results within a few rows. When the scan has not
finished within a few milliseconds the term is rare, and scanning on could take hundreds of
milliseconds in a large history; the index answers instead. Every occurrence of "ab" that
another character follows starts a trigram "ab?", and the FTS vocabulary lists those
trigrams; the occurrences that end a message are found by the indexes on the last
characters of each message (schema version 4).
"""

from __future__ import annotations

import re
import sqlite3
import time
from collections.abc import Callable
from typing import Any, TypeVar

from ecovdesk.core.domain import MessageState, SearchHit

T = TypeVar("T")

SNIPPET_LENGTH = 60
# How much text before the hit the snippet keeps, so the hit is seen in context.
_SNIPPET_LEAD = 20
_TRIGRAM = 3
# How long a LIKE scan for a short term may run before the index takes over.
LIKE_BUDGET_SECONDS = 0.008
_PROGRESS_STEPS = 2000
_VOCAB = "temp.messages_fts_vocab"
_MAX_GRAMS = 64
# Sorts after every character, so ``term <= x < term + _LAST`` selects what starts with term.
_LAST = "\U0010ffff"
_MESSAGE_COLUMNS = "m.id, m.conversation_id, c.title, m.content, m.created_at"

# A title hit has no message to jump to; its message_id is this value.
TITLE_HIT_MESSAGE_ID = 0


def search(conn: sqlite3.Connection, query: str, limit: int = 50) -> list[SearchHit]:
    """Messages and titles matching every word of ``query``, newest first.

    Deleted conversations are left out. For a title hit ``message_id`` is
    :data:`TITLE_HIT_MESSAGE_ID` and the snippet is the title; a conversation has one only
    when none of its messages matched.
    """
    terms = query.split()
    if not terms or limit <= 0:
        return []
    if all(len(term) >= _TRIGRAM for term in terms):
        match = fts_query(terms)
        messages = _message_rows_fts(conn, match, limit)
        titles = _title_rows_fts(conn, match, limit)
    else:
        scanned = _within(conn, LIKE_BUDGET_SECONDS, lambda: _message_rows_like(conn, terms, limit))
        messages = scanned if scanned is not None else _message_rows_indexed(conn, terms, limit)
        titles = _title_rows_like(conn, terms, limit)
    found: list[tuple[float, int, SearchHit]] = []
    for message_id, conversation_id, title, content, created_at in messages:
        hit = SearchHit(conversation_id, message_id, title, make_snippet(content, terms[0]))
        found.append((created_at, message_id, hit))
    # A conversation whose messages matched is listed under its title already: a row for
    # the title alone would repeat it (and, for a title taken from the first message, the
    # very same words).
    with_messages = {hit.conversation_id for _, _, hit in found}
    for conversation_id, title, updated_at in titles:
        if conversation_id in with_messages:
            continue
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


# Markdown's marks read as noise in a one-line excerpt: emphasis, code ticks, heading and
# quote marks at a line's start. Single underscores stay: they are part of names in code.
_MARKUP = re.compile(r"\*\*|__|`+|^\s*(#{1,6}|>)\s*", re.MULTILINE)


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
    snippet = " ".join(_MARKUP.sub("", text[start:end]).split())
    if start > 0:
        snippet = "…" + snippet
    if end < len(text):
        snippet += "…"
    return snippet


# The index holds a reply once it has finished (see migrations, version 5); the searches that
# read the messages themselves leave a streaming one out too, so that every query agrees.
_FINISHED = f"m.state != '{MessageState.STREAMING.value}'"


def _message_rows_fts(conn: sqlite3.Connection, match: str, limit: int) -> list[Any]:
    return conn.execute(
        f"SELECT {_MESSAGE_COLUMNS} "
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
        f"SELECT {_MESSAGE_COLUMNS} "
        "FROM messages m JOIN conversations c ON c.id = m.conversation_id "
        f"WHERE {clause} AND {_FINISHED} AND c.deleted_at IS NULL "
        "ORDER BY m.id DESC LIMIT ?",
        (*params, limit),
    ).fetchall()


def _within(conn: sqlite3.Connection, seconds: float, query: Callable[[], T]) -> T | None:
    """``query()``, or None when it ran out of time and SQLite interrupted it."""
    deadline = time.perf_counter() + seconds
    conn.set_progress_handler(lambda: time.perf_counter() > deadline, _PROGRESS_STEPS)
    try:
        return query()
    except sqlite3.OperationalError as exc:
        if exc.sqlite_errorcode == sqlite3.SQLITE_INTERRUPT:
            return None
        raise
    finally:
        conn.set_progress_handler(None, 0)


def _message_rows_indexed(conn: sqlite3.Connection, terms: list[str], limit: int) -> list[Any]:
    """What the LIKE scan finds, from the indexes: occurrences inside a message through the
    trigram index, occurrences at its very end through the last-characters indexes."""
    has_long = any(len(term) >= _TRIGRAM for term in terms)
    groups: list[str] = []
    for term in terms:
        if len(term) >= _TRIGRAM:
            groups.append(fts_query([term]))
            continue
        grams = _trigrams_starting(conn, term)
        if not grams:
            # Never followed by another character: only the ends of messages can hold it.
            groups = []
            break
        # A term that starts many trigrams is common; beside a longer term it is cheaper to
        # check it with LIKE on the few messages the longer term finds.
        if len(grams) <= _MAX_GRAMS or not has_long:
            groups.append("(" + " OR ".join(fts_query([gram]) for gram in grams) + ")")
    like, like_params = _like_clause("m.content", terms)
    found: dict[int, Any] = {}
    if groups:
        rows = conn.execute(
            f"SELECT {_MESSAGE_COLUMNS} "
            "FROM messages_fts JOIN messages m ON m.id = messages_fts.rowid "
            "JOIN conversations c ON c.id = m.conversation_id "
            f"WHERE messages_fts MATCH ? AND {like} AND c.deleted_at IS NULL "
            "ORDER BY messages_fts.rowid DESC LIMIT ?",
            (" AND ".join(groups), *like_params, limit),
        )
        found.update((row[0], row) for row in rows)
    for term in terms:
        if len(term) >= _TRIGRAM:
            continue
        ending, ending_params = _ending_clause(term)
        rows = conn.execute(
            f"SELECT {_MESSAGE_COLUMNS} "
            "FROM messages m JOIN conversations c ON c.id = m.conversation_id "
            f"WHERE ({ending}) AND {like} AND {_FINISHED} AND c.deleted_at IS NULL "
            "ORDER BY m.id DESC LIMIT ?",
            (*ending_params, *like_params, limit),
        )
        found.update((row[0], row) for row in rows)
    return sorted(found.values(), key=lambda row: row[0], reverse=True)[:limit]


def _trigrams_starting(conn: sqlite3.Connection, term: str) -> list[str]:
    """Every indexed trigram that begins with ``term`` (folded as the tokenizer folds)."""
    conn.execute(
        f"CREATE VIRTUAL TABLE IF NOT EXISTS {_VOCAB} USING fts5vocab(main, messages_fts, row)"
    )
    folded = term.lower()
    rows = conn.execute(
        f"SELECT term FROM {_VOCAB} WHERE term >= ? AND term < ?", (folded, folded + _LAST)
    )
    return [row[0] for row in rows]


def _ending_clause(term: str) -> tuple[str, list[str]]:
    """Messages whose last characters hold ``term`` where no character follows it."""
    folded = term.lower()
    if len(folded) == 2:
        return "lower(substr(m.content, -2)) = ?", [folded]
    # One character: the last one, or the one before it (the index range of "x?").
    return (
        "lower(substr(m.content, -1)) = ? OR (lower(substr(m.content, -2)) >= ? "
        "AND lower(substr(m.content, -2)) < ?)",
        [folded, folded, folded + _LAST],
    )


def _title_rows_like(conn: sqlite3.Connection, terms: list[str], limit: int) -> list[Any]:
    clause, params = _like_clause("c.title", terms)
    return conn.execute(
        "SELECT c.id, c.title, c.updated_at FROM conversations c "
        f"WHERE {clause} AND c.deleted_at IS NULL "
        "ORDER BY c.updated_at DESC, c.id DESC LIMIT ?",
        (*params, limit),
    ).fetchall()
