"""Suno (new-api task format): submit music and lyrics, fetch one or many tasks."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from . import examples
from .context import Ctx, Route, route
from .tasks import Task, TaskStore, progress, wants_failure

PHASES = [("SUBMITTED", "submitted"), ("QUEUED", "queued"), ("IN_PROGRESS", "streaming")]
USER_ID = "f6e05d24-6022-4432-bfa7-53df9fdd263e"
DURATION = 3.03
VERSIONS = {"chirp-v3-0": "v3", "chirp-v3-5": "v3.5", "chirp-v4": "v4", "chirp-auk": "v4.5",
            "chirp-bluejay": "v4.5+", "chirp-crow": "v5"}  # fmt: skip


@dataclass
class SunoTask(Task):
    action: str = "MUSIC"
    title: str = ""
    tags: str = ""
    lyrics: str = ""
    description: str | None = None
    model: str = "chirp-v3-5"
    history: list[dict[str, Any]] | None = None
    clip_ids: list[str] = field(default_factory=lambda: [str(uuid.uuid4()) for _ in range(2)])


class SunoStore(TaskStore[SunoTask]):
    pass


def _made_up_lyrics(topic: str) -> str:
    subject = topic.strip()[:20] or "夏天"
    return (
        f"[Verse]\n海风吹过{subject}\n阳光洒在脸上\n我们一起奔跑\n忘记所有忧伤\n\n"
        f"[Chorus]\n啦啦啦 唱吧\n这是属于{subject}的歌\n啦啦啦 唱吧\n让快乐一直延续"
    )


def _title_for(text: str) -> str:
    words = text.split()
    if text.isascii() and words:
        return " ".join(w.capitalize() for w in words[:3])
    return (text.strip()[:6] or "无题") + "之歌"


def _clip(ctx: Ctx, task: SunoTask, clip_id: str, status: str) -> dict[str, Any]:
    streaming, complete = status == "streaming", status == "complete"
    created = datetime.fromtimestamp(task.created, UTC)
    audio = ""
    if streaming:
        audio = ctx.file_url(f"audiopipe/{clip_id}.mp3")
    elif complete:
        audio = ctx.file_url(f"{clip_id}.mp3")
    has_image = streaming or complete
    return {
        "id": clip_id, "title": task.title, "handle": "fakerelaymusician", "status": status,
        "user_id": USER_ID, "is_liked": False,
        "metadata": {
            "tags": task.tags, "type": "gen", "prompt": task.lyrics, "stream": True,
            "history": task.history, "duration": DURATION if complete else None,
            "error_type": None, "error_message": None, "concat_history": None,
            "refund_credits": False, "audio_prompt_id": None,
            "gpt_description_prompt": task.description,
        },
        "reaction": None, "audio_url": audio,
        "image_url": ctx.file_url(f"image_{clip_id}.jpeg") if has_image else "",
        "is_public": False, "video_url": ctx.file_url(f"{clip_id}.mp4") if complete else "",
        "created_at": created.isoformat(timespec="milliseconds").replace("+00:00", "Z"),
        "is_trashed": False, "model_name": task.model, "play_count": 0,
        "display_name": "FakeRelayMusician", "upvote_count": 0,
        "image_large_url": ctx.file_url(f"image_large_{clip_id}.jpeg") if has_image else "",
        "is_video_pending": not complete, "is_handle_updated": False,
        "major_model_version": VERSIONS.get(task.model, "v3.5"),
    }  # fmt: skip


def task_json(ctx: Ctx, task: SunoTask) -> dict[str, Any]:
    state = progress(task.polls, ctx.relay.poll_steps, len(PHASES))
    obj: dict[str, Any] = {
        "task_id": task.id, "action": task.action, "status": "NOT_START", "fail_reason": "",
        "submit_time": task.secs(), "start_time": 0, "finish_time": 0,
        "progress": f"{state.percent}%", "data": [],
    }  # fmt: skip
    if state.done:
        obj["start_time"], obj["finish_time"] = task.secs(2), task.secs(40)
    elif task.polls > 0:
        obj["status"] = PHASES[state.phase][0]
        if state.phase >= 1:
            obj["start_time"] = task.secs(2)
    if task.action == "LYRICS":
        text = task.lyrics if state.done else ""
        obj["data"] = {"id": task.id, "text": text, "title": task.title if state.done else "",
                       "status": "complete" if state.done else "running"}  # fmt: skip
    elif not (state.done and task.fail):
        clip_status = "complete" if state.done else PHASES[state.phase][1]
        obj["data"] = [_clip(ctx, task, cid, clip_status) for cid in task.clip_ids]
    if state.done:
        obj["status"] = "FAILURE" if task.fail else "SUCCESS"
        if task.fail:
            obj["fail_reason"] = examples.load("suno_fetch_failure.json")["data"]["fail_reason"]
            if task.action == "LYRICS":
                obj["data"] = None
    return obj


def _bad_request(ctx: Ctx, message: str) -> None:
    ctx.reply(400, {"code": "invalid_request", "message": message, "data": None})


def submit_music(ctx: Ctx) -> None:
    body = ctx.body
    description = body.get("gpt_description_prompt")
    prompt = body.get("prompt")
    continue_clip = body.get("continue_clip_id")
    instrumental = bool(body.get("make_instrumental"))
    if not (description or prompt or body.get("tags") or continue_clip or instrumental):
        _bad_request(ctx, "prompt or gpt_description_prompt is required")
        return
    task = SunoTask(id=str(uuid.uuid4()), body=body, model=str(body.get("mv") or "chirp-v3-5"))
    task.fail = wants_failure(description, prompt)
    if description and not prompt:
        task.description = str(description)
        task.title = _title_for(task.description)
        task.lyrics = "" if instrumental else _made_up_lyrics(task.description)
        task.tags = "instrumental, pop, upbeat" if instrumental else "pop, upbeat, catchy"
    else:
        task.title = str(body.get("title") or "Untitled")
        task.tags = str(body.get("tags") or "")
        task.lyrics = "" if instrumental else str(prompt or "")
    if continue_clip:
        task.history = [{"id": str(continue_clip), "continue_at": body.get("continue_at"),
                         "type": "gen", "source": "web", "infill": False}]  # fmt: skip
        parent = ctx.relay.suno.get(str(body.get("task_id") or ""))
        if parent is not None and not body.get("title"):
            task.title = parent.title
    ctx.relay.suno.add(task)
    ctx.reply(200, {"code": "success", "message": "", "data": task.id})


def submit_lyrics(ctx: Ctx) -> None:
    prompt = str(ctx.body.get("prompt") or "")
    task = SunoTask(id=str(uuid.uuid4()), body=ctx.body, action="LYRICS",
                    title=_title_for(prompt or "Electric Fantasy"),
                    lyrics=_made_up_lyrics(prompt), fail=wants_failure(prompt))  # fmt: skip
    ctx.relay.suno.add(task)
    ctx.reply(200, {"code": "success", "message": "", "data": task.id})


def fetch_one(ctx: Ctx) -> None:
    task = ctx.relay.suno.poll(ctx.params["id"])
    if task is None:
        ctx.reply(404, examples.load("error_task.json"))
        return
    ctx.reply(200, {"code": "success", "message": "", "data": task_json(ctx, task)})


def fetch_batch(ctx: Ctx) -> None:
    ids = ctx.body.get("ids")
    tasks = ctx.relay.suno.poll_many(ids if isinstance(ids, list) else [])
    data = [task_json(ctx, task) for task in tasks]
    ctx.reply(200, {"code": "success", "message": "", "data": data})


def routes() -> list[Route]:
    return [
        route("POST", r"/suno/submit/music", submit_music),
        route("POST", r"/suno/submit/lyrics", submit_lyrics),
        route("GET", r"/suno/fetch/(?P<id>[^/]+)", fetch_one),
        route("POST", r"/suno/fetch/?", fetch_batch),
    ]
