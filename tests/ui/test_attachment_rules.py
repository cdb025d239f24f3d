"""Pictures go only to models that can see them: pasted, dropped or left over from before."""

from __future__ import annotations

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
