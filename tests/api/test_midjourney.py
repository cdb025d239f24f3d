from __future__ import annotations

import httpx
import pytest

from ecovdesk.api import midjourney as mj
from ecovdesk.api.errors import ErrorKind, RelayError
from ecovdesk.api.media import MediaKind, TaskState

from .conftest import API_KEY, FakeRelay, example, reply_bytes, reply_json

CAT = "a cute orange cat sitting on a windowsill --v 6.1"


@pytest.mark.asyncio
async def test_imagine_submitted(relay: FakeRelay, client: httpx.AsyncClient) -> None:
    relay.on("POST", "/mj/submit/imagine", reply_json("mj_submit.json"))
    result = await mj.submit_imagine(client, CAT, base64_array=["data:image/png;base64,AA"])
    assert result.task_id == "1730621826053455"
    assert result.code == 1
    assert not result.needs_modal
    assert not result.queued
    assert relay.sent_json() == {
        "botType": "MID_JOURNEY",
        "prompt": CAT,
        "base64Array": ["data:image/png;base64,AA"],
    }
    assert relay.requests[0].headers["authorization"] == f"Bearer {API_KEY}"


@pytest.mark.asyncio
async def test_numeric_task_id_becomes_text(relay: FakeRelay, client: httpx.AsyncClient) -> None:
    relay.on("POST", "/mj/submit/imagine", reply_json({"code": 1, "result": 1320098173412546}))
    assert (await mj.submit_imagine(client, CAT)).task_id == "1320098173412546"


@pytest.mark.asyncio
async def test_queued_submit_keeps_queue_description(
    relay: FakeRelay, client: httpx.AsyncClient
) -> None:
    relay.on("POST", "/mj/submit/imagine", reply_json("mj_submit_queued.json"))
    result = await mj.submit_imagine(client, CAT, bot_type="NIJI_JOURNEY")
    assert result.queued
    assert result.task_id == "1730621830512277"
    assert result.description == "排队中，前面还有1个任务"
    assert relay.sent_json()["botType"] == "NIJI_JOURNEY"


@pytest.mark.asyncio
async def test_code_21_needs_modal_then_modal_is_sent(
    relay: FakeRelay, client: httpx.AsyncClient
) -> None:
    relay.on("POST", "/mj/submit/action", reply_json("mj_submit_need_modal.json"))
    relay.on("POST", "/mj/submit/modal", reply_json("mj_submit.json"))
    result = await mj.submit_action(client, "1730621826053455", "MJ::CustomZoom::9b1e")
    assert result.needs_modal
    assert result.task_id == "1730622010447813"
    assert result.final_prompt == CAT
    assert relay.sent_json() == {"customId": "MJ::CustomZoom::9b1e", "taskId": "1730621826053455"}
    confirmed = await mj.submit_modal(
        client, result.task_id, prompt=result.final_prompt + " --zoom 2"
    )
    assert confirmed.task_id == "1730621826053455"
    assert relay.sent_json() == {"taskId": "1730622010447813", "prompt": CAT + " --zoom 2"}
    await mj.submit_modal(client, result.task_id, mask_base64="data:image/png;base64,BB")
    assert relay.sent_json() == {
        "taskId": "1730622010447813",
        "maskBase64": "data:image/png;base64,BB",
    }


@pytest.mark.parametrize("mode", ["fast", "relax", "turbo"])
@pytest.mark.asyncio
async def test_mode_prefixes_the_path(
    relay: FakeRelay, client: httpx.AsyncClient, mode: str
) -> None:
    relay.on("POST", f"/{mode}/mj/submit/imagine", reply_json("mj_submit.json"))
    relay.on("POST", f"/{mode}/mj/submit/action", reply_json("mj_submit.json"))
    await mj.submit_imagine(client, CAT, mode_path=mode)
    await mj.submit_action(client, "1", "MJ::JOB::upsample::1::x", mode_path=mode)
    assert [r.url.path for r in relay.requests] == [
        f"/{mode}/mj/submit/imagine",
        f"/{mode}/mj/submit/action",
    ]


