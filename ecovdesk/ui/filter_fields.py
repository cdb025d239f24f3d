"""The text and model filter above the gallery and the media libraries."""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QComboBox, QLineEdit, QWidget

# Typing is taken as finished after this pause, so that a search runs once per word.
TYPING_PAUSE_MS = 200


class FilterFields(QObject):
    """A text field and a model list; ``changed`` once typing pauses or a model is picked."""

    changed = Signal()

    def __init__(self, placeholder: str, parent: QWidget) -> None:
        super().__init__(parent)
        self.text = QLineEdit(parent)
        self.text.setPlaceholderText(placeholder)
        self.text.setClearButtonEnabled(True)
        self.model = QComboBox(parent)
        self.model.addItem(self.tr("All models"), "")
        self._typing = QTimer(self, singleShot=True, interval=TYPING_PAUSE_MS)
        self._typing.timeout.connect(self.changed)
        self.text.textChanged.connect(lambda _text: self._typing.start())
        self.model.currentIndexChanged.connect(lambda _index: self.changed.emit())

    def values(self) -> tuple[str | None, str]:
        """The model chosen (None for all) and the text typed."""
        model = self.model.currentData()
        return (str(model) if model else None), self.text.text().strip()

    def set_models(self, models: list[str]) -> None:
        """The models to offer; the one chosen stays chosen if it is still among them."""
        current = self.model.currentData()
        self.model.blockSignals(True)
        while self.model.count() > 1:
            self.model.removeItem(1)
        for model in models:
            self.model.addItem(model, model)
        self.model.setCurrentIndex(max(0, self.model.findData(current)))
        self.model.blockSignals(False)
