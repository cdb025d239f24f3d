"""Midjourney options: turned into prompt parameters (--ar, --v, --s …) by the job service."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ecovdesk.ui import looks
from ecovdesk.ui.widgets import label

ASPECT_RATIOS = ("", "1:1", "16:9", "9:16", "4:3", "3:4", "3:2", "2:3", "21:9")
VERSIONS = ("", "7", "6.1", "6", "5.2")
NIJI_VERSIONS = ("", "6", "5")


class MidjourneyOptionsPanel(QWidget):
    optionsChanged = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        title = label(self.tr("Midjourney options"))
        font = title.font()
        font.setBold(True)
        title.setFont(font)
        layout.addWidget(title)
        form = QFormLayout()
        self.task = QComboBox()
        for text, value in (
            (self.tr("Imagine"), "imagine"),
            (self.tr("Blend 2–5 attached images"), "blend"),
            (self.tr("Describe the attached image"), "describe"),
            (self.tr("Shorten the prompt"), "shorten"),
        ):
            self.task.addItem(text, value)
        self.dimensions = QComboBox()
        for text, value in (
            (self.tr("Square"), "SQUARE"),
            (self.tr("Portrait"), "PORTRAIT"),
            (self.tr("Landscape"), "LANDSCAPE"),
        ):
            self.dimensions.addItem(text, value)
        form.addRow(self.tr("Task"), self.task)
        form.addRow(self.tr("Blend shape"), self.dimensions)
        self.task.currentIndexChanged.connect(
            lambda _i: form.setRowVisible(self.dimensions, self.task.currentData() == "blend")
        )
        form.setRowVisible(self.dimensions, False)
        self.aspect_ratio = self._combo(ASPECT_RATIOS, self.tr("Default"))
        self.version = self._combo(VERSIONS, self.tr("Default"))
        self.stylize = self._spin(0, 1000, self.tr("Default"))
        self.chaos = self._spin(0, 100, self.tr("Default"))
        self.quality = self._combo(("", ".25", ".5", "1", "2"), self.tr("Default"))
        self.weird = self._spin(0, 3000, self.tr("Default"))
        self.raw = QCheckBox(self.tr("Raw style"))
        self.tile = QCheckBox(self.tr("Tile"))
        self.seed = QLineEdit()
        self.seed.setPlaceholderText(self.tr("Random"))
        self.no = QLineEdit()
        self.no.setPlaceholderText(self.tr("Things to leave out"))
        self.style_ref = QLineEdit()
        self.style_ref.setPlaceholderText("https://…")
        self.character_ref = QLineEdit()
        self.character_ref.setPlaceholderText("https://…")
        self.mode = QComboBox()
        for text, value in (
            (self.tr("Relay default"), ""),
            (self.tr("Fast"), "fast"),
            (self.tr("Relaxed"), "relax"),
            (self.tr("Turbo"), "turbo"),
        ):
            self.mode.addItem(text, value)
        form.addRow(self.tr("Aspect ratio"), self.aspect_ratio)
        form.addRow(self.tr("Version"), self.version)
        form.addRow(self.tr("Stylize"), self.stylize)
        form.addRow(self.tr("Chaos"), self.chaos)
        form.addRow(self.tr("Quality"), self.quality)
        form.addRow(self.tr("Weird"), self.weird)
        form.addRow("", self.raw)
        form.addRow("", self.tile)
        form.addRow(self.tr("Seed"), self.seed)
        form.addRow(self.tr("Leave out (--no)"), self.no)
        form.addRow(self.tr("Style reference"), self.style_ref)
        form.addRow(self.tr("Character reference"), self.character_ref)
        form.addRow(self.tr("Speed"), self.mode)
        layout.addLayout(form)
        hint = label(
            self.tr("Attached images are sent as image prompts."), name=looks.DIMMED, wrap=True
        )
        layout.addWidget(hint)
        layout.addStretch(1)

    @staticmethod
    def _combo(values: tuple[str, ...], empty: str) -> QComboBox:
        combo = QComboBox()
        for value in values:
            combo.addItem(value or empty, value)
        return combo

    @staticmethod
    def _spin(low: int, high: int, special: str) -> QSpinBox:
        spin = QSpinBox()
        spin.setRange(low - 1, high)
        spin.setSpecialValueText(special)
        spin.setValue(low - 1)
        return spin

    def set_model(self, model: str) -> None:
        niji = model == "niji"
        current = self.version.currentData()
        self.version.clear()
        for value in NIJI_VERSIONS if niji else VERSIONS:
            self.version.addItem(value or self.tr("Default"), value)
        self.version.setCurrentIndex(max(0, self.version.findData(current)))

    def params(self) -> dict[str, object]:
        """Only what the user set; the service leaves everything else to Midjourney."""
        values: dict[str, object] = {
            "task": self.task.currentData(),
            "aspect_ratio": self.aspect_ratio.currentData(),
            "version": self.version.currentData(),
            "quality": self.quality.currentData(),
            "no": self.no.text().strip(),
            "sref": self.style_ref.text().strip(),
            "cref": self.character_ref.text().strip(),
            "mode": self.mode.currentData(),
        }
        for key, spin in (("stylize", self.stylize), ("chaos", self.chaos), ("weird", self.weird)):
            if spin.value() >= spin.minimum() + 1:
                values[key] = spin.value()
        seed = self.seed.text().strip()
        if seed.isdigit():
            values["seed"] = int(seed)
        if self.raw.isChecked():
            values["raw"] = True
        if self.tile.isChecked():
            values["tile"] = True
        if values["task"] == "blend":
            values["dimensions"] = self.dimensions.currentData()
        if values["task"] == "imagine":
            del values["task"]
        return {k: v for k, v in values.items() if v not in ("", None)}
