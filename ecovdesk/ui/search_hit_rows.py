"""Search results drawn as a title over a snippet, with the words searched for marked."""

from __future__ import annotations

import html
import re

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRectF, QSize, Qt
from PySide6.QtGui import QAbstractTextDocumentLayout, QPainter, QPalette, QTextDocument
from PySide6.QtWidgets import QAbstractItemView, QApplication, QStyle, QStyleOptionViewItem

from ecovdesk.ui.even_rows import EvenRows

# (title, snippet, words searched for) of a row that is a search hit.
HIT_ROLE = Qt.ItemDataRole.UserRole + 2
# Space between the text and the row's edges, as the style gives plain rows.
_PADDING = 3


def hit_html(title: str, snippet: str, terms: list[str], mark: str, dim: str) -> str:
    """The title in bold, the snippet under it (unless it is the title) with ``terms`` marked."""
    lines = [f"<b>{_marked(title, terms, mark)}</b>"]
    if snippet and snippet != title:
        lines.append(f'<span style="color:{dim}">{_marked(snippet, terms, mark)}</span>')
    return "<br>".join(lines)


def _marked(text: str, terms: list[str], mark: str) -> str:
    wanted = [t for t in terms if t]
    if not wanted:
        return html.escape(text)
    # Longest first, so that of two overlapping words the longer one is the one marked.
    pattern = "|".join(re.escape(t) for t in sorted(wanted, key=len, reverse=True))
    pieces = re.split(f"({pattern})", text, flags=re.IGNORECASE)
    return "".join(
        f'<span style="background-color:{mark}">{html.escape(piece)}</span>'
        if index % 2
        else html.escape(piece)
        for index, piece in enumerate(pieces)
    )


class SearchHitRows(EvenRows):
    """Rows with HIT_ROLE set are drawn as hits; every other row as EvenRows draws it."""

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        hit = index.data(HIT_ROLE)
        if hit is None:
            super().paint(painter, option, index)
            return
        view = QStyleOptionViewItem(option)
        self.initStyleOption(view, index)
        view.text = ""
        widget = view.widget
        style = widget.style() if widget is not None else QApplication.style()
        # The row's background, selection and focus as the style draws them, then the text.
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, view, painter, widget)
        selected = bool(view.state & QStyle.StateFlag.State_Selected)
        document = self._document(view, hit, view.rect.width(), selected=selected)
        context = QAbstractTextDocumentLayout.PaintContext()
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        context.palette.setColor(QPalette.ColorRole.Text, view.palette.color(role))
        painter.save()
        painter.translate(view.rect.left() + _PADDING, view.rect.top() + _PADDING)
        painter.setClipRect(QRectF(0, 0, view.rect.width() - 2 * _PADDING, view.rect.height()))
        document.documentLayout().draw(painter, context)
        painter.restore()

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        hit = index.data(HIT_ROLE)
        if hit is None:
            return super().sizeHint(option, index)
        widget = option.widget
        # The list's own width: a hit's snippet wraps to it.
        width = (
            widget.viewport().width()
            if isinstance(widget, QAbstractItemView)
            else option.rect.width()
        )
        document = self._document(option, hit, width)
        return QSize(width, int(document.size().height()) + 2 * _PADDING)

    def _document(
        self,
        option: QStyleOptionViewItem,
        hit: tuple[str, str, list[str]],
        width: int,
        *,
        selected: bool = False,
    ) -> QTextDocument:
        title, snippet, terms = hit
        palette = option.palette
        mark = palette.color(QPalette.ColorRole.Highlight)
        mark.setAlpha(70)
        # Dimmed text on the selection's colour would be hard to read.
        dim = (
            palette.color(QPalette.ColorRole.HighlightedText)
            if selected
            else palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
        )
        document = QTextDocument()
        document.setDocumentMargin(0)
        document.setDefaultFont(option.font)
        document.setHtml(
            hit_html(
                title,
                snippet,
                terms,
                f"rgba({mark.red()},{mark.green()},{mark.blue()},{mark.alpha()})",
                dim.name(),
            )
        )
        document.setTextWidth(max(1, width - 2 * _PADDING))
        return document
