"""Save as… for library files: the user picks where a copy goes."""

from __future__ import annotations

import logging
import shutil
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from ecovdesk.core.library import safe_file_name
from ecovdesk.ui.write_failure import write_failure_reason

log = logging.getLogger(__name__)


def save_copy_as(parent: QWidget, source: Path, title: str, caption: str) -> Path | None:
    """Asks where to keep a copy, suggesting a file name made from the title. A copy that
    cannot be made (the library file gone, the target read-only or full) is explained."""
    name = safe_file_name(title or source.stem, source.suffix.lstrip("."))
    target, _ = QFileDialog.getSaveFileName(parent, caption, name)
    if not target:
        return None
    try:
        shutil.copyfile(source, Path(target))
    except OSError as exc:
        log.warning("could not save a copy: %s", type(exc).__name__)
        QMessageBox.warning(parent, caption, _reason(exc, source))
        return None
    return Path(target)


def _reason(exc: OSError, source: Path) -> str:
    if not source.is_file():
        return QCoreApplication.translate(
            "SaveCopy", "The copy could not be saved: the file is no longer in the library."
        )
    return QCoreApplication.translate("SaveCopy", "The copy could not be saved: %1").replace(
        "%1", write_failure_reason(exc)
    )
