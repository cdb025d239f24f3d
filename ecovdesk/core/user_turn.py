"""The user's side of every exchange: the conversation (new or switched to this model) and
the user's message, stored and announced before any request goes out."""

from __future__ import annotations

from ecovdesk.core import conversation_store as store
from ecovdesk.core.database import Database
from ecovdesk.core.domain import Attachment, ChatOptions, Conversation, Message, Role
from ecovdesk.core.events import EventSink

TITLE_LENGTH = 40


def title_from_text(text: str) -> str:
    line = next((ln.strip() for ln in text.splitlines() if ln.strip()), "")
    return line[:TITLE_LENGTH] + ("…" if len(line) > TITLE_LENGTH else "")


async def add_user_turn(
    db: Database,
    sink: EventSink,
    conversation: Conversation | None,
    model: str,
    text: str,
    attachments: list[Attachment] | None,
    now: float,
    options: ChatOptions | None = None,
) -> tuple[Conversation, Message]:
    """A new conversation titled from ``text`` when there is none; the user's message."""
    if conversation is None:
        conversation = await db.run(
            store.create_conversation, title_from_text(text), model, options or ChatOptions(), now
        )
        sink.conversation_changed(conversation)
    elif conversation.model != model or (options and options != conversation.options):
        conversation.model = model
        conversation.options = options or conversation.options
        await db.run(
            store.update_conversation_settings, conversation.id, model, conversation.options, now
        )
    user = await db.run(
        store.add_message,
        conversation.id,
        Role.USER,
        text,
        model=model,
        attachments=attachments or [],
        now=now,
    )
    sink.message_added(user)
    return conversation, user