@pytest.mark.asyncio
async def test_unknown_mode_is_refused(client: httpx.AsyncClient) -> None:
    with pytest.raises(ValueError, match="slow"):
        await mj.submit_imagine(client, CAT, mode_path="slow")


@pytest.mark.asyncio
async def test_blend_and_describe_bodies(relay: FakeRelay, client: httpx.AsyncClient) -> None:
    relay.on("POST", "/mj/submit/blend", reply_json("mj_submit.json"))
    relay.on("POST", "/mj/submit/describe", reply_json("mj_submit.json"))
    images = ["data:image/png;base64,AA", "data:image/png;base64,BB"]
    await mj.submit_blend(client, images, dimensions="PORTRAIT")
    assert relay.sent_json() == {
        "botType": "MID_JOURNEY",
        "base64Array": images,
        "dimensions": "PORTRAIT",
    }
    await mj.submit_describe(client, images[0])
    assert relay.sent_json() == {"botType": "MID_JOURNEY", "base64": images[0]}
    with pytest.raises(ValueError):
        await mj.submit_blend(client, images[:1])


@pytest.mark.parametrize("status", [200, 400, 503])
@pytest.mark.asyncio
async def test_relay_error_without_channel_is_model_unavailable(
    relay: FakeRelay, client: httpx.AsyncClient, status: int
) -> None:
    relay.on("POST", "/mj/submit/imagine", reply_json("error_mj.json", status))
    with pytest.raises(RelayError) as caught:
        await mj.submit_imagine(client, CAT)
    assert caught.value.kind is ErrorKind.MODEL_UNAVAILABLE
    assert caught.value.message == "当前分组 default 下对于模型 mj_imagine 无可用渠道"


@pytest.mark.asyncio
async def test_other_codes_are_upstream_errors(relay: FakeRelay, client: httpx.AsyncClient) -> None:
    relay.on("POST", "/mj/submit/imagine", reply_json({"code": 24, "description": "存在敏感词"}))
    with pytest.raises(RelayError) as caught:
        await mj.submit_imagine(client, CAT)
    assert caught.value.kind is ErrorKind.UPSTREAM
    assert caught.value.message == "存在敏感词"


@pytest.mark.asyncio
async def test_auth_failure_is_bad_key(relay: FakeRelay, client: httpx.AsyncClient) -> None:
    relay.on("POST", "/mj/submit/imagine", reply_json("error.json", 401))
    with pytest.raises(RelayError) as caught:
        await mj.submit_imagine(client, CAT)
    assert caught.value.kind is ErrorKind.BAD_KEY


@pytest.mark.asyncio
async def test_fetch_in_progress(relay: FakeRelay, client: httpx.AsyncClient) -> None:
    relay.on("GET", "/mj/task/1730621826053455/fetch", reply_json("mj_task_in_progress.json"))
    task = await mj.fetch_task(client, "1730621826053455")
    assert task.remote_id == "1730621826053455"
    assert task.state is TaskState.RUNNING
    assert task.progress == 46
    assert task.outputs == ()
    assert task.preview_url.endswith(".webp")
    assert task.actions == ()


@pytest.mark.asyncio
async def test_fetch_success_has_image_and_buttons(
    relay: FakeRelay, client: httpx.AsyncClient
) -> None:
    relay.on("GET", "/mj/task/1730621826053455/fetch", reply_json("mj_task_success.json"))
    task = await mj.fetch_task(client, "1730621826053455")
    assert task.state is TaskState.SUCCEEDED
    assert task.progress == 100
    assert task.preview_url == ""
    (image,) = task.outputs
    assert image.kind is MediaKind.IMAGE
    assert image.url == example("mj_task_success.json")["imageUrl"]
    assert image.meta["action"] == "IMAGINE"
    assert image.meta["prompt"] == CAT
    assert [a.label for a in task.actions] == [
        "U1", "U2", "U3", "U4", "", "V1", "V2", "V3", "V4",
    ]  # fmt: skip
    reroll = task.actions[4]
    assert reroll.emoji == "🔄"
    assert reroll.custom_id == "MJ::JOB::reroll::0::3785da15-4f70-4034-9128-f3ff1ac634fa::SOLO"


