"""The option lists show words a user reads, while the requests keep the API's values."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox
from pytestqt.qtbot import QtBot

from ecovdesk.ui.image_options_panel import ImageOptionsPanel
from ecovdesk.ui.mj_options_panel import MidjourneyOptionsPanel
from ecovdesk.ui.video_options_panel import VideoOptionsPanel


def _shown(combo: QComboBox) -> dict[object, str]:
    return {combo.itemData(i): combo.itemText(i) for i in range(combo.count())}


def _choose(combo: QComboBox, value: object) -> None:
    index = combo.findData(value)
    assert index >= 0, value
    combo.setCurrentIndex(index)


def _assert_words(combo: QComboBox) -> None:
    """No choice is shown as the API spells it (ASPECT_16_9, realistic_image, relax, 9s)."""
    raw = [text for value, text in _shown(combo).items() if text == value]
    assert raw == [], f"shown as the API spells them: {raw}"


def test_recraft_styles_read_as_words_and_go_out_as_api_values(qtbot: QtBot) -> None:
    panel = ImageOptionsPanel()
    qtbot.addWidget(panel)
    panel.set_model("recraftv3")
    _assert_words(panel.style_choice)
    _assert_words(panel.substyle)
    assert _shown(panel.style_choice)["realistic_image"] == "Realistic photo"
    assert _shown(panel.substyle)["b_and_w"] == "Black and white"
    _choose(panel.style_choice, "digital_illustration")
    _choose(panel.substyle, "2d_art_poster")
    options = panel.options()
    assert (options.style, options.substyle) == ("digital_illustration", "2d_art_poster")


def test_ideogram_ratios_read_as_ratios_and_styles_as_words(qtbot: QtBot) -> None:
    panel = ImageOptionsPanel()
    qtbot.addWidget(panel)
    panel.set_model("ideogram-v2")
    _assert_words(panel.aspect_ratio)
    _assert_words(panel.style_type)
    assert _shown(panel.aspect_ratio)["ASPECT_16_9"] == "16:9"
    assert _shown(panel.style_type)["RENDER_3D"] == "3D render"
    _choose(panel.aspect_ratio, "ASPECT_16_9")
    _choose(panel.style_type, "ANIME")
    options = panel.options()
    assert (options.aspect_ratio, options.style_type) == ("ASPECT_16_9", "ANIME")


def test_midjourney_speeds_read_as_words(qtbot: QtBot) -> None:
    panel = MidjourneyOptionsPanel()
    qtbot.addWidget(panel)
    _assert_words(panel.mode)
    assert _shown(panel.mode)["relax"] == "Relaxed"
    _choose(panel.mode, "relax")
    assert panel.params()["mode"] == "relax"


def test_luma_lengths_read_in_seconds(qtbot: QtBot) -> None:
    panel = VideoOptionsPanel()
    qtbot.addWidget(panel)
    panel.set_model("luma")
    _assert_words(panel.luma_duration)
    assert _shown(panel.luma_duration)["9s"] == "9 s"
    _choose(panel.luma_duration, "9s")
    assert panel.params()["duration"] == "9s"
