"""Pictures from the relay: image models (OpenAI format, Ideogram) and chat replies that
embed picture links. Everything that arrives is stored in the library at once, since the
relay's links expire within hours."""

from __future__ import annotations

import asyncio
import dataclasses
import logging
import time
from collections.abc import Callable

from ecovdesk.api.errors import RelayError
from ecovdesk.core import conversation_store as store
from ecovdesk.core.catalogue import Catalogue, Family
from ecovdesk.core.chat_service import INTERNAL, STOPPED, chat_key, save_finished
from ecovdesk.core.database import Database
from ecovdesk.core.domain import (
    Asset,
    AssetKind,
    Attachment,
    Conversation,
    ImageOptions,
    Message,
    MessageState,
    Provenance,
    Role,
)
from ecovdesk.core.events import EventSink
from ecovdesk.core.image_requests import IMAGE_FAMILIES, request_images, revised_prompts
from ecovdesk.core.library import Library
from ecovdesk.core.media_check import SAVE_FAILED, MediaRejected
from ecovdesk.core.relay_session import RelaySession
from ecovdesk.core.reply_parser import ParsedReply, parse_reply
from ecovdesk.core.task_scope import TaskScope
from ecovdesk.core.user_turn import add_user_turn

log = logging.getLogger(__name__)

# error_kind of a generation whose answer came back but none of whose pictures could be
# stored; the reasons arrive per picture through EventSink.asset_failed.
NO_PICTURES = "no_pictures"


def reply_provenance(message: Message, parsed: ParsedReply, user_prompt: str) -> Provenance:
    """Provenance of pictures a chat model drew. They are found in the gallery by the words
    the user wrote; the prompt gpt-4o-all says it drew from (often its English rewrite) and
    the size it states are kept beside them."""
    caption = parsed.caption
    asked = user_prompt.strip()
    params: dict[str, object] = {"size": caption.size} if caption and caption.size else {}
    drawn = caption.prompt.strip() if caption else ""
    if drawn and asked and drawn != asked:
        params["revised_prompt"] = drawn
    return Provenance(
        kind=AssetKind.IMAGE,
        prompt=asked or drawn,
        model=message.model,
        params=params,
        conversation_id=message.conversation_id,
        message_id=message.id,
    )


