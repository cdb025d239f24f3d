"""Midjourney (midjourney-proxy format): submit, modal, fetch, list and seed."""

from __future__ import annotations

import random
import time
import uuid
from dataclasses import dataclass, field
from typing import Any

from . import examples
from .context import Ctx, Route, route
from .media import serve_file
from .tasks import Task, TaskStore, progress, wants_failure

DISCORD = {"discordChannelId": "1300842676874379336", "discordInstanceId": "1572398367386955776"}
GRID_ACTIONS = {"IMAGINE", "VARIATION", "REROLL", "BLEND", "ZOOM", "PAN"}


@dataclass
class MjTask(Task):
    action: str = "IMAGINE"
    prompt: str = ""
    custom_id: str = ""
    bot_type: str = ""
    state: str = ""
    job_hash: str = field(default_factory=lambda: str(uuid.uuid4()))
    seed: str = field(default_factory=lambda: str(random.randint(10**9, 4 * 10**9)))


class MjStore(TaskStore[MjTask]):
    def new_id(self) -> str:
        return f"{int(time.time() * 1000)}{self.next_number() % 1000:03d}"


def _imagine_buttons(job_hash: str) -> list[dict[str, Any]]:
    buttons: list[dict[str, Any]] = examples.load("mj_task_success.json")["buttons"]
    for button in buttons:
        button["customId"] = button["customId"].replace(
            "3785da15-4f70-4034-9128-f3ff1ac634fa", job_hash
        )
    return buttons


def _upscale_buttons(job_hash: str) -> list[dict[str, Any]]:
    buttons: list[dict[str, Any]] = examples.load("mj_task_upscale_success.json")["buttons"]
    for button in buttons:
        button["customId"] = button["customId"].replace(
            "9b1e0c47-2a3d-4f58-a6b7-c8d9e0f1a2b3", job_hash
        )
    return buttons


def task_json(ctx: Ctx, task: MjTask) -> dict[str, Any]:
    """The task object as ``GET /mj/task/{id}/fetch`` returns it now."""
    state = progress(task.polls, ctx.relay.poll_steps, 2)
    final_prompt = task.prompt
    obj: dict[str, Any] = {
        "id": task.id, "action": task.action, "customId": task.custom_id,
        "botType": task.bot_type, "prompt": task.prompt, "promptEn": task.prompt,
        "description": "Submit success", "state": task.state, "submitTime": task.ms(),
        "startTime": 0, "finishTime": 0, "imageUrl": "", "status": "NOT_START",
        "progress": "0%", "failReason": "", "buttons": [], "maskBase64": "",
        "properties": {"finalPrompt": final_prompt, "finalZhPrompt": ""},
    }  # fmt: skip
    if task.frozen:
        obj["status"] = "MODAL"
        return obj
    if not state.done:
        if state.phase >= 1:
            obj["status"] = "IN_PROGRESS"
            obj["progress"] = f"{state.percent}%"
            obj["startTime"] = task.ms(1.5)
            if task.action not in ("DESCRIBE", "SHORTEN"):
                obj["imageUrl"] = ctx.file_url(f"mj-{task.id}-preview.webp")
        return obj
    task.extra["finished"] = True
    obj["startTime"], obj["finishTime"] = task.ms(1.5), task.ms(25)
    if task.fail:
        failure = examples.load("mj_task_failure.json")
        obj.update(status="FAILURE", progress="", failReason=failure["failReason"])
        return obj
    obj.update(status="SUCCESS", progress="100%")
    if task.action == "DESCRIBE":
        described = examples.load("mj_task_describe_success.json")
        for key in ("prompt", "promptEn", "buttons", "properties"):
            obj[key] = described[key]
        obj["imageUrl"] = ctx.file_url(f"mj-{task.id}-describe.png")
    elif task.action == "SHORTEN":
        obj["buttons"] = [
            {"customId": f"MJ::Job::PicReader::{n}", "emoji": f"{n}\ufe0f\u20e3",
             "label": str(n), "type": 2, "style": 2}
            for n in range(1, 5)
        ]  # fmt: skip
    elif task.action == "UPSCALE":
        obj["imageUrl"] = ctx.file_url(f"mj-{task.id}-large.png")
        obj["buttons"] = _upscale_buttons(task.job_hash)
    else:
        obj["imageUrl"] = ctx.file_url(f"mj-{task.id}-grid.png")
        obj["buttons"] = _imagine_buttons(task.job_hash)
    return obj


