"""Midjourney jobs against the fake relay: imagine, progress, buttons, codes 21/22/24."""

from __future__ import annotations

import asyncio

import httpx
import pytest

from ecovdesk.core import job_store
from ecovdesk.core.database import Database
from ecovdesk.core.domain import (
    AssetKind,
    Attachment,
    AttachmentKind,
    Job,
    JobState,
    MessageState,
    Role,
)
from ecovdesk.core.job_service import JobError
from tests.core.library_helpers import RecordingSink
from tests.fakerelay import Fault, examples
from tests.fakerelay.server import FakeRelay

from .helpers import HookedSession, JobRig, RigFactory, submits

IMAGINE = "/mj/submit/imagine"
TINY_PNG = (
    "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8"
    "z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="
)


@pytest.mark.asyncio
async def test_the_job_row_exists_before_the_request_and_the_id_is_kept_on_arrival(
    fake_relay: FakeRelay, rig_for: RigFactory, db: Database
) -> None:
    seen: list[list[Job]] = []

    async def look(request: httpx.Request) -> None:
        if request.url.path == IMAGINE:
            seen.append(await db.run(job_store.list_jobs))

    session = HookedSession(fake_relay.base_url, look)
    try:
        rig = rig_for(session)
        await rig.service.start()
        job = await rig.submit("midjourney", "a cat")
        ready = await rig.wait_state(job.id, JobState.QUEUED, JobState.RUNNING, JobState.SUCCEEDED)
    finally:
        await rig.close()
        await session.aclose()
    # At the moment the request left, the job was stored, without an id.
    ((stored,),) = seen
    assert stored.state is JobState.SUBMITTING and stored.remote_id == ""
    assert stored.family == "midjourney" and stored.kind == "imagine"
    assert ready.remote_id == fake_relay.mj.all()[0].id
    with_id = [j for j in rig.updates(job.id) if j.remote_id]
    assert with_id[0].state is JobState.QUEUED


@pytest.mark.asyncio
async def test_an_answer_cut_off_after_sending_leaves_the_job_uncertain(
    fake_relay: FakeRelay, rig: JobRig
) -> None:
    fake_relay.queue_fault(Fault.STALL, seconds=0.2, path_prefix=IMAGINE)
    job = await rig.submit("midjourney", "a cat")
    uncertain = await rig.wait_state(job.id, JobState.UNCERTAIN)
    assert uncertain.remote_id == "" and uncertain.finished_at is None
    reply = await rig.message(uncertain)
    assert reply.state is MessageState.INTERRUPTED and reply.error_kind == "uncertain"
    await asyncio.sleep(0.1)
    assert submits(fake_relay, IMAGINE) == 1


@pytest.mark.asyncio
async def test_imagine_shows_progress_and_ends_in_a_grid_with_buttons_in_the_library(
    fake_relay: FakeRelay, rig: JobRig, sink: RecordingSink
) -> None:
    fake_relay.poll_steps = 5
    job = await rig.submit("midjourney", "a cute orange cat", {"aspect_ratio": "16:9"})
    done = await rig.wait_state(job.id, JobState.SUCCEEDED)

    (request,) = fake_relay.requests_to(IMAGINE)
    assert request.json == {
        "botType": "MID_JOURNEY",
        "prompt": "a cute orange cat --ar 16:9",
        "base64Array": [],
    }
    running = [j for j in rig.updates(job.id) if j.state is JobState.RUNNING]
    progress = [j.progress for j in running if j.progress is not None and j.progress < 100]
    assert progress == sorted(progress) and len(set(progress)) >= 2
    assert any(j.preview_url.endswith("-preview.webp") for j in running)
    labels = [a.label for a in done.actions]
    assert labels[:4] == ["U1", "U2", "U3", "U4"] and "V4" in labels
    assert any(a.emoji == "🔄" for a in done.actions)
    assert done.progress == 100 and done.finished_at is not None
    assert done.params["final_prompt"] == "a cute orange cat --ar 16:9"

    (grid,) = await rig.assets(job.id)
    assert grid.kind is AssetKind.IMAGE and grid.path.is_file()
    assert grid.provenance.job_id == job.id
    assert grid.provenance.message_id == job.message_id
    assert grid.provenance.prompt == "a cute orange cat"
    assert grid.provenance.params["aspect_ratio"] == "16:9"
    assert grid.provenance.params["role"] == "grid"
    assert grid.source_url.endswith("-grid.png")

    reply = await rig.message(done)
    assert reply.state is MessageState.DONE
    assert reply.content == "a cute orange cat --ar 16:9"
    assert [m.role for m in sink.added] == [Role.USER, Role.ASSISTANT]
    assert sink.added[1].state is MessageState.STREAMING