class ImageService:
    def __init__(
        self,
        db: Database,
        relay: RelaySession,
        library: Library,
        sink: EventSink,
        scope: TaskScope,
        catalogue: Catalogue,
        *,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self._db = db
        self._relay = relay
        self._library = library
        self._sink = sink
        self._scope = scope
        self._catalogue = catalogue
        self._clock = clock
        # Pictures that failed in this session, so Retry keeps their full provenance.
        self._failed: dict[tuple[int, str], Provenance] = {}

    def is_running(self, conversation_id: int) -> bool:
        return self._scope.is_running(chat_key(conversation_id))

    def stop(self, conversation_id: int) -> bool:
        return self._scope.cancel(chat_key(conversation_id))

    async def generate(
        self,
        conversation: Conversation | None,
        model: str,
        prompt: str,
        options: ImageOptions,
        attachments: list[Attachment] | None = None,
    ) -> Conversation:
        """Add the prompt and a pending reply, then generate in the background."""
        family = self._catalogue.get(model).family
        if family not in IMAGE_FAMILIES:
            raise ValueError(f"{model} is not a picture model")
        conversation, _user = await add_user_turn(
            self._db, self._sink, conversation, model, prompt, attachments, self._clock()
        )
        await self._start_reply(conversation, model, family, prompt, options)
        return conversation

    async def regenerate(
        self, conversation: Conversation, from_message_id: int, options: ImageOptions
    ) -> None:
        """Generate again for the prompt before a reply (Retry, Regenerate); the reply and
        anything after it go, as for chat. Only ever on the user's request: it costs money."""
        if self.is_running(conversation.id):
            return
        reply = await self._db.run(store.get_message, from_message_id)
        if reply is None or reply.conversation_id != conversation.id:
            return
        family = self._catalogue.get(reply.model).family
        earlier = await self._db.run(
            store.list_messages, conversation.id, before_id=from_message_id
        )
        prompt = next((m for m in reversed(earlier) if m.role is Role.USER), None)
        if family not in IMAGE_FAMILIES or prompt is None:
            return
        await self._db.run(store.delete_messages_from, conversation.id, from_message_id)
        await self._start_reply(conversation, reply.model, family, prompt.content, options)

    async def _start_reply(
        self,
        conversation: Conversation,
        model: str,
        family: Family,
        prompt: str,
        options: ImageOptions,
    ) -> None:
        reply = await self._db.run(
            store.add_message,
            conversation.id,
            Role.ASSISTANT,
            "",
            model=model,
            state=MessageState.STREAMING,
            now=self._clock(),
        )
        self._sink.message_added(reply)
        self._scope.start(
            self._generate(reply, family, prompt, options), key=chat_key(conversation.id)
        )
        # One turn of the loop lets the task enter its try block: a task cancelled before
        # its first step never runs its handler and would leave the reply "streaming".
        await asyncio.sleep(0)

    async def _generate(
        self, reply: Message, family: Family, prompt: str, options: ImageOptions
    ) -> None:
        content = ""
        state, error_kind, error_text = MessageState.DONE, None, None
        try:
            refs, params = await request_images(
                self._relay.relay, family, reply.model, prompt, options
            )
            content = revised_prompts(refs, prompt)
            provenance = Provenance(
                kind=AssetKind.IMAGE,
                prompt=prompt,
                model=reply.model,
                params=params,
                conversation_id=reply.conversation_id,
                message_id=reply.id,
            )
            stored = await asyncio.gather(
                *(self._store(reply.id, provenance, ref.url, ref.data) for ref in refs)
            )
            if not any(stored):
                state, error_kind = MessageState.FAILED, NO_PICTURES
        except asyncio.CancelledError:
            await self._finish(reply, content, MessageState.INTERRUPTED, STOPPED, None)
            raise
        except RelayError as error:
            state, error_kind, error_text = MessageState.FAILED, error.kind.value, error.message
            log.info("picture reply %d failed: %s", reply.id, error)
        except Exception:
            log.exception("picture generation failed")
            state, error_kind = MessageState.FAILED, INTERNAL
        await self._finish(reply, content, state, error_kind, error_text)

    async def _store(
        self, message_id: int, provenance: Provenance, url: str, data: bytes | None = None
    ) -> Asset | None:
        """One picture into the library; a refusal is reported, not raised."""
        try:
            if data is not None:
                asset = await self._library.add_bytes(data, provenance, source_url=url)
            else:
                asset = await self._library.fetch(url, provenance)
        except MediaRejected as rejected:
            reason = rejected.reason
        except Exception:
            log.exception("could not store a picture")
            reason = SAVE_FAILED
        else:
            self._failed.pop((message_id, url), None)
            return asset
        if url:
            self._failed[(message_id, url)] = provenance
        self._sink.asset_failed(message_id, url, reason)
        return None

    async def _finish(
        self,
        reply: Message,
        content: str,
        state: MessageState,
        error_kind: str | None,
        error_text: str | None,
    ) -> None:
        finished = dataclasses.replace(
            reply, content=content, state=state, error_kind=error_kind, error_text=error_text
        )
        await save_finished(self._db, self._sink, finished)

    # --- pictures in chat replies and retries ---------------------------------------------

    async def fetch_reply_pictures(self, message: Message, user_prompt: str) -> list[Asset]:
        """Store every picture a finished chat reply links to (gpt-4o-all, 智谱, markdown)."""
        parsed = parse_reply(message.content)
        if not parsed.image_urls:
            return []
        provenance = reply_provenance(message, parsed, user_prompt)
        existing = await self._library.for_messages([message.id])
        known = {asset.source_url for asset in existing.get(message.id, [])}
        stored = await asyncio.gather(
            *(
                self._store(message.id, provenance, url)
                for url in parsed.image_urls
                if url not in known
            )
        )
        return [asset for asset in stored if asset is not None]

    async def retry_picture(self, message_id: int, url: str) -> Asset | None:
        """Download one refused picture again; the outcome arrives through the sink too."""
        provenance = self._failed.get((message_id, url)) or await self._provenance_for(message_id)
        if provenance is None:
            return None
        asset = await self._store(message_id, provenance, url)
        if asset is not None:
            await self._clear_no_pictures(message_id)
        return asset

    async def _provenance_for(self, message_id: int) -> Provenance | None:
        """Provenance rebuilt from the stored conversation, for failures of earlier runs."""
        message = await self._db.run(store.get_message, message_id)
        if message is None:
            return None
        earlier = await self._db.run(
            store.list_messages, message.conversation_id, before_id=message_id
        )
        user_prompt = next((m.content for m in reversed(earlier) if m.role is Role.USER), "")
        provenance = reply_provenance(message, parse_reply(message.content), user_prompt)
        siblings = (await self._library.for_messages([message_id])).get(message_id, [])
        if siblings and not provenance.params:
            # Pictures of the same generation that did arrive know the options it used.
            return dataclasses.replace(provenance, params=siblings[0].provenance.params)
        return provenance

    async def _clear_no_pictures(self, message_id: int) -> None:
        message = await self._db.run(store.get_message, message_id)
        if message is None or message.error_kind != NO_PICTURES:
            return
        finished = await self._db.run(
            store.finish_message,
            message_id,
            message.content,
            message.reasoning,
            MessageState.DONE,
            None,
            None,
            message.usage,
        )
        if finished is not None:
            self._sink.message_finished(finished)
