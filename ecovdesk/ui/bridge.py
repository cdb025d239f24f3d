"""The core's event sink, as Qt signals the widgets connect to."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from ecovdesk.core.domain import Asset, Conversation, Job, Message
from ecovdesk.core.events import NoticeLevel


class QtEventSink(QObject):
    conversationChanged = Signal(object)
    conversationRemoved = Signal(int)
    messageAdded = Signal(object)
    textDelta = Signal(int, str, str)
    messageFinished = Signal(object)
    noticeRaised = Signal(str, str)
    assetReady = Signal(object)
    assetFailed = Signal(int, str, str)
    jobUpdated = Signal(object)

    def conversation_changed(self, conversation: Conversation) -> None:
        self.conversationChanged.emit(conversation)

    def conversation_removed(self, conversation_id: int) -> None:
        self.conversationRemoved.emit(conversation_id)

    def message_added(self, message: Message) -> None:
        self.messageAdded.emit(message)

    def text_delta(self, message_id: int, content: str, reasoning: str) -> None:
        self.textDelta.emit(message_id, content, reasoning)

    def message_finished(self, message: Message) -> None:
        self.messageFinished.emit(message)

    def notice(self, level: NoticeLevel, text: str) -> None:
        self.noticeRaised.emit(level.value, text)

    def asset_ready(self, asset: Asset) -> None:
        self.assetReady.emit(asset)

    def asset_failed(self, message_id: int, url: str, reason: str) -> None:
        self.assetFailed.emit(message_id, url, reason)

    def job_updated(self, job: Job) -> None:
        self.jobUpdated.emit(job)
