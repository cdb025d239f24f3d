from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

import pytest

from ecovdesk.core.database import Database, StorageError, StorageErrorKind, open_sync
from ecovdesk.core.migrations import latest_version
from ecovdesk.core.storage_errors import classify

from .storage_helpers import unwritable


def _insert_kv(conn: sqlite3.Connection, key: str, value: str) -> None:
    conn.execute("INSERT INTO kv (key, value) VALUES (?, ?)", (key, value))


def _read_kv(conn: sqlite3.Connection, key: str) -> str | None:
    row = conn.execute("SELECT value FROM kv WHERE key = ?", (key,)).fetchone()
    return None if row is None else str(row[0])


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "ecovdesk.sqlite3"


@pytest.mark.asyncio
async def test_open_configures_wal_foreign_keys_and_schema(db_path: Path, tmp_path: Path) -> None:
    db = await Database.open(db_path, tmp_path / "backups")
    try:

        def pragmas(conn: sqlite3.Connection) -> tuple[str, int, int, int, int]:
            return (
                conn.execute("PRAGMA journal_mode").fetchone()[0],
                conn.execute("PRAGMA foreign_keys").fetchone()[0],
                conn.execute("PRAGMA synchronous").fetchone()[0],
                conn.execute("PRAGMA busy_timeout").fetchone()[0],
                conn.execute("PRAGMA user_version").fetchone()[0],
            )

        journal, foreign_keys, synchronous, busy, version = await db.run(pragmas)
    finally:
        await db.close()
    assert journal == "wal"
    assert foreign_keys == 1
    assert synchronous == 1  # NORMAL
    assert busy >= 1000
    assert version == latest_version()


@pytest.mark.asyncio
async def test_run_uses_the_single_database_thread(db_path: Path, tmp_path: Path) -> None:
    db = await Database.open(db_path, tmp_path / "backups")
    try:
        names = {await db.run(lambda conn: threading.current_thread().name) for _ in range(5)}
    finally:
        await db.close()
    assert len(names) == 1
    (name,) = names
    assert name.startswith("ecovdesk-db")
    assert name != threading.current_thread().name


@pytest.mark.asyncio
async def test_run_commits_on_success(db_path: Path, tmp_path: Path) -> None:
    db = await Database.open(db_path, tmp_path / "backups")
    try:
        await db.run(_insert_kv, "greeting", "你好")
        # A second connection only sees committed data.
        other = sqlite3.connect(db_path)
        try:
            assert _read_kv(other, "greeting") == "你好"
        finally:
            other.close()
    finally:
        await db.close()


@pytest.mark.asyncio
async def test_run_rolls_back_everything_when_fn_raises(db_path: Path, tmp_path: Path) -> None:
    db = await Database.open(db_path, tmp_path / "backups")

    def insert_then_fail(conn: sqlite3.Connection) -> None:
        _insert_kv(conn, "half", "written")
        raise ValueError("boom")

    try:
        with pytest.raises(ValueError, match="boom"):
            await db.run(insert_then_fail)
        assert await db.run(_read_kv, "half") is None
        # The connection is usable again afterwards.
        await db.run(_insert_kv, "after", "ok")
        assert await db.run(_read_kv, "after") == "ok"
    finally:
        await db.close()


@pytest.mark.asyncio
async def test_programming_errors_are_not_disguised(db_path: Path, tmp_path: Path) -> None:
    db = await Database.open(db_path, tmp_path / "backups")

    def duplicate(conn: sqlite3.Connection) -> None:
        _insert_kv(conn, "k", "1")
        _insert_kv(conn, "k", "2")

    try:
        with pytest.raises(sqlite3.IntegrityError):
            await db.run(duplicate)
        assert await db.run(_read_kv, "k") is None
    finally:
        await db.close()


@pytest.mark.asyncio
async def test_close_checkpoints_and_refuses_further_work(db_path: Path, tmp_path: Path) -> None:
    db = await Database.open(db_path, tmp_path / "backups")
    await db.run(_insert_kv, "k", "v")
    await db.close()
    wal = db_path.with_name(db_path.name + "-wal")
    assert not wal.exists() or wal.stat().st_size == 0
    with pytest.raises(StorageError) as caught:
        await db.run(_read_kv, "k")
    assert caught.value.kind is StorageErrorKind.CLOSED
    await db.close()  # closing twice is harmless
    check = sqlite3.connect(db_path)
    try:
        assert _read_kv(check, "k") == "v"
    finally:
        check.close()


