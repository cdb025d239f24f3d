from __future__ import annotations

import asyncio
from collections.abc import AsyncGenerator

import pytest

from ecovdesk.api.received import received_together


async def _source(
    bursts: list[list[bytes]], closed: list[bool], fail: Exception | None = None
) -> AsyncGenerator[bytes, None]:
    """Chunks in bursts: those of one burst are there at once, as after one network read."""
    try:
        for burst in bursts:
            await asyncio.sleep(0.01)
            for chunk in burst:
                yield chunk
        if fail is not None:
            raise fail
    finally:
        closed.append(True)


async def _all(pieces: AsyncGenerator[bytes, None]) -> list[bytes]:
    return [piece async for piece in pieces]


@pytest.mark.asyncio
async def test_chunks_there_at_once_come_as_one_piece_in_order() -> None:
    closed: list[bool] = []
    bursts = [[b"a", b"b", b"c"], [b"d"], [b"e", b"f"]]
    assert await _all(received_together(_source(bursts, closed))) == [b"abc", b"d", b"ef"]
    assert closed == [True]


@pytest.mark.asyncio
async def test_a_chunk_is_handed_on_before_the_next_one_arrives() -> None:
    later = asyncio.Event()

    async def source() -> AsyncGenerator[bytes, None]:
        yield b"first"
        await later.wait()
        yield b"second"

    pieces = received_together(source())
    assert await asyncio.wait_for(anext(pieces), 1) == b"first"
    later.set()
    assert await anext(pieces) == b"second"
    await pieces.aclose()


@pytest.mark.asyncio
async def test_a_failure_comes_after_what_was_read_before_it() -> None:
    closed: list[bool] = []
    received: list[bytes] = []
    with pytest.raises(ConnectionError):
        async for piece in received_together(
            _source([[b"a"], [b"b"]], closed, ConnectionError("cut"))
        ):
            received.append(piece)
    assert received == [b"a", b"b"]


@pytest.mark.asyncio
async def test_closing_early_stops_the_reading_and_closes_the_source() -> None:
    closed: list[bool] = []
    pieces = received_together(_source([[b"a"], [b"b"], [b"c"]], closed))
    assert await anext(pieces) == b"a"
    await pieces.aclose()
    assert closed == [True]
    assert not [task for task in asyncio.all_tasks() if task is not asyncio.current_task()]
