"""How the core reports to whoever shows it; the UI implements this with Qt signals."""

from __future__ import annotations

import enum
from typing import Protocol

from ecovdesk.core.domain import Asset, Conversation, Job, Message


class NoticeLevel(enum.StrEnum):
    INFO = "info"
    WARNING = "warning"
    ERROR = "error"


class EventSink(Protocol):
    def conversation_changed(self, conversation: Conversation) -> None: ...

    def conversation_removed(self, conversation_id: int) -> None: ...

    def message_added(self, message: Message) -> None: ...

    def text_delta(self, message_id: int, content: str, reasoning: str) -> None: ...

    def message_finished(self, message: Message) -> None: ...

    def notice(self, level: NoticeLevel, text: str) -> None: ...

    def asset_ready(self, asset: Asset) -> None: ...

    def asset_failed(self, message_id: int, url: str, reason: str) -> None: ...

    def job_updated(self, job: Job) -> None: ...
