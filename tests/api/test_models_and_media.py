from __future__ import annotations

import dataclasses
from typing import Any

import httpx
import pytest

from ecovdesk.api.errors import ErrorKind, RelayError
from ecovdesk.api.media import (
    MediaKind,
    MediaRef,
    RemoteTask,
    TaskState,
    as_url,
    parse_progress,
    parse_time,
    state_from_word,
)
from ecovdesk.api.models import list_models

from .conftest import FakeRelay, reply_json

# --- models ------------------------------------------------------------------------------------


@pytest.mark.asyncio
async def test_list_models_new_format(relay: FakeRelay, client: httpx.AsyncClient) -> None:
    relay.on("GET", "/v1/models", reply_json("models.json"))
    ids = await list_models(client)
    assert ids[:4] == ["gpt-4o-mini", "gpt-4o-all", "deepseek-chat", "deepseek-reasoner"]
    assert ids[-1] == "suno_music"
    assert len(ids) == 12


@pytest.mark.asyncio
async def test_list_models_legacy_format(relay: FakeRelay, client: httpx.AsyncClient) -> None:
    relay.on("GET", "/v1/models", reply_json("models_legacy.json"))
    assert await list_models(client) == ["gpt-4o-mini"]


@pytest.mark.asyncio
async def test_list_models_dedupes_in_order_and_skips_junk(
    relay: FakeRelay, client: httpx.AsyncClient
) -> None:
    data = [{"id": "b"}, {"id": "a"}, {"id": "b"}, {"name": "x"}, {"id": 3}, {"id": " "}, "c"]
    relay.on("GET", "/v1/models", reply_json({"object": "list", "data": data}))
    assert await list_models(client) == ["b", "a", "c"]


@pytest.mark.asyncio
async def test_list_models_errors(relay: FakeRelay, client: httpx.AsyncClient) -> None:
    relay.on("GET", "/v1/models", reply_json({"object": "list"}), reply_json("error.json", 401))
    with pytest.raises(RelayError) as caught:
        await list_models(client)
    assert caught.value.kind is ErrorKind.MALFORMED
    with pytest.raises(RelayError) as caught:
        await list_models(client)
    assert caught.value.kind is ErrorKind.BAD_KEY


# --- media helpers -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("45%", 45),
        (45, 45),
        ("45", 45),
        (" 7 % ", 7),
        ("99.9%", 99),
        (150, 100),
        (-3, 0),
        ("", None),
        (None, None),
        ("soon", None),
        (True, None),
    ],
)
def test_parse_progress(value: Any, expected: int | None) -> None:
    assert parse_progress(value) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (1734078348, 1734078348.0),
        (1766374262370, 1766374262.37),
        ("1734078348", 1734078348.0),
        ("2024-12-15T17:32:00.965408+00:00", 1734283920.965408),
        ("2024-10-31T15:47:08.412Z", 1730389628.412),
        ("2024-12-22T13:38:40.139409123Z", 1734874720.139409),
        ("2024-12-22T13:38:40", 1734874720.0),
        ("2024-12-22T21:38:40+08:00", 1734874720.0),
        (0, None),
        ("0", None),
        ("", None),
        (None, None),
        ("yesterday", None),
    ],
)
def test_parse_time(value: Any, expected: float | None) -> None:
    result = parse_time(value)
    if expected is None:
        assert result is None
    else:
        assert result == pytest.approx(expected, abs=1e-3)


def test_as_url() -> None:
    assert as_url(" https://a/b.png ") == "https://a/b.png"
    assert as_url({"url": "https://a/b.png", "width": 1}) == "https://a/b.png"
    assert as_url({"link": "https://a"}) == ""
    assert as_url(None) == ""
    assert as_url(5) == ""


def test_task_states() -> None:
    assert [s.value for s in TaskState] == [
        "queued",
        "running",
        "succeeded",
        "failed",
        "cancelled",
    ]
    assert {s for s in TaskState if s.is_terminal} == {
        TaskState.SUCCEEDED,
        TaskState.FAILED,
        TaskState.CANCELLED,
    }
    assert TaskState("running") is TaskState.RUNNING
    assert MediaKind("audio") is MediaKind.AUDIO
    assert [k.value for k in MediaKind] == ["image", "audio", "video", "text"]


@pytest.mark.parametrize(
    ("word", "state"),
    [
        ("pending", TaskState.QUEUED),
        ("IN_PROGRESS", TaskState.RUNNING),
        ("in-progress", TaskState.RUNNING),
        ("succeed", TaskState.SUCCEEDED),
        ("Completed", TaskState.SUCCEEDED),
        ("failed", TaskState.FAILED),
        ("canceled", TaskState.CANCELLED),
        ("something new", TaskState.QUEUED),
        (None, TaskState.QUEUED),
    ],
)
def test_state_from_word(word: Any, state: TaskState) -> None:
    assert state_from_word(word) is state


def test_media_types_are_frozen_hashable_and_keep_bytes_out_of_repr() -> None:
    ref = MediaRef(MediaKind.IMAGE, data=b"\x89PNG" * 1000, meta={"format": "png"})
    task = RemoteTask("1", TaskState.SUCCEEDED, outputs=(ref,), raw={"huge": "x" * 10_000})
    assert ref.role == "main"
    assert MediaRef(MediaKind.TEXT).meta == {}
    assert MediaRef(MediaKind.TEXT).meta is not MediaRef(MediaKind.TEXT).meta
    assert "PNG" not in repr(ref)
    assert "huge" not in repr(task)
    assert hash(task) == hash(RemoteTask("1", TaskState.SUCCEEDED, outputs=(ref,)))
    with pytest.raises(dataclasses.FrozenInstanceError):
        task.state = TaskState.FAILED  # type: ignore[misc]
