"""The conversation open in the window: which one it is, its messages in the view, and what
the core reports about it while it is open."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Coroutine
from dataclasses import replace
from typing import Any

from PySide6.QtCore import QObject, Signal

from ecovdesk.core.domain import Conversation, Message, MessageState
from ecovdesk.core.send_router import Outgoing
from ecovdesk.core.services import Services
from ecovdesk.ui.bridge import QtEventSink
from ecovdesk.ui.conversation_list import ConversationList
from ecovdesk.ui.conversation_view import ConversationView
from ecovdesk.ui.job_controller import JobController
from ecovdesk.ui.picture_controller import PictureController


class OpenConversation(QObject):
    # The conversation now shown, or None for a new, still empty one; the window sets the
    # model, options and message box to match.
    shown = Signal(object)
    replyFinished = Signal()

    def __init__(
        self,
        services: Services,
        view: ConversationView,
        conversation_list: ConversationList,
        pictures: PictureController,
        jobs: JobController,
        run: Callable[[Coroutine[Any, Any, Any]], None],
        parent: QObject,
    ) -> None:
        super().__init__(parent)
        self._services = services
        self._view = view
        self._list = conversation_list
        self._pictures = pictures
        self._jobs = jobs
        self._conversation: Conversation | None = None
        self._adopt_new = False
        # The text so far of every reply still streaming, open or not, as the deltas that
        # made it (a reply starts empty). The database holds only the last progress save, so
        # a reply opened mid-stream is shown from here and goes on with the next delta.
        self._streaming: dict[int, tuple[list[str], list[str]]] = {}
        # One per open() waiting for its page: the messages that finished meanwhile, whose
        # finish the page (read before it) may not show yet.
        self._finished_while_loading: list[dict[int, Message]] = []
        conversation_list.conversationChosen.connect(lambda cid: run(self.open(cid)))
        conversation_list.messageChosen.connect(lambda cid, mid: run(self.open(cid, showing=mid)))
        conversation_list.newRequested.connect(self.new)
        conversation_list.searchRequested.connect(lambda query: run(self.search(query)))
        view.loadEarlierRequested.connect(lambda: run(self.load_earlier()))
        view.editSubmitted.connect(lambda mid, text: run(self.edit(mid, text)))

    @property
    def current(self) -> Conversation | None:
        return self._conversation

    def listen(self, sink: QtEventSink) -> None:
        sink.conversationChanged.connect(self._on_conversation_changed)
        sink.conversationRemoved.connect(self._list.remove)
        sink.messageAdded.connect(self._on_message_added)
        sink.textDelta.connect(self._on_text_delta)
        sink.textDelta.connect(self._view.append_delta)
        sink.messageFinished.connect(self._on_message_finished)

    def new(self) -> None:
        self._conversation = None
        self._view.clear()
        self._list.set_current(None)
        self.shown.emit(None)

    async def open(self, conversation_id: int, *, showing: int | None = None) -> None:
        """Shows the conversation at its end, or with ``showing`` at that message."""
        finished: dict[int, Message] = {}
        self._finished_while_loading.append(finished)
        try:
            page = await self._services.conversations.open(conversation_id, showing=showing)
        finally:
            self._finished_while_loading.remove(finished)
        if page is None:
            return
        self._conversation = page.conversation
        # No delta can arrive between taking the text so far and building the bubbles.
        messages = [finished.get(m.id) or self._with_text_so_far(m) for m in page.messages]
        self._view.show_messages(messages, has_earlier=page.has_earlier)
        if showing is not None:
            self._view.reveal(showing)
        await self._show_media()
        self._list.set_current(conversation_id)
        self._services.preferences.settings.last_conversation_id = conversation_id
        self.shown.emit(page.conversation)

    async def regenerate(self, message_id: int, model: str, outgoing: Outgoing) -> None:
        """Asks again for reply ``message_id``, from the model that wrote it where known."""
        if (conversation := self._conversation) is not None:
            bubble = self._view.bubble(message_id)
            if bubble is not None:
                model = bubble.message.model
            await self._services.router.regenerate(conversation, message_id, model, outgoing)
            await self.open(conversation.id)

    async def edit(self, message_id: int, text: str) -> None:
        if (conversation := self._conversation) is not None:
            await self._services.chat.edit_and_resend(conversation, message_id, text)
            await self.open(conversation.id)

    async def load_earlier(self) -> None:
        oldest = self._view.oldest_id()
        if self._conversation is None or oldest is None:
            return
        messages, more = await self._services.conversations.earlier(self._conversation.id, oldest)
        self._view.prepend_messages(messages, has_earlier=more)
        await self._show_media()

    async def _show_media(self) -> None:
        """Pictures and job cards under the messages now in the view."""
        await self._pictures.show_for_visible_messages()
        await self._jobs.show_for_visible_messages()

    async def search(self, query: str) -> None:
        hits = await self._services.conversations.search(query)
        self._list.show_search_results(query, hits)

    def deleted(self, conversation_id: int) -> None:
        if self._conversation is not None and self._conversation.id == conversation_id:
            self.new()

    async def follow(self, sending: Awaitable[Conversation]) -> None:
        """Awaits a send that starts a new conversation when none is open. That one becomes
        the open conversation as soon as it exists: its first messages arrive before the send
        returns."""
        self._adopt_new = self._conversation is None
        try:
            conversation = await sending
        finally:
            self._adopt_new = False
        self._conversation = conversation
        self._services.preferences.settings.last_conversation_id = conversation.id

    def stop(self) -> None:
        if self._conversation is not None:
            self._services.chat.stop(self._conversation.id)

    def is_streaming(self) -> bool:
        conversation = self._conversation
        return conversation is not None and self._services.chat.is_streaming(conversation.id)

    def _on_conversation_changed(self, conversation: Conversation) -> None:
        self._list.upsert(conversation)
        if self._adopt_new and self._conversation is None:
            self._conversation = conversation
            self._list.set_current(conversation.id)

    def _is_current(self, message: Message) -> bool:
        return self._conversation is not None and message.conversation_id == self._conversation.id

    def _on_message_added(self, message: Message) -> None:
        if self._is_current(message):
            self._view.add_message(message)

    def _on_text_delta(self, message_id: int, content: str, reasoning: str) -> None:
        parts = self._streaming.get(message_id)
        if parts is None:
            parts = self._streaming[message_id] = ([], [])
        parts[0].append(content)
        parts[1].append(reasoning)

    def _with_text_so_far(self, message: Message) -> Message:
        parts = self._streaming.get(message.id)
        if parts is None or message.state is not MessageState.STREAMING:
            return message
        content, reasoning = "".join(parts[0]), "".join(parts[1])
        parts[0][:] = [content]
        parts[1][:] = [reasoning]
        return replace(message, content=content, reasoning=reasoning)

    def _on_message_finished(self, message: Message) -> None:
        self._streaming.pop(message.id, None)
        for finished in self._finished_while_loading:
            finished[message.id] = message
        if self._is_current(message):
            self._view.finish_message(message)
            self.replyFinished.emit()