@pytest.mark.asyncio
async def test_a_button_starts_a_child_job_with_its_own_reply(
    fake_relay: FakeRelay, rig: JobRig, sink: RecordingSink
) -> None:
    parent = await rig.wait_state((await rig.submit("midjourney", "a fox")).id, JobState.SUCCEEDED)
    u1 = next(a for a in parent.actions if a.label == "U1")

    child = await rig.service.action(parent.id, u1.custom_id)
    upscaled = await rig.wait_state(child.id, JobState.SUCCEEDED)

    (request,) = fake_relay.requests_to("/mj/submit/action")
    assert request.json == {"customId": u1.custom_id, "taskId": parent.remote_id}
    assert upscaled.parent_job_id == parent.id
    assert upscaled.kind == "action"
    assert upscaled.conversation_id == parent.conversation_id
    assert upscaled.message_id not in (None, parent.message_id)
    assert upscaled.params["label"] == "U1"
    assert any("Upscale" in a.label or "Vary" in a.label for a in upscaled.actions)
    (image,) = await rig.assets(child.id)
    assert image.source_url.endswith("-large.png")
    assert image.provenance.params["role"] == "upscale"
    assert [j.id for j in await rig.service.children(parent.id)] == [child.id]
    assert [m.role for m in sink.added] == [Role.USER, Role.ASSISTANT, Role.ASSISTANT]


@pytest.mark.asyncio
async def test_buttons_need_a_finished_midjourney_job(fake_relay: FakeRelay, rig: JobRig) -> None:
    fake_relay.poll_steps = 1000
    job = await rig.submit("midjourney", "slow")
    with pytest.raises(JobError):
        await rig.service.action(job.id, "MJ::JOB::upsample::1::x")
    with pytest.raises(JobError):
        await rig.service.action(12345, "MJ::JOB::upsample::1::x")


@pytest.mark.asyncio
async def test_code_22_is_queued_with_the_relays_note_and_then_runs(
    fake_relay: FakeRelay, rig: JobRig
) -> None:
    job = await rig.submit("midjourney", "a queue of cats")
    done = await rig.wait_state(job.id, JobState.SUCCEEDED)
    assert done.params["queue_note"] == "排队中，前面还有1个任务"
    queued = [j for j in rig.updates(job.id) if j.state is JobState.QUEUED]
    assert queued and queued[0].params["queue_note"] == "排队中，前面还有1个任务"
    assert len(await rig.assets(job.id)) == 1


@pytest.mark.asyncio
async def test_code_21_is_confirmed_with_a_modal_carrying_the_prompt(
    fake_relay: FakeRelay, rig: JobRig
) -> None:
    job = await rig.submit("midjourney", "remix this garden")
    done = await rig.wait_state(job.id, JobState.SUCCEEDED)
    (modal,) = fake_relay.requests_to("/mj/submit/modal")
    assert modal.json == {"taskId": done.remote_id, "prompt": "remix this garden"}
    assert submits(fake_relay, IMAGINE) == 1
    assert len(await rig.assets(job.id)) == 1


