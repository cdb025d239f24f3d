"""Small constructors for the buttons and labels used everywhere; ``name`` is a look (looks.py)."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QPushButton, QToolButton

from ecovdesk.ui.looks import set_look


def tool_button(
    text: str, *, tooltip: str = "", checkable: bool = False, flat: bool = False, name: str = ""
) -> QToolButton:
    button = QToolButton()
    button.setText(text)
    button.setToolTip(tooltip)
    button.setCheckable(checkable)
    button.setAutoRaise(flat)
    if name:
        set_look(button, name)
    return button


def sends(event: QKeyEvent) -> bool:
    """Whether a key press in a message box sends: Enter, unless Shift or Ctrl adds a line."""
    enter = event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
    return enter and not event.modifiers() & (
        Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.ControlModifier
    )


def size_message_box(box: QPlainTextEdit) -> None:
    """A message box's height: a few lines to start, growing no taller than a few more."""
    box.setMinimumHeight(60)
    box.setMaximumHeight(140)


def push_button(text: str, *, name: str = "") -> QPushButton:
    button = QPushButton(text)
    if name:
        set_look(button, name)
    return button


def label(
    text: str = "", *, name: str = "", wrap: bool = False, align: Qt.AlignmentFlag | None = None
) -> QLabel:
    widget = QLabel(text)
    # Labels show relay and model words (error messages, prompts, model ids); as rich text a
    # stray tag would be rendered, and an <img src="file:..."> read from the disk.
    widget.setTextFormat(Qt.TextFormat.PlainText)
    widget.setWordWrap(wrap)
    if name:
        set_look(widget, name)
    if align is not None:
        widget.setAlignment(align)
    return widget


def plain_tooltip(text: str) -> str:
    """``text`` as a tooltip showing exactly these characters.

    Qt renders a tooltip as rich text when its first line looks like markup, so a prompt or an
    error holding a tag would be drawn (an <img src="file:..."> read from the disk) unless it is
    escaped into rich text of its own.
    """
    return f'<p style="white-space:pre-wrap">{html.escape(text)}</p>' if text else ""
