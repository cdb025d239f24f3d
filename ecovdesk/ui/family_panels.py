"""The options panel beside the composer: one per model family, shown for the picked model."""

from __future__ import annotations

from PySide6.QtWidgets import QStackedWidget, QWidget

from ecovdesk.core.catalogue import Family, ModelInfo
from ecovdesk.core.send_router import Outgoing
from ecovdesk.ui.chat_options_panel import ChatOptionsPanel
from ecovdesk.ui.image_options_panel import ImageOptionsPanel
from ecovdesk.ui.mj_options_panel import MidjourneyOptionsPanel
from ecovdesk.ui.suno_options_panel import SunoOptionsPanel
from ecovdesk.ui.video_options_panel import VideoOptionsPanel

VIDEO_FAMILIES = (Family.LUMA, Family.RUNWAY, Family.KLING)


class FamilyPanels(QStackedWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.chat = ChatOptionsPanel()
        self.pictures = ImageOptionsPanel()
        self.midjourney = MidjourneyOptionsPanel()
        self.suno = SunoOptionsPanel()
        self.video = VideoOptionsPanel()
        for panel in (self.chat, self.pictures, self.midjourney, self.suno, self.video):
            self.addWidget(panel)
        self._family = Family.CHAT
        # One message's worth of extra parameters, e.g. which video an Extend continues.
        self.extra: dict[str, object] = {}

    def show_for(self, info: ModelInfo) -> None:
        self._family = info.family
        if info.family.is_chat:
            self.chat.set_search_available(info.search)
            self.setCurrentWidget(self.chat)
        elif info.family in (Family.OPENAI_IMAGES, Family.IDEOGRAM):
            self.pictures.set_model(info.id)
            self.setCurrentWidget(self.pictures)
        elif info.family is Family.MIDJOURNEY:
            self.midjourney.set_model(info.id)
            self.setCurrentWidget(self.midjourney)
        elif info.family is Family.SUNO:
            self.setCurrentWidget(self.suno)
        else:
            self.video.set_model(info.id)
            self.setCurrentWidget(self.video)

    def outgoing(self) -> Outgoing:
        """What the panel for the current family adds to the message."""
        family = self._family
        params: dict[str, object] = {}
        if family is Family.MIDJOURNEY:
            params = self.midjourney.params()
        elif family is Family.SUNO:
            params = self.suno.params()
        elif family in VIDEO_FAMILIES:
            params = self.video.params()
        params = {**params, **self.extra}
        return Outgoing(chat=self.chat.options(), picture=self.pictures.options(), params=params)
