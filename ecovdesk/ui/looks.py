"""The few looks some widgets have apart from the rest, given without a style sheet.

An application style sheet sends every widget's polishing and painting through Qt's style-sheet
style, whether a rule names it or not: with one, a run of ``--smoke-test`` took 15% more
instructions, and every view a long reply adds cost more. Palette roles give the same looks;
the roles of the application palette follow the theme by themselves.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QAbstractButton, QApplication, QPushButton, QWidget

# Secondary text: times, counts, captions, what a model is doing.
DIMMED = "bubbleHeader"
ERROR = "errorBanner"
WARNING = "stateBanner"
# The button that sends: wider, taller and bold, the one to find at a glance.
PRIMARY = "sendButton"

_FIXED_COLOURS = {ERROR: "#c62828", WARNING: "#b26a00"}
# The whole button, frame included.
PRIMARY_WIDTH = 98
PRIMARY_HEIGHT = 40


def set_look(widget: QWidget, look: str) -> None:
    """Gives ``widget`` the look named ``look``, in place of any it had; the name becomes its
    object name. A name without a look of its own leaves the widget as the style draws it."""
    widget.setObjectName(look)
    # An empty palette sets no role: the widget inherits every colour again.
    widget.setPalette(QPalette())
    widget.setForegroundRole(QPalette.ColorRole.NoRole)
    button = isinstance(widget, QAbstractButton)
    if look == DIMMED and not button:
        # A label draws its text in its foreground role, taken from the palette of the
        # moment: it changes colour with the theme.
        widget.setForegroundRole(QPalette.ColorRole.PlaceholderText)
    elif look == DIMMED:
        # A button's text is always its palette's ButtonText: it is given the dimmed colour
        # of the current theme, and again by follow_palette when the theme changes.
        _set_colour(widget, QPalette.ColorRole.ButtonText, _placeholder())
    elif look in _FIXED_COLOURS:
        role = QPalette.ColorRole.ButtonText if button else QPalette.ColorRole.WindowText
        _set_colour(widget, role, QColor(_FIXED_COLOURS[look]))
    if look == PRIMARY and isinstance(widget, QPushButton):
        widget.setMinimumSize(PRIMARY_WIDTH, PRIMARY_HEIGHT)
        font = widget.font()
        font.setBold(True)
        widget.setFont(font)


def follow_palette(app: QApplication) -> None:
    """After the application's palette changed: dimmed buttons, whose colour is a copy, take
    the new theme's."""
    colour = _placeholder()
    for widget in app.allWidgets():
        if isinstance(widget, QAbstractButton) and widget.objectName() == DIMMED:
            _set_colour(widget, QPalette.ColorRole.ButtonText, colour)


def _placeholder() -> QColor:
    return QApplication.palette().color(QPalette.ColorRole.PlaceholderText)


def _set_colour(widget: QWidget, role: QPalette.ColorRole, colour: QColor) -> None:
    palette = widget.palette()
    palette.setColor(role, colour)
    widget.setPalette(palette)
