"""Shared pieces for the library and picture tests: pictures made with Pillow, a sink that
records events, a relay session answered by a script, and a few waiting helpers."""

from __future__ import annotations

import asyncio
import copy
import io
import struct
import zlib
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from pathlib import Path

import httpx
from PIL import Image

from ecovdesk.api.http import RelayConfig, make_media_client, make_relay_client
from ecovdesk.core import conversation_store as store
from ecovdesk.core.database import Database
from ecovdesk.core.domain import (
    Asset,
    ChatOptions,
    Conversation,
    Job,
    Message,
    MessageState,
    Role,
)
from ecovdesk.core.events import NoticeLevel
from ecovdesk.core.relay_session import RelaySession
from ecovdesk.core.task_scope import TaskScope

API_KEY = "sk-library-test-0123456789"
SCRIPTED_BASE = "https://relay.example.test"

Handler = Callable[[httpx.Request], httpx.Response | Awaitable[httpx.Response]]


def picture(fmt: str = "PNG", size: tuple[int, int] = (640, 480), colour: int = 0) -> bytes:
    """A small picture with some structure, so each colour gives different bytes."""
    image = Image.new("RGB", size, (colour % 256, 120, 200))
    for x in range(0, size[0], 16):
        for y in range(0, size[1], 16):
            if (x + y) // 16 % 2:
                image.putpixel((x, y), (255, 255, 255))
    out = io.BytesIO()
    image.save(out, format=fmt)
    return out.getvalue()


def png_declaring(width: int, height: int) -> bytes:
    """A tiny valid PNG whose header claims ``width`` x ``height``: a decompression bomb."""
    data = bytearray(picture("PNG", (8, 8)))
    data[16:24] = struct.pack(">II", width, height)
    crc = zlib.crc32(bytes(data[12:29]))
    data[29:33] = struct.pack(">I", crc)
    return bytes(data)


SVG_CLEAN = (
    b'<?xml version="1.0" encoding="UTF-8"?>\n'
    b'<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" '
    b'width="300" height="200"><defs><linearGradient id="g"><stop offset="0"/></linearGradient>'
    b'</defs><rect width="300" height="200" fill="url(#g)"/><use xlink:href="#g"/>'
    b'<image href="data:image/png;base64,iVBORw0KGgo="/></svg>'
)


def svg_with(inner: bytes, prefix: bytes = b"") -> bytes:
    return (
        prefix + b'<svg xmlns="http://www.w3.org/2000/svg" '
        b'xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 10 10">' + inner + b"</svg>"
    )


@dataclass
class RecordingSink:
    """An EventSink that keeps every event for the test to look at."""

    conversations: list[Conversation] = field(default_factory=list)
    added: list[Message] = field(default_factory=list)
    finished: list[Message] = field(default_factory=list)
    ready: list[Asset] = field(default_factory=list)
    failed: list[tuple[int, str, str]] = field(default_factory=list)
    jobs: list[Job] = field(default_factory=list)
    notices: list[tuple[NoticeLevel, str]] = field(default_factory=list)

    def conversation_changed(self, conversation: Conversation) -> None:
        self.conversations.append(conversation)

    def conversation_removed(self, conversation_id: int) -> None:
        pass

    def message_added(self, message: Message) -> None:
        self.added.append(message)

    def text_delta(self, message_id: int, content: str, reasoning: str) -> None:
        pass

    def message_finished(self, message: Message) -> None:
        self.finished.append(message)

    def notice(self, level: NoticeLevel, text: str) -> None:
        self.notices.append((level, text))

    def asset_ready(self, asset: Asset) -> None:
        self.ready.append(asset)

    def asset_failed(self, message_id: int, url: str, reason: str) -> None:
        self.failed.append((message_id, url, reason))

    def job_updated(self, job: Job) -> None:
        self.jobs.append(copy.copy(job))


class ScriptedSession(RelaySession):
    """A RelaySession whose clients are answered by ``handler`` (httpx.MockTransport).

    Only the transport is replaced: which client a link gets is still RelaySession's rule.
    """

    def __init__(self, handler: Handler, base_url: str = SCRIPTED_BASE) -> None:
        super().__init__()
        self.configure(RelayConfig(base_url, API_KEY))
        transport = httpx.MockTransport(handler)
        self._scripted_relay = make_relay_client(
            RelayConfig(base_url, API_KEY), transport=transport
        )
        self._scripted_media = make_media_client(transport=transport)

    @property
    def relay(self) -> httpx.AsyncClient:
        return self._scripted_relay

    @property
    def media(self) -> httpx.AsyncClient:
        return self._scripted_media

    async def aclose(self) -> None:
        await self._scripted_relay.aclose()
        await self._scripted_media.aclose()


def files_in(folder: Path, pattern: str = "*") -> list[Path]:
    return sorted(p for p in folder.rglob(pattern) if p.is_file()) if folder.exists() else []


async def wait_until_idle(scope: TaskScope, key: str, timeout: float = 15.0) -> None:
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while scope.is_running(key):
        assert loop.time() < deadline, f"{key} still running after {timeout} s"
        await asyncio.sleep(0.01)


async def wait_for(condition: Callable[[], bool], timeout: float = 10.0) -> None:
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while not condition():
        assert loop.time() < deadline, "condition not met in time"
        await asyncio.sleep(0.01)


async def reply_in_new_conversation(
    db: Database, model: str = "dall-e-3", prompt: str = "a cat"
) -> tuple[Conversation, Message]:
    """A conversation with a user prompt and a finished assistant reply to hang files on."""
    conversation = await db.run(store.create_conversation, "t", model, ChatOptions(), 1.0)
    await db.run(store.add_message, conversation.id, Role.USER, prompt, now=1.0)
    reply = await db.run(
        store.add_message,
        conversation.id,
        Role.ASSISTANT,
        "",
        model=model,
        state=MessageState.DONE,
        now=2.0,
    )
    return conversation, reply
