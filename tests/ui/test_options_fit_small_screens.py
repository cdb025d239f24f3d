"""With the options panel open, the window still fits a small laptop screen, and the panel
keeps one width whatever the model or the song mode, so the chat beside it never jumps."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from ecovdesk.app import RunningApp
from tests.fakerelay.server import FakeRelay
from tests.ui.conftest import Driver, chinese_app

SMALL_SCREEN = (1000, 640)
# Each family in turn, Suno through all its modes, then back to where it started.
STEPS = (
    ("midjourney", ""),
    ("chirp-v4", "custom"),
    ("chirp-v4", "continue"),
    ("chirp-v4", "inspiration"),
    ("kling-v1", ""),
    ("runway-gen2", ""),
    ("ideogram-v2", ""),
    ("midjourney", ""),
)


def _panel_widths_on_a_small_screen(driver: Driver, app: RunningApp) -> set[int]:
    window = app.window
    window.options_button.setChecked(True)
    widths = set()
    for model, mode in STEPS:
        window.picker.choose(model)
        if mode:
            window.side_panel.suno.mode_buttons[mode].click()
        QApplication.processEvents()
        window.resize(*SMALL_SCREEN)
        driver.settle(0.05)
        where = f"{model} {mode}".strip()
        assert window.minimumSizeHint().width() <= SMALL_SCREEN[0], where
        assert (window.width(), window.height()) == SMALL_SCREEN, where
        assert window.side_panel.isVisibleTo(window), where
        # Everything in the panel shows at this width, without scrolling sideways.
        assert not window.side_panel.horizontalScrollBar().isVisible(), where
        widths.add(window.side_panel.width())
    return widths


def test_the_chinese_window_fits_with_the_options_open(
    driver: Driver, relay: FakeRelay, tmp_path: Path
) -> None:
    with chinese_app(driver, relay, tmp_path / "zh") as app:
        assert len(_panel_widths_on_a_small_screen(driver, app)) == 1


@pytest.mark.usefixtures("relay")
def test_the_english_window_fits_with_the_options_open(driver: Driver, app: RunningApp) -> None:
    assert len(_panel_widths_on_a_small_screen(driver, app)) == 1
