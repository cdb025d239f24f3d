"""The picture options panel keeps what the user chose while they try other models."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from ecovdesk.ui.image_options_panel import ImageOptionsPanel


def _choose(combo: object, value: str) -> None:
    from PySide6.QtWidgets import QComboBox

    assert isinstance(combo, QComboBox)
    index = combo.findData(value)
    assert index >= 0, value
    combo.setCurrentIndex(index)


def test_a_size_and_style_survive_a_trip_through_models_that_lack_them(qtbot: QtBot) -> None:
    panel = ImageOptionsPanel()
    qtbot.addWidget(panel)
    panel.set_model("dall-e-3")
    _choose(panel.size_choice, "1792x1024")
    _choose(panel.style_choice, "natural")
    for model in ("flux-pro", "recraftv3"):
        panel.set_model(model)  # neither offers 1792x1024 or "natural"
        options = panel.options()
        assert options.size != "1792x1024" and options.style != "natural"
    panel.set_model("dall-e-3")
    options = panel.options()
    assert (options.size, options.style) == ("1792x1024", "natural")
