"""The message box's stand-in while the window opens, so that typing can start at once."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QKeyEvent, QTextCursor
from PySide6.QtWidgets import QPlainTextEdit, QVBoxLayout, QWidget

from ecovdesk.ui.widgets import sends, size_message_box


class DraftBox(QPlainTextEdit):
    """Takes what is typed, input methods included, before the message box exists. Enter
    asks for the text so far to be sent once it can be, as the message box would."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # The message box's own words, so that the box looks the same once it is there.
        self.setPlaceholderText(
            QCoreApplication.translate(
                "Composer", "Type a message. Enter sends, Shift+Enter adds a line."
            )
        )
        size_message_box(self)
        self.to_send = ""

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if sends(event):
            # One question waits at a time, as the message box is busy once one is sent.
            if not self.to_send and self.toPlainText().strip():
                self.to_send = self.toPlainText()
                self.clear()
            return
        super().keyPressEvent(event)

    def move_to(self, box: QPlainTextEdit) -> str:
        """Puts what was typed here into the message box ``box``; returns the question Enter
        asked to send, if any."""
        box.setPlainText(self.toPlainText())
        box.moveCursor(QTextCursor.MoveOperation.End)
        return self.to_send


def draft_area(draft: DraftBox) -> QWidget:
    """The bare window's content: empty space above the draft, where the message box goes."""
    area = QWidget()
    layout = QVBoxLayout(area)
    layout.setContentsMargins(12, 6, 12, 10)
    layout.addStretch(1)
    layout.addWidget(draft)
    return area


def send_first(question: str, box: QPlainTextEdit, send: Callable[[], None] | None) -> None:
    """Sends ``question``, asked while the window opened, from the message box ``box`` with
    ``send`` (None: it stays in the box), then puts back what was typed since."""
    typed_since = box.toPlainText()
    box.setPlainText(question)
    if send is not None:
        send()
    box.setPlainText("\n".join(text for text in (box.toPlainText(), typed_since) if text))
    box.moveCursor(QTextCursor.MoveOperation.End)
