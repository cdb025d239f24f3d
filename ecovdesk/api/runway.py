"""Runway video through the relay's rixapi-style routes (``/runway/...``)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import httpx

from ecovdesk.api.errors import ErrorKind, RelayError
from ecovdesk.api.http import body_error, request_json
from ecovdesk.api.media import (
    MediaKind,
    MediaRef,
    RemoteTask,
    TaskState,
    as_url,
    parse_progress,
    parse_time,
    state_from_word,
)
from ecovdesk.api.values import integer, mapping, text

_STATUS = {
    "0": TaskState.QUEUED,
    "1": TaskState.RUNNING,
    "2": TaskState.FAILED,
    "3": TaskState.SUCCEEDED,
}


def runway_body(
    prompt: str,
    *,
    model: str = "gen3",
    ratio: str = "16:9",
    style: str = "cinematic",
    seconds: int = 10,
    image: str | None = None,
    motion_vector: Mapping[str, float] | None = None,
) -> dict[str, Any]:
    options: dict[str, Any] = {"seconds": seconds}
    if motion_vector is not None:
        options["motion_vector"] = dict(motion_vector)
    # The documentation marks callback_url as required; an empty one is accepted.
    body: dict[str, Any] = {
        "callback_url": "",
        "ratio": ratio,
        "prompt": prompt,
        "style": style,
        "model": model,
        "options": options,
    }
    if image is not None:
        body["image"] = image
    return body


def video2video_body(
    video: str,
    *,
    prompt: str = "",
    image: str | None = None,
    model: str = "gen3",
    structure_transformation: float | None = None,
    motion_multiplier: float | None = None,
    flip: bool | None = None,
) -> dict[str, Any]:
    options = {
        "structure_transformation": structure_transformation,
        "motion_multiplier": motion_multiplier,
        "flip": flip,
    }
    body: dict[str, Any] = {
        "callback_url": "",
        "video": video,
        "model": model,
        "prompt": prompt,
        "options": {key: value for key, value in options.items() if value is not None},
    }
    if image is not None:
        body["image"] = image
    return body


def _envelope_data(client: httpx.AsyncClient, body: Any) -> Mapping[str, Any]:
    """``data`` of a ``{"code":200, "msg":…, "data":{…}}`` answer; other codes are errors."""
    answer = mapping(body)
    if integer(answer.get("code")) != 200:
        raise body_error(client, answer)
    data = answer.get("data")
    if not isinstance(data, Mapping):
        raise RelayError(ErrorKind.MALFORMED, detail="The Runway answer holds no task")
    return data


def _task_id(client: httpx.AsyncClient, body: Any) -> str:
    task_id = text(_envelope_data(client, body).get("task_id"))
    if not task_id:
        raise RelayError(ErrorKind.MALFORMED, detail="The Runway answer holds no task id")
    return task_id


async def submit(client: httpx.AsyncClient, body: dict[str, Any]) -> str:
    return _task_id(client, await request_json(client, "POST", "/runway/pro/generate", json=body))


async def submit_video2video(client: httpx.AsyncClient, body: dict[str, Any]) -> str:
    answer = await request_json(client, "POST", "/runway/pro/video2video", json=body)
    return _task_id(client, answer)


async def fetch(client: httpx.AsyncClient, task_id: str) -> RemoteTask:
    answer = await request_json(client, "POST", "/runway/feed", json={"task_id": task_id})
    return normalise_runway(_envelope_data(client, answer))


def _outputs(obj: Mapping[str, Any], video_url: str) -> tuple[MediaRef, ...]:
    meta: dict[str, Any] = {"task_id": text(obj.get("task_id")), "prompt": text(obj.get("prompt"))}
    if text(obj.get("prompt_en")):
        meta["prompt_en"] = text(obj.get("prompt_en"))
    created = parse_time(obj.get("create_time"))
    if created is not None:
        meta["created"] = created
    refs = [MediaRef(MediaKind.VIDEO, url=video_url, meta=meta)]
    for role in ("poster", "last_frame"):
        url = as_url(obj.get(role))
        if url:
            refs.append(MediaRef(MediaKind.IMAGE, url=url, role=role))
    return tuple(refs)


def normalise_runway(obj: Mapping[str, Any]) -> RemoteTask:
    status = text(obj.get("status")).strip()
    state = _STATUS.get(status) or state_from_word(obj.get("state"))
    video_url = as_url(obj.get("video_url"))
    if state is TaskState.SUCCEEDED and not video_url:
        state = TaskState.RUNNING
    error = ""
    if state is TaskState.FAILED:
        error = text(obj.get("msg"))
    return RemoteTask(
        remote_id=text(obj.get("task_id")),
        state=state,
        progress=parse_progress(obj.get("progress")),
        outputs=_outputs(obj, video_url) if state is TaskState.SUCCEEDED else (),
        error=error,
        raw=dict(obj),
    )
