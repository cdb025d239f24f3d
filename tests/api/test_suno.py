from __future__ import annotations

import httpx
import pytest

from ecovdesk.api import suno
from ecovdesk.api.errors import ErrorKind, RelayError
from ecovdesk.api.media import MediaKind, TaskState

from .conftest import FakeRelay, example, reply_json

SONG_ID = "edb01060-f588-4ca3-b7b9-c906c46344dc"
LYRICS_ID = "736a6f88-bd29-4b1e-b110-37132a5325ac"


def test_bodies() -> None:
    assert suno.inspiration_body("夏天海边的歌", mv="chirp-v4", instrumental=True) == {
        "gpt_description_prompt": "夏天海边的歌",
        "make_instrumental": True,
        "mv": "chirp-v4",
    }
    assert suno.custom_body("[Verse]\nla", title="City Lights", tags="punk", mv="chirp-v4") == {
        "prompt": "[Verse]\nla",
        "title": "City Lights",
        "tags": "punk",
        "mv": "chirp-v4",
        "make_instrumental": False,
    }
    assert (
        suno.custom_body("", title="t", tags="x", mv="m", negative_tags="metal")["negative_tags"]
        == "metal"
    )
    body = suno.continuation_body("clip-1", 120, task_id=SONG_ID, lyrics="[Outro]", mv="chirp-v4")
    assert body == {
        "continue_clip_id": "clip-1",
        "continue_at": 120.0,
        "task_id": SONG_ID,
        "prompt": "[Outro]",
        "title": "",
        "tags": "",
        "mv": "chirp-v4",
    }
    assert "task_id" not in suno.continuation_body("c", 1.5, mv="m")


@pytest.mark.asyncio
async def test_submit_music_and_lyrics(relay: FakeRelay, client: httpx.AsyncClient) -> None:
    relay.on("POST", "/suno/submit/music", reply_json("suno_submit.json"))
    relay.on("POST", "/suno/submit/lyrics", reply_json("suno_lyrics_submit.json"))
    assert await suno.submit_music(client, suno.inspiration_body("x", mv="chirp-v4")) == SONG_ID
    assert await suno.submit_lyrics(client, "dance") == LYRICS_ID
    assert relay.sent_json() == {"prompt": "dance"}


@pytest.mark.parametrize("status", [200, 400])
@pytest.mark.asyncio
async def test_task_error_envelope(
    relay: FakeRelay, client: httpx.AsyncClient, status: int
) -> None:
    relay.on("GET", "/suno/fetch/nope", reply_json("error_task.json", status))
    with pytest.raises(RelayError) as caught:
        await suno.fetch(client, "nope")
    assert caught.value.kind is ErrorKind.UPSTREAM
    assert caught.value.message == "task_not_exist"
    assert caught.value.code == "task_not_exist"


@pytest.mark.asyncio
async def test_submit_refused_for_quota(relay: FakeRelay, client: httpx.AsyncClient) -> None:
    refusal = {"code": "quota_not_enough", "message": "用户额度不足", "data": None}
    relay.on("POST", "/suno/submit/music", reply_json(refusal))
    with pytest.raises(RelayError) as caught:
        await suno.submit_music(client, suno.inspiration_body("x"))
    assert caught.value.kind is ErrorKind.QUOTA
    assert caught.value.message == "用户额度不足"


