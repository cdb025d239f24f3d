"""A scripted relay on httpx.MockTransport, and loaders for the reference examples."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator, Callable, Iterable, Mapping
from pathlib import Path
from typing import Any

import httpx
import pytest
import pytest_asyncio

from ecovdesk.api.http import RelayConfig, make_relay_client

EXAMPLES = Path(__file__).resolve().parent.parent / "fixtures" / "examples"

API_KEY = "sk-ecovdesk-test-9f8e7d6c5b4a3210"
BASE_URL = "https://relay.example.test"

Reply = Callable[[httpx.Request], httpx.Response]


def example_bytes(name: str) -> bytes:
    return (EXAMPLES / name).read_bytes()


def example(name: str) -> Any:
    return json.loads(example_bytes(name))


def reply_json(body: Any, status: int = 200, headers: Mapping[str, str] | None = None) -> Reply:
    """A reply with a JSON body; a string body names an example file."""
    content = example_bytes(body) if isinstance(body, str) else json.dumps(body).encode()
    all_headers = {"content-type": "application/json", **(headers or {})}
    return lambda request: httpx.Response(status, headers=all_headers, content=content)


def reply_bytes(
    content: bytes,
    status: int = 200,
    content_type: str = "text/event-stream",
    headers: Mapping[str, str] | None = None,
) -> Reply:
    all_headers = {"content-type": content_type, **(headers or {})}
    return lambda request: httpx.Response(status, headers=all_headers, content=content)


async def trickle(chunks: Iterable[bytes], fail: Exception | None = None) -> AsyncIterator[bytes]:
    """A response body delivered chunk by chunk, optionally breaking off with ``fail``.

    Each chunk waits for the event loop to come round, as one from the network would: what
    arrives between two such waits is read as one piece."""
    for chunk in chunks:
        await asyncio.sleep(0)
        yield chunk
    if fail is not None:
        raise fail


def reply_stream(
    chunks: Callable[[], AsyncIterator[bytes]],
    status: int = 200,
    content_type: str = "text/event-stream",
) -> Reply:
    """A reply whose body is produced by an async byte iterator (made fresh per request)."""
    headers = {"content-type": content_type}
    return lambda request: httpx.Response(status, headers=headers, content=chunks())


def one_byte_chunks(data: bytes) -> list[bytes]:
    return [data[i : i + 1] for i in range(len(data))]


class FakeRelay:
    """Routes by method and path; several replies on one route are served in order and the
    last one repeats. Unknown routes answer 404 like the relay does."""

    def __init__(self) -> None:
        self.routes: dict[tuple[str, str], list[Reply]] = {}
        self.requests: list[httpx.Request] = []

    def on(self, method: str, path: str, *replies: Reply) -> None:
        self.routes.setdefault((method, path), []).extend(replies)

    def handle(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        replies = self.routes.get((request.method, request.url.path))
        if not replies:
            message = f"Invalid URL ({request.method} {request.url.path})"
            return httpx.Response(404, json={"error": {"message": message, "type": "invalid"}})
        reply = replies.pop(0) if len(replies) > 1 else replies[0]
        return reply(request)

    def client(self) -> httpx.AsyncClient:
        return make_relay_client(
            RelayConfig(BASE_URL, API_KEY), transport=httpx.MockTransport(self.handle)
        )

    def sent_json(self, index: int = -1) -> Any:
        return json.loads(self.requests[index].content)


@pytest.fixture
def relay() -> FakeRelay:
    return FakeRelay()


@pytest_asyncio.fixture
async def client(relay: FakeRelay) -> AsyncIterator[httpx.AsyncClient]:
    async with relay.client() as relay_client:
        yield relay_client
