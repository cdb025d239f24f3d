"""The end of a reply is stored, then announced; the window learns of it even when the store
cannot take it, so a reply never stays "streaming" on screen for good."""

from __future__ import annotations

from dataclasses import replace

import pytest

from ecovdesk.core import conversation_store as store
from ecovdesk.core.chat_service import NOT_SAVED, save_finished
from ecovdesk.core.database import Database
from ecovdesk.core.domain import ChatOptions, Message, MessageState, Role
from ecovdesk.core.storage_errors import StorageError

from .library_helpers import RecordingSink


async def _streaming_reply(db: Database) -> Message:
    conversation = await db.run(store.create_conversation, "t", "m", ChatOptions(), 1.0)
    return await db.run(
        store.add_message, conversation.id, Role.ASSISTANT, state=MessageState.STREAMING, now=1.0
    )


@pytest.mark.asyncio
async def test_a_finished_reply_is_stored_then_announced(db: Database, sink: RecordingSink) -> None:
    reply = await _streaming_reply(db)
    finished = replace(reply, content="完整的回答", state=MessageState.DONE)
    await save_finished(db, sink, finished)
    assert sink.finished == [finished]
    stored = await db.run(store.get_message, reply.id)
    assert stored is not None
    assert (stored.content, stored.state) == ("完整的回答", MessageState.DONE)


@pytest.mark.asyncio
async def test_a_reply_that_cannot_be_stored_still_ends_on_screen_as_not_saved(
    db: Database, sink: RecordingSink
) -> None:
    reply = await _streaming_reply(db)
    finished = replace(reply, content="完整的回答", state=MessageState.DONE)
    await db.close()
    with pytest.raises(StorageError):
        await save_finished(db, sink, finished)
    (announced,) = sink.finished
    assert announced.state is MessageState.FAILED and announced.error_kind == NOT_SAVED
    assert announced.content == "完整的回答"
