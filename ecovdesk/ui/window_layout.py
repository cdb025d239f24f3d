"""How the main window's panes sit: conversations, pages and options side by side, and the
audio player's bar across the bottom, under all of them."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QSplitter, QVBoxLayout, QWidget

# Wide enough for the list's titles and the options' labels; the pages take the rest.
PANE_WIDTHS = [240, 760, 260]


def side_by_side(conversations: QWidget, pages: QWidget, options: QWidget) -> QSplitter:
    splitter = QSplitter(Qt.Orientation.Horizontal)
    for pane in (conversations, pages, options):
        splitter.addWidget(pane)
    splitter.setStretchFactor(1, 1)
    splitter.setSizes(PANE_WIDTHS)
    return splitter


def one_above_the_other(top: QWidget, bottom: QWidget) -> QSplitter:
    splitter = QSplitter(Qt.Orientation.Vertical)
    splitter.addWidget(top)
    splitter.addWidget(bottom)
    return splitter


def with_bar_below(panes: QWidget, bar: QWidget) -> QWidget:
    central = QWidget()
    layout = QVBoxLayout(central)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(panes, 1)
    layout.addWidget(bar)
    return central