def _shortened(prompt: str) -> str:
    words = prompt.split()
    variants = [" ".join(words[: max(1, len(words) - cut)]) for cut in (0, 1, 2, 3)]
    return "\n\n".join(f"{n}\ufe0f\u20e3 {v}" for n, v in enumerate(variants, start=1))


def _submit_reply(ctx: Ctx, code: int, task: MjTask | None, description: str) -> None:
    body: dict[str, Any] = {
        "code": code,
        "description": description,
        "result": task.id if task is not None else None,
        "properties": dict(DISCORD),
    }
    if code == 21 and task is not None:
        body["properties"] = {
            "finalPrompt": task.prompt,
            "remix": True,
            "discordInstanceId": DISCORD["discordInstanceId"],
        }
    if code == 22:
        body["properties"]["numberOfQueues"] = 1
    ctx.reply(200, body)


def _create(ctx: Ctx, action: str, prompt: str, **extra: Any) -> None:
    """Store a new task for ``prompt`` and answer with the submit code it earns."""
    store = ctx.relay.mj
    lowered = prompt.lower()
    if "banned" in lowered:
        ctx.reply(200, {"code": 24, "description": "可能包含敏感词", "result": None,
                        "properties": {"promptEn": prompt, "bannedWord": "banned"}})  # fmt: skip
        return
    remix = "remix" in lowered and action in ("IMAGINE", "VARIATION", "REROLL")
    needs_modal = bool(extra.pop("needs_modal", False)) or remix
    task = MjTask(
        id=store.new_id(),
        body=ctx.body,
        fail=wants_failure(prompt),
        action=action,
        prompt=prompt,
        bot_type=str(ctx.body.get("botType") or ""),
        state=str(ctx.body.get("state") or ""),
        frozen=needs_modal,
        **extra,
    )
    store.add(task)
    if needs_modal:
        _submit_reply(ctx, 21, task, "Waiting for window confirm")
    elif "queue" in lowered:
        _submit_reply(ctx, 22, task, "排队中，前面还有1个任务")
    else:
        _submit_reply(ctx, 1, task, "Submit success")


def _invalid(ctx: Ctx, code: int, description: str) -> None:
    ctx.reply(200, {"code": code, "description": description, "result": None, "properties": {}})


def submit_imagine(ctx: Ctx) -> None:
    prompt = ctx.body.get("prompt")
    if not isinstance(prompt, str) or not prompt.strip():
        _invalid(ctx, 4, "prompt不能为空")
        return
    _create(ctx, "IMAGINE", prompt)


def submit_blend(ctx: Ctx) -> None:
    images = ctx.body.get("base64Array")
    if not isinstance(images, list) or not 2 <= len(images) <= 5:
        _invalid(ctx, 4, "base64List参数错误")
        return
    ratio = {"PORTRAIT": "2:3", "LANDSCAPE": "3:2"}.get(str(ctx.body.get("dimensions")), "1:1")
    prompt = " ".join(f"<https://s.mj.run/blend{i}>" for i in range(len(images)))
    _create(ctx, "BLEND", f"{prompt} --ar {ratio} --v 6.1")


def submit_describe(ctx: Ctx) -> None:
    image = ctx.body.get("base64") or ctx.body.get("link")
    if not isinstance(image, str) or not image:
        _invalid(ctx, 4, "base64参数错误")
        return
    _create(ctx, "DESCRIBE", "")


def submit_shorten(ctx: Ctx) -> None:
    prompt = ctx.body.get("prompt")
    if not isinstance(prompt, str) or not prompt.strip():
        _invalid(ctx, 4, "prompt不能为空")
        return
    _create(ctx, "SHORTEN", _shortened(prompt))


