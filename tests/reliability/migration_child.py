"""Opens a profile database the way the app does, and dies by SIGKILL part-way through.

    python -m tests.reliability.migration_child DATABASE BACKUPS count
    python -m tests.reliability.migration_child DATABASE BACKUPS kill N
    python -m tests.reliability.migration_child DATABASE BACKUPS kill-in-backup

``count`` prints how many progress callbacks SQLite makes while the migrations run; ``kill``
kills the process at the N-th of them (inside a migration's transaction, or between two);
``kill-in-backup`` kills it as the backup copy is being created.
"""

from __future__ import annotations

import os
import signal
import sqlite3
import sys
from pathlib import Path
from typing import Any, NoReturn

from ecovdesk.core import migrations
from ecovdesk.core.database import open_sync

# SQLite calls the progress handler every this many virtual machine instructions.
STEP = 20


def _die() -> NoReturn:
    sys.stdout.flush()
    os.kill(os.getpid(), signal.SIGKILL)
    raise SystemExit("still alive after SIGKILL")


def main(database: Path, backups: Path, mode: str, target: int = 0) -> None:
    calls = 0

    def progress() -> int:
        nonlocal calls
        calls += 1
        if mode == "kill" and calls >= target:
            _die()
        return 0

    apply = migrations._apply

    def watched_apply(conn: sqlite3.Connection, version: int, step: Any) -> None:
        conn.set_progress_handler(progress, STEP)
        try:
            apply(conn, version, step)
        finally:
            conn.set_progress_handler(None, STEP)

    vars(migrations)["_apply"] = watched_apply

    if mode == "kill-in-backup":

        class DyingSqlite:
            """sqlite3 as the migrations module sees it, except that opening the backup
            copy is the last thing this process does."""

            def __getattr__(self, name: str) -> Any:
                return getattr(sqlite3, name)

            def connect(self, *args: Any, **kwargs: Any) -> sqlite3.Connection:
                connection = sqlite3.connect(*args, **kwargs)
                connection.execute("CREATE TABLE half_copied (x)")
                _die()

        vars(migrations)["sqlite3"] = DyingSqlite()

    open_sync(database, backups).close()
    print(calls)


if __name__ == "__main__":
    arguments = sys.argv[1:]
    main(
        Path(arguments[0]),
        Path(arguments[1]),
        arguments[2],
        int(arguments[3] or 0) if len(arguments) > 3 else 0,
    )
