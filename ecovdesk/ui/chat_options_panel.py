"""Per-conversation chat options: system prompt, temperature, max tokens, web search."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ecovdesk.core.domain import ChatOptions


class ChatOptionsPanel(QWidget):
    optionsChanged = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._loading = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        title = QLabel(self.tr("Chat options"))
        font = title.font()
        font.setBold(True)
        title.setFont(font)
        layout.addWidget(title)
        form = QFormLayout()
        self.system_prompt = QPlainTextEdit()
        self.system_prompt.setPlaceholderText(self.tr("Optional instructions for the model"))
        self.system_prompt.setMaximumHeight(120)
        self.custom_temperature = QCheckBox(self.tr("Set temperature"))
        self.temperature = QDoubleSpinBox(minimum=0.0, maximum=2.0, singleStep=0.1, value=0.7)
        self.max_tokens = QSpinBox(minimum=0, maximum=1_000_000, singleStep=256)
        self.max_tokens.setSpecialValueText(self.tr("Model default"))
        self.use_search = QCheckBox(self.tr("Search the web (use_search)"))
        form.addRow(self.tr("System prompt"), self.system_prompt)
        form.addRow(self.custom_temperature, self.temperature)
        form.addRow(self.tr("Max tokens"), self.max_tokens)
        form.addRow("", self.use_search)
        layout.addLayout(form)
        layout.addStretch(1)
        self.system_prompt.textChanged.connect(self._changed)
        self.custom_temperature.toggled.connect(self._changed)
        self.temperature.valueChanged.connect(self._changed)
        self.max_tokens.valueChanged.connect(self._changed)
        self.use_search.toggled.connect(self._changed)
        self.custom_temperature.toggled.connect(self.temperature.setEnabled)
        self.temperature.setEnabled(False)

    def set_search_available(self, available: bool) -> None:
        self.use_search.setVisible(available)

    def set_options(self, options: ChatOptions) -> None:
        self._loading = True
        self.system_prompt.setPlainText(options.system_prompt)
        self.custom_temperature.setChecked(options.temperature is not None)
        self.temperature.setValue(0.7 if options.temperature is None else options.temperature)
        self.max_tokens.setValue(options.max_tokens or 0)
        self.use_search.setChecked(options.use_search)
        self._loading = False

    def options(self) -> ChatOptions:
        return ChatOptions(
            system_prompt=self.system_prompt.toPlainText(),
            temperature=self.temperature.value() if self.custom_temperature.isChecked() else None,
            max_tokens=self.max_tokens.value() or None,
            use_search=self.use_search.isChecked(),
        )

    def _changed(self) -> None:
        if not self._loading:
            self.optionsChanged.emit(self.options())
