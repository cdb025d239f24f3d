"""Why a file could not be written, in the user's language.

The system's own wording (``strerror``) is English on most machines, so the usual causes are
named here; anything else is said plainly without it.
"""

from __future__ import annotations

import errno

from PySide6.QtCore import QCoreApplication

# Not every platform's errno names a quota of its own.
_DISK_FULL = {errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)}


def write_failure_reason(exc: OSError) -> str:
    """A short clause for ``exc``, to follow "… could not be saved:"."""
    if isinstance(exc, PermissionError) or exc.errno == errno.EROFS:
        return QCoreApplication.translate("WriteFailure", "that folder cannot be written to.")
    if exc.errno in _DISK_FULL:
        return QCoreApplication.translate("WriteFailure", "the disk is full.")
    if isinstance(exc, FileNotFoundError):
        return QCoreApplication.translate("WriteFailure", "that folder no longer exists.")
    if isinstance(exc, IsADirectoryError):
        return QCoreApplication.translate("WriteFailure", "a folder already has that name.")
    if exc.errno == errno.ENAMETOOLONG:
        return QCoreApplication.translate("WriteFailure", "the file name is too long.")
    return QCoreApplication.translate("WriteFailure", "the system refused to write the file.")
