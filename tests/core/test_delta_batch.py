"""Deltas reach the window joined, never lost and never late."""

from __future__ import annotations

import asyncio

import pytest

from ecovdesk.core.chat_service import DELTA_INTERVAL, _DeltaBatch


class Deltas:
    def __init__(self) -> None:
        self.seen: list[tuple[int, str, str]] = []

    def text_delta(self, message_id: int, content: str, reasoning: str) -> None:
        self.seen.append((message_id, content, reasoning))


@pytest.mark.asyncio
async def test_a_burst_arrives_joined_and_complete() -> None:
    sink = Deltas()
    batch = _DeltaBatch(sink, 7)  # type: ignore[arg-type]
    for number in range(1000):
        batch.add(f"{number},", "r" if number % 2 else "")
    batch.flush()
    assert len(sink.seen) < 20
    assert "".join(content for _, content, _ in sink.seen) == "".join(f"{n}," for n in range(1000))
    assert "".join(reasoning for _, _, reasoning in sink.seen) == "r" * 500
    assert {message_id for message_id, _, _ in sink.seen} == {7}


@pytest.mark.asyncio
async def test_a_delta_followed_by_silence_is_not_held_back() -> None:
    sink = Deltas()
    batch = _DeltaBatch(sink, 1)  # type: ignore[arg-type]
    batch.add("first", "")
    batch.add("second", "")
    assert [content for _, content, _ in sink.seen] == ["first"]
    await asyncio.sleep(DELTA_INTERVAL * 3)
    assert [content for _, content, _ in sink.seen] == ["first", "second"]
    batch.flush()
    assert len(sink.seen) == 2
