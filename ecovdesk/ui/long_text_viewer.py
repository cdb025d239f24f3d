"""The whole of a reply too long to render as Markdown, as plain text that any length shows.

A rich text view lays a reply out all at once, which for hundreds of thousands of characters
(or a single line without spaces) takes the window away for seconds or minutes. A plain text
view lays out only what is on screen.
"""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

# Wrapping a line is laid out in one go: past this length, lines scroll sideways instead.
MAX_WRAPPED_LINE = 10_000


class LongTextViewer(QDialog):
    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Whole reply"))
        self.resize(900, 700)
        self.full_text = text
        self.view = QPlainTextEdit()
        self.view.setReadOnly(True)
        longest = max((len(line) for line in text.split("\n")), default=0)
        if longest > MAX_WRAPPED_LINE:
            self.view.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.view.setPlainText(text)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        self.copy_button = QPushButton(self.tr("Copy all"))
        self.copy_button.clicked.connect(lambda: QGuiApplication.clipboard().setText(text))
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view)
        layout.addWidget(buttons)