@pytest.mark.asyncio
async def test_a_modal_button_sends_the_prompt_the_user_gave(
    fake_relay: FakeRelay, rig: JobRig
) -> None:
    job = await rig.submit("midjourney", "a lighthouse")
    parent = await rig.wait_state(job.id, JobState.SUCCEEDED)
    upscale = await rig.service.action(
        parent.id, next(a for a in parent.actions if a.label == "U2").custom_id
    )
    upscaled = await rig.wait_state(upscale.id, JobState.SUCCEEDED)
    zoom = next(a for a in upscaled.actions if a.custom_id.startswith("MJ::CustomZoom::"))

    child = await rig.service.action(upscaled.id, zoom.custom_id, prompt="a lighthouse --zoom 1.8")
    done = await rig.wait_state(child.id, JobState.SUCCEEDED)

    (modal,) = fake_relay.requests_to("/mj/submit/modal")
    assert modal.json == {"taskId": done.remote_id, "prompt": "a lighthouse --zoom 1.8"}
    assert done.parent_job_id == upscaled.id


@pytest.mark.asyncio
async def test_a_banned_prompt_fails_with_the_relays_description(
    fake_relay: FakeRelay, rig: JobRig, sink: RecordingSink
) -> None:
    job = await rig.submit("midjourney", "something banned")
    failed = await rig.wait_state(job.id, JobState.FAILED)
    assert failed.error == "可能包含敏感词"
    assert failed.remote_id == ""
    assert failed.finished_at is not None
    reply = await rig.message(failed)
    assert reply.state is MessageState.FAILED
    assert reply.error_text == "可能包含敏感词"
    assert fake_relay.requests_to("/mj/task") == []
    await asyncio.sleep(0.05)
    assert submits(fake_relay, IMAGINE) == 1


@pytest.mark.asyncio
async def test_a_failed_task_keeps_the_relays_fail_reason(
    fake_relay: FakeRelay, rig: JobRig
) -> None:
    job = await rig.submit("midjourney", "please fail")
    failed = await rig.wait_state(job.id, JobState.FAILED)
    assert failed.error == examples.load("mj_task_failure.json")["failReason"]
    reply = await rig.message(failed)
    assert reply.state is MessageState.FAILED and reply.error_kind == "upstream"
    assert reply.error_text == failed.error
    assert await rig.assets(job.id) == []


@pytest.mark.asyncio
async def test_niji_relax_mode_and_image_prompts_shape_the_request(
    fake_relay: FakeRelay, rig: JobRig
) -> None:
    picture = Attachment(AttachmentKind.IMAGE, TINY_PNG, "ref.png")
    link = Attachment(AttachmentKind.IMAGE, "https://example.test/cat.png", "cat.png")
    params: dict[str, object] = {"mode": "relax", "version": "6", "stylize": 250, "raw": True}
    job = await rig.submit("niji", "a girl in rain", params, [picture, link])
    await rig.wait_state(job.id, JobState.SUCCEEDED)
    (request,) = fake_relay.requests_to("/relax/mj/submit/imagine")
    assert request.json == {
        "botType": "NIJI_JOURNEY",
        "prompt": "https://example.test/cat.png a girl in rain --niji 6 --s 250 --style raw",
        "base64Array": [TINY_PNG],
    }
    assert fake_relay.requests_to(IMAGINE) == []


@pytest.mark.asyncio
async def test_describe_turns_a_picture_into_four_prompts(
    fake_relay: FakeRelay, rig: JobRig
) -> None:
    picture = Attachment(AttachmentKind.IMAGE, TINY_PNG, "ref.png")
    job = await rig.submit("midjourney", "", {"task": "describe"}, [picture])
    done = await rig.wait_state(job.id, JobState.SUCCEEDED)
    (request,) = fake_relay.requests_to("/mj/submit/describe")
    assert request.json == {"botType": "MID_JOURNEY", "base64": TINY_PNG}
    texts = done.params["texts"]
    assert isinstance(texts, list) and len(texts) == 4
    reply = await rig.message(done)
    assert reply.content == "\n\n".join(str(t) for t in texts)


