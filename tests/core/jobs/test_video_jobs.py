"""Luma, Runway and Kling jobs: each submit path and envelope, ending in files."""

from __future__ import annotations

import json
from pathlib import Path

import httpx
import pytest

from ecovdesk.core.domain import AssetKind, Attachment, AttachmentKind, JobState, MessageState
from tests.core.library_helpers import ScriptedSession
from tests.fakerelay.server import FakeRelay

from .helpers import JobRig, RigFactory, roles
from .test_midjourney_jobs import TINY_PNG

SAMPLE_MP4 = (
    Path(__file__).resolve().parents[2] / "fakerelay" / "media" / "sample.mp4"
).read_bytes()


def fetched(relay: FakeRelay) -> set[str]:
    return {r.path for r in relay.requests_to("/files/")}


@pytest.mark.asyncio
async def test_luma_ends_with_the_video_its_poster_and_last_frame(
    fake_relay: FakeRelay, rig: JobRig
) -> None:
    params: dict[str, object] = {"aspect_ratio": "9:16", "loop": True, "expand_prompt": False}
    job = await rig.submit("luma", "a paper boat on a river", params)
    done = await rig.wait_state(job.id, JobState.SUCCEEDED)

    (request,) = fake_relay.requests_to("/luma/generations", "POST")
    assert request.json == {
        "user_prompt": "a paper boat on a river",
        "aspect_ratio": "9:16",
        "loop": True,
        "expand_prompt": False,
    }
    files = fetched(fake_relay)
    for name in ("", "-thumb", "-last_frame"):
        suffix = ".mp4" if not name else ".jpg"
        assert f"/files/luma-{done.remote_id}{name}{suffix}" in files
    assets = await rig.assets(job.id)
    assert ("video", "main") in roles(assets)
    assert any(a.kind is AssetKind.IMAGE for a in assets)
    video = next(a for a in assets if a.kind is AssetKind.VIDEO)
    assert video.mime == "video/mp4" and video.provenance.params["aspect_ratio"] == "9:16"
    assert (await rig.message(done)).content == "a paper boat on a river"


@pytest.mark.asyncio
async def test_luma_falls_back_to_the_v1_routes_when_the_relay_lacks_the_others(
    fake_relay: FakeRelay, rig: JobRig
) -> None:
    fake_relay.queue_error(404, "error_task.json", path_prefix="/luma/generations")
    fake_relay.queue_error(404, "error_task.json", path_prefix="/luma/v1/task")
    job = await rig.submit("luma", "a kite")
    done = await rig.wait_state(job.id, JobState.SUCCEEDED)
    posts = [r.path for r in fake_relay.requests_to("/luma/", "POST")]
    assert posts == ["/luma/generations", "/luma/v1/generations"]
    polls = [r.path for r in fake_relay.requests_to("/luma/", "GET")]
    assert polls[0] == "/luma/v1/task" and f"/luma/generations/{done.remote_id}" in polls


@pytest.mark.asyncio
async def test_luma_extends_an_earlier_video(fake_relay: FakeRelay, rig: JobRig) -> None:
    first = await rig.wait_state((await rig.submit("luma", "a road")).id, JobState.SUCCEEDED)
    params: dict[str, object] = {"task": "extend", "extend_id": first.remote_id}
    job = await rig.submit("luma", "the road goes on", params)
    done = await rig.wait_state(job.id, JobState.SUCCEEDED)
    assert done.kind == "extend"
    assert fake_relay.requests_to(f"/luma/generations/{first.remote_id}/extend", "POST")
    assert fake_relay.luma.get(done.remote_id).parent_id == first.remote_id  # type: ignore[union-attr]


@pytest.mark.asyncio
async def test_runway_reads_string_statuses_and_stores_video_and_frames(
    fake_relay: FakeRelay, rig: JobRig
) -> None:
    fake_relay.poll_steps = 4
    params: dict[str, object] = {
        "ratio": "9:16",
        "seconds": 5,
        "motion_vector": {"x": 0, "y": 0.4, "z": 0, "r": -6, "bg_x_pan": 0, "bg_y_pan": 0},
    }
    job = await rig.submit("runway-gen4", "一只小猫", params)
    done = await rig.wait_state(job.id, JobState.SUCCEEDED)
    (request,) = fake_relay.requests_to("/runway/pro/generate")
    assert request.json == {
        "callback_url": "",
        "ratio": "9:16",
        "prompt": "一只小猫",
        "style": "cinematic",
        "model": "gen4",
        "options": {
            "seconds": 5,
            "motion_vector": {"x": 0, "y": 0.4, "z": 0, "r": -6, "bg_x_pan": 0, "bg_y_pan": 0},
        },
    }
    states = [j.state for j in rig.updates(job.id)]
    assert JobState.QUEUED in states and JobState.RUNNING in states
    files = fetched(fake_relay)
    for name in ("runway-{}.mp4", "runway-{}-poster.jpg", "runway-{}-last_frame.jpg"):
        assert "/files/" + name.format(done.remote_id) in files
    assert ("video", "main") in roles(await rig.assets(job.id))


