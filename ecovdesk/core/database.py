"""The one SQLite connection, serialised on its own worker thread.

SQLite calls block, and the UI thread must not. Every query therefore runs on a
single-worker executor that owns the connection; one worker means no two statements ever
race, and coroutines simply await :meth:`Database.run`.
"""

from __future__ import annotations

import asyncio
import functools
import logging
import sqlite3
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Concatenate, ParamSpec, TypeVar

from ecovdesk.core.migrations import migrate, user_version
from ecovdesk.core.storage_errors import (
    StorageError,
    StorageErrorKind,
    translate,
)

__all__ = ["Database", "StorageError", "StorageErrorKind", "open_sync"]

log = logging.getLogger(__name__)

P = ParamSpec("P")
T = TypeVar("T")

BUSY_TIMEOUT_MS = 5000


def open_sync(path: Path, backups_dir: Path) -> sqlite3.Connection:
    """Open, configure and migrate the database on the calling thread.

    The connection is in autocommit mode: transactions are opened explicitly, by
    :meth:`Database.run` or by the caller.
    """
    try:
        conn = sqlite3.connect(
            path,
            check_same_thread=False,
            isolation_level=None,
            timeout=BUSY_TIMEOUT_MS / 1000,
        )
    except sqlite3.Error as exc:
        raise translate(exc, path) from exc
    try:
        _configure(conn, path)
        migrate(conn, backups_dir)
        _check_writable(conn)
    except BaseException as exc:
        conn.close()
        translated = translate(exc, path)
        if translated is exc:
            raise
        raise translated from exc
    return conn


def _configure(conn: sqlite3.Connection, path: Path) -> None:
    conn.row_factory = sqlite3.Row
    mode = conn.execute("PRAGMA journal_mode=WAL").fetchone()[0]
    if str(mode).lower() != "wal":
        # Some network file systems refuse WAL; the store still works, only slower.
        log.warning("SQLite kept journal mode %r for %s", mode, path)
    # NORMAL is durable across application crashes in WAL mode; only a power cut can lose
    # the last few commits, which is the trade every desktop app makes.
    conn.execute("PRAGMA synchronous=NORMAL")
    conn.execute("PRAGMA foreign_keys=ON")
    conn.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")


def _check_writable(conn: sqlite3.Connection) -> None:
    # A read-only file opens and reads fine; without this probe the first failure would
    # come when the user sends a message. Rewriting user_version is the cheapest write.
    conn.execute("BEGIN IMMEDIATE")
    try:
        conn.execute(f"PRAGMA user_version = {user_version(conn)}")
    finally:
        if conn.in_transaction:
            conn.execute("ROLLBACK")


class Database:
    """Owns the connection and the executor it lives on. Create it with :meth:`open`."""

    def __init__(
        self,
        conn: sqlite3.Connection,
        executor: ThreadPoolExecutor,
        path: Path,
    ) -> None:
        self._conn = conn
        self._executor = executor
        self._path = path
        self._closed = False

    @property
    def path(self) -> Path:
        return self._path

    @classmethod
    async def open(cls, path: Path, backups_dir: Path) -> Database:
        executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="ecovdesk-db")
        loop = asyncio.get_running_loop()
        try:
            conn = await loop.run_in_executor(executor, open_sync, path, backups_dir)
        except BaseException:
            executor.shutdown(wait=False)
            raise
        return cls(conn, executor, path)

    async def run(
        self,
        fn: Callable[Concatenate[sqlite3.Connection, P], T],
        *args: P.args,
        **kwargs: P.kwargs,
    ) -> T:
        """Run ``fn(conn, *args, **kwargs)`` on the database thread in one transaction.

        The transaction commits when ``fn`` returns and rolls back when it raises, so a
        store function never leaves half its writes behind.
        """
        if self._closed:
            raise StorageError(StorageErrorKind.CLOSED, "The database is already closed.")
        call = functools.partial(self._in_transaction, fn, *args, **kwargs)
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._executor, call)

    def _in_transaction(
        self,
        fn: Callable[Concatenate[sqlite3.Connection, P], T],
        *args: P.args,
        **kwargs: P.kwargs,
    ) -> T:
        conn = self._conn
        try:
            # Deferred, so read-only work never takes the write lock.
            conn.execute("BEGIN")
            result = fn(conn, *args, **kwargs)
            if conn.in_transaction:
                conn.execute("COMMIT")
            return result
        except BaseException as exc:
            if conn.in_transaction:
                try:
                    conn.execute("ROLLBACK")
                except sqlite3.Error:
                    # SQLite may already have rolled back (for example after SQLITE_FULL).
                    log.debug("rollback after a failed transaction also failed")
            translated = translate(exc, self._path)
            if translated is exc:
                raise
            raise translated from exc

    async def close(self) -> None:
        """Checkpoint the WAL into the main file, close, and stop the worker thread."""
        if self._closed:
            return
        self._closed = True
        loop = asyncio.get_running_loop()
        try:
            await loop.run_in_executor(self._executor, self._close_sync)
        finally:
            self._executor.shutdown(wait=True)

    def _close_sync(self) -> None:
        try:
            # Folding the WAL back keeps the profile a single self-contained file at rest.
            self._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            self._conn.execute("PRAGMA optimize")
        except sqlite3.Error as exc:
            log.warning("could not checkpoint the database on close: %s", exc)
        finally:
            self._conn.close()
