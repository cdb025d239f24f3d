"""Options for the video models: Luma, Runway and Kling each show only what they take."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QSlider,
    QVBoxLayout,
    QWidget,
)

from ecovdesk.ui import looks
from ecovdesk.ui.widgets import label

LUMA_RATIOS = ("16:9", "9:16", "1:1", "4:3", "3:4", "21:9")
LUMA_MODELS = ("", "ray-v1", "ray-v2")
LUMA_DURATIONS = ("", "5s", "9s")
LUMA_RESOLUTIONS = ("", "720p", "1080p")
RUNWAY_RATIOS = ("16:9", "9:16", "1:1", "4:3", "21:9")
RUNWAY_GEN3_RATIOS = ("16:9", "9:16")
RUNWAY_STYLES = ("cinematic",)
RUNWAY_SECONDS = (5, 10)
MOTION_KEYS = ("x", "y", "z", "r", "bg_x_pan", "bg_y_pan")
MOTION_STEPS = 10  # slider steps per unit: the sliders go from -10.0 to 10.0 by 0.1
KLING_RATIOS = ("16:9", "9:16", "1:1")
KLING_DURATIONS = ("5", "10")
KLING_CAMERAS = ("", "simple", "down_back", "forward_up", "right_turn_forward", "left_turn_forward")
KLING_CAMERA_KEYS = ("horizontal", "vertical", "pan", "tilt", "roll", "zoom")
KLING_CFG_DEFAULT = 0.5


def video_family(model: str) -> str:
    """Which set of options a video model takes."""
    lowered = model.lower()
    if lowered.startswith("runway"):
        return "runway"
    if lowered.startswith("kling"):
        return "kling"
    return "luma"


class VideoOptionsPanel(QWidget):
    optionsChanged = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = "luma"
        self.family = "luma"
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        heading = label(self.tr("Video options"))
        font = heading.font()
        font.setBold(True)
        heading.setFont(font)
        layout.addWidget(heading)

        self.luma = QWidget()
        form = QFormLayout(self.luma)
        form.setContentsMargins(0, 0, 0, 0)
        self.luma_ratio = self._combo(LUMA_RATIOS)
        self.luma_loop = QCheckBox(self.tr("Loop seamlessly"))
        self.luma_expand = QCheckBox(self.tr("Improve the prompt"))
        self.luma_expand.setChecked(True)
        self.luma_model = self._combo(LUMA_MODELS, self.tr("Relay default"))
        self.luma_duration = QComboBox()
        for duration in LUMA_DURATIONS:
            self.luma_duration.addItem(self._seconds_text(duration.removesuffix("s")), duration)
        self.luma_resolution = self._combo(LUMA_RESOLUTIONS, self.tr("Relay default"))
        form.addRow(self.tr("Aspect ratio"), self.luma_ratio)
        form.addRow("", self.luma_loop)
        form.addRow("", self.luma_expand)
        form.addRow(self.tr("Model"), self.luma_model)
        form.addRow(self.tr("Duration"), self.luma_duration)
        form.addRow(self.tr("Resolution"), self.luma_resolution)
        form.addRow(
            label(
                self.tr(
                    "Attach one image to start from it; attach two for the first and last frames."
                ),
                name=looks.DIMMED,
                wrap=True,
            )
        )
        layout.addWidget(self.luma)

        self.runway = QWidget()
        form = QFormLayout(self.runway)
        form.setContentsMargins(0, 0, 0, 0)
        self.runway_ratio = self._combo(RUNWAY_RATIOS)
        self.runway_style = QComboBox()
        self.runway_style.addItem(self.tr("Cinematic"), "cinematic")
        self.runway_seconds = QComboBox()
        for seconds in RUNWAY_SECONDS:
            self.runway_seconds.addItem(self._seconds_text(str(seconds)), seconds)
        self.motion = QGroupBox(self.tr("Camera motion"))
        grid = QGridLayout(self.motion)
        self.motion_sliders: dict[str, QSlider] = {}
        self.motion_values: dict[str, QLabel] = {}
        motion_names = {
            "x": self.tr("Horizontal"),
            "y": self.tr("Vertical"),
            "z": self.tr("Zoom"),
            "r": self.tr("Roll"),
            "bg_x_pan": self.tr("Background pan, horizontal"),
            "bg_y_pan": self.tr("Background pan, vertical"),
        }
        for row, key in enumerate(MOTION_KEYS):
            slider = QSlider(Qt.Orientation.Horizontal)
            slider.setRange(-10 * MOTION_STEPS, 10 * MOTION_STEPS)
            value = label("0.0")
            value.setMinimumWidth(36)
            slider.valueChanged.connect(
                lambda v, shown=value: shown.setText(f"{v / MOTION_STEPS:.1f}")
            )
            slider.valueChanged.connect(self._changed)
            # Each name above its slider: beside it, the longest would widen the whole panel.
            grid.addWidget(label(motion_names[key]), 2 * row, 0, 1, 2)
            grid.addWidget(slider, 2 * row + 1, 0)
            grid.addWidget(value, 2 * row + 1, 1)
            self.motion_sliders[key] = slider
            self.motion_values[key] = value
        form.addRow(self.tr("Ratio"), self.runway_ratio)
        form.addRow(self.tr("Style"), self.runway_style)
        form.addRow(self.tr("Length"), self.runway_seconds)
        form.addRow(self.motion)
        form.addRow(
            label(self.tr("Attach an image to turn it into a video."), name=looks.DIMMED, wrap=True)
        )
        layout.addWidget(self.runway)

        self.kling = QWidget()
        form = QFormLayout(self.kling)
        form.setContentsMargins(0, 0, 0, 0)
        self.kling_negative = QLineEdit()
        self.kling_negative.setPlaceholderText(self.tr("What the video should not contain"))
        self.kling_mode = QComboBox()
        self.kling_mode.addItem(self.tr("Standard"), "std")
        self.kling_mode.addItem(self.tr("Professional"), "pro")
        self.kling_ratio = self._combo(KLING_RATIOS)
        self.kling_duration = QComboBox()
        for length in KLING_DURATIONS:
            self.kling_duration.addItem(self._seconds_text(length), length)
        self.kling_cfg = QDoubleSpinBox()
        self.kling_cfg.setRange(0.0, 1.0)
        self.kling_cfg.setSingleStep(0.05)
        self.kling_cfg.setDecimals(2)
        self.kling_cfg.setValue(KLING_CFG_DEFAULT)
        self.kling_cfg.setToolTip(self.tr("How closely the video follows the prompt"))
        self.kling_camera = QComboBox()
        camera_names = (
            self.tr("None"),
            self.tr("Simple (set the values below)"),
            self.tr("Down and back"),
            self.tr("Forward and up"),
            self.tr("Turn right, then forward"),
            self.tr("Turn left, then forward"),
        )
        for name, camera in zip(camera_names, KLING_CAMERAS, strict=True):
            self.kling_camera.addItem(name, camera)
        self.camera_box = QGroupBox(self.tr("Camera movement (one value only)"))
        camera_form = QFormLayout(self.camera_box)
        self.camera_values: dict[str, QDoubleSpinBox] = {}
        camera_value_names = (
            self.tr("Horizontal"),
            self.tr("Vertical"),
            self.tr("Pan"),
            self.tr("Tilt"),
            self.tr("Roll"),
            self.tr("Zoom"),
        )
        for key, name in zip(KLING_CAMERA_KEYS, camera_value_names, strict=True):
            spin = QDoubleSpinBox()
            spin.setRange(-10.0, 10.0)
            spin.setDecimals(1)
            spin.setSingleStep(1.0)
            spin.valueChanged.connect(lambda v, k=key: self._camera_value_changed(k, v))
            camera_form.addRow(name, spin)
            self.camera_values[key] = spin
        # A check box cannot wrap its text: the short form keeps the panel narrow.
        self.kolors = QCheckBox(self.tr("Make pictures (Kolors)"))
        self.kolors.setToolTip(self.tr("Make pictures with Kolors instead of a video"))
        self.kolors.toggled.connect(self._changed)
        form.addRow("", self.kolors)
        form.addRow(self.tr("Negative prompt"), self.kling_negative)
        form.addRow(self.tr("Mode"), self.kling_mode)
        form.addRow(self.tr("Aspect ratio"), self.kling_ratio)
        form.addRow(self.tr("Duration"), self.kling_duration)
        form.addRow(self.tr("Prompt strength"), self.kling_cfg)
        form.addRow(self.tr("Camera"), self.kling_camera)
        form.addRow(self.camera_box)
        form.addRow(
            label(
                self.tr("Attach an image to start from it; a second one becomes the last frame."),
                name=looks.DIMMED,
                wrap=True,
            )
        )
        layout.addWidget(self.kling)
        layout.addStretch(1)

        for combo in (
            self.luma_ratio,
            self.luma_model,
            self.luma_duration,
            self.luma_resolution,
            self.runway_ratio,
            self.runway_style,
            self.runway_seconds,
            self.kling_mode,
            self.kling_ratio,
            self.kling_duration,
            self.kling_camera,
        ):
            combo.currentIndexChanged.connect(self._changed)
        self.kling_camera.currentIndexChanged.connect(self._show_camera)
        for box in (self.luma_loop, self.luma_expand):
            box.toggled.connect(self._changed)
        self.kling_negative.textChanged.connect(self._changed)
        self.kling_cfg.valueChanged.connect(self._changed)
        self.set_model("luma")

    @staticmethod
    def _combo(values: tuple[str, ...], empty: str = "") -> QComboBox:
        combo = QComboBox()
        for value in values:
            combo.addItem(value or empty, value)
        return combo

    def _seconds_text(self, seconds: str) -> str:
        """A length such as 5 s; no number is the relay's own default."""
        return self.tr("%1 s").replace("%1", seconds) if seconds else self.tr("Relay default")

    def set_model(self, model: str) -> None:
        self.model = model
        self.family = video_family(model)
        self.luma.setVisible(self.family == "luma")
        self.runway.setVisible(self.family == "runway")
        self.kling.setVisible(self.family == "kling")
        if self.family == "runway":
            gen3 = "gen3" in model.lower()
            current = self.runway_ratio.currentData()
            self.runway_ratio.blockSignals(True)
            self.runway_ratio.clear()
            for value in RUNWAY_GEN3_RATIOS if gen3 else RUNWAY_RATIOS:
                self.runway_ratio.addItem(value, value)
            self.runway_ratio.setCurrentIndex(max(0, self.runway_ratio.findData(current)))
            self.runway_ratio.blockSignals(False)
            self.motion.setVisible(self._takes_motion())
        self._show_camera()
        self._changed()

    def _takes_motion(self) -> bool:
        return self.family == "runway" and "gen2" in self.model.lower()

    def _show_camera(self) -> None:
        self.camera_box.setVisible(self.kling_camera.currentData() == "simple")

    def _camera_value_changed(self, key: str, value: float) -> None:
        if value:
            # Kling moves the camera one way at a time: setting one value clears the others.
            for other, spin in self.camera_values.items():
                if other != key and spin.value():
                    spin.blockSignals(True)
                    spin.setValue(0.0)
                    spin.blockSignals(False)
        self._changed()

    def params(self) -> dict[str, object]:
        """What the family's request takes: its usual fields and whatever differs from defaults."""
        if self.family == "runway":
            return self._runway()
        if self.family == "kling" and self.kolors.isChecked():
            # Kolors pictures take only a ratio and the prompt; they land in the gallery.
            return {"task": "images", "aspect_ratio": self.kling_ratio.currentData()}
        if self.family == "kling":
            return self._kling()
        return self._luma()

    def _luma(self) -> dict[str, object]:
        values: dict[str, object] = {
            "aspect_ratio": self.luma_ratio.currentData(),
            "expand_prompt": self.luma_expand.isChecked(),
        }
        if self.luma_loop.isChecked():
            values["loop"] = True
        for key, combo in (
            ("model_name", self.luma_model),
            ("duration", self.luma_duration),
            ("resolution", self.luma_resolution),
        ):
            if combo.currentData():
                values[key] = combo.currentData()
        return values

    def _runway(self) -> dict[str, object]:
        values: dict[str, object] = {
            "ratio": self.runway_ratio.currentData(),
            "style": self.runway_style.currentData(),
            "seconds": self.runway_seconds.currentData(),
        }
        if self._takes_motion():
            vector = {k: s.value() / MOTION_STEPS for k, s in self.motion_sliders.items()}
            if any(vector.values()):
                values["motion_vector"] = vector
        return values

    def _kling(self) -> dict[str, object]:
        values: dict[str, object] = {
            "mode": self.kling_mode.currentData(),
            "aspect_ratio": self.kling_ratio.currentData(),
            "duration": self.kling_duration.currentData(),
        }
        negative = self.kling_negative.text().strip()
        if negative:
            values["negative_prompt"] = negative
        cfg = round(self.kling_cfg.value(), 2)
        if cfg != KLING_CFG_DEFAULT:
            values["cfg_scale"] = cfg
        camera = self.kling_camera.currentData()
        if camera == "simple":
            config = {k: s.value() for k, s in self.camera_values.items()}
            values["camera_control"] = {"type": "simple", "config": config}
        elif camera:
            values["camera_control"] = {"type": camera}
        return values

    def _changed(self) -> None:
        self.optionsChanged.emit(self.params())
