"""Helpers shared by the storage tests: a fresh database and unwritable files."""

from __future__ import annotations

import contextlib
import os
import shutil
import sqlite3
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from ecovdesk.core.database import open_sync


def fresh_connection(folder: Path) -> sqlite3.Connection:
    return open_sync(folder / "ecovdesk.sqlite3", folder / "backups")


def _writable(path: Path) -> bool:
    try:
        if path.is_dir():
            with tempfile.TemporaryFile(dir=path):
                return True
        with path.open("ab"):
            return True
    except OSError:
        return False


@contextlib.contextmanager
def unwritable(path: Path) -> Iterator[None]:
    """Make ``path`` (file or folder) unwritable for this process, then undo it.

    chmod is enough for a normal user; root ignores permission bits, so there the file is
    made immutable with chattr. Where neither works the test is skipped, not passed.
    """
    mode = path.stat().st_mode
    path.chmod(mode & ~0o222)
    immutable = False
    try:
        if _writable(path):
            chattr = shutil.which("chattr")
            if chattr and subprocess.run([chattr, "+i", os.fspath(path)]).returncode == 0:
                immutable = True
            if _writable(path):
                pytest.skip("cannot make a path read-only for this user on this file system")
        yield
    finally:
        if immutable:
            subprocess.run([shutil.which("chattr") or "chattr", "-i", os.fspath(path)])
        path.chmod(mode)
