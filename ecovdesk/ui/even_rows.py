"""List rows at least as tall as a line of Chinese, whatever script their text is in."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, QSize
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

# Any CJK character: the fallback font that draws it sets the taller line.
_CJK_SAMPLE = "中"


class EvenRows(QStyledItemDelegate):
    """A delegate whose rows never come out shorter than one line of Chinese.

    Latin text is laid out in the UI font alone, whose line is a little shorter than that of
    the CJK font Chinese falls back to, so a list mixing "Trip plan" with "旅行计划" would have
    rows of two heights.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        # By font: the list may hold thousands of rows, and each asks for its size.
        self._line_heights: dict[str, int] = {}

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        hint = super().sizeHint(option, index)
        return QSize(hint.width(), max(hint.height(), self._line_height(option, index)))

    def _line_height(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> int:
        key = option.font.key()
        height = self._line_heights.get(key)
        if height is None:
            sample = QStyleOptionViewItem(option)
            self.initStyleOption(sample, index)
            sample.text = _CJK_SAMPLE
            widget = sample.widget
            style = widget.style() if widget is not None else QApplication.style()
            size = style.sizeFromContents(
                QStyle.ContentsType.CT_ItemViewItem, sample, QSize(), widget
            )
            height = self._line_heights[key] = size.height()
        return height