@pytest.mark.asyncio
async def test_runway_failure_keeps_the_relays_message(fake_relay: FakeRelay, rig: JobRig) -> None:
    job = await rig.submit("runway-gen3", "fail please")
    failed = await rig.wait_state(job.id, JobState.FAILED)
    assert failed.error == "内容审核未通过，积分已退还"


@pytest.mark.asyncio
async def test_kling_text_to_video_in_the_official_envelope(
    fake_relay: FakeRelay, rig: JobRig
) -> None:
    params: dict[str, object] = {"mode": "pro", "duration": 10, "cfg_scale": 0.5}
    job = await rig.submit("kling-v1-6", "海边有一个人在跳舞", params)
    done = await rig.wait_state(job.id, JobState.SUCCEEDED)
    (request,) = fake_relay.requests_to("/kling/v1/videos/text2video", "POST")
    assert request.json == {
        "model_name": "kling-v1-6",
        "prompt": "海边有一个人在跳舞",
        "cfg_scale": 0.5,
        "mode": "pro",
        "aspect_ratio": "16:9",
        "duration": "10",
    }
    assert done.kind == "text2video"
    assert fake_relay.requests_to(f"/kling/v1/videos/text2video/{done.remote_id}", "GET")
    (video,) = await rig.assets(job.id)
    assert video.kind is AssetKind.VIDEO and video.path.is_file()


@pytest.mark.asyncio
async def test_kling_goes_image_to_video_when_a_picture_is_attached(
    fake_relay: FakeRelay, rig: JobRig
) -> None:
    picture = Attachment(AttachmentKind.IMAGE, TINY_PNG, "first.png")
    job = await rig.submit("kling-v1", "make it move", {}, [picture])
    done = await rig.wait_state(job.id, JobState.SUCCEEDED)
    (request,) = fake_relay.requests_to("/kling/v1/videos/image2video", "POST")
    assert (request.json or {})["image"] == TINY_PNG.split(",", 1)[1]
    assert done.kind == "image2video"
    assert fake_relay.requests_to(f"/kling/v1/videos/image2video/{done.remote_id}", "GET")
    assert len(await rig.assets(job.id)) == 1


@pytest.mark.asyncio
async def test_kolors_pictures_are_a_kling_job_too(fake_relay: FakeRelay, rig: JobRig) -> None:
    job = await rig.submit("kling-v1", "a teapot", {"task": "images", "n": 2})
    done = await rig.wait_state(job.id, JobState.SUCCEEDED)
    (request,) = fake_relay.requests_to("/kling/v1/images/generations", "POST")
    assert (request.json or {})["n"] == 2 and (request.json or {})["aspect_ratio"] == "1:1"
    assert done.kind == "images"
    pictures = await rig.assets(job.id)
    assert [a.kind for a in pictures] == [AssetKind.IMAGE, AssetKind.IMAGE]


@pytest.mark.asyncio
async def test_kling_accepts_the_flat_video_envelope_of_newer_relays(
    rig_for: RigFactory,
) -> None:
    polls: list[str] = []

    def answer(request: httpx.Request) -> httpx.Response:
        path = request.url.path
        if request.url.host == "cdn.example.test":
            return httpx.Response(200, content=SAMPLE_MP4, headers={"content-type": "video/mp4"})
        if request.method == "POST" and path == "/kling/v1/videos/text2video":
            assert json.loads(request.content)["model_name"] == "kling-v2-master"
            return httpx.Response(200, json={"task_id": "vid-7", "status": "queued"})
        if path == "/kling/v1/videos/text2video/vid-7":
            polls.append(path)
            if len(polls) < 2:
                return httpx.Response(200, json={"id": "vid-7", "status": "in_progress"})
            body = {"id": "vid-7", "status": "completed", "url": "https://cdn.example.test/v.mp4"}
            return httpx.Response(200, json=body)
        return httpx.Response(404, json={"error": {"message": "no route"}})

    session = ScriptedSession(answer)
    try:
        rig = rig_for(session)
        await rig.service.start()
        job = await rig.submit("kling-v2-master", "a dancer")
        done = await rig.wait_state(job.id, JobState.SUCCEEDED)
        assert done.remote_id == "vid-7"
        (video,) = await rig.assets(job.id)
        assert video.source_url == "https://cdn.example.test/v.mp4"
        assert (await rig.message(done)).state is MessageState.DONE
    finally:
        await session.aclose()
