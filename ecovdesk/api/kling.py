"""可灵 Kling video and Kolors images through the relay's Kling official-format routes."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal

import httpx

from ecovdesk.api.errors import ErrorKind, RelayError, error_from_body
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
from ecovdesk.api.values import integer, mapping, number, objects, text

KlingKind = Literal["text2video", "image2video", "images"]

PATHS: Mapping[str, str] = {
    "text2video": "/kling/v1/videos/text2video",
    "image2video": "/kling/v1/videos/image2video",
    "images": "/kling/v1/images/generations",
}


def _without_none(body: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in body.items() if value is not None}


def bare_base64(image: str) -> str:
    """Kling wants a URL or bare base64; a ``data:image/png;base64,`` prefix is refused."""
    if image.startswith("data:") and "," in image:
        return image.split(",", 1)[1]
    return image


def text2video_body(
    prompt: str,
    *,
    model_name: str = "kling-v1",
    negative_prompt: str | None = None,
    cfg_scale: float | None = None,
    mode: str = "std",
    aspect_ratio: str = "16:9",
    duration: str | int = "5",
    camera_control: Mapping[str, Any] | None = None,
    callback_url: str | None = None,
) -> dict[str, Any]:
    return _without_none(
        {
            "model_name": model_name,
            "prompt": prompt,
            "negative_prompt": negative_prompt,
            "cfg_scale": cfg_scale,
            "mode": mode,
            "aspect_ratio": aspect_ratio,
            # Kling's schema types duration as a string ("5" / "10").
            "duration": str(duration),
            "camera_control": dict(camera_control) if camera_control is not None else None,
            "callback_url": callback_url,
        }
    )


def image2video_body(
    image: str,
    prompt: str = "",
    *,
    model_name: str = "kling-v1",
    image_tail: str | None = None,
    negative_prompt: str | None = None,
    cfg_scale: float | None = None,
    mode: str = "std",
    duration: str | int = "5",
    callback_url: str | None = None,
) -> dict[str, Any]:
    return _without_none(
        {
            "model_name": model_name,
            "image": bare_base64(image),
            "image_tail": bare_base64(image_tail) if image_tail else None,
            "prompt": prompt or None,
            "negative_prompt": negative_prompt,
            "cfg_scale": cfg_scale,
            "mode": mode,
            "duration": str(duration),
            "callback_url": callback_url,
        }
    )


def kolors_body(
    prompt: str,
    *,
    model_name: str = "kling-v1",
    negative_prompt: str | None = None,
    image: str | None = None,
    image_fidelity: float | None = None,
    n: int = 1,
    aspect_ratio: str = "1:1",
    callback_url: str | None = None,
) -> dict[str, Any]:
    return _without_none(
        {
            "model_name": model_name,
            "prompt": prompt,
            "negative_prompt": negative_prompt,
            "image": bare_base64(image) if image else None,
            "image_fidelity": image_fidelity,
            "n": n,
            "aspect_ratio": aspect_ratio,
            "callback_url": callback_url,
        }
    )


def _task_object(client: httpx.AsyncClient, body: Any) -> Mapping[str, Any]:
    """The task inside ``{"code":0, "data":{…}}``, or the flat OpenAI-video object that
    newer relay builds answer with on the same routes."""
    answer = mapping(body)
    if "code" in answer and ("data" in answer or "message" in answer):
        if integer(answer.get("code")) != 0:
            raise body_error(client, answer)
        data = answer.get("data")
        if not isinstance(data, Mapping):
            raise RelayError(ErrorKind.MALFORMED, detail="The Kling answer holds no task")
        return data
    if not answer:
        raise RelayError(ErrorKind.MALFORMED, detail="The Kling answer is not an object")
    return answer


async def submit(client: httpx.AsyncClient, kind: KlingKind, body: dict[str, Any]) -> str:
    task = _task_object(client, await request_json(client, "POST", PATHS[kind], json=body))
    task_id = text(task.get("task_id")) or text(task.get("id"))
    if not task_id:
        raise RelayError(ErrorKind.MALFORMED, detail="The Kling answer holds no task id")
    return task_id


async def fetch(client: httpx.AsyncClient, kind: KlingKind, task_id: str) -> RemoteTask:
    answer = await request_json(client, "GET", f"{PATHS[kind]}/{task_id}")
    return normalise_kling(_task_object(client, answer))


def _result_refs(task: Mapping[str, Any], created: float | None) -> list[MediaRef]:
    result = mapping(task.get("task_result"))
    refs: list[MediaRef] = []
    for video in objects(result.get("videos")):
        url = as_url(video)
        if url:
            meta: dict[str, Any] = {"video_id": text(video.get("id"))}
            if created is not None:
                meta["created"] = created
            refs.append(
                MediaRef(
                    MediaKind.VIDEO, url=url, duration=number(video.get("duration")), meta=meta
                )
            )
    for image in objects(result.get("images")):
        url = as_url(image)
        if url:
            meta = {"index": integer(image.get("index"))}
            if created is not None:
                meta["created"] = created
            refs.append(MediaRef(MediaKind.IMAGE, url=url, meta=meta))
    return refs


def _flat_url(task: Mapping[str, Any]) -> str:
    for key in ("url", "video_url", "result_url"):
        url = as_url(task.get(key))
        if url:
            return url
    return as_url(mapping(task.get("metadata")).get("url"))


def _error(task: Mapping[str, Any]) -> str:
    error = task.get("error")
    return (
        text(task.get("task_status_msg"))
        or text(mapping(error).get("message"))
        or text(error)
        or text(task.get("fail_reason"))
    )


def normalise_kling(obj: Mapping[str, Any]) -> RemoteTask:
    """A Kling task, from the official envelope, its ``data`` or the flat OpenAI-video form."""
    task = obj
    if "code" in obj and "task_status" not in obj:
        if integer(obj.get("code")) != 0:
            raise error_from_body(obj)
        task = mapping(obj.get("data"))
    state = state_from_word(task.get("task_status") or task.get("status"))
    created = parse_time(task.get("created_at"))
    refs = _result_refs(task, created)
    if not refs and (url := _flat_url(task)):
        refs = [MediaRef(MediaKind.VIDEO, url=url, duration=number(task.get("seconds")))]
    if state is TaskState.SUCCEEDED and not refs:
        state = TaskState.RUNNING
    return RemoteTask(
        remote_id=text(task.get("task_id")) or text(task.get("id")),
        state=state,
        progress=parse_progress(task.get("progress")),
        outputs=tuple(refs) if state is TaskState.SUCCEEDED else (),
        error=_error(task) if state is TaskState.FAILED else "",
        raw=dict(obj),
    )
