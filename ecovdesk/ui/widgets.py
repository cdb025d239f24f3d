"""Small constructors for the buttons and labels used everywhere, styled by object name."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton, QToolButton


def tool_button(
    text: str, *, tooltip: str = "", checkable: bool = False, flat: bool = False, name: str = ""
) -> QToolButton:
    button = QToolButton()
    button.setText(text)
    button.setToolTip(tooltip)
    button.setCheckable(checkable)
    button.setAutoRaise(flat)
    if name:
        button.setObjectName(name)
    return button


def push_button(text: str, *, name: str = "") -> QPushButton:
    button = QPushButton(text)
    if name:
        button.setObjectName(name)
    return button


def label(
    text: str = "", *, name: str = "", wrap: bool = False, align: Qt.AlignmentFlag | None = None
) -> QLabel:
    widget = QLabel(text)
    widget.setWordWrap(wrap)
    if name:
        widget.setObjectName(name)
    if align is not None:
        widget.setAlignment(align)
    return widget
