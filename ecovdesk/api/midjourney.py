"""Midjourney through the relay's midjourney-proxy routes (``/mj/...``)."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import httpx

from ecovdesk.api.errors import ErrorKind, RelayError
from ecovdesk.api.http import body_error, request_json
from ecovdesk.api.media import (
    MediaKind,
    MediaRef,
    RemoteTask,
    TaskAction,
    TaskState,
    parse_progress,
    parse_time,
)
from ecovdesk.api.values import integer, mapping, objects, text

MODES = ("fast", "relax", "turbo")
SUBMITTED, NEEDS_MODAL, QUEUED = 1, 21, 22

_STATES = {
    "NOT_START": TaskState.QUEUED,
    "SUBMITTED": TaskState.QUEUED,
    "MODAL": TaskState.QUEUED,
    "IN_PROGRESS": TaskState.RUNNING,
    "SUCCESS": TaskState.SUCCEEDED,
    "FAILURE": TaskState.FAILED,
    "CANCEL": TaskState.CANCELLED,
}
# DESCRIBE answers number their four prompts with keycap emoji: "1️⃣ …\n\n2️⃣ …".
_KEYCAP = re.compile(r"([1-9])\ufe0f?\u20e3")


@dataclass(frozen=True)
class MjSubmit:
    task_id: str
    code: int
    description: str = ""
    needs_modal: bool = False
    final_prompt: str = ""
    properties: Mapping[str, Any] = field(default_factory=dict, hash=False)

    @property
    def queued(self) -> bool:
        """Accepted but waiting; ``description`` then says how many tasks are ahead."""
        return self.code == QUEUED


def _path(mode_path: str, route: str) -> str:
    mode = mode_path.strip("/").lower()
    if not mode:
        return route
    if mode not in MODES:
        raise ValueError(f"Unknown Midjourney mode: {mode_path}")
    return f"/{mode}{route}"


def parse_submit(client: httpx.AsyncClient, body: Any) -> MjSubmit:
    """The submit answer; codes 1, 21 and 22 are successes, anything else is refused."""
    answer = mapping(body)
    code = integer(answer.get("code"))
    description = text(answer.get("description")) or text(answer.get("message"))
    # The relay's own failures share the ``code`` key but say so with ``type``.
    if answer.get("type") == "new_api_error" or code not in (SUBMITTED, NEEDS_MODAL, QUEUED):
        raise body_error(client, answer)
    task_id = text(answer.get("result"))
    if not task_id:
        raise RelayError(ErrorKind.MALFORMED, detail="The submit answer holds no task id")
    properties = mapping(answer.get("properties"))
    return MjSubmit(
        task_id=task_id,
        code=code,
        description=description,
        needs_modal=code == NEEDS_MODAL,
        final_prompt=text(properties.get("finalPrompt")),
        properties=dict(properties),
    )


async def _submit(client: httpx.AsyncClient, path: str, body: dict[str, Any]) -> MjSubmit:
    return parse_submit(client, await request_json(client, "POST", path, json=body))


async def submit_imagine(
    client: httpx.AsyncClient,
    prompt: str,
    *,
    bot_type: str = "MID_JOURNEY",
    base64_array: Sequence[str] = (),
    mode_path: str = "",
) -> MjSubmit:
    body = {"botType": bot_type, "prompt": prompt, "base64Array": list(base64_array)}
    return await _submit(client, _path(mode_path, "/mj/submit/imagine"), body)


async def submit_action(
    client: httpx.AsyncClient, task_id: str, custom_id: str, mode_path: str = ""
) -> MjSubmit:
    body = {"customId": custom_id, "taskId": task_id}
    return await _submit(client, _path(mode_path, "/mj/submit/action"), body)


async def submit_modal(
    client: httpx.AsyncClient,
    task_id: str,
    prompt: str | None = None,
    mask_base64: str | None = None,
    mode_path: str = "",
) -> MjSubmit:
    body: dict[str, Any] = {"taskId": task_id}
    if prompt is not None:
        body["prompt"] = prompt
    if mask_base64 is not None:
        body["maskBase64"] = mask_base64
    return await _submit(client, _path(mode_path, "/mj/submit/modal"), body)


async def submit_blend(
    client: httpx.AsyncClient,
    base64_array: Sequence[str],
    *,
    bot_type: str = "MID_JOURNEY",
    dimensions: str = "SQUARE",
    mode_path: str = "",
) -> MjSubmit:
    if not 2 <= len(base64_array) <= 5:
        raise ValueError("Blend takes 2 to 5 images")
    body = {"botType": bot_type, "base64Array": list(base64_array), "dimensions": dimensions}
    return await _submit(client, _path(mode_path, "/mj/submit/blend"), body)


async def submit_describe(
    client: httpx.AsyncClient,
    base64: str,
    *,
    bot_type: str = "MID_JOURNEY",
    mode_path: str = "",
) -> MjSubmit:
    body = {"botType": bot_type, "base64": base64}
    return await _submit(client, _path(mode_path, "/mj/submit/describe"), body)


async def submit_shorten(
    client: httpx.AsyncClient,
    prompt: str,
    *,
    bot_type: str = "MID_JOURNEY",
    mode_path: str = "",
) -> MjSubmit:
    body = {"botType": bot_type, "prompt": prompt}
    return await _submit(client, _path(mode_path, "/mj/submit/shorten"), body)


def _task_object(client: httpx.AsyncClient, body: Any) -> Mapping[str, Any]:
    if body is None:
        # midjourney-proxy answers an unknown task id with 200 and null: a 404 in all but name.
        raise RelayError(ErrorKind.UPSTREAM, detail="The relay does not know this task", status=404)
    if not isinstance(body, Mapping):
        raise RelayError(ErrorKind.MALFORMED, detail="The task answer is not an object")
    if "status" not in body and "id" not in body:
        # Some builds wrap the task like a submit answer.
        if isinstance(body.get("result"), Mapping):
            return mapping(body["result"])
        raise body_error(client, body)
    return body


async def fetch_task(client: httpx.AsyncClient, task_id: str) -> RemoteTask:
    body = await request_json(client, "GET", f"/mj/task/{task_id}/fetch")
    return normalise_mj_task(_task_object(client, body))


async def list_tasks(client: httpx.AsyncClient, ids: Sequence[str]) -> list[RemoteTask]:
    body = await request_json(client, "POST", "/mj/task/list-by-condition", json={"ids": list(ids)})
    if isinstance(body, Mapping):
        body = body.get("result", body.get("data"))
    if not isinstance(body, list):
        raise RelayError(ErrorKind.MALFORMED, detail="The task list answer is not a list")
    return [normalise_mj_task(task) for task in objects(body)]


async def fetch_image_seed(client: httpx.AsyncClient, task_id: str) -> str:
    body = await request_json(client, "GET", f"/mj/task/{task_id}/image-seed")
    answer = mapping(body)
    seed = text(answer.get("result"))
    if integer(answer.get("code")) != SUBMITTED or not seed:
        raise body_error(client, answer)
    return seed


def _describe_prompts(prompt: str) -> list[MediaRef]:
    pieces = _KEYCAP.split(prompt)
    # split() gives [before, digit, text, digit, text, ...]
    refs = [
        MediaRef(
            MediaKind.TEXT, role="main", title=digit, text=body.strip(), meta={"index": int(digit)}
        )
        for digit, body in zip(pieces[1::2], pieces[2::2], strict=True)
        if body.strip()
    ]
    if not refs and prompt.strip():
        refs = [MediaRef(MediaKind.TEXT, text=prompt.strip())]
    return refs


def _actions(task: Mapping[str, Any]) -> tuple[TaskAction, ...]:
    return tuple(
        TaskAction(
            custom_id=text(button.get("customId")),
            label=text(button.get("label")),
            emoji=text(button.get("emoji")),
        )
        for button in objects(task.get("buttons"))
        if text(button.get("customId"))
    )


def normalise_mj_task(obj: Mapping[str, Any]) -> RemoteTask:
    status = text(obj.get("status")).upper()
    state = _STATES.get(status, TaskState.QUEUED)
    image_url = text(obj.get("imageUrl"))
    action = text(obj.get("action")).upper()
    properties = mapping(obj.get("properties"))
    prompt = text(obj.get("prompt")) or text(properties.get("finalPrompt"))
    outputs: tuple[MediaRef, ...] = ()
    if state is TaskState.SUCCEEDED:
        if action in ("DESCRIBE", "SHORTEN"):
            # Shorten answers with its candidate prompts numbered the same way.
            outputs = tuple(_describe_prompts(prompt or text(obj.get("promptEn"))))
        elif image_url:
            meta: dict[str, Any] = {
                "action": action,
                "prompt": prompt,
                "task_id": text(obj.get("id")),
            }
            created = parse_time(obj.get("submitTime"))
            if created is not None:
                meta["created"] = created
            outputs = (MediaRef(MediaKind.IMAGE, url=image_url, meta=meta),)
    progress = parse_progress(obj.get("progress"))
    if state is TaskState.SUCCEEDED and progress is None:
        progress = 100
    return RemoteTask(
        remote_id=text(obj.get("id")),
        state=state,
        progress=progress,
        outputs=outputs,
        error=text(obj.get("failReason")) if state is TaskState.FAILED else "",
        actions=_actions(obj) if state is TaskState.SUCCEEDED else (),
        preview_url=image_url if not state.is_terminal else "",
        raw=dict(obj),
    )
