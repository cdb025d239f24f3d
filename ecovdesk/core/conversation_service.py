"""Conversations as the user manages them: open, rename, delete and undo, search, export."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path

from ecovdesk.core import conversation_store as store
from ecovdesk.core import export, export_files
from ecovdesk.core.database import Database
from ecovdesk.core.domain import Asset, ChatOptions, Conversation, Message, SearchHit
from ecovdesk.core.events import EventSink
from ecovdesk.core.search_store import search

PAGE_SIZE = 40
# A search hit is opened with a few messages of what led to it.
CONTEXT_BEFORE_HIT = 4
# Opening 2,000 messages takes about a tenth of a second; a hit further back than this in a
# longer conversation opens at this depth, with "Show earlier messages" above it.
MAX_OPENED = 5000

# The library's files of each message, by message id (``Library.for_messages``).
AssetLookup = Callable[[list[int]], Awaitable[dict[int, list[Asset]]]]


@dataclass
class ConversationPage:
    conversation: Conversation
    messages: list[Message]
    has_earlier: bool


class ConversationService:
    def __init__(
        self, db: Database, sink: EventSink, *, clock: Callable[[], float] = time.time
    ) -> None:
        self._db = db
        self._sink = sink
        self._clock = clock

    async def recover_after_start(self) -> int:
        """Replies that were streaming when the app last stopped become "interrupted"."""
        await self._db.run(store.purge_deleted)
        return await self._db.run(store.mark_interrupted_streams)

    async def all(self) -> list[Conversation]:
        return await self._db.run(store.list_conversations)

    async def get(self, conversation_id: int) -> Conversation | None:
        return await self._db.run(store.get_conversation, conversation_id)

    async def open(
        self, conversation_id: int, page_size: int = PAGE_SIZE, *, showing: int | None = None
    ) -> ConversationPage | None:
        """The newest page of the conversation; with ``showing``, enough pages to hold that
        message (a search hit) and a few before it, up to MAX_OPENED messages."""
        conversation = await self.get(conversation_id)
        if conversation is None:
            return None
        if showing is not None:
            since = await self._db.run(store.count_messages_from, conversation_id, showing)
            page_size = max(page_size, min(since + CONTEXT_BEFORE_HIT, MAX_OPENED))
        messages = await self._db.run(store.list_messages, conversation_id, limit=page_size + 1)
        return ConversationPage(conversation, messages[-page_size:], len(messages) > page_size)

    async def earlier(
        self, conversation_id: int, before_id: int, page_size: int = PAGE_SIZE
    ) -> tuple[list[Message], bool]:
        messages = await self._db.run(
            store.list_messages, conversation_id, limit=page_size + 1, before_id=before_id
        )
        return messages[-page_size:], len(messages) > page_size

    async def rename(self, conversation: Conversation, title: str) -> None:
        title = title.strip()
        if not title:
            return
        await self._db.run(store.rename_conversation, conversation.id, title, self._clock())
        conversation.title = title
        self._sink.conversation_changed(conversation)

    async def update_settings(
        self, conversation: Conversation, model: str, options: ChatOptions
    ) -> None:
        conversation.model = model
        conversation.options = options
        await self._db.run(
            store.update_conversation_settings, conversation.id, model, options, self._clock()
        )

    async def delete(self, conversation_id: int) -> None:
        """Hidden at once, removed for good at the next start unless restored."""
        await self._db.run(store.soft_delete_conversation, conversation_id, self._clock())
        self._sink.conversation_removed(conversation_id)

    async def restore(self, conversation_id: int) -> None:
        await self._db.run(store.restore_conversation, conversation_id)
        conversation = await self.get(conversation_id)
        if conversation is not None:
            self._sink.conversation_changed(conversation)

    async def search(self, query: str) -> list[SearchHit]:
        if not query.strip():
            return []
        return await self._db.run(search, query)

    async def export(
        self,
        conversation_id: int,
        path: Path,
        fmt: str,
        labels: export.ExportLabels | None = None,
        *,
        assets: AssetLookup | None = None,
        explain: export.ErrorWords = export.relay_words,
    ) -> None:
        """Write the conversation to ``path``; with ``assets`` (the library's files of each
        message), those files are copied into a folder beside it, which the document links."""
        conversation = await self.get(conversation_id)
        if conversation is None:
            return
        messages = await self._db.run(store.list_messages, conversation_id)
        found = await assets([m.id for m in messages]) if assets is not None else {}
        found = await asyncio.to_thread(export_files.existing, found)
        folder = export_files.files_folder(path)
        if fmt == "json":
            document = export.json_export(conversation, messages, assets=found, folder=folder)
        else:
            document = export.markdown_export(
                conversation, messages, labels, assets=found, folder=folder, explain=explain
            )
        await asyncio.to_thread(
            export_files.write_export, path, document.text, document.files, folder
        )
