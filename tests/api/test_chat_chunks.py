"""Each streamed chunk gives the same text, thinking, usage and finish whichever way it is
read: the quick reading of plain text chunks must never lose what the full reading keeps."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ecovdesk.api import chat
from ecovdesk.api.chat import CHAT_PATH, ChatDelta, TokenUsage, build_chat_body, stream_chat
from ecovdesk.api.errors import RelayError
from ecovdesk.api.http import RelayConfig, make_relay_client

from .conftest import FakeRelay, reply_bytes, reply_stream, trickle

BODY = build_chat_body("gpt-4o-mini", [{"role": "user", "content": "你好"}], stream=True)

TEXTS = st.none() | st.text(max_size=4) | st.integers() | st.booleans()
CONTENTS = TEXTS | st.lists(
    st.fixed_dictionaries({"type": st.just("text"), "text": TEXTS}), max_size=2
)
# Shapes near the usual chunk, each with one or more keys that change how it must be read.
DELTAS = st.fixed_dictionaries(
    {"content": st.text(max_size=4) | CONTENTS},
    optional={"reasoning_content": CONTENTS, "reasoning": CONTENTS, "role": st.just("assistant")},
)
CHOICES = st.fixed_dictionaries(
    {"delta": DELTAS | st.just({}) | TEXTS},
    optional={
        "message": DELTAS,
        "finish_reason": st.none() | st.sampled_from(["stop", "length", ""]) | st.integers(),
        "index": st.integers(0, 2),
    },
)
USAGES = (
    st.none()
    | st.integers()
    | st.fixed_dictionaries(
        {},
        optional={
            "prompt_tokens": st.integers(0, 99) | st.text(max_size=3),
            "completion_tokens": st.integers(0, 99),
            "total_tokens": st.integers(0, 99),
        },
    )
)
CHUNKS = st.fixed_dictionaries(
    {"choices": st.lists(CHOICES, min_size=1, max_size=2) | st.lists(CHOICES | TEXTS) | TEXTS},
    optional={
        "usage": USAGES,
        "error": st.none() | st.sampled_from(["", "boom"]) | st.just({"message": "boom"}),
        "id": st.text(max_size=4),
    },
)


def _near_plain(content: str, extras: dict[str, Any]) -> dict[str, Any]:
    """The usual chunk with a few keys added at the level their name says."""
    delta: dict[str, Any] = {"content": content}
    choice: dict[str, Any] = {"delta": delta}
    chunk: dict[str, Any] = {"choices": [choice]}
    for key, value in extras.items():
        level, name = key.split(".")
        {"delta": delta, "choice": choice, "chunk": chunk}[level][name] = value
    return chunk


NEAR_PLAIN = st.builds(
    _near_plain,
    st.text(max_size=4),
    st.dictionaries(
        st.sampled_from(
            [
                "delta.reasoning_content",
                "delta.reasoning",
                "delta.role",
                "choice.finish_reason",
                "choice.message",
                "chunk.usage",
                "chunk.error",
            ]
        ),
        CONTENTS | DELTAS | USAGES,
        max_size=2,
    ),
)


def _general(client: httpx.AsyncClient, chunk: Any) -> ChatDelta | str | None:
    try:
        return chat._delta_from_chunk(chat._check_chunk(client, chunk))
    except RelayError as error:
        return error.kind.value


def _read(client: httpx.AsyncClient, chunk: Any) -> ChatDelta | str | None:
    piece = chat._read_piece(client, [("message", json.dumps(chunk, ensure_ascii=False))])
    if piece.error is not None:
        return piece.error.kind.value
    assert len(piece.deltas) <= 1
    return piece.deltas[0] if piece.deltas else None


# Only used to scrub the key from error messages; it sends nothing.
SCRUBBER = make_relay_client(RelayConfig("https://relay.example.test", "sk-chunks-0123456789"))


@settings(max_examples=1000, deadline=None)
@given(chunk=CHUNKS | NEAR_PLAIN)
def test_any_chunk_reads_as_the_full_reading_does(chunk: Any) -> None:
    assert _read(SCRUBBER, chunk) == _general(SCRUBBER, chunk)


def _stream(*chunks: Any) -> bytes:
    lines = [f"data: {json.dumps(chunk, ensure_ascii=False)}\n\n" for chunk in chunks]
    return ("".join(lines) + "data: [DONE]\n\n").encode()


async def _collect(relay: FakeRelay, client: httpx.AsyncClient, *chunks: Any) -> list[ChatDelta]:
    relay.on("POST", CHAT_PATH, reply_bytes(_stream(*chunks)))
    found: AsyncIterator[ChatDelta] = stream_chat(client, dict(BODY))
    return [delta async for delta in found]


@pytest.mark.asyncio
async def test_text_beside_a_finish_usage_or_thinking_keeps_them(
    relay: FakeRelay, client: httpx.AsyncClient
) -> None:
    usage = {"prompt_tokens": 3, "completion_tokens": 4, "total_tokens": 7}
    deltas = await _collect(
        relay,
        client,
        {"choices": [{"delta": {"role": "assistant", "content": ""}}]},
        {"choices": [{"delta": {"content": "一", "reasoning_content": None}}]},
        {"choices": [{"delta": {"content": "二", "reasoning_content": "想"}}]},
        {"choices": [{"delta": {"content": "三"}, "finish_reason": "stop"}], "usage": usage},
    )
    assert deltas == [
        ChatDelta("一"),
        ChatDelta("二", "想"),
        ChatDelta("三", usage=TokenUsage(3, 4, 7), finish_reason="stop"),
    ]


@pytest.mark.asyncio
async def test_odd_chunk_shapes_still_give_their_text(
    relay: FakeRelay, client: httpx.AsyncClient
) -> None:
    deltas = await _collect(
        relay,
        client,
        {"choices": [{"message": {"content": "a"}}]},
        {"choices": [{"delta": {}, "message": {"content": "b"}}]},
        {"choices": ["junk", {"delta": {"content": "c"}}]},
        {"choices": [{"delta": {"content": [{"type": "text", "text": "d"}]}}]},
        {"choices": [{"delta": {"content": 5}}]},
        {"choices": [{"delta": {"content": "e"}}], "usage": None, "error": None},
    )
    assert "".join(delta.content for delta in deltas) == "abcde"


@pytest.mark.asyncio
async def test_chunks_only_the_standard_decoder_reads_still_give_their_text(
    relay: FakeRelay, client: httpx.AsyncClient
) -> None:
    # Python-made relays write NaN for a missing number, ids can pass 64 bits, and a text cut
    # inside a pair of UTF-16 escapes leaves half of it: none of these stops the answer.
    events = [
        '{"created": 123456789012345678901234567890, "choices": [{"delta": {"content": "a"}}]}',
        '{"choices": [{"delta": {"content": "b"}, "logprobs": NaN}]}',
        '{"choices": [{"delta": {"content": "c\\ud83d"}}]}',
        '{"choices": [{"delta": {"content": "d"}}]}',
    ]
    body = "".join(f"data: {event}\n\n" for event in events) + "data: [DONE]\n\n"
    relay.on("POST", CHAT_PATH, reply_bytes(body.encode()))
    deltas = [delta async for delta in stream_chat(client, dict(BODY))]
    assert "".join(delta.content for delta in deltas) == "abc\ud83dd"


@pytest.mark.asyncio
async def test_an_error_beside_text_still_fails_the_answer(
    relay: FakeRelay, client: httpx.AsyncClient
) -> None:
    with pytest.raises(RelayError, match="boom"):
        await _collect(
            relay,
            client,
            {"choices": [{"delta": {"content": "a"}}]},
            {"choices": [{"delta": {"content": "b"}}], "error": {"message": "boom"}},
        )


@pytest.mark.asyncio
async def test_reading_a_backlog_lets_other_work_run(
    relay: FakeRelay, client: httpx.AsyncClient
) -> None:
    # The whole answer is there at once, as when the relay got far ahead of the reading:
    # no read ever waits, yet the window's work (here, a ticking task) must go on meanwhile.
    # It comes in pieces of the size a socket read returns.
    chunks = [{"choices": [{"delta": {"content": "字"}}]}] * 20_000
    body = _stream(*chunks)
    pieces = [body[at : at + 65_536] for at in range(0, len(body), 65_536)]
    relay.on("POST", CHAT_PATH, reply_stream(lambda: trickle(pieces)))
    ticks_while_reading: list[int] = []
    text: list[str] = []
    ticks = 0

    async def tick() -> None:
        nonlocal ticks
        while True:
            ticks += 1
            await asyncio.sleep(0)

    ticker = asyncio.create_task(tick())
    await asyncio.sleep(0)
    async for delta in stream_chat(client, dict(BODY)):
        ticks_while_reading.append(ticks)
        text.append(delta.content)
    ticker.cancel()
    assert "".join(text) == "字" * 20_000
    assert len(ticks_while_reading) >= len(pieces) - 1
    assert ticks_while_reading[-1] > ticks_while_reading[0]