@pytest.mark.asyncio
async def test_image_seed_is_looked_up_for_a_finished_job(
    fake_relay: FakeRelay, rig: JobRig
) -> None:
    job = await rig.wait_state((await rig.submit("midjourney", "a seed")).id, JobState.SUCCEEDED)
    seed = await rig.service.image_seed(job.id)
    assert seed == fake_relay.mj.get(job.remote_id).seed  # type: ignore[union-attr]


@pytest.mark.asyncio
async def test_the_running_preview_is_fetched_checked_and_decoded_for_the_window(
    fake_relay: FakeRelay, rig: JobRig
) -> None:
    fake_relay.poll_steps = 10_000
    job = await rig.submit("midjourney", "a blurry cat")
    await rig.wait_state(job.id, JobState.RUNNING)
    running = await rig.job(job.id)
    assert running.preview_url.endswith("-preview.webp")
    pixels = await rig.service.preview(running.preview_url, 256)
    assert pixels is not None and (pixels.width, pixels.height) == (256, 256)
    assert len(pixels.rgba) == 256 * 256 * 4
    for name in ("broken/page.png", "broken/bomb.png", "song.mp3", "missing.xyz"):
        url = f"{fake_relay.media_base_url}/files/{name}"
        assert await rig.service.preview(url, 256) is None
    assert await rig.service.preview("file:///etc/passwd", 256) is None


@pytest.mark.asyncio
async def test_a_refused_download_is_reported_and_a_repoll_fetches_it_again(
    fake_relay: FakeRelay, rig: JobRig, sink: RecordingSink
) -> None:
    fake_relay.queue_error(404, "error_task.json", path_prefix="/files/mj-")
    job = await rig.submit("midjourney", "a cat whose link broke")
    done = await rig.wait_state(job.id, JobState.SUCCEEDED)
    ((message_id, url, reason),) = sink.failed
    assert message_id == done.message_id and url.endswith("-grid.png")
    assert reason == "expired_or_missing"
    assert await rig.assets(job.id) == []
    assert (await rig.message(done)).state is MessageState.DONE

    await rig.service.repoll(job.id)
    (grid,) = await rig.assets(job.id)
    assert grid.source_url == url
    assert (await rig.job(job.id)).state is JobState.SUCCEEDED


@pytest.mark.asyncio
async def test_shorten_answers_with_numbered_prompts(fake_relay: FakeRelay, rig: JobRig) -> None:
    prompt = "a very long and winding prompt about a cat"
    job = await rig.submit("midjourney", prompt, {"task": "shorten"})
    done = await rig.wait_state(job.id, JobState.SUCCEEDED)
    (request,) = fake_relay.requests_to("/mj/submit/shorten")
    assert request.json == {"botType": "MID_JOURNEY", "prompt": prompt}
    assert done.params["texts"] == [
        prompt,
        "a very long and winding prompt about a",
        "a very long and winding prompt about",
        "a very long and winding prompt",
    ]


@pytest.mark.asyncio
async def test_blend_sends_the_attached_pictures_and_dimensions(
    fake_relay: FakeRelay, rig: JobRig
) -> None:
    pictures = [Attachment(AttachmentKind.IMAGE, TINY_PNG, f"{n}.png") for n in range(3)]
    job = await rig.submit("midjourney", "", {"task": "blend", "dimensions": "portrait"}, pictures)
    done = await rig.wait_state(job.id, JobState.SUCCEEDED)
    (request,) = fake_relay.requests_to("/mj/submit/blend")
    assert request.json == {
        "botType": "MID_JOURNEY",
        "base64Array": [TINY_PNG] * 3,
        "dimensions": "PORTRAIT",
    }
    assert done.kind == "blend" and len(await rig.assets(job.id)) == 1
    lonely = await rig.submit("midjourney", "", {"task": "blend"}, pictures[:1])
    refused = await rig.wait_state(lonely.id, JobState.FAILED)
    assert (await rig.message(refused)).error_kind == "invalid_request"
