"""Luma Dream Machine video through the relay's Luma web-format routes."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import httpx

from ecovdesk.api.errors import ErrorKind, RelayError
from ecovdesk.api.http import request_json
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
from ecovdesk.api.values import mapping, number, objects, text

SUBMIT_PATH = "/luma/generations"
SUBMIT_PATH_V1 = "/luma/v1/generations"


def luma_body(
    prompt: str,
    *,
    aspect_ratio: str = "16:9",
    loop: bool = False,
    expand_prompt: bool = True,
    image_url: str | None = None,
    image_end_url: str | None = None,
    model_name: str | None = None,
    duration: str | None = None,
    resolution: str | None = None,
) -> dict[str, Any]:
    body: dict[str, Any] = {
        "user_prompt": prompt,
        "aspect_ratio": aspect_ratio,
        "loop": loop,
        "expand_prompt": expand_prompt,
    }
    optional = {
        "image_url": image_url,
        "image_end_url": image_end_url,
        "model_name": model_name,
        "duration": duration,
        "resolution": resolution,
    }
    body.update({key: value for key, value in optional.items() if value is not None})
    return body


def _generation(body: Any) -> Mapping[str, Any]:
    """The Luma object, whether bare, first of a list, or inside a ``data`` envelope."""
    if isinstance(body, list):
        body = next(iter(objects(body)), None)
    answer = mapping(body)
    if "state" not in answer and "id" not in answer and isinstance(answer.get("data"), Mapping):
        answer = mapping(answer["data"])
    return answer


def _generation_id(body: Any) -> str:
    answer = _generation(body)
    generation_id = text(answer.get("id")) or text(answer.get("task_id"))
    if not generation_id:
        raise RelayError(ErrorKind.MALFORMED, detail="The Luma answer holds no generation id")
    return generation_id


async def _first_found(
    client: httpx.AsyncClient,
    method: str,
    routes: list[tuple[str, Mapping[str, str] | None]],
    body: Any = None,
) -> Any:
    """Try each route in turn while the relay answers 404: builds differ in their paths."""
    for path, params in routes[:-1]:
        try:
            return await request_json(client, method, path, json=body, params=params)
        except RelayError as error:
            if error.status != 404:
                raise
    path, params = routes[-1]
    return await request_json(client, method, path, json=body, params=params)


async def submit(
    client: httpx.AsyncClient, body: dict[str, Any], *, path: str = SUBMIT_PATH
) -> str:
    """Start a generation; returns its id."""
    paths = [path] if path == SUBMIT_PATH_V1 else [path, SUBMIT_PATH_V1]
    routes: list[tuple[str, Mapping[str, str] | None]] = [(p, None) for p in paths]
    return _generation_id(await _first_found(client, "POST", routes, body))


async def fetch(client: httpx.AsyncClient, generation_id: str) -> RemoteTask:
    routes: list[tuple[str, Mapping[str, str] | None]] = [
        ("/luma/v1/task", {"id": generation_id}),
        (f"/luma/generations/{generation_id}", None),
    ]
    return normalise_luma(_generation(await _first_found(client, "GET", routes)))


async def extend(client: httpx.AsyncClient, generation_id: str, body: dict[str, Any]) -> str:
    """Continue a finished video with a new prompt; returns the new generation's id."""
    path = f"/luma/generations/{generation_id}/extend"
    return _generation_id(await request_json(client, "POST", path, json=body))


def _video(obj: Mapping[str, Any]) -> Mapping[str, Any]:
    return mapping(obj.get("video")) or mapping(mapping(obj.get("artifact")).get("video"))


def _outputs(obj: Mapping[str, Any], video_url: str) -> tuple[MediaRef, ...]:
    video = _video(obj)
    meta: dict[str, Any] = {"generation_id": text(obj.get("id")), "prompt": text(obj.get("prompt"))}
    for key in ("width", "height"):
        if number(video.get(key)) is not None:
            meta[key] = video[key]
    created = parse_time(obj.get("created_at"))
    if created is not None:
        meta["created"] = created
    refs = [MediaRef(MediaKind.VIDEO, url=video_url, meta=meta)]
    poster = as_url(video.get("thumbnail")) or as_url(obj.get("thumbnail"))
    if poster:
        refs.append(MediaRef(MediaKind.IMAGE, url=poster, role="poster"))
    last_frame = as_url(obj.get("last_frame"))
    if last_frame:
        refs.append(MediaRef(MediaKind.IMAGE, url=last_frame, role="last_frame"))
    return tuple(refs)


def normalise_luma(obj: Mapping[str, Any]) -> RemoteTask:
    state = state_from_word(obj.get("state"))
    video = _video(obj)
    video_url = as_url(video.get("download_url")) or as_url(video.get("url"))
    # Luma reports "completed" a moment before the file exists; keep polling until it does.
    if state is TaskState.SUCCEEDED and not video_url:
        state = TaskState.RUNNING
    error = ""
    if state is TaskState.FAILED:
        error = next(
            (
                text(obj.get(key))
                for key in ("failure_reason", "fail_reason", "error", "msg")
                if text(obj.get(key))
            ),
            "",
        )
    return RemoteTask(
        remote_id=text(obj.get("id")) or text(obj.get("task_id")),
        state=state,
        progress=parse_progress(obj.get("progress")),
        outputs=_outputs(obj, video_url) if state is TaskState.SUCCEEDED else (),
        error=error,
        preview_url=as_url(obj.get("thumbnail")) if not state.is_terminal else "",
        wait_seconds=number(obj.get("estimate_wait_seconds")),
        raw=dict(obj),
    )
