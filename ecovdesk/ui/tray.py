"""The tray icon: show or hide the window, how many jobs are running, quit."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QMainWindow, QMenu, QSystemTrayIcon


def make_tray(window: QMainWindow, icon: QIcon) -> QSystemTrayIcon | None:
    """A tray icon where the platform has a tray; None elsewhere (notifications are skipped)."""
    if not QSystemTrayIcon.isSystemTrayAvailable():
        return None
    tray = QSystemTrayIcon(icon, window)
    menu = QMenu(window)
    toggle = menu.addAction(QCoreApplication.translate("Tray", "Show or hide ecovdesk"))
    toggle.triggered.connect(lambda: window.setVisible(not window.isVisible()))
    menu.addSeparator()
    quit_action = menu.addAction(QCoreApplication.translate("Tray", "Quit"))
    quit_action.triggered.connect(window.close)
    tray.setContextMenu(menu)
    tray.setToolTip("ecovdesk")
    tray.activated.connect(
        lambda reason: (
            window.showNormal() if reason == QSystemTrayIcon.ActivationReason.Trigger else None
        )
    )
    tray.show()
    return tray


def show_running_count(tray: QSystemTrayIcon | None, count: int) -> None:
    if tray is not None:
        tip = QCoreApplication.translate("Tray", "ecovdesk — %n job(s) running", "", count)
        tray.setToolTip(tip if count else "ecovdesk")
