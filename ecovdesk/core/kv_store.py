"""Small named values kept in the database, such as the relay's cached model list."""

from __future__ import annotations

import sqlite3


def kv_get(conn: sqlite3.Connection, key: str) -> str | None:
    row = conn.execute("SELECT value FROM kv WHERE key = ?", (key,)).fetchone()
    return None if row is None else str(row[0])


def kv_set(conn: sqlite3.Connection, key: str, value: str) -> None:
    conn.execute(
        "INSERT INTO kv (key, value) VALUES (?, ?) "
        "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        (key, value),
    )


def kv_delete(conn: sqlite3.Connection, key: str) -> bool:
    cursor = conn.execute("DELETE FROM kv WHERE key = ?", (key,))
    return cursor.rowcount > 0
