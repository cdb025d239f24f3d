"""可灵 Kling (official format): text2video, image2video, image generation and polling."""

from __future__ import annotations

import random
import uuid
from dataclasses import dataclass
from typing import Any

from .context import Ctx, Route, route
from .tasks import Task, TaskStore, progress, wants_failure

PHASES = ["submitted", "processing"]
KINDS = {"videos/text2video": "text2video", "videos/image2video": "image2video",
         "images/generations": "images"}  # fmt: skip


@dataclass
class KlingTask(Task):
    kind: str = "text2video"


class KlingStore(TaskStore[KlingTask]):
    def new_id(self) -> str:
        return str(random.randint(8 * 10**17, 9 * 10**17 - 1))


def _envelope(data: Any, code: int = 0, message: str = "SUCCEED") -> dict[str, Any]:
    return {"code": code, "message": message, "request_id": str(uuid.uuid4()), "data": data}


def task_data(ctx: Ctx, task: KlingTask, *, submit: bool = False) -> dict[str, Any]:
    state = progress(task.polls, ctx.relay.poll_steps, len(PHASES))
    external = task.body.get("external_task_id")
    data: dict[str, Any] = {
        "task_id": task.id,
        "task_status": PHASES[state.phase] if task.polls else "submitted",
        "task_status_msg": "",
        "task_info": {"external_task_id": external} if external else {},
        "created_at": task.ms(),
        "updated_at": task.ms(6 * task.polls),
    }
    if submit:
        del data["task_status_msg"]
        return data
    if not state.done:
        return data
    if task.fail:
        data.update(task_status="failed",
                    task_status_msg="Failure to pass the risk control system")  # fmt: skip
        return data
    data["task_status"] = "succeed"
    if task.kind == "images":
        count = min(9, max(1, int(task.body.get("n") or 1)))
        images = [{"index": i, "url": ctx.file_url(f"kling-{task.id}-{i}.png")}
                  for i in range(count)]  # fmt: skip
        data["task_result"] = {"images": images}
    else:
        duration = f"{float(task.body.get('duration') or 5) + 0.1:.1f}"
        video = {"id": str(uuid.uuid4()), "url": ctx.file_url(f"kling-{task.id}.mp4"),
                 "duration": duration}  # fmt: skip
        data["task_result"] = {"videos": [video]}
    return data


def _bad(ctx: Ctx, status: int, code: int, message: str) -> None:
    ctx.reply(status, _envelope(None, code, message))


def submit(ctx: Ctx) -> None:
    kind = KINDS[ctx.params["kind"]]
    body = ctx.body
    prompt = body.get("prompt")
    if kind == "image2video" and not body.get("image"):
        _bad(ctx, 400, 1201, "image is required")
        return
    if kind != "image2video" and not (isinstance(prompt, str) and prompt.strip()):
        _bad(ctx, 400, 1201, "prompt is required")
        return
    store = ctx.relay.kling
    task = store.add(KlingTask(id=store.new_id(), body=body, fail=wants_failure(prompt),
                               kind=kind))  # fmt: skip
    ctx.reply(200, _envelope(task_data(ctx, task, submit=True)))


def fetch(ctx: Ctx) -> None:
    task = ctx.relay.kling.poll(ctx.params["id"])
    if task is None or task.kind != KINDS[ctx.params["kind"]]:
        _bad(ctx, 404, 1203, "task not found")
        return
    ctx.reply(200, _envelope(task_data(ctx, task)))


def routes() -> list[Route]:
    kinds = "|".join(KINDS)
    return [
        route("POST", rf"/kling/v1/(?P<kind>{kinds})", submit),
        route("GET", rf"/kling/v1/(?P<kind>{kinds})/(?P<id>[^/]+)", fetch),
    ]
