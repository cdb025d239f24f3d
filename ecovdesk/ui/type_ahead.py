"""Keys typed while the window is still opening, kept for the message box."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget

# Keys that edit text without producing any: kept so that a typo fixed while the window was
# opening stays fixed.
_EDITING_KEYS = frozenset(
    {Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Backspace, Qt.Key.Key_Tab}
)


class TypeAhead:
    """The window appears before the message box exists; what is typed in that time is
    replayed into the box once it does, Enter included, as if the box had been there."""

    def __init__(self) -> None:
        self._keys: list[QKeyEvent] = []

    def keep(self, event: QKeyEvent) -> bool:
        """Keeps ``event`` if it types or edits text; returns whether it did."""
        shortcut = event.modifiers() & (
            Qt.KeyboardModifier.ControlModifier
            | Qt.KeyboardModifier.AltModifier
            | Qt.KeyboardModifier.MetaModifier
        )
        if shortcut:
            return False
        typed = event.text() and event.text().isprintable()
        if not typed and event.key() not in _EDITING_KEYS:
            return False
        self._keys.append(event.clone())
        return True

    def replay(self, target: QWidget) -> None:
        keys, self._keys = self._keys, []
        for event in keys:
            QApplication.sendEvent(target, event)
