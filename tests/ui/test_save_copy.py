"""Save as… for library files: a copy that cannot be made is explained in the user's words."""

from __future__ import annotations

import errno
import shutil
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

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
