"""Where the main window opens and how it is divided, kept between sessions as text."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QSplitter, QWidget

PREFERRED = QSize(1200, 800)


def first_size() -> QSize:
    """1200 × 800 where the screen has room; on a small laptop screen (1366 × 768, or a
    larger one at 150 % scale) no more than it, so the composer is not cut off."""
    screen = QGuiApplication.primaryScreen()
    if screen is None:
        return PREFERRED
    room = screen.availableGeometry()
    return QSize(
        min(PREFERRED.width(), int(room.width() * 0.95)),
        min(PREFERRED.height(), int(room.height() * 0.9)),
    )


def restore_geometry(window: QWidget, text: str) -> None:
    if text:
        window.restoreGeometry(QByteArray.fromBase64(text.encode("ascii")))


def restore_splitter(splitter: QSplitter, text: str) -> None:
    if text:
        splitter.restoreState(QByteArray.fromBase64(text.encode("ascii")))


def geometry_text(window: QWidget) -> str:
    return bytes(window.saveGeometry().toBase64().data()).decode("ascii")


def splitter_text(splitter: QSplitter) -> str:
    return bytes(splitter.saveState().toBase64().data()).decode("ascii")
