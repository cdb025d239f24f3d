"""The options panel beside the composer: one per model family, shown for the picked model."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QFrame,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ecovdesk.core.catalogue import Family, ModelInfo
from ecovdesk.core.send_router import Outgoing
from ecovdesk.ui.chat_options_panel import ChatOptionsPanel
from ecovdesk.ui.image_options_panel import ImageOptionsPanel
from ecovdesk.ui.mj_options_panel import MidjourneyOptionsPanel
from ecovdesk.ui.suno_options_panel import SunoOptionsPanel
from ecovdesk.ui.video_options_panel import VideoOptionsPanel

VIDEO_FAMILIES = (Family.LUMA, Family.RUNWAY, Family.KLING)
# The panel's narrowest width, the same for every family and mode so that the chat beside
# it never jumps; with the conversation list and the chat at their narrowest, the window
# still fits a 1000 pixel wide screen.
PANEL_MIN_WIDTH = 220
# Characters a list shows at its narrowest; its popup still shows every choice in full.
COMBO_MIN_CHARACTERS = 8


def fit_narrow(page: QWidget) -> None:
    """Lets a page of options shrink to the panel's width in any language: each label goes
    above its field, which takes the panel's width, and lists shorten their shown choice."""
    for form in page.findChildren(QFormLayout):
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        # Fields take the width there is, on macOS too, where they would keep their own.
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
    for combo in page.findChildren(QComboBox):
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(COMBO_MIN_CHARACTERS)


class FamilyPanels(QScrollArea):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.chat = ChatOptionsPanel()
        self.pictures = ImageOptionsPanel()
        self.midjourney = MidjourneyOptionsPanel()
        self.suno = SunoOptionsPanel()
        self.video = VideoOptionsPanel()
        self._pages: tuple[QWidget, ...] = (
            self.chat,
            self.pictures,
            self.midjourney,
            self.suno,
            self.video,
        )
        # Only the page in use counts for the panel's size: a stack would be as tall and wide
        # as its largest page and scroll through the empty rest.
        pages = QWidget()
        column = QVBoxLayout(pages)
        column.setContentsMargins(0, 0, 0, 0)
        for page in self._pages:
            fit_narrow(page)
            column.addWidget(page)
        self.setWidget(pages)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        # Tab goes from field to field; the frame around them is no stop of its own.
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setMinimumWidth(PANEL_MIN_WIDTH)
        self._current: QWidget = self.chat
        self.setCurrentWidget(self.chat)
        self._family = Family.CHAT
        # One message's worth of extra parameters, e.g. which video an Extend continues.
        self.extra: dict[str, object] = {}

    def currentWidget(self) -> QWidget:
        return self._current

    def setCurrentWidget(self, page: QWidget) -> None:
        self._current = page
        for other in self._pages:
            other.setVisible(other is page)

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

    def refusal(self) -> str:
        """Why the message cannot go out as the panel stands, in the user's words; empty
        when nothing is missing."""
        if self._family is Family.SUNO:
            return self.suno.refusal()
        return ""

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
