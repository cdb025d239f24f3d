"""Turning SQLite's terse failures into errors a person can act on."""

from __future__ import annotations

import enum
import sqlite3
from pathlib import Path


class StorageErrorKind(enum.StrEnum):
    READ_ONLY = "read_only"
    DISK_FULL = "disk_full"
    IO_ERROR = "io_error"
    CANNOT_OPEN = "cannot_open"
    CORRUPT = "corrupt"
    BUSY = "busy"
    NEWER_VERSION = "newer_version"
    CLOSED = "closed"
    OTHER = "other"


_MESSAGES = {
    StorageErrorKind.READ_ONLY: (
        "The profile database {where}is read-only. Check the folder's permissions, or start "
        "with --profile-dir pointing at a writable folder."
    ),
    StorageErrorKind.DISK_FULL: (
        "The disk holding the profile {where}is full. Free some space; nothing was lost."
    ),
    StorageErrorKind.IO_ERROR: (
        "The disk reported an error while reading or writing the profile database {where}."
    ),
    StorageErrorKind.CANNOT_OPEN: (
        "The profile database {where}cannot be opened. The folder may be missing or not writable."
    ),
    StorageErrorKind.CORRUPT: (
        "The profile database {where}is damaged or is not an ecovdesk database. A copy made "
        "before the last upgrade may be in the backups folder."
    ),
    StorageErrorKind.BUSY: (
        "The profile database {where}is locked by another program, perhaps a second "
        "ecovdesk window using the same profile."
    ),
    StorageErrorKind.OTHER: "The profile database {where}could not be used: {detail}",
}


class StorageError(Exception):
    """A storage failure with a message meant for the user and a kind meant for the UI.

    The UI translates by ``kind``; the English message is what goes to the log.
    """

    def __init__(self, kind: StorageErrorKind, message: str) -> None:
        super().__init__(message)
        self.kind = kind
        self.message = message


# Checked in order: SQLite's extended error names first, the message text as a fallback for
# Python versions whose exceptions lack ``sqlite_errorname``.
_BY_NAME: tuple[tuple[str, StorageErrorKind], ...] = (
    ("SQLITE_READONLY", StorageErrorKind.READ_ONLY),
    ("SQLITE_PERM", StorageErrorKind.READ_ONLY),
    ("SQLITE_FULL", StorageErrorKind.DISK_FULL),
    ("SQLITE_IOERR", StorageErrorKind.IO_ERROR),
    ("SQLITE_CANTOPEN", StorageErrorKind.CANNOT_OPEN),
    ("SQLITE_CORRUPT", StorageErrorKind.CORRUPT),
    ("SQLITE_NOTADB", StorageErrorKind.CORRUPT),
    ("SQLITE_BUSY", StorageErrorKind.BUSY),
    ("SQLITE_LOCKED", StorageErrorKind.BUSY),
)

_BY_TEXT: tuple[tuple[str, StorageErrorKind], ...] = (
    ("readonly", StorageErrorKind.READ_ONLY),
    ("read-only", StorageErrorKind.READ_ONLY),
    ("database or disk is full", StorageErrorKind.DISK_FULL),
    ("disk i/o", StorageErrorKind.IO_ERROR),
    ("unable to open database", StorageErrorKind.CANNOT_OPEN),
    ("malformed", StorageErrorKind.CORRUPT),
    ("not a database", StorageErrorKind.CORRUPT),
    ("database is locked", StorageErrorKind.BUSY),
)


def classify(exc: BaseException) -> StorageErrorKind | None:
    """The kind of environmental failure ``exc`` is, or None for a programming error."""
    if isinstance(exc, OSError):
        if isinstance(exc, PermissionError):
            return StorageErrorKind.READ_ONLY
        return StorageErrorKind.IO_ERROR
    if not isinstance(exc, sqlite3.Error):
        return None
    name = getattr(exc, "sqlite_errorname", "") or ""
    for prefix, kind in _BY_NAME:
        if name.startswith(prefix):
            return kind
    text = str(exc).lower()
    for fragment, kind in _BY_TEXT:
        if fragment in text:
            return kind
    return None


def storage_error(
    kind: StorageErrorKind, path: Path | None = None, detail: str = ""
) -> StorageError:
    where = f"({path}) " if path is not None else ""
    template = _MESSAGES.get(kind, _MESSAGES[StorageErrorKind.OTHER])
    return StorageError(kind, template.format(where=where, detail=detail))


def translate(exc: BaseException, path: Path | None = None) -> BaseException:
    """``exc`` as a StorageError when it is about the disk or the file, else unchanged."""
    if isinstance(exc, StorageError):
        return exc
    kind = classify(exc)
    if kind is None:
        return exc
    return storage_error(kind, path, str(exc))
