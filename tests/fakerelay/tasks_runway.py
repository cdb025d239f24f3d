"""Runway (rixapi format): generate, video2video and the feed poll."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

from .context import Ctx, Route, route
from .tasks import Task, TaskStore, progress, wants_failure

PHASES = [("pending", "0"), ("running", "1")]


@dataclass
class RunwayTask(Task):
    prompt: str = ""
    point: str = "320"


class RunwayStore(TaskStore[RunwayTask]):
    pass


def _english(prompt: str) -> str:
    return prompt if prompt.isascii() else "a cinematic shot following the description."


def task_data(ctx: Ctx, task: RunwayTask) -> dict[str, Any]:
    state = progress(task.polls, ctx.relay.poll_steps, len(PHASES))
    name, status = PHASES[state.phase]
    data: dict[str, Any] = {
        "task_id": task.id, "state": name, "status": status, "prompt": task.prompt,
        "prompt_en": _english(task.prompt) if task.polls else None, "video_url": None,
        "poster": None, "last_frame": None, "msg": None, "point": task.point, "refund": "0",
        "create_time": str(task.secs()), "update_time": str(task.secs(5 * task.polls)),
    }  # fmt: skip
    if not state.done:
        return data
    if task.fail:
        data.update(state="failed", status="2", refund="1",
                    msg="内容审核未通过，积分已退还")  # fmt: skip
        return data
    data.update(
        state="succeeded",
        status="3",
        video_url=ctx.file_url(f"runway-{task.id}.mp4"),
        poster=ctx.file_url(f"runway-{task.id}-poster.jpg"),
        last_frame=ctx.file_url(f"runway-{task.id}-last_frame.jpg"),
    )
    return data


def _envelope(data: Any, exec_time: float = 0) -> dict[str, Any]:
    return {"code": 200, "msg": "成功", "data": data, "exec_time": exec_time}


def _fail(ctx: Ctx, status: int, message: str) -> None:
    ctx.reply(status, {"code": status, "msg": message, "data": None, "exec_time": 0})


def _create(ctx: Ctx, required: str) -> None:
    body = ctx.body
    if not body.get(required) and not body.get("image"):
        _fail(ctx, 400, f"{required}不能为空")
        return
    prompt = str(body.get("prompt") or "")
    options = body.get("options")
    seconds = options.get("seconds", 10) if isinstance(options, dict) else 10
    task = RunwayTask(id=str(uuid.uuid4()), body=body, fail=wants_failure(prompt),
                      prompt=prompt, point="320" if seconds == 10 else "160")  # fmt: skip
    ctx.relay.runway.add(task)
    ctx.reply(200, _envelope(task_data(ctx, task), 0.67573))


def generate(ctx: Ctx) -> None:
    _create(ctx, "prompt")


def video2video(ctx: Ctx) -> None:
    _create(ctx, "video")


def feed(ctx: Ctx) -> None:
    task_id = str(ctx.body.get("task_id") or ctx.req.query.get("task_id") or "")
    task = ctx.relay.runway.poll(task_id)
    if task is None:
        _fail(ctx, 404, "任务不存在")
        return
    ctx.reply(200, _envelope(task_data(ctx, task)))


def routes() -> list[Route]:
    return [
        route("POST", r"/runway/pro/generate", generate),
        route("POST", r"/runway/pro/video2video", video2video),
        route("POST|GET", r"/runway/feed", feed),
    ]
