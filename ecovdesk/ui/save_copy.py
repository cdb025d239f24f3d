"""Save as… for library files: the user picks where a copy goes."""

from __future__ import annotations

import logging
import mimetypes
import shutil
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QStandardPaths, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from ecovdesk.core.domain import AssetKind
from ecovdesk.core.library import safe_file_name
from ecovdesk.ui.write_failure import write_failure_reason

log = logging.getLogger(__name__)

_STANDARD_FOLDERS = {
    AssetKind.IMAGE: QStandardPaths.StandardLocation.PicturesLocation,
    AssetKind.AUDIO: QStandardPaths.StandardLocation.MusicLocation,
    AssetKind.VIDEO: QStandardPaths.StandardLocation.MoviesLocation,
}
# Where each kind was last saved in this session: saving several pictures in a row should
# not mean walking back to the same folder each time.
_last_folders: dict[AssetKind | None, Path] = {}


def save_copy_as(
    parent: QWidget, source: Path, title: str, caption: str, kind: AssetKind | None = None
) -> Path | None:
    """Asks where to keep a copy, suggesting a file name made from the title. A copy that
    cannot be made (the library file gone, the target read-only or full) is explained.
    ``kind`` picks the folder offered first; without it the file's name decides."""
    kind = kind or kind_of(source)
    name = safe_file_name(title or source.stem, source.suffix.lstrip("."))
    suggested = start_folder(kind) / name
    target, _ = QFileDialog.getSaveFileName(parent, caption, str(suggested))
    if not target:
        return None
    try:
        shutil.copyfile(source, Path(target))
    except OSError as exc:
        log.warning("could not save a copy: %s", type(exc).__name__)
        QMessageBox.warning(parent, caption, _reason(exc, source))
        return None
    _last_folders[kind] = Path(target).parent
    return Path(target)


def show_in_folder(path: Path) -> None:
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(path.parent)))


def kind_of(path: Path) -> AssetKind | None:
    mime, _ = mimetypes.guess_type(path.name)
    major = (mime or "").partition("/")[0]
    return {"image": AssetKind.IMAGE, "audio": AssetKind.AUDIO, "video": AssetKind.VIDEO}.get(major)


def start_folder(kind: AssetKind | None) -> Path:
    """The folder used last for this kind, else the system's folder for it, else home;
    a folder that has gone since is skipped, or the dialog would open somewhere odd."""
    candidates = [_last_folders.get(kind)]
    if kind in _STANDARD_FOLDERS:
        candidates.append(Path(QStandardPaths.writableLocation(_STANDARD_FOLDERS[kind])))
    for folder in candidates:
        if folder is not None and str(folder) not in ("", ".") and folder.is_dir():
            return folder
    return Path.home()


def forget_folders() -> None:
    """Back to the system's folders, as at start (for tests)."""
    _last_folders.clear()


def _reason(exc: OSError, source: Path) -> str:
    if not source.is_file():
        return QCoreApplication.translate(
            "SaveCopy", "The copy could not be saved: the file is no longer in the library."
        )
    return QCoreApplication.translate("SaveCopy", "The copy could not be saved: %1").replace(
        "%1", write_failure_reason(exc)
    )
