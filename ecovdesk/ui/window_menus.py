"""The main window's menu bar: File and Help, with their keyboard shortcuts."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow


@dataclass(frozen=True)
class MenuCommands:
    new_conversation: Callable[[], None]
    search: Callable[[], None]
    settings: Callable[[], None]
    about: Callable[[], None]


def build_menus(window: QMainWindow, commands: MenuCommands) -> list[QAction]:
    """Adds the menus; returns the actions that need the conversations loaded, disabled until
    then. The words keep the window's translation context."""
    menu = window.menuBar().addMenu(QCoreApplication.translate("MainWindow", "&File"))
    content = [
        menu.addAction(
            QCoreApplication.translate("MainWindow", "New conversation"),
            QKeySequence("Ctrl+N"),
            commands.new_conversation,
        ),
        menu.addAction(
            QCoreApplication.translate("MainWindow", "Search messages"),
            QKeySequence("Ctrl+F"),
            commands.search,
        ),
        menu.addAction(
            QCoreApplication.translate("MainWindow", "Settings…"),
            QKeySequence("Ctrl+,"),
            commands.settings,
        ),
    ]
    menu.addSeparator()
    menu.addAction(
        QCoreApplication.translate("MainWindow", "Quit"), QKeySequence("Ctrl+Q"), window.close
    )
    help_menu = window.menuBar().addMenu(QCoreApplication.translate("MainWindow", "&Help"))
    help_menu.addAction(QCoreApplication.translate("MainWindow", "About ecovdesk"), commands.about)
    for action in content:
        action.setEnabled(False)
    return content
