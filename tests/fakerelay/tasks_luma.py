"""Luma Dream Machine (Luma web format): generations, extend and polling."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from .context import Ctx, Route, route
from .tasks import Task, TaskStore, progress, wants_failure

PHASES = ["pending", "processing"]
WIDTH, HEIGHT = 320, 180


@dataclass
class LumaTask(Task):
    prompt: str = ""
    aspect_ratio: str = "16:9"
    parent_id: str | None = None


class LumaStore(TaskStore[LumaTask]):
    pass


def _iso(seconds: float) -> str:
    return datetime.fromtimestamp(seconds, UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def generation_json(ctx: Ctx, task: LumaTask) -> dict[str, Any]:
    state = progress(task.polls, ctx.relay.poll_steps, len(PHASES))
    obj: dict[str, Any] = {
        "id": task.id, "prompt": task.prompt, "state": PHASES[state.phase],
        "queue_state": None, "created_at": _iso(task.created), "batch_id": "",
        "video": None, "video_raw": None, "liked": None,
        "estimate_wait_seconds": max(5, 60 - state.percent // 2),
        "thumbnail": None, "last_frame": None,
        "request": {"prompt": task.prompt, "aspect_ratio": task.aspect_ratio,
                    "expand_prompt": bool(task.body.get("expand_prompt")),
                    "loop": bool(task.body.get("loop"))},
    }  # fmt: skip
    if task.polls == 0:
        obj["state"] = "pending"
    if not state.done:
        return obj
    obj["estimate_wait_seconds"] = None
    if task.fail:
        obj["state"] = "failed"
        obj["failure_reason"] = "Your prompt was flagged by our moderation system."
        return obj
    video = ctx.file_url(f"luma-{task.id}.mp4")
    thumb = ctx.file_url(f"luma-{task.id}-thumb.jpg")
    last = ctx.file_url(f"luma-{task.id}-last_frame.jpg")
    obj["state"] = "completed"
    obj["video"] = {"url": video, "width": WIDTH, "height": HEIGHT, "thumbnail": thumb,
                    "download_url": video}  # fmt: skip
    obj["thumbnail"] = {"url": thumb, "width": WIDTH, "height": HEIGHT}
    obj["last_frame"] = {"url": last, "width": WIDTH, "height": HEIGHT}
    obj["artifact"] = {"video": {"url": video, "width": WIDTH, "height": HEIGHT}}
    return obj


def _create(ctx: Ctx, parent_id: str | None = None) -> None:
    body = ctx.body
    prompt = body.get("user_prompt") or body.get("prompt")
    if not isinstance(prompt, str) or not prompt.strip():
        ctx.error(400, "user_prompt is required")
        return
    task = LumaTask(
        id=str(uuid.uuid4()),
        body=body,
        fail=wants_failure(prompt),
        prompt=prompt,
        aspect_ratio=str(body.get("aspect_ratio") or "16:9"),
        parent_id=parent_id,
    )
    ctx.relay.luma.add(task)
    obj = generation_json(ctx, task)
    del obj["request"]
    ctx.reply(200, obj)


def submit(ctx: Ctx) -> None:
    _create(ctx)


def extend(ctx: Ctx) -> None:
    parent = ctx.relay.luma.get(ctx.params["id"])
    if parent is None:
        ctx.error(404, "generation not found")
        return
    _create(ctx, parent.id)


def _answer(ctx: Ctx, task_id: str) -> None:
    task = ctx.relay.luma.poll(task_id)
    if task is None:
        ctx.error(404, "generation not found")
        return
    ctx.reply(200, generation_json(ctx, task))


def fetch_by_query(ctx: Ctx) -> None:
    _answer(ctx, ctx.req.query.get("id", ""))


def fetch_by_path(ctx: Ctx) -> None:
    _answer(ctx, ctx.params["id"])


def routes() -> list[Route]:
    return [
        route("POST", r"/luma/(v1/)?generations/?", submit),
        route("POST", r"/luma/(v1/)?generations/(?P<id>[^/]+)/extend", extend),
        route("GET", r"/luma/v1/task", fetch_by_query),
        route("GET", r"/luma/(v1/)?generations/(?P<id>[^/]+)", fetch_by_path),
    ]
