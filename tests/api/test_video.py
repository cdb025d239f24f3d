from __future__ import annotations

import httpx
import pytest

from ecovdesk.api import kling, luma, runway
from ecovdesk.api.errors import ErrorKind, RelayError
from ecovdesk.api.media import MediaKind, TaskState

from .conftest import FakeRelay, example, reply_json

LUMA_ID = "fc7fb008-7a5e-40ad-a7ff-dbb63db61be8"
RUNWAY_ID = "9034a8e8-c920-4590-9f48-3ce5df78c65a"
KLING_ID = "831922345719271433"

# --- Luma --------------------------------------------------------------------------------------


def test_luma_body() -> None:
    assert luma.luma_body("cat dance") == {
        "user_prompt": "cat dance",
        "aspect_ratio": "16:9",
        "loop": False,
        "expand_prompt": True,
    }
    body = luma.luma_body(
        "x", image_url="https://a/1.png", model_name="ray-v2", duration="5s", resolution="720p"
    )
    assert body["image_url"] == "https://a/1.png"
    assert (body["model_name"], body["duration"], body["resolution"]) == ("ray-v2", "5s", "720p")
    assert "image_end_url" not in body


@pytest.mark.asyncio
async def test_luma_submit(relay: FakeRelay, client: httpx.AsyncClient) -> None:
    relay.on("POST", "/luma/generations", reply_json("luma_submit.json", 201))
    assert await luma.submit(client, luma.luma_body("cat dance")) == LUMA_ID
    assert relay.sent_json()["user_prompt"] == "cat dance"


@pytest.mark.asyncio
async def test_luma_submit_falls_back_to_v1_path_on_404(
    relay: FakeRelay, client: httpx.AsyncClient
) -> None:
    relay.on("POST", "/luma/v1/generations", reply_json("luma_submit.json"))
    assert await luma.submit(client, luma.luma_body("cat dance")) == LUMA_ID
    assert [r.url.path for r in relay.requests] == ["/luma/generations", "/luma/v1/generations"]


@pytest.mark.asyncio
async def test_luma_submit_does_not_retry_other_errors(
    relay: FakeRelay, client: httpx.AsyncClient
) -> None:
    relay.on("POST", "/luma/generations", reply_json("error_403_quota.json", 403))
    with pytest.raises(RelayError) as caught:
        await luma.submit(client, luma.luma_body("x"))
    assert caught.value.kind is ErrorKind.QUOTA
    assert len(relay.requests) == 1


@pytest.mark.asyncio
async def test_luma_fetch_by_query_then_by_path(
    relay: FakeRelay, client: httpx.AsyncClient
) -> None:
    relay.on("GET", "/luma/v1/task", reply_json("luma_generation_processing.json"))
    task = await luma.fetch(client, LUMA_ID)
    assert relay.requests[0].url.params["id"] == LUMA_ID
    assert task.state is TaskState.RUNNING
    assert task.wait_seconds == 42
    assert task.outputs == ()

    relay.routes.clear()
    relay.requests.clear()
    relay.on("GET", f"/luma/generations/{LUMA_ID}", reply_json("luma_generation.json"))
    task = await luma.fetch(client, LUMA_ID)
    assert [r.url.path for r in relay.requests] == ["/luma/v1/task", f"/luma/generations/{LUMA_ID}"]
    assert not relay.requests[1].url.params
    assert task.state is TaskState.SUCCEEDED


def test_luma_completed_outputs() -> None:
    obj = example("luma_generation.json")
    task = luma.normalise_luma(obj)
    assert task.remote_id == "b307e8ea-1bd9-4962-a6b1-7361e02e0a72"
    assert task.state is TaskState.SUCCEEDED
    video, poster = task.outputs
    assert video.kind is MediaKind.VIDEO
    assert video.role == "main"
    assert video.url == obj["video"]["download_url"]
    assert (video.meta["width"], video.meta["height"]) == (1360, 752)
    assert poster.kind is MediaKind.IMAGE
    assert poster.role == "poster"
    assert poster.url.endswith("video_0_thumb.jpg")


def test_luma_completed_without_url_keeps_polling() -> None:
    obj = {**example("luma_generation.json"), "video": {"url": None, "download_url": ""}}
    obj.pop("artifact")
    assert luma.normalise_luma(obj).state is TaskState.RUNNING


def test_luma_prefers_download_url_and_reads_last_frame() -> None:
    obj = {
        "id": "g",
        "state": "completed",
        "video": {"url": "https://a/v.mp4", "download_url": "https://a/v-dl.mp4"},
        "thumbnail": {"url": "https://a/t.jpg"},
        "last_frame": {"url": "https://a/l.jpg"},
    }
    task = luma.normalise_luma(obj)
    assert [(o.role, o.url) for o in task.outputs] == [
        ("main", "https://a/v-dl.mp4"),
        ("poster", "https://a/t.jpg"),
        ("last_frame", "https://a/l.jpg"),
    ]


