"""Sending chat messages and streaming the replies into the store and the UI."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import Awaitable, Callable
from dataclasses import replace
from typing import Any

from ecovdesk.api import chat as chat_api
from ecovdesk.api.errors import ErrorKind, RelayError
from ecovdesk.core import conversation_store as store
from ecovdesk.core.catalogue import Catalogue
from ecovdesk.core.chat_history import api_messages
from ecovdesk.core.database import Database
from ecovdesk.core.domain import (
    Attachment,
    ChatOptions,
    Conversation,
    Message,
    MessageState,
    Role,
    Usage,
)
from ecovdesk.core.events import EventSink
from ecovdesk.core.relay_session import RelaySession
from ecovdesk.core.reply_parser import parse_reply
from ecovdesk.core.storage_errors import StorageError
from ecovdesk.core.task_scope import TaskScope
from ecovdesk.core.user_turn import add_user_turn

log = logging.getLogger(__name__)

STOPPED = "stopped"
INTERNAL = "internal"
# error_kind of a reply that arrived but could not be written (disk full, profile read-only).
NOT_SAVED = "not_saved"
DELTA_INTERVAL = 0.016

ReplyHook = Callable[[Message, str], Awaitable[object]]


def chat_key(conversation_id: int) -> str:
    return f"chat:{conversation_id}"


def _usage(value: chat_api.TokenUsage | None) -> Usage | None:
    if value is None or value.is_placeholder:
        return None
    return Usage(
        value.prompt_tokens, value.completion_tokens, value.total_tokens, value.reasoning_tokens
    )


async def save_finished(db: Database, sink: EventSink, finished: Message) -> None:
    """Store the end of a reply, then tell the window, which learns of the end only here."""
    try:
        await db.run(
            store.finish_message,
            finished.id,
            finished.content,
            finished.reasoning,
            finished.state,
            finished.error_kind,
            finished.error_text,
            finished.usage,
        )
    except StorageError:
        # The window must still learn that the reply ended, or it would wait for it (and
        # keep Send turned into Stop) for good; the text stays on screen to be copied.
        sink.message_finished(
            replace(finished, state=MessageState.FAILED, error_kind=NOT_SAVED, error_text=None)
        )
        raise
    sink.message_finished(finished)


class _DeltaBatch:
    """Deltas handed to the sink together, at most every DELTA_INTERVAL seconds.

    A fast relay sends thousands of deltas a second and the window redraws a reply only every
    few dozen milliseconds, so passing each delta on by itself costs signal dispatch and
    nothing more. A delta never waits longer than the interval, even if the next is slow.
    """

    def __init__(self, sink: EventSink, message_id: int) -> None:
        self._sink = sink
        self._message_id = message_id
        self._content: list[str] = []
        self._reasoning: list[str] = []
        self._sent_at = -DELTA_INTERVAL
        self._later: asyncio.TimerHandle | None = None

    def add(self, content: str, reasoning: str) -> None:
        self._content.append(content)
        self._reasoning.append(reasoning)
        wait = self._sent_at + DELTA_INTERVAL - time.monotonic()
        if wait <= 0:
            self.flush()
        elif self._later is None:
            self._later = asyncio.get_running_loop().call_later(wait, self.flush)

    def flush(self) -> None:
        if self._later is not None:
            self._later.cancel()
            self._later = None
        if self._content:
            content, reasoning = "".join(self._content), "".join(self._reasoning)
            self._content, self._reasoning = [], []
            self._sink.text_delta(self._message_id, content, reasoning)
        self._sent_at = time.monotonic()


async def _settled(saving: asyncio.Future[bool] | None) -> None:
    """Let a progress save finish first, so it cannot overwrite the final text."""
    if saving is not None:
        with contextlib.suppress(Exception):
            await asyncio.shield(saving)


class ChatService:
    def __init__(
        self,
        db: Database,
        relay: RelaySession,
        sink: EventSink,
        scope: TaskScope,
        catalogue: Catalogue,
        *,
        clock: Callable[[], float] = time.time,
        persist_interval: float = 0.5,
        on_reply_finished: ReplyHook | None = None,
    ) -> None:
        self._db = db
        self._relay = relay
        self._sink = sink
        self._scope = scope
        self._catalogue = catalogue
        self._clock = clock
        self._persist_interval = persist_interval
        # Called with a finished reply that links pictures, and the prompt that asked for
        # them, so the pictures reach the library before their links expire.
        self._on_reply_finished = on_reply_finished

    def is_streaming(self, conversation_id: int) -> bool:
        return self._scope.is_running(chat_key(conversation_id))

    def stop(self, conversation_id: int) -> bool:
        return self._scope.cancel(chat_key(conversation_id))

    async def send(
        self,
        conversation: Conversation | None,
        model: str,
        text: str,
        attachments: list[Attachment] | None = None,
        options: ChatOptions | None = None,
    ) -> Conversation:
        """Add the user's message and start streaming the reply; a new conversation if None."""
        conversation, _user = await add_user_turn(
            self._db, self._sink, conversation, model, text, attachments, self._clock(), options
        )
        await self._start_reply(conversation, model)
        return conversation

    async def regenerate(self, conversation: Conversation, from_message_id: int) -> None:
        """Drop a reply (and anything after it) and ask the model that wrote it again; also
        the Retry of a failure. The picker may have moved on to another model since. A reply
        still streaming is stopped first: the user asked for a new answer."""
        await self._scope.stop(chat_key(conversation.id))
        reply = await self._db.run(store.get_message, from_message_id)
        if reply is None or reply.conversation_id != conversation.id:
            return
        await self._db.run(store.delete_messages_from, conversation.id, from_message_id)
        await self._start_reply(conversation, reply.model or conversation.model)

    async def edit_and_resend(
        self, conversation: Conversation, message_id: int, new_text: str
    ) -> None:
        """Replace a question (and all after it) and ask again, stopping a reply on its way."""
        await self._scope.stop(chat_key(conversation.id))
        original = await self._db.run(store.get_message, message_id)
        if original is None or original.role is not Role.USER:
            return
        # Asked again of the model it was asked of, whatever the picker shows now.
        model = original.model or conversation.model
        await self._db.run(store.delete_messages_from, conversation.id, message_id)
        user = await self._db.run(
            store.add_message,
            conversation.id,
            Role.USER,
            new_text,
            model=model,
            attachments=original.attachments,
            now=self._clock(),
        )
        self._sink.message_added(user)
        await self._start_reply(conversation, model)

    async def _start_reply(self, conversation: Conversation, model: str) -> None:
        reply = await self._db.run(
            store.add_message,
            conversation.id,
            Role.ASSISTANT,
            "",
            model=model,
            state=MessageState.STREAMING,
            now=self._clock(),
        )
        history = await self._db.run(store.list_messages, conversation.id)
        history = [m for m in history if m.id != reply.id]
        # Shown and registered with nothing awaited between: a Stop, an edit or a regenerate
        # the user makes once the reply shows always finds its task.
        self._sink.message_added(reply)
        self._scope.start(
            self._stream_reply(conversation, reply, history), key=chat_key(conversation.id)
        )

    def _request_body(
        self, conversation: Conversation, model: str, history: list[Message]
    ) -> dict[str, Any]:
        options = conversation.options
        info = self._catalogue.get(model)
        extra: dict[str, Any] = {}
        if info.search:
            extra["use_search"] = options.use_search
        return chat_api.build_chat_body(
            model,
            api_messages(options, history),
            stream=True,
            temperature=options.temperature,
            max_tokens=options.max_tokens,
            extra=extra,
        )

    async def _stream_reply(
        self, conversation: Conversation, reply: Message, history: list[Message]
    ) -> None:
        content: list[str] = []
        reasoning: list[str] = []
        usage: chat_api.TokenUsage | None = None
        last_saved = self._clock()
        saving: asyncio.Future[bool] | None = None
        state, error_kind, error_text = MessageState.DONE, None, None
        try:
            body = self._request_body(conversation, reply.model, history)
            stream = chat_api.stream_chat(self._relay.relay, body)
            batch = _DeltaBatch(self._sink, reply.id)
            try:
                async with contextlib.aclosing(stream):
                    # Nothing else is awaited inside this loop, so Stop always lands in the
                    # network read and unwinds the HTTP stream in this task; the progress is
                    # saved beside it.
                    async for delta in stream:
                        if delta.usage is not None:
                            usage = delta.usage
                        if not (delta.content or delta.reasoning):
                            continue
                        content.append(delta.content)
                        reasoning.append(delta.reasoning)
                        batch.add(delta.content, delta.reasoning)
                        now = self._clock()
                        if now - last_saved >= self._persist_interval and (
                            saving is None or saving.done()
                        ):
                            last_saved = now
                            saving = asyncio.ensure_future(
                                self._db.run(
                                    store.update_message_progress,
                                    reply.id,
                                    "".join(content),
                                    "".join(reasoning),
                                )
                            )
            finally:
                batch.flush()
        except asyncio.CancelledError:
            state, error_kind = MessageState.INTERRUPTED, STOPPED
            await _settled(saving)
            await self._finish(reply, content, reasoning, state, error_kind, None, usage)
            raise
        except RelayError as error:
            kind = error.kind
            # A connection that breaks or stalls after text arrived cut the answer off: the
            # relay was reachable, and the text so far is kept like any cut-off answer.
            broken = kind in (ErrorKind.NETWORK, ErrorKind.TIMEOUT) and any(content + reasoning)
            if broken and kind is ErrorKind.NETWORK:
                kind = ErrorKind.INTERRUPTED
            interrupted = broken or kind is ErrorKind.INTERRUPTED
            state = MessageState.INTERRUPTED if interrupted else MessageState.FAILED
            error_kind, error_text = kind.value, error.message
            log.info("chat reply %d ended: %s", reply.id, error)
        except Exception:
            log.exception("chat reply failed")
            state, error_kind = MessageState.FAILED, INTERNAL
        await _settled(saving)
        finished = await self._finish(
            reply, content, reasoning, state, error_kind, error_text, usage
        )
        if state in (MessageState.DONE, MessageState.INTERRUPTED):
            await self._reply_finished(finished, history)

    async def _reply_finished(self, reply: Message, history: list[Message]) -> None:
        if self._on_reply_finished is None or not parse_reply(reply.content).image_urls:
            return
        prompt = next((m.content for m in reversed(history) if m.role is Role.USER), "")
        try:
            await self._on_reply_finished(reply, prompt)
        except Exception:
            # The reply itself is saved; losing its pictures must not turn into a failure.
            log.exception("handling a finished reply failed")

    async def _finish(
        self,
        reply: Message,
        content: list[str],
        reasoning: list[str],
        state: MessageState,
        error_kind: str | None,
        error_text: str | None,
        usage: chat_api.TokenUsage | None,
    ) -> Message:
        # A new message, not the one the window was given when the reply began: the window
        # must not see the reply end before message_finished tells it, with its whole text.
        finished = replace(
            reply,
            content="".join(content),
            reasoning="".join(reasoning),
            state=state,
            error_kind=error_kind,
            error_text=error_text,
            usage=_usage(usage),
        )
        await save_finished(self._db, self._sink, finished)
        return finished
