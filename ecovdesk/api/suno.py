"""Suno music and lyrics through the relay's task routes (``/suno/...``)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
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
)
from ecovdesk.api.values import mapping, number, objects, text

DEFAULT_MV = "chirp-v3-5"

_STATES = {
    "NOT_START": TaskState.QUEUED,
    "SUBMITTED": TaskState.QUEUED,
    "QUEUED": TaskState.QUEUED,
    "UNKNOWN": TaskState.QUEUED,
    "IN_PROGRESS": TaskState.RUNNING,
    "SUCCESS": TaskState.SUCCEEDED,
    "FAILURE": TaskState.FAILED,
}
# A clip is playable while Suno still renders it (a live stream URL) and final when complete.
_CLIP_ROLES = {"streaming": "stream", "complete": "main"}


def inspiration_body(
    description: str, *, mv: str = DEFAULT_MV, instrumental: bool = False
) -> dict[str, Any]:
    """Suno writes lyrics, title and style from a description of the song."""
    return {"gpt_description_prompt": description, "make_instrumental": instrumental, "mv": mv}


def custom_body(
    lyrics: str,
    *,
    title: str,
    tags: str,
    mv: str = DEFAULT_MV,
    negative_tags: str | None = None,
    instrumental: bool = False,
) -> dict[str, Any]:
    body: dict[str, Any] = {
        "prompt": lyrics,
        "title": title,
        "tags": tags,
        "mv": mv,
        "make_instrumental": instrumental,
    }
    if negative_tags is not None:
        body["negative_tags"] = negative_tags
    return body


def continuation_body(
    clip_id: str,
    continue_at: float,
    *,
    task_id: str | None = None,
    lyrics: str = "",
    title: str = "",
    tags: str = "",
    mv: str = DEFAULT_MV,
) -> dict[str, Any]:
    body: dict[str, Any] = {
        "continue_clip_id": clip_id,
        "continue_at": float(continue_at),
        "prompt": lyrics,
        "title": title,
        "tags": tags,
        "mv": mv,
    }
    if task_id is not None:
        body["task_id"] = task_id
    return body


def _envelope_data(client: httpx.AsyncClient, body: Any) -> Any:
    """``data`` of a ``{"code":"success", "data":…}`` answer; any other code is an error."""
    answer = mapping(body)
    if text(answer.get("code")).lower() != "success":
        raise body_error(client, answer)
    return answer.get("data")


def _task_id(client: httpx.AsyncClient, body: Any) -> str:
    data = _envelope_data(client, body)
    task_id = text(data) or text(mapping(data).get("task_id"))
    if not task_id:
        raise RelayError(ErrorKind.MALFORMED, detail="The submit answer holds no task id")
    return task_id


async def submit_music(client: httpx.AsyncClient, body: dict[str, Any]) -> str:
    return _task_id(client, await request_json(client, "POST", "/suno/submit/music", json=body))


async def submit_lyrics(client: httpx.AsyncClient, prompt: str) -> str:
    answer = await request_json(client, "POST", "/suno/submit/lyrics", json={"prompt": prompt})
    return _task_id(client, answer)


async def fetch(client: httpx.AsyncClient, task_id: str) -> RemoteTask:
    data = _envelope_data(client, await request_json(client, "GET", f"/suno/fetch/{task_id}"))
    if not isinstance(data, Mapping):
        raise RelayError(ErrorKind.MALFORMED, detail="The task answer holds no task")
    return normalise_suno_task(data)


async def fetch_batch(
    client: httpx.AsyncClient, ids: Sequence[str], action: str = "MUSIC"
) -> list[RemoteTask]:
    answer = await request_json(
        client, "POST", "/suno/fetch", json={"ids": list(ids), "action": action}
    )
    data = _envelope_data(client, answer)
    if not isinstance(data, list):
        raise RelayError(ErrorKind.MALFORMED, detail="The batch answer holds no task list")
    return [normalise_suno_task(task) for task in objects(data)]


def _clip_ref(clip: Mapping[str, Any]) -> MediaRef | None:
    status = text(clip.get("status")).lower()
    url = as_url(clip.get("audio_url"))
    if status not in _CLIP_ROLES or not url:
        return None
    metadata = mapping(clip.get("metadata"))
    meta: dict[str, Any] = {
        "clip_id": text(clip.get("id")),
        "clip_status": status,
        "tags": text(metadata.get("tags")),
        "prompt": text(metadata.get("prompt")),
        "image_url": as_url(clip.get("image_url")),
        "image_large_url": as_url(clip.get("image_large_url")),
        "video_url": as_url(clip.get("video_url")),
        "model_name": text(clip.get("model_name")),
    }
    created = parse_time(clip.get("created_at"))
    if created is not None:
        meta["created"] = created
    return MediaRef(
        MediaKind.AUDIO,
        url=url,
        role=_CLIP_ROLES[status],
        title=text(clip.get("title")),
        duration=number(metadata.get("duration")) or number(clip.get("duration")),
        meta=meta,
    )


def _lyrics_ref(lyrics: Mapping[str, Any]) -> MediaRef | None:
    words = text(lyrics.get("text"))
    if not words:
        return None
    meta = {"lyrics_id": text(lyrics.get("id"))}
    return MediaRef(MediaKind.TEXT, title=text(lyrics.get("title")), text=words, meta=meta)


def _clip_error(clips: list[Mapping[str, Any]]) -> str:
    for clip in clips:
        message = text(mapping(clip.get("metadata")).get("error_message"))
        if message:
            return message
    return ""


def normalise_suno_task(task: Mapping[str, Any]) -> RemoteTask:
    state = _STATES.get(text(task.get("status")).upper(), TaskState.QUEUED)
    data = task.get("data")
    outputs: list[MediaRef] = []
    clips: list[Mapping[str, Any]] = []
    if isinstance(data, Mapping):
        lyrics = _lyrics_ref(data)
        if lyrics is not None:
            outputs.append(lyrics)
    else:
        clips = objects(data)
        outputs.extend(ref for clip in clips if (ref := _clip_ref(clip)))
    error = ""
    if state is TaskState.FAILED:
        error = text(task.get("fail_reason")) or _clip_error(clips)
    cover = next((as_url(clip.get("image_url")) for clip in clips if clip.get("image_url")), "")
    return RemoteTask(
        remote_id=text(task.get("task_id")) or text(task.get("id")),
        state=state,
        progress=parse_progress(task.get("progress")),
        outputs=tuple(outputs),
        error=error,
        preview_url=cover if not state.is_terminal else "",
        raw=dict(task),
    )