@pytest.mark.asyncio
async def test_read_only_database_file_gives_a_readable_error(
    db_path: Path, tmp_path: Path
) -> None:
    open_sync(db_path, tmp_path / "backups").close()
    with unwritable(db_path), pytest.raises(StorageError) as caught:
        await Database.open(db_path, tmp_path / "backups")
    assert caught.value.kind is StorageErrorKind.READ_ONLY
    assert "read-only" in str(caught.value)
    assert str(db_path) in str(caught.value)


@pytest.mark.asyncio
async def test_read_only_folder_gives_a_readable_error(tmp_path: Path) -> None:
    folder = tmp_path / "profile"
    folder.mkdir()
    with unwritable(folder), pytest.raises(StorageError) as caught:
        await Database.open(folder / "ecovdesk.sqlite3", tmp_path / "backups")
    assert caught.value.kind in {StorageErrorKind.CANNOT_OPEN, StorageErrorKind.READ_ONLY}
    assert "writable" in str(caught.value)


@pytest.mark.asyncio
async def test_existing_database_in_read_only_folder_gives_a_readable_error(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "profile"
    folder.mkdir()
    path = folder / "ecovdesk.sqlite3"
    open_sync(path, tmp_path / "backups").close()
    with unwritable(folder), pytest.raises(StorageError) as caught:
        await Database.open(path, tmp_path / "backups")
    assert caught.value.kind in {StorageErrorKind.CANNOT_OPEN, StorageErrorKind.READ_ONLY}
    assert "writable" in str(caught.value)


@pytest.mark.asyncio
async def test_write_refused_mid_session_becomes_storage_error(
    db_path: Path, tmp_path: Path
) -> None:
    db = await Database.open(db_path, tmp_path / "backups")
    try:
        await db.run(lambda conn: conn.execute("PRAGMA query_only = ON"))
        with pytest.raises(StorageError) as caught:
            await db.run(_insert_kv, "k", "v")
        assert caught.value.kind is StorageErrorKind.READ_ONLY
        assert isinstance(caught.value.__cause__, sqlite3.OperationalError)
    finally:
        await db.run(lambda conn: conn.execute("PRAGMA query_only = OFF"))
        await db.close()


@pytest.mark.asyncio
async def test_full_disk_becomes_storage_error(db_path: Path, tmp_path: Path) -> None:
    db = await Database.open(db_path, tmp_path / "backups")

    def cap_size(conn: sqlite3.Connection) -> None:
        # SQLite reports SQLITE_FULL once the page cap is reached, as on a full disk.
        pages = conn.execute("PRAGMA page_count").fetchone()[0]
        conn.execute(f"PRAGMA max_page_count = {pages}")

    try:
        await db.run(cap_size)
        with pytest.raises(StorageError) as caught:
            await db.run(_insert_kv, "big", "x" * 200_000)
        assert caught.value.kind is StorageErrorKind.DISK_FULL
        assert "full" in caught.value.message
        assert await db.run(_read_kv, "big") is None
    finally:
        await db.close()


@pytest.mark.asyncio
async def test_database_from_a_newer_version_is_left_alone(db_path: Path, tmp_path: Path) -> None:
    conn = open_sync(db_path, tmp_path / "backups")
    conn.execute("PRAGMA user_version = 99")
    conn.close()
    with pytest.raises(StorageError) as caught:
        await Database.open(db_path, tmp_path / "backups")
    assert caught.value.kind is StorageErrorKind.NEWER_VERSION
    check = sqlite3.connect(db_path)
    try:
        assert check.execute("PRAGMA user_version").fetchone()[0] == 99
    finally:
        check.close()


def test_garbage_file_is_reported_as_damaged(db_path: Path, tmp_path: Path) -> None:
    db_path.write_bytes(b"this is not a database, just some text " * 100)
    with pytest.raises(StorageError) as caught:
        open_sync(db_path, tmp_path / "backups")
    assert caught.value.kind is StorageErrorKind.CORRUPT


@pytest.mark.parametrize(
    ("error", "kind"),
    [
        (sqlite3.OperationalError("attempt to write a readonly database"), "read_only"),
        (sqlite3.OperationalError("database or disk is full"), "disk_full"),
        (sqlite3.OperationalError("disk I/O error"), "io_error"),
        (sqlite3.OperationalError("unable to open database file"), "cannot_open"),
        (sqlite3.OperationalError("database is locked"), "busy"),
        (PermissionError(13, "Permission denied"), "read_only"),
    ],
)
def test_classify_by_message(error: BaseException, kind: str) -> None:
    result = classify(error)
    assert result is not None
    assert result.value == kind


def test_classify_leaves_programming_errors_alone() -> None:
    assert classify(sqlite3.OperationalError("no such table: nope")) is None
    assert classify(ValueError("x")) is None
