"""Save as… for library files: a copy that cannot be made is explained in the user's words."""

from __future__ import annotations

import errno
import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from ecovdesk.core.domain import AssetKind
from ecovdesk.ui import save_copy


@pytest.mark.parametrize(
    ("failure", "source_kept", "said"),
    [
        (PermissionError(errno.EACCES, "x"), True, "that folder cannot be written to."),
        (OSError(errno.ENOSPC, "x"), True, "the disk is full."),
        (FileNotFoundError(errno.ENOENT, "x"), False, "the file is no longer in the library."),
    ],
)
def test_a_failed_copy_is_explained(
    qtbot: QtBot,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    failure: OSError,
    source_kept: bool,
    said: str,
) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    source = tmp_path / "song.mp3"
    if source_kept:
        source.write_bytes(b"ID3")
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: warnings.append(text))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a: (str(tmp_path / "o.mp3"), ""))

    def fail(*_args: object) -> None:
        raise failure

    monkeypatch.setattr(shutil, "copyfile", fail)
    assert save_copy.save_copy_as(parent, source, "Song", "Save song") is None
    assert warnings == [f"The copy could not be saved: {said}"]


def test_save_dialogs_open_in_the_kinds_folder_then_where_the_user_saved_last(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    save_copy.forget_folders()
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    standard = {
        QStandardPaths.StandardLocation.PicturesLocation: tmp_path / "Pictures",
        QStandardPaths.StandardLocation.MusicLocation: tmp_path / "Music",
        QStandardPaths.StandardLocation.MoviesLocation: tmp_path / "Movies",
    }
    for folder in standard.values():
        folder.mkdir()
    monkeypatch.setattr(QStandardPaths, "writableLocation", lambda where: str(standard[where]))
    offered: list[Path] = []
    answer: list[str] = []

    def dialog(_parent: QWidget, _caption: str, suggested: str) -> tuple[str, str]:
        offered.append(Path(suggested))
        return (answer.pop() if answer else ""), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", dialog)
    sources = {}
    for name in ("cat.png", "song.mp3", "clip.mp4", "notes.xyz"):
        sources[name] = tmp_path / name
        sources[name].write_bytes(b"data")
    for name in sources:
        save_copy.save_copy_as(parent, sources[name], "", "Save")
    assert [p.parent for p in offered] == [
        tmp_path / "Pictures",
        tmp_path / "Music",
        tmp_path / "Movies",
        home,
    ]
    assert offered[0].name == "cat.png"

    # Once the user saved a picture elsewhere, the next picture is offered there too.
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    answer.append(str(elsewhere / "cat.png"))
    save_copy.save_copy_as(parent, sources["cat.png"], "", "Save", kind=AssetKind.IMAGE)
    save_copy.save_copy_as(parent, sources["cat.png"], "", "Save")
    save_copy.save_copy_as(parent, sources["song.mp3"], "", "Save")
    assert [p.parent for p in offered[-2:]] == [elsewhere, tmp_path / "Music"]

    # A system folder that does not exist is skipped for the home folder.
    standard[QStandardPaths.StandardLocation.MoviesLocation] = tmp_path / "gone"
    save_copy.save_copy_as(parent, sources["clip.mp4"], "", "Save")
    assert offered[-1].parent == home
    save_copy.forget_folders()
