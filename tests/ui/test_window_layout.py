"""How the main window sits on the screen and what it shows where."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QGuiApplication
from pytestqt.qtbot import QtBot

from ecovdesk.app import RunningApp
from ecovdesk.ui.window_state import first_size
from tests.ui.conftest import Driver


def test_options_show_beside_the_chat_only(driver: Driver, app: RunningApp) -> None:
    window = app.window
    window.options_button.setChecked(True)
    assert window.side_panel.isVisibleTo(window)
    for tab in (window.gallery, window.jobs_panel, window.music_page, window.videos_tab):
        window.tabs.setCurrentWidget(tab)
        assert not window.side_panel.isVisibleTo(window)
    window.tabs.setCurrentIndex(0)
    assert window.side_panel.isVisibleTo(window)  # still chosen: back with the chat
    window.options_button.setChecked(False)
    assert not window.side_panel.isVisibleTo(window)


def test_the_first_window_fits_a_small_laptop_screen(
    driver: Driver, app: RunningApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    class SmallScreen:
        def availableGeometry(self) -> QRect:
            return QRect(0, 0, 1093, 574)  # 1366 × 768 at 125 %, less the task bar

    monkeypatch.setattr(QGuiApplication, "primaryScreen", staticmethod(lambda: SmallScreen()))
    app.window.resize(first_size())
    assert app.window.width() <= 1093 and app.window.height() <= 574


def test_tab_leaves_the_message_box_for_its_buttons(qtbot: QtBot, app: RunningApp) -> None:
    edit = app.window.composer.edit
    app.window.activateWindow()
    edit.setFocus()
    edit.insertPlainText("你好")
    qtbot.keyClick(edit, Qt.Key.Key_Tab)
    assert edit.toPlainText() == "你好"
    assert not edit.hasFocus()