@pytest.mark.parametrize(
    ("state", "expected"),
    [
        ("pending", TaskState.QUEUED),
        ("processing", TaskState.RUNNING),
        ("failed", TaskState.FAILED),
    ],
)
def test_luma_states(state: str, expected: TaskState) -> None:
    task = luma.normalise_luma({"id": "g", "state": state, "failure_reason": "nsfw"})
    assert task.state is expected
    assert task.error == ("nsfw" if expected is TaskState.FAILED else "")


@pytest.mark.asyncio
async def test_luma_extend(relay: FakeRelay, client: httpx.AsyncClient) -> None:
    relay.on("POST", f"/luma/generations/{LUMA_ID}/extend", reply_json("luma_submit.json"))
    assert await luma.extend(client, LUMA_ID, luma.luma_body("and then")) == LUMA_ID
    assert relay.sent_json()["user_prompt"] == "and then"


# --- Runway ------------------------------------------------------------------------------------


def test_runway_body() -> None:
    motion = {"x": 0, "y": 0.4, "z": 0, "r": -6, "bg_x_pan": 0, "bg_y_pan": 0}
    assert runway.runway_body("一只小猫", motion_vector=motion) == {
        "callback_url": "",
        "ratio": "16:9",
        "prompt": "一只小猫",
        "style": "cinematic",
        "model": "gen3",
        "options": {"seconds": 10, "motion_vector": motion},
    }
    assert runway.runway_body("x", image="https://a/1.png", seconds=5)["image"] == "https://a/1.png"


@pytest.mark.asyncio
async def test_runway_submit_and_fetch(relay: FakeRelay, client: httpx.AsyncClient) -> None:
    relay.on("POST", "/runway/pro/generate", reply_json("runway_submit.json"))
    relay.on(
        "POST",
        "/runway/feed",
        reply_json("runway_task_processing.json"),
        reply_json("runway_task.json"),
    )
    assert await runway.submit(client, runway.runway_body("一只小猫")) == RUNWAY_ID
    running = await runway.fetch(client, RUNWAY_ID)
    assert relay.sent_json() == {"task_id": RUNWAY_ID}
    assert running.state is TaskState.RUNNING
    assert running.outputs == ()
    done = await runway.fetch(client, RUNWAY_ID)
    assert done.state is TaskState.SUCCEEDED
    assert [(o.kind, o.role) for o in done.outputs] == [
        (MediaKind.VIDEO, "main"),
        (MediaKind.IMAGE, "poster"),
        (MediaKind.IMAGE, "last_frame"),
    ]
    assert done.outputs[0].url.endswith("53aab97f5842442293290f75c95905b0.mp4")
    assert done.outputs[0].meta["prompt_en"] == "a little kitten."
    assert done.outputs[0].meta["created"] == 1734078348


@pytest.mark.parametrize(
    ("status", "state"),
    [
        ("0", TaskState.QUEUED),
        ("1", TaskState.RUNNING),
        (1, TaskState.RUNNING),
        ("2", TaskState.FAILED),
        (3, TaskState.SUCCEEDED),
    ],
)
def test_runway_status_strings_and_numbers(status: object, state: TaskState) -> None:
    obj = {**example("runway_task.json")["data"], "status": status, "msg": "违规内容"}
    task = runway.normalise_runway(obj)
    assert task.state is state
    assert task.error == ("违规内容" if state is TaskState.FAILED else "")


@pytest.mark.asyncio
async def test_runway_error_envelope(relay: FakeRelay, client: httpx.AsyncClient) -> None:
    relay.on("POST", "/runway/feed", reply_json({"code": 500, "msg": "任务不存在", "data": None}))
    with pytest.raises(RelayError) as caught:
        await runway.fetch(client, "x")
    assert caught.value.kind is ErrorKind.UPSTREAM
    assert caught.value.message == "任务不存在"


@pytest.mark.asyncio
async def test_runway_video2video(relay: FakeRelay, client: httpx.AsyncClient) -> None:
    relay.on("POST", "/runway/pro/video2video", reply_json("runway_submit.json"))
    body = runway.video2video_body("https://a/in.mp4", prompt="anime", structure_transformation=0.5)
    assert await runway.submit_video2video(client, body) == RUNWAY_ID
    assert relay.sent_json() == {
        "callback_url": "",
        "video": "https://a/in.mp4",
        "model": "gen3",
        "prompt": "anime",
        "options": {"structure_transformation": 0.5},
    }


# --- Kling -------------------------------------------------------------------------------------


