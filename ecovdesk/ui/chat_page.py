"""The Chat tab: the model bar above the conversation, the message box below it."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from ecovdesk.ui.composer import Composer
from ecovdesk.ui.conversation_view import ConversationView
from ecovdesk.ui.model_picker import ModelPicker
from ecovdesk.ui.widgets import tool_button


class ChatPage(QWidget):
    """Lays out what the window made; the Options and Settings buttons are its own."""

    def __init__(self, picker: ModelPicker, view: ConversationView, composer: Composer) -> None:
        super().__init__()
        bar = QHBoxLayout()
        bar.setContentsMargins(12, 8, 12, 0)
        bar.addWidget(QLabel(self.tr("Model:")))
        bar.addWidget(picker)
        bar.addStretch(1)
        self.options_button = tool_button(self.tr("Options"), checkable=True)
        self.settings_button = tool_button(self.tr("Settings"))
        self.settings_button.setToolTip("Ctrl+,")
        bar.addWidget(self.options_button)
        bar.addWidget(self.settings_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(view, 1)
        layout.addWidget(composer)