def test_upscale_success_actions() -> None:
    task = mj.normalise_mj_task(example("mj_task_upscale_success.json"))
    assert task.state is TaskState.SUCCEEDED
    labels = [a.label or a.emoji for a in task.actions]
    assert labels[:3] == ["Upscale (Subtle)", "Upscale (Creative)", "Vary (Subtle)"]
    assert "Custom Zoom" in labels
    assert labels[-4:] == ["⬅️", "➡️", "⬆️", "⬇️"]


def test_failure_reason_is_the_error() -> None:
    task = mj.normalise_mj_task(example("mj_task_failure.json"))
    assert task.state is TaskState.FAILED
    assert task.error.startswith("[Banned prompt detected]")
    assert task.outputs == ()
    assert task.progress is None


def test_describe_prompts_are_text_outputs() -> None:
    task = mj.normalise_mj_task(example("mj_task_describe_success.json"))
    assert task.state is TaskState.SUCCEEDED
    assert [o.kind for o in task.outputs] == [MediaKind.TEXT] * 4
    assert [o.meta["index"] for o in task.outputs] == [1, 2, 3, 4]
    assert task.outputs[0].text == (
        "an orange tabby cat lying on a wooden windowsill, warm afternoon light, "
        "cozy atmosphere --ar 4:3"
    )
    assert all("\u20e3" not in o.text for o in task.outputs)
    assert [a.custom_id for a in task.actions][-1] == "MJ::Picread::Retry"


@pytest.mark.parametrize(
    ("status", "state"),
    [
        ("NOT_START", TaskState.QUEUED),
        ("SUBMITTED", TaskState.QUEUED),
        ("MODAL", TaskState.QUEUED),
        ("IN_PROGRESS", TaskState.RUNNING),
        ("SUCCESS", TaskState.SUCCEEDED),
        ("FAILURE", TaskState.FAILED),
        ("CANCEL", TaskState.CANCELLED),
    ],
)
def test_status_map(status: str, state: TaskState) -> None:
    assert mj.normalise_mj_task({"id": 5, "status": status}).state is state


@pytest.mark.asyncio
async def test_list_by_condition(relay: FakeRelay, client: httpx.AsyncClient) -> None:
    relay.on("POST", "/mj/task/list-by-condition", reply_json("mj_task_list.json"))
    tasks = await mj.list_tasks(client, ["1730621826053455", "1730621901774512"])
    assert relay.sent_json() == {"ids": ["1730621826053455", "1730621901774512"]}
    assert [t.remote_id for t in tasks] == ["1730621826053455", "1730621901774512"]
    assert all(t.state is TaskState.SUCCEEDED for t in tasks)
    assert tasks[1].outputs[0].meta["action"] == "UPSCALE"


@pytest.mark.asyncio
async def test_image_seed(relay: FakeRelay, client: httpx.AsyncClient) -> None:
    relay.on("GET", "/mj/task/1730621826053455/image-seed", reply_json("mj_image_seed.json"))
    assert await mj.fetch_image_seed(client, "1730621826053455") == "1794653823"


@pytest.mark.asyncio
async def test_unknown_task(relay: FakeRelay, client: httpx.AsyncClient) -> None:
    relay.on("GET", "/mj/task/9/fetch", reply_json(None), reply_json("error_task.json", 404))
    with pytest.raises(RelayError) as caught:
        await mj.fetch_task(client, "9")
    assert caught.value.kind is ErrorKind.UPSTREAM
    with pytest.raises(RelayError) as caught:
        await mj.fetch_task(client, "9")
    assert caught.value.message == "task_not_exist"


@pytest.mark.asyncio
async def test_an_unknown_task_answered_with_null_counts_as_gone(
    relay: FakeRelay, client: httpx.AsyncClient
) -> None:
    # The job poller gives up on a task that answers 404 a few times running.
    relay.on("GET", "/mj/task/1/fetch", reply_bytes(b"null", 200, "application/json"))
    with pytest.raises(RelayError) as caught:
        await mj.fetch_task(client, "1")
    assert caught.value.status == 404
