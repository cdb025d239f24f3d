"""Pictures go only to models that can see them: pasted, dropped or left over from before."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QColor, QImage

from ecovdesk.app import RunningApp
from tests.ui.conftest import Driver


def _picture() -> QImage:
    image = QImage(64, 64, QImage.Format.Format_RGB32)
    image.fill(QColor("teal"))
    return image


def test_a_picture_pasted_for_a_model_that_cannot_see_is_refused_with_a_word(
    driver: Driver, app: RunningApp
) -> None:
    window = app.window
    window.picker.choose("deepseek-chat")
    assert not window.composer.attach_image.isVisibleTo(window)
    window.composer.edit.imagePasted.emit(_picture())
    assert window.attachments.items == []
    assert "cannot see pictures" in window.statusBar().currentMessage()


def test_a_picture_attached_for_one_model_is_taken_off_for_one_that_cannot_see(
    driver: Driver, app: RunningApp
) -> None:
    window = app.window
    window.picker.choose("gpt-4o")
    window.composer.edit.imagePasted.emit(_picture())
    window.attachments.add_document("https://example.com/report.pdf")
    assert len(window.attachments.items) == 2
    window.picker.choose("deepseek-chat")  # neither pictures nor documents
    assert window.attachments.items == []
    assert "were removed" in window.statusBar().currentMessage()


def test_files_refused_together_are_named_in_one_notice(
    driver: Driver, app: RunningApp, tmp_path: Path
) -> None:
    from tests.core.library_helpers import png_declaring

    window = app.window
    window.picker.choose("gpt-4o")
    huge = tmp_path / "huge.png"
    huge.write_bytes(png_declaring(12_000, 12_000))
    notes = tmp_path / "notes.txt"
    notes.write_text("不是图片", "utf-8")
    window.composer.imageFilesChosen.emit([str(huge), str(notes)])
    driver.until(lambda: bool(window.statusBar().currentMessage()))
    notice = window.statusBar().currentMessage()
    assert "huge.png is too large to attach (at most 40 MB and 128 megapixels)." in notice
    assert "notes.txt is not an image that can be attached." in notice
    assert window.attachments.items == []
