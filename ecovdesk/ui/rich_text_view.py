"""Read-only rich text views that grow to fit their text instead of scrolling."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QSizeF, Qt, QUrl, Signal
from PySide6.QtGui import QPalette, QResizeEvent
from PySide6.QtWidgets import QFrame, QSizePolicy, QTextBrowser, QVBoxLayout, QWidget

from ecovdesk.ui.fonts import code_style_sheet


class RichTextView(QTextBrowser):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextBrowserInteraction
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        # The bubble's own colour shows through. A palette, not a style sheet: a style sheet of
        # its own makes every view polish itself apart, about a millisecond each, and a long
        # reply or conversation makes dozens of views.
        palette = self.palette()
        palette.setColor(QPalette.ColorRole.Base, Qt.GlobalColor.transparent)
        self.setPalette(palette)
        self.viewport().setAutoFillBackground(False)
        self.document().setDocumentMargin(2)
        self.document().setDefaultStyleSheet(code_style_sheet())
        self.document().documentLayout().documentSizeChanged.connect(self._fit_height)
        self._replacing = False
        self.setFixedHeight(24)

    def setHtml(self, html: str) -> None:
        # Replacing the text reports the emptied document's size first, then the new one's
        # once or more while it is laid out: each a change of height that the bubble and the
        # conversation around it follow. The view takes the final height once instead.
        self._replacing = True
        try:
            super().setHtml(html)
        finally:
            self._replacing = False
        self._fit_height(self.document().size())

    def loadResource(self, kind: int, name: QUrl | str) -> Any:
        # The document only asks for what it was not given with addResource(); nothing is ever
        # read from disk or the network on its behalf, so a reply cannot pull in files.
        return None

    def _fit_height(self, size: QSizeF) -> None:
        if self._replacing:
            return
        height = int(size.height()) + 2
        if height != self.height():
            self.setFixedHeight(height)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        # Setting the width lays the whole document out again, even when it is unchanged, and
        # every change of height (the view growing with its text) comes through here too.
        width = self.viewport().width()
        if self.document().textWidth() != width:
            self.document().setTextWidth(width)
        self._fit_height(self.document().size())


class PartedTextView(QWidget):
    """Rich text in consecutive parts, each its own document, the last one still changing.

    A streaming reply is shown this way (see ``markdown_stream``): finished blocks join a part
    of bounded size and the block being written has a view of its own, so nothing is laid out
    again in proportion to the whole reply. The price is that a selection cannot run from
    one part into the next; the bubble's Copy button still copies everything. A short text
    stays in one part.
    """

    anchorClicked = Signal(QUrl)

    def __init__(self, part_chars: int = 3000, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._part_chars = part_chars
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(0)
        self._done: list[RichTextView] = []
        self._filling: list[str] = []
        self._filling_chars = 0
        self._open = self._new_part()
        self._open_html = ""

    def _new_part(self) -> RichTextView:
        view = RichTextView()
        view.anchorClicked.connect(self.anchorClicked)
        # Shown now, at its final width: left for the layout to show, it is laid out at a
        # default width when its text is set, then again at its own once the window has
        # already painted without it.
        view.resize(self.width(), view.height())
        self._layout.insertWidget(len(self._done), view)
        if self.isVisible():
            view.show()
        return view

    @property
    def parts(self) -> list[RichTextView]:
        return [*self._done, self._open] if self._open.isVisibleTo(self) else list(self._done)

    def setHtml(self, html: str) -> None:
        """Everything in one part."""
        self.clear_parts()
        self._open_html = html
        self._open.setHtml(html)
        self._open.setVisible(True)

    def add_done(self, html: str, chars: int) -> None:
        """Finished blocks, ``chars`` long in Markdown, after those already shown."""
        if not self._done or (self._filling and self._filling_chars + chars > self._part_chars):
            self._done.append(self._new_part())
            self._filling, self._filling_chars = [], 0
        self._filling.append(html)
        self._filling_chars += chars
        self._done[-1].setHtml("".join(self._filling))

    def set_open_html(self, html: str) -> None:
        # Setting the same text again would still lay it out and repaint it.
        if html != self._open_html:
            self._open_html = html
            self._open.setHtml(html)
        self._open.setVisible(bool(html))

    def clear_parts(self) -> None:
        for view in self._done:
            self._layout.removeWidget(view)
            view.deleteLater()
        self._done, self._filling, self._filling_chars = [], [], 0

    def toPlainText(self) -> str:
        return "\n".join(part.toPlainText() for part in self.parts)

    def toHtml(self) -> str:
        return "".join(part.toHtml() for part in self.parts)