def test_kling_bodies() -> None:
    assert kling.text2video_body("海边有一个人在跳舞") == {
        "model_name": "kling-v1",
        "prompt": "海边有一个人在跳舞",
        "mode": "std",
        "aspect_ratio": "16:9",
        "duration": "5",
    }
    body = kling.image2video_body(
        "data:image/png;base64,iVBORw0KGgo=", "dance", image_tail="data:image/jpeg;base64,/9j/"
    )
    assert body["image"] == "iVBORw0KGgo="
    assert body["image_tail"] == "/9j/"
    assert kling.image2video_body("https://a/1.png")["image"] == "https://a/1.png"
    assert "prompt" not in kling.image2video_body("https://a/1.png")
    assert kling.kolors_body("cat", n=2) == {
        "model_name": "kling-v1",
        "prompt": "cat",
        "n": 2,
        "aspect_ratio": "1:1",
    }
    assert kling.text2video_body("x", duration=10)["duration"] == "10"


@pytest.mark.asyncio
async def test_kling_submit_and_poll(relay: FakeRelay, client: httpx.AsyncClient) -> None:
    relay.on("POST", "/kling/v1/videos/text2video", reply_json("kling_submit.json"))
    relay.on(
        "GET",
        f"/kling/v1/videos/text2video/{KLING_ID}",
        reply_json("kling_task_processing.json"),
        reply_json("kling_task.json"),
    )
    assert await kling.submit(client, "text2video", kling.text2video_body("x")) == KLING_ID
    running = await kling.fetch(client, "text2video", KLING_ID)
    assert running.state is TaskState.RUNNING
    done = await kling.fetch(client, "text2video", KLING_ID)
    assert done.state is TaskState.SUCCEEDED
    (video,) = done.outputs
    assert video.kind is MediaKind.VIDEO
    assert video.url.endswith("_raw_video_1.mp4")
    assert video.duration == 5.1
    assert video.meta["created"] == pytest.approx(1766374262.37)


def test_kling_submitted_is_queued() -> None:
    task = kling.normalise_kling(example("kling_submit.json"))
    assert task.state is TaskState.QUEUED
    assert task.remote_id == KLING_ID


def test_kling_failure_message() -> None:
    task = kling.normalise_kling(example("kling_task_failed.json"))
    assert task.state is TaskState.FAILED
    assert task.error == "Failure to pass the risk control system"


@pytest.mark.asyncio
async def test_kling_images(relay: FakeRelay, client: httpx.AsyncClient) -> None:
    path = "/kling/v1/images/generations/831922399911112222"
    relay.on("GET", path, reply_json("kling_image_task.json"))
    task = await kling.fetch(client, "images", "831922399911112222")
    assert task.state is TaskState.SUCCEEDED
    (image,) = task.outputs
    assert image.kind is MediaKind.IMAGE
    assert image.url.endswith("-0.png")
    assert image.meta["index"] == 0


def test_kling_flat_openai_video_shape() -> None:
    flat = {
        "id": "task_abc",
        "task_id": "task_abc",
        "object": "video",
        "status": "completed",
        "progress": 100,
        "url": "https://cdn.example/v.mp4",
        "created_at": 1766374262,
    }
    task = kling.normalise_kling(flat)
    assert task.state is TaskState.SUCCEEDED
    assert task.progress == 100
    assert [o.url for o in task.outputs] == ["https://cdn.example/v.mp4"]
    queued = kling.normalise_kling({"task_id": "t", "status": "queued", "progress": "0"})
    assert (queued.state, queued.progress) == (TaskState.QUEUED, 0)
    failed = kling.normalise_kling(
        {"task_id": "t", "status": "failed", "error": {"message": "nsfw"}}
    )
    assert (failed.state, failed.error) == (TaskState.FAILED, "nsfw")


@pytest.mark.asyncio
async def test_kling_flat_submit_answer(relay: FakeRelay, client: httpx.AsyncClient) -> None:
    relay.on(
        "POST", "/kling/v1/videos/image2video", reply_json({"task_id": "t1", "status": "queued"})
    )
    assert (
        await kling.submit(client, "image2video", kling.image2video_body("https://a/1.png")) == "t1"
    )


@pytest.mark.asyncio
async def test_kling_error_code(relay: FakeRelay, client: httpx.AsyncClient) -> None:
    refusal = {"code": 1102, "message": "账户余额不足", "request_id": "r", "data": None}
    relay.on("POST", "/kling/v1/videos/text2video", reply_json(refusal))
    with pytest.raises(RelayError) as caught:
        await kling.submit(client, "text2video", kling.text2video_body("x"))
    assert caught.value.kind is ErrorKind.QUOTA
    assert caught.value.message == "账户余额不足"
    with pytest.raises(RelayError):
        kling.normalise_kling(refusal)