def _action_for(custom_id: str) -> tuple[str, bool] | None:
    """The task action a button starts, and whether it waits for a modal."""
    table = [
        ("MJ::CustomZoom::", "ZOOM", True), ("MJ::Inpaint::", "INPAINT", True),
        ("MJ::JOB::upsample", "UPSCALE", False), ("MJ::JOB::variation::", "VARIATION", False),
        ("MJ::JOB::low_variation::", "VARIATION", False),
        ("MJ::JOB::high_variation::", "VARIATION", False),
        ("MJ::JOB::reroll::", "REROLL", False), ("MJ::Outpaint::", "ZOOM", False),
        ("MJ::JOB::pan_", "PAN", False), ("MJ::Job::PicReader::", "IMAGINE", False),
        ("MJ::Picread::Retry", "DESCRIBE", False),
    ]  # fmt: skip
    for prefix, action, modal in table:
        if custom_id.startswith(prefix):
            return action, modal
    return None


def submit_action(ctx: Ctx) -> None:
    custom_id = str(ctx.body.get("customId") or "")
    parent = ctx.relay.mj.get(str(ctx.body.get("taskId") or ""))
    if parent is None:
        _invalid(ctx, 3, "关联任务不存在或已失效")
        return
    done = parent.extra.get("finished") or progress(parent.polls, ctx.relay.poll_steps, 2).done
    finished = done and not parent.fail
    if not finished or parent.frozen:
        _invalid(ctx, 4, "关联任务状态错误")
        return
    found = _action_for(custom_id)
    if found is None:
        _invalid(ctx, 4, "customId参数错误")
        return
    action, modal = found
    prompt = parent.prompt
    if custom_id.startswith("MJ::Job::PicReader::") and parent.action == "DESCRIBE":
        picked = int(custom_id.rsplit("::", 1)[-1] or 1)
        options = examples.load("mj_task_describe_success.json")["prompt"].split("\n\n")
        prompt = options[min(len(options), max(1, picked)) - 1].split(" ", 1)[-1].strip()
    _create(ctx, action, prompt, custom_id=custom_id, needs_modal=modal)


def submit_modal(ctx: Ctx) -> None:
    task = ctx.relay.mj.get(str(ctx.body.get("taskId") or ""))
    if task is None:
        _invalid(ctx, 3, "关联任务不存在或已失效")
        return
    prompt = ctx.body.get("prompt")
    if isinstance(prompt, str) and prompt.strip():
        task.prompt = prompt
        task.fail = wants_failure(prompt)
    task.frozen = False
    _submit_reply(ctx, 1, task, "Submit success")


def _not_found(ctx: Ctx) -> None:
    ctx.reply(400, {"description": "task_no_found", "type": "upstream_error", "code": 4})


def fetch_task(ctx: Ctx) -> None:
    task = ctx.relay.mj.poll(ctx.params["id"])
    if task is None:
        _not_found(ctx)
        return
    ctx.reply(200, task_json(ctx, task))


def list_by_condition(ctx: Ctx) -> None:
    ids = ctx.body.get("ids")
    tasks = ctx.relay.mj.poll_many(ids if isinstance(ids, list) else [])
    ctx.reply(200, [task_json(ctx, task) for task in tasks])


def image_seed(ctx: Ctx) -> None:
    task = ctx.relay.mj.get(ctx.params["id"])
    if task is None:
        _not_found(ctx)
        return
    if not progress(task.polls, ctx.relay.poll_steps, 2).done or task.fail:
        _invalid(ctx, 4, "任务未完成")
        return
    ctx.reply(200, {"code": 1, "description": "成功", "result": task.seed})


def mj_image(ctx: Ctx) -> None:
    ctx.params["name"] = f"mj-{ctx.params['id']}-grid.png"
    serve_file(ctx)


def routes() -> list[Route]:
    return [
        route("POST", r"/mj/submit/imagine", submit_imagine),
        route("POST", r"/mj/submit/action", submit_action),
        route("POST", r"/mj/submit/modal", submit_modal),
        route("POST", r"/mj/submit/blend", submit_blend),
        route("POST", r"/mj/submit/describe", submit_describe),
        route("POST", r"/mj/submit/shorten", submit_shorten),
        route("GET", r"/mj/task/(?P<id>[^/]+)/fetch", fetch_task),
        route("GET", r"/mj/task/(?P<id>[^/]+)/image-seed", image_seed),
        route("POST", r"/mj/task/list-by-condition", list_by_condition),
        route("GET|HEAD", r"/mj/image/(?P<id>[^/]+)", mj_image, auth=False),
    ]
