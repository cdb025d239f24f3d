"""The options panel sits beside the chat it configures, not beside the other tabs."""

from __future__ import annotations

from ecovdesk.app import RunningApp
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
