from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from ecovdesk.core.database import open_sync
from ecovdesk.core.migrations import (
    MIGRATIONS,
    Migration,
    latest_version,
    migrate,
    restore_backup,
    split_statements,
    user_version,
)


def _tables(conn: sqlite3.Connection) -> set[str]:
    rows = conn.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'index')")
    return {row[0] for row in rows}


def _raw(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(path, isolation_level=None)


# The tests below add one more version on top of the real schema.
CURRENT = latest_version()
NEXT = CURRENT + 1

V2: tuple[Migration, ...] = (
    *MIGRATIONS,
    (
        NEXT,
        "ALTER TABLE kv ADD COLUMN note TEXT; INSERT INTO kv (key, value) VALUES ('v2', 'yes');",
    ),
)


def test_new_database_gets_the_latest_schema_without_a_backup(tmp_path: Path) -> None:
    backups = tmp_path / "backups"
    conn = open_sync(tmp_path / "db.sqlite3", backups)
    try:
        assert user_version(conn) == CURRENT
        assert {
            "conversations",
            "messages",
            "messages_fts",
            "conversations_fts",
            "kv",
            "conversations_updated_at",
            "messages_conversation",
            "assets",
        } <= _tables(conn)
    finally:
        conn.close()
    assert not backups.exists() or not any(backups.iterdir())


def test_reopening_an_up_to_date_database_makes_no_backup(tmp_path: Path) -> None:
    backups = tmp_path / "backups"
    open_sync(tmp_path / "db.sqlite3", backups).close()
    open_sync(tmp_path / "db.sqlite3", backups).close()
    assert not backups.exists() or not any(backups.iterdir())


def test_existing_database_is_backed_up_before_migrating(tmp_path: Path) -> None:
    path = tmp_path / "db.sqlite3"
    backups = tmp_path / "backups"
    conn = open_sync(path, backups)
    conn.execute("INSERT INTO kv (key, value) VALUES ('before', 'upgrade')")

    backup = migrate(conn, backups, V2)

    assert backup is not None
    assert backup.parent == backups
    assert backup.name.startswith(f"ecovdesk-v{CURRENT}-")
    assert backup.suffix == ".sqlite3"
    assert user_version(conn) == NEXT
    assert conn.execute("SELECT value FROM kv WHERE key = 'v2'").fetchone()[0] == "yes"
    conn.close()
    copy = _raw(backup)
    try:
        assert user_version(copy) == CURRENT
        assert copy.execute("SELECT value FROM kv WHERE key = 'before'").fetchone()[0] == "upgrade"
        assert copy.execute("SELECT count(*) FROM kv WHERE key = 'v2'").fetchone()[0] == 0
    finally:
        copy.close()
    assert not list(backups.glob("*.partial"))


def test_two_backups_in_the_same_second_do_not_collide(tmp_path: Path) -> None:
    backups = tmp_path / "backups"
    first = open_sync(tmp_path / "a.sqlite3", backups)
    second = open_sync(tmp_path / "b.sqlite3", backups)
    try:
        made = {migrate(first, backups, V2), migrate(second, backups, V2)}
    finally:
        first.close()
        second.close()
    assert None not in made
    assert len(made) == 2


def test_restore_backup_brings_back_the_old_contents(tmp_path: Path) -> None:
    path = tmp_path / "db.sqlite3"
    backups = tmp_path / "backups"
    conn = open_sync(path, backups)
    conn.execute("INSERT INTO kv (key, value) VALUES ('kept', '1')")
    backup = migrate(conn, backups, V2)
    conn.execute("INSERT INTO kv (key, value) VALUES ('after', '2')")
    conn.close()
    assert backup is not None

    restore_backup(backup, path)

    restored = _raw(path)
    try:
        assert user_version(restored) == CURRENT
        keys = {row[0] for row in restored.execute("SELECT key FROM kv")}
        assert keys == {"kept"}
        columns = {row[1] for row in restored.execute("PRAGMA table_info(kv)")}
        assert "note" not in columns
    finally:
        restored.close()


def test_restore_refuses_a_file_that_is_not_a_database(tmp_path: Path) -> None:
    path = tmp_path / "db.sqlite3"
    conn = open_sync(path, tmp_path / "backups")
    conn.execute("INSERT INTO kv (key, value) VALUES ('k', 'v')")
    conn.close()
    junk = tmp_path / "junk.sqlite3"
    junk.write_bytes(b"not sqlite at all" * 200)
    with pytest.raises(sqlite3.DatabaseError):
        restore_backup(junk, path)
    with pytest.raises(FileNotFoundError):
        restore_backup(tmp_path / "missing.sqlite3", path)
    check = _raw(path)
    try:
        assert check.execute("SELECT value FROM kv").fetchone()[0] == "v"
    finally:
        check.close()


def test_failed_migration_leaves_schema_and_version_untouched(tmp_path: Path) -> None:
    conn = open_sync(tmp_path / "db.sqlite3", tmp_path / "backups")
    broken = (*MIGRATIONS, (NEXT, "CREATE TABLE extra (a); SELECT * FROM no_such_table;"))
    with pytest.raises(sqlite3.OperationalError):
        migrate(conn, tmp_path / "backups", broken)
    try:
        assert user_version(conn) == CURRENT
        assert "extra" not in _tables(conn)
        assert not conn.in_transaction
    finally:
        conn.close()


def test_callable_migration_runs_with_its_version_bump(tmp_path: Path) -> None:
    conn = open_sync(tmp_path / "db.sqlite3", tmp_path / "backups")
    seen: list[bool] = []

    def step(c: sqlite3.Connection) -> None:
        seen.append(c.in_transaction)
        c.execute("INSERT INTO kv (key, value) VALUES ('from', 'callable')")

    try:
        migrate(conn, tmp_path / "backups", (*MIGRATIONS, (NEXT, step)))
        assert seen == [True]
        assert user_version(conn) == NEXT
        assert conn.execute("SELECT value FROM kv WHERE key = 'from'").fetchone()[0] == "callable"
    finally:
        conn.close()


def test_a_reply_streaming_under_the_old_index_rules_is_indexed_right_once_it_ends(
    tmp_path: Path,
) -> None:
    path = tmp_path / "db.sqlite3"
    conn = _raw(path)
    # Version 4 indexed a streaming reply's text at every save.
    migrate(conn, tmp_path / "backups", [m for m in MIGRATIONS if m[0] <= 4])
    conn.execute(
        "INSERT INTO conversations (id, title, model, created_at, updated_at) "
        "VALUES (1, 't', 'm', 1, 1)"
    )
    conn.execute(
        "INSERT INTO messages (id, conversation_id, role, content, state, created_at) "
        "VALUES (1, 1, 'assistant', '', 'streaming', 1)"
    )
    conn.execute("UPDATE messages SET content = '未完成的半句话' WHERE id = 1")
    migrate(conn, tmp_path / "backups")
    conn.execute("UPDATE messages SET content = '完整的回答', state = 'interrupted' WHERE id = 1")
    conn.execute("INSERT INTO messages_fts(messages_fts) VALUES ('integrity-check')")

    def found(term: str) -> list[int]:
        rows = conn.execute(
            "SELECT rowid FROM messages_fts WHERE messages_fts MATCH ?", (f'"{term}"',)
        )
        return [row[0] for row in rows]

    assert found("完整的") == [1]
    assert found("半句话") == []
    conn.close()


def test_split_statements_keeps_triggers_and_quoted_semicolons_whole() -> None:
    script = """
        CREATE TABLE t (a TEXT);
        CREATE TRIGGER t_ai AFTER INSERT ON t BEGIN
            INSERT INTO t (a) SELECT 'x;y' WHERE 0;
            DELETE FROM t WHERE 0;
        END;
        INSERT INTO t (a) VALUES ('one; two');
    """
    statements = list(split_statements(script))
    assert len(statements) == 3
    assert statements[1].startswith("CREATE TRIGGER") and statements[1].endswith("END;")
    assert "'one; two'" in statements[2]


def test_split_statements_rejects_an_unfinished_statement() -> None:
    with pytest.raises(ValueError):
        list(split_statements("CREATE TABLE t (a); CREATE TRIGGER x AFTER INSERT ON t BEGIN"))
