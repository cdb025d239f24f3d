"""Options for the picture models: each family shows only what it takes."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ecovdesk.core.domain import ImageOptions
from ecovdesk.ui.widgets import label

DALLE_SIZES = ("1024x1024", "1792x1024", "1024x1792")
FLUX_SIZES = (
    "1024x1024",
    "1024x768",
    "768x1024",
    "1024x576",
    "576x1024",
    "1280x960",
    "960x1280",
    "1366x768",
    "768x1366",
    "1344x576",
    "1024x512",
    "512x1024",
)
FLUX_RATIOS = ("", "1:1", "16:9", "9:16", "4:3", "3:4", "21:9", "9:21")
IDEOGRAM_RATIOS = (
    "ASPECT_1_1",
    "ASPECT_16_9",
    "ASPECT_9_16",
    "ASPECT_4_3",
    "ASPECT_3_4",
    "ASPECT_3_2",
    "ASPECT_2_3",
    "ASPECT_16_10",
    "ASPECT_10_16",
    "ASPECT_3_1",
    "ASPECT_1_3",
)

Choices = tuple[tuple[str, str], ...]


def ideogram_ratio_text(value: str) -> str:
    """``ASPECT_16_9`` as the 16:9 everyone reads; ratios look the same in every language."""
    return value.removeprefix("ASPECT_").replace("_", ":")


def image_kind(model: str) -> str:
    """Which set of options a picture model takes."""
    lowered = model.lower()
    if lowered.startswith("ideogram"):
        return "ideogram"
    if lowered.startswith("recraft"):
        return "recraft"
    if lowered.startswith("dall-e"):
        return "dalle"
    return "flux"


class ImageOptionsPanel(QWidget):
    optionsChanged = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._kind = "flux"
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        title = label(self.tr("Picture options"))
        font = title.font()
        font.setBold(True)
        title.setFont(font)
        layout.addWidget(title)
        self.form = QFormLayout()
        self.size_choice = QComboBox()
        self.aspect_ratio = QComboBox()
        self.count = QSpinBox()
        self.count.setRange(1, 4)
        self.quality = QComboBox()
        self.quality.addItem(self.tr("Standard"), "standard")
        self.quality.addItem(self.tr("HD"), "hd")
        self.style_choice = QComboBox()
        self.substyle = QComboBox()
        for text, value in self._recraft_substyles():
            self.substyle.addItem(text, value)
        self.style_type = QComboBox()
        for text, value in self._ideogram_styles():
            self.style_type.addItem(text, value)
        self.magic_prompt = QComboBox()
        for text, value in (
            (self.tr("Auto"), "AUTO"),
            (self.tr("On"), "ON"),
            (self.tr("Off"), "OFF"),
        ):
            self.magic_prompt.addItem(text, value)
        self.negative_prompt = QLineEdit()
        self.negative_prompt.setPlaceholderText(self.tr("What the picture should not contain"))
        self.seed = QLineEdit()
        self.seed.setPlaceholderText(self.tr("Random"))
        self.rows: dict[str, tuple[str, QWidget]] = {
            "size": (self.tr("Size"), self.size_choice),
            "aspect_ratio": (self.tr("Aspect ratio"), self.aspect_ratio),
            "count": (self.tr("Count"), self.count),
            "quality": (self.tr("Quality"), self.quality),
            "style": (self.tr("Style"), self.style_choice),
            "substyle": (self.tr("Substyle"), self.substyle),
            "style_type": (self.tr("Style type"), self.style_type),
            "magic_prompt": (self.tr("Magic prompt"), self.magic_prompt),
            "negative_prompt": (self.tr("Negative prompt"), self.negative_prompt),
            "seed": (self.tr("Seed"), self.seed),
        }
        for text, widget in self.rows.values():
            self.form.addRow(text, widget)
        layout.addLayout(self.form)
        layout.addStretch(1)
        for combo in (
            self.size_choice,
            self.aspect_ratio,
            self.quality,
            self.style_choice,
            self.substyle,
            self.style_type,
            self.magic_prompt,
        ):
            combo.currentIndexChanged.connect(self._changed)
        self.count.valueChanged.connect(self._changed)
        self.negative_prompt.textChanged.connect(self._changed)
        self.seed.textChanged.connect(self._changed)
        # The last value chosen in each list whose choices change with the model: a model
        # that lacks it shows another, and the next one that has it shows it again.
        self._wanted: dict[QComboBox, object] = {}
        for combo in (self.size_choice, self.aspect_ratio, self.style_choice):
            combo.currentIndexChanged.connect(
                lambda _index, c=combo: self._wanted.__setitem__(c, c.currentData())
            )
        self.set_model("flux")

    def set_model(self, model: str) -> None:
        kind = image_kind(model)
        self._kind = kind
        visible = {
            "dalle": {"size", "quality", "style"},
            "flux": {"size", "aspect_ratio", "count", "seed"},
            "recraft": {"size", "count", "style", "substyle"},
            "ideogram": {"aspect_ratio", "magic_prompt", "style_type", "negative_prompt", "seed"},
        }[kind]
        self._fill(self.size_choice, DALLE_SIZES if kind == "dalle" else FLUX_SIZES)
        if kind == "ideogram":
            ratios = tuple((ideogram_ratio_text(v), v) for v in IDEOGRAM_RATIOS)
            self._fill_pairs(self.aspect_ratio, ratios)
        else:
            self._fill(self.aspect_ratio, FLUX_RATIOS, empty=self.tr("Use the size"))
        if kind == "dalle":
            self._fill_pairs(
                self.style_choice, ((self.tr("Vivid"), "vivid"), (self.tr("Natural"), "natural"))
            )
        elif kind == "recraft":
            self._fill_pairs(self.style_choice, self._recraft_styles())
        self.count.setMaximum(1 if kind == "dalle" else (2 if kind == "recraft" else 4))
        for name, (_text, widget) in self.rows.items():
            self.form.setRowVisible(widget, name in visible)

    # The lists below show words; the value beside each is what the request carries.

    def _recraft_styles(self) -> Choices:
        return (
            (self.tr("Realistic photo"), "realistic_image"),
            (self.tr("Digital illustration"), "digital_illustration"),
            (self.tr("Vector illustration"), "vector_illustration"),
            (self.tr("Icon"), "icon"),
            (self.tr("Any style"), "any"),
        )

    def _recraft_substyles(self) -> Choices:
        return (
            (self.tr("None"), ""),
            (self.tr("Black and white"), "b_and_w"),
            (self.tr("Hard flash"), "hard_flash"),
            (self.tr("HDR"), "hdr"),
            (self.tr("Natural light"), "natural_light"),
            (self.tr("Studio portrait"), "studio_portrait"),
            (self.tr("Business"), "enterprise"),
            (self.tr("Motion blur"), "motion_blur"),
            (self.tr("Pixel art"), "pixel_art"),
            (self.tr("Hand-drawn"), "hand_drawn"),
            (self.tr("Film grain"), "grain"),
            (self.tr("Child's drawing"), "infantile_sketch"),
            (self.tr("2D art poster"), "2d_art_poster"),
            (self.tr("Handmade 3D"), "handmade_3d"),
            (self.tr("Engraving"), "engraving"),
            (self.tr("Line art"), "line_art"),
        )

    def _ideogram_styles(self) -> Choices:
        return (
            (self.tr("Model default"), ""),
            (self.tr("Auto"), "AUTO"),
            (self.tr("General"), "GENERAL"),
            (self.tr("Realistic"), "REALISTIC"),
            (self.tr("Design"), "DESIGN"),
            (self.tr("3D render"), "RENDER_3D"),
            (self.tr("Anime"), "ANIME"),
        )

    def _fill(self, combo: QComboBox, values: tuple[str, ...], empty: str = "") -> None:
        self._fill_pairs(combo, tuple((value or empty, value) for value in values))

    def _fill_pairs(self, combo: QComboBox, pairs: Choices) -> None:
        current = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        for text, value in pairs:
            combo.addItem(text, value)
        found = combo.findData(self._wanted.get(combo, current))
        combo.setCurrentIndex(found if found >= 0 else max(0, combo.findData(current)))
        combo.blockSignals(False)

    def options(self) -> ImageOptions:
        kind = self._kind
        seed_text = self.seed.text().strip()
        seed = int(seed_text) if seed_text.isdigit() else None

        def value(name: str, widget: QComboBox) -> str:
            shown = self.form.isRowVisible(self.rows[name][1])
            return str(widget.currentData() or "") if shown else ""

        return ImageOptions(
            size=value("size", self.size_choice),
            aspect_ratio=value("aspect_ratio", self.aspect_ratio),
            count=self.count.value() if kind != "dalle" else 1,
            quality=value("quality", self.quality),
            style=value("style", self.style_choice),
            substyle=value("substyle", self.substyle),
            negative_prompt=self.negative_prompt.text().strip() if kind == "ideogram" else "",
            seed=seed if kind in ("flux", "ideogram") else None,
            magic_prompt=value("magic_prompt", self.magic_prompt),
            style_type=value("style_type", self.style_type),
        )

    def _changed(self) -> None:
        self.optionsChanged.emit(self.options())
