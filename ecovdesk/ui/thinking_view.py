"""A reply's thinking, set apart from its answer: dimmed, and indented past a thin bar."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication, QPalette, QResizeEvent
from PySide6.QtWidgets import QFrame, QWidget

from ecovdesk.ui.rich_text_view import RichTextView

INDENT = 12
BAR_WIDTH = 3
BAR_INSET = 2


class ThinkingView(RichTextView):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setViewportMargins(INDENT, 0, 0, 0)
        # In the margin the text leaves; the outline colour of the cards, whatever the theme.
        self.bar = QFrame(self)
        self.bar.setBackgroundRole(QPalette.ColorRole.Mid)
        self.bar.setAutoFillBackground(True)
        self.follow_theme()

    def follow_theme(self) -> None:
        """The text in the current theme's dimmed colour: it is a copy, set again when the
        theme changes."""
        palette = self.palette()
        dimmed = QGuiApplication.palette().color(QPalette.ColorRole.PlaceholderText)
        palette.setColor(QPalette.ColorRole.Text, dimmed)
        self.setPalette(palette)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.bar.setGeometry(0, BAR_INSET, BAR_WIDTH, max(0, self.height() - 2 * BAR_INSET))
