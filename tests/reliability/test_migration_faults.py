"""A migration killed part-way (kill -9 in another process) corrupts nothing: the database
passes its integrity check, is at the old or a newer version with the matching schema, keeps
every conversation, and the backup taken first can be restored."""

from __future__ import annotations

import contextlib
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from ecovdesk.core.database import open_sync
from ecovdesk.core.migrations import MIGRATIONS, latest_version, migrate, restore_backup

ROOT = Path(__file__).resolve().parents[2]
SEED_VERSION = 1


@contextlib.contextmanager
def connect(path: Path) -> Iterator[sqlite3.Connection]:
    with contextlib.closing(sqlite3.connect(path, isolation_level=None)) as conn:
        yield conn


def _schema(conn: sqlite3.Connection) -> set[tuple[str, str]]:
    rows = conn.execute("SELECT type, name FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'")
    return {(str(kind), str(name)) for kind, name in rows}


def _content(conn: sqlite3.Connection) -> list[tuple[object, ...]]:
    conversations = conn.execute("SELECT id, title, model FROM conversations ORDER BY id")
    messages = conn.execute("SELECT id, role, content, state FROM messages ORDER BY id")
    return [*conversations.fetchall(), *messages.fetchall()]


@pytest.fixture(scope="module")
def schemas(tmp_path_factory: pytest.TempPathFactory) -> dict[int, set[tuple[str, str]]]:
    """The tables, indexes and triggers each schema version has when reached cleanly."""
    folder = tmp_path_factory.mktemp("schemas")
    result = {}
    for version in range(SEED_VERSION, latest_version() + 1):
        with connect(folder / f"v{version}.sqlite3") as conn:
            migrate(conn, folder / "backups", [m for m in MIGRATIONS if m[0] <= version])
            result[version] = _schema(conn)
    return result


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[tuple[object, ...]]]:
    """A profile database an old ecovdesk wrote: schema 1, WAL, a few conversations."""
    path = tmp_path_factory.mktemp("seed") / "ecovdesk.sqlite3"
    with connect(path) as conn:
        conn.execute("PRAGMA journal_mode=WAL")
        migrate(conn, path.parent / "backups", [m for m in MIGRATIONS if m[0] <= SEED_VERSION])
        for number in range(1, 4):
            conn.execute(
                "INSERT INTO conversations (title, model, created_at, updated_at) "
                "VALUES (?, 'gpt-4o-mini', ?, ?)",
                (f"对话 {number}", number, number),
            )
            for role in ("user", "assistant"):
                conn.execute(
                    "INSERT INTO messages (conversation_id, role, content, state, created_at) "
                    "VALUES (?, ?, ?, 'done', ?)",
                    (number, role, f"{role} 的第 {number} 条消息 " * 50, number),
                )
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        return path, _content(conn)


def _profile(seeded: tuple[Path, list[tuple[object, ...]]], folder: Path) -> Path:
    folder.mkdir()
    database = folder / "ecovdesk.sqlite3"
    shutil.copy(seeded[0], database)
    return database


def _child(database: Path, *arguments: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "tests.reliability.migration_child", str(database),
         str(database.parent / "backups"), *arguments],
        cwd=ROOT, capture_output=True, text=True, timeout=60,
    )  # fmt: skip


@pytest.fixture(scope="module")
def callbacks(
    seeded: tuple[Path, list[tuple[object, ...]]], tmp_path_factory: pytest.TempPathFactory
) -> int:
    """How many progress callbacks a whole, uninterrupted upgrade makes."""
    database = _profile(seeded, tmp_path_factory.mktemp("count") / "profile")
    done = _child(database, "count")
    assert done.returncode == 0, done.stderr
    return int(done.stdout.strip())


def _check_survivor(
    database: Path,
    expected: list[tuple[object, ...]],
    schemas: dict[int, set[tuple[str, str]]],
) -> int:
    with connect(database) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        version = int(conn.execute("PRAGMA user_version").fetchone()[0])
        assert version in schemas
        # Old or new, never in between: the schema is exactly that of its version.
        assert _schema(conn) == schemas[version]
        assert _content(conn) == expected
    return version


@pytest.mark.parametrize("fraction", [0.01, 0.2, 0.45, 0.7, 0.9, 0.999])
def test_a_migration_killed_part_way_leaves_a_consistent_database_and_a_backup(
    seeded: tuple[Path, list[tuple[object, ...]]],
    schemas: dict[int, set[tuple[str, str]]],
    callbacks: int,
    tmp_path: Path,
    fraction: float,
) -> None:
    database = _profile(seeded, tmp_path / "profile")
    killed = _child(database, "kill", str(max(1, int(callbacks * fraction))))
    assert killed.returncode == -9, killed.stderr
    version = _check_survivor(database, seeded[1], schemas)
    assert version < latest_version()

    backups = sorted((database.parent / "backups").glob("*.sqlite3"))
    assert [b.name.split("-")[1] for b in backups] == [f"v{SEED_VERSION}"]
    restored = tmp_path / "restored.sqlite3"
    restore_backup(backups[0], restored)
    assert _check_survivor(restored, seeded[1], schemas) == SEED_VERSION

    # The next start finishes the upgrade with everything in place.
    open_sync(database, database.parent / "backups").close()
    assert _check_survivor(database, seeded[1], schemas) == latest_version()


def test_a_kill_while_the_backup_is_written_leaves_no_false_backup(
    seeded: tuple[Path, list[tuple[object, ...]]],
    schemas: dict[int, set[tuple[str, str]]],
    tmp_path: Path,
) -> None:
    database = _profile(seeded, tmp_path / "profile")
    killed = _child(database, "kill-in-backup")
    assert killed.returncode == -9, killed.stderr
    assert _check_survivor(database, seeded[1], schemas) == SEED_VERSION
    backups = database.parent / "backups"
    # Only the half-written copy, under a name no restore would pick.
    assert [p.suffix for p in backups.iterdir()] == [".partial"]
    assert list(backups.glob("*.sqlite3")) == []

    open_sync(database, backups).close()
    assert _check_survivor(database, seeded[1], schemas) == latest_version()
    complete = list(backups.glob("*.sqlite3"))
    assert len(complete) == 1
    restore_backup(complete[0], tmp_path / "restored.sqlite3")
    assert _check_survivor(tmp_path / "restored.sqlite3", seeded[1], schemas) == SEED_VERSION


def test_the_backup_before_an_upgrade_restores_the_old_profile(
    seeded: tuple[Path, list[tuple[object, ...]]],
    schemas: dict[int, set[tuple[str, str]]],
    tmp_path: Path,
) -> None:
    database = _profile(seeded, tmp_path / "profile")
    open_sync(database, database.parent / "backups").close()
    with connect(database) as conn:
        conn.execute("DELETE FROM messages")
    (backup,) = (database.parent / "backups").glob("*.sqlite3")
    # Restored over the live file (its WAL included), as a user recovering would do it.
    restore_backup(backup, database)
    assert _check_survivor(database, seeded[1], schemas) == SEED_VERSION
    open_sync(database, database.parent / "backups").close()
    assert _check_survivor(database, seeded[1], schemas) == latest_version()