@pytest.mark.asyncio
async def test_fetch_success_gives_two_final_clips(
    relay: FakeRelay, client: httpx.AsyncClient
) -> None:
    relay.on("GET", f"/suno/fetch/{SONG_ID}", reply_json("suno_fetch.json"))
    task = await suno.fetch(client, SONG_ID)
    assert task.remote_id == SONG_ID
    assert task.state is TaskState.SUCCEEDED
    assert task.progress == 100
    assert len(task.outputs) == 2
    first = task.outputs[0]
    assert first.kind is MediaKind.AUDIO
    assert first.role == "main"
    assert first.url == "https://cdn1.suno.ai/130054a4-2076-4bc6-9647-1eab163bb6b9.mp3"
    assert first.title == "City Lights"
    assert first.duration == 219.4
    assert first.meta["clip_id"] == "130054a4-2076-4bc6-9647-1eab163bb6b9"
    assert first.meta["tags"] == "emotional punk"
    assert first.meta["prompt"].startswith("[Verse]\nWalking down the streets")
    assert first.meta["video_url"].endswith(".mp4")
    assert first.meta["image_url"].endswith(".jpeg")
    assert first.meta["image_large_url"].startswith("https://cdn2.suno.ai/image_large_")
    assert first.meta["model_name"] == "chirp-v4"
    assert first.meta["clip_status"] == "complete"
    assert task.outputs[1].duration == 187.72
    assert task.error == ""


def test_streaming_clips_are_playable_streams() -> None:
    task = suno.normalise_suno_task(example("suno_fetch_in_progress.json")["data"])
    assert task.state is TaskState.RUNNING
    assert task.progress == 0
    assert [o.role for o in task.outputs] == ["stream", "stream"]
    assert task.outputs[0].url.startswith("https://audiopipe.suno.ai/?item_id=")
    assert task.outputs[0].duration is None
    assert task.preview_url.startswith("https://cdn2.suno.ai/image_e9893d04")


def test_failure_reason_is_the_error() -> None:
    task = suno.normalise_suno_task(example("suno_fetch_failure.json")["data"])
    assert task.state is TaskState.FAILED
    assert task.error == "Song Description flagged for moderation"
    assert task.outputs == ()


@pytest.mark.asyncio
async def test_lyrics_task_gives_text(relay: FakeRelay, client: httpx.AsyncClient) -> None:
    relay.on("GET", f"/suno/fetch/{LYRICS_ID}", reply_json("suno_lyrics_fetch.json"))
    task = await suno.fetch(client, LYRICS_ID)
    assert task.state is TaskState.SUCCEEDED
    (lyrics,) = task.outputs
    assert lyrics.kind is MediaKind.TEXT
    assert lyrics.title == "Electric Fantasy"
    assert lyrics.text.startswith("[Verse]\nDancing in the neon light")


@pytest.mark.asyncio
async def test_fetch_batch(relay: FakeRelay, client: httpx.AsyncClient) -> None:
    relay.on("POST", "/suno/fetch", reply_json("suno_fetch_batch.json"))
    tasks = await suno.fetch_batch(client, [SONG_ID, LYRICS_ID])
    assert relay.sent_json() == {"ids": [SONG_ID, LYRICS_ID], "action": "MUSIC"}
    assert [t.remote_id for t in tasks] == [SONG_ID, LYRICS_ID]
    assert [o.kind for o in tasks[0].outputs] == [MediaKind.AUDIO, MediaKind.AUDIO]
    assert [o.kind for o in tasks[1].outputs] == [MediaKind.TEXT]


@pytest.mark.parametrize(
    ("status", "state"),
    [
        ("NOT_START", TaskState.QUEUED),
        ("SUBMITTED", TaskState.QUEUED),
        ("QUEUED", TaskState.QUEUED),
        ("IN_PROGRESS", TaskState.RUNNING),
        ("SUCCESS", TaskState.SUCCEEDED),
        ("FAILURE", TaskState.FAILED),
    ],
)
def test_status_map(status: str, state: TaskState) -> None:
    task = suno.normalise_suno_task({"task_id": "t", "status": status, "data": None})
    assert task.state is state


def test_unfinished_clips_without_audio_are_skipped() -> None:
    clips = [
        {"id": "a", "status": "submitted", "audio_url": ""},
        {"id": "b", "status": "queued", "audio_url": "https://x/b.mp3"},
        {"id": "c", "status": "error", "metadata": {"error_message": "boom"}},
    ]
    task = suno.normalise_suno_task({"task_id": "t", "status": "FAILURE", "data": clips})
    assert task.outputs == ()
    assert task.error == "boom"
