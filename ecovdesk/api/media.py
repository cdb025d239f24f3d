"""Normalised results shared by every media family: task state, outputs, follow-up actions."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any

from ecovdesk.api.values import number


class TaskState(StrEnum):
    QUEUED = "queued"
    RUNNING = "running"
    SUCCEEDED = "succeeded"
    FAILED = "failed"
    CANCELLED = "cancelled"

    @property
    def is_terminal(self) -> bool:
        return self in (TaskState.SUCCEEDED, TaskState.FAILED, TaskState.CANCELLED)


class MediaKind(StrEnum):
    IMAGE = "image"
    AUDIO = "audio"
    VIDEO = "video"
    TEXT = "text"


@dataclass(frozen=True)
class MediaRef:
    kind: MediaKind
    url: str = ""
    # Decoded bytes when the relay answered with base64 instead of a URL.
    data: bytes | None = field(default=None, repr=False)
    role: str = "main"
    title: str = ""
    text: str = ""
    duration: float | None = None
    meta: Mapping[str, Any] = field(default_factory=dict, hash=False)


@dataclass(frozen=True)
class TaskAction:
    custom_id: str
    label: str
    emoji: str = ""


@dataclass(frozen=True)
class RemoteTask:
    remote_id: str
    state: TaskState
    progress: int | None = None
    outputs: tuple[MediaRef, ...] = ()
    # The relay's own words on a failure, shown to the user as such; empty when it gave
    # none (the client says in the user's language what kind of failure it was).
    error: str = ""
    actions: tuple[TaskAction, ...] = ()
    preview_url: str = ""
    wait_seconds: float | None = None
    raw: Mapping[str, Any] = field(default_factory=dict, hash=False, repr=False)


# Status words seen across the task families; each family may add its own first.
_STATE_WORDS: Mapping[str, TaskState] = {
    "not_start": TaskState.QUEUED,
    "submitted": TaskState.QUEUED,
    "queued": TaskState.QUEUED,
    "queueing": TaskState.QUEUED,
    "pending": TaskState.QUEUED,
    "waiting": TaskState.QUEUED,
    "modal": TaskState.QUEUED,
    "in_progress": TaskState.RUNNING,
    "processing": TaskState.RUNNING,
    "running": TaskState.RUNNING,
    "dreaming": TaskState.RUNNING,
    "generating": TaskState.RUNNING,
    "streaming": TaskState.RUNNING,
    "success": TaskState.SUCCEEDED,
    "succeed": TaskState.SUCCEEDED,
    "succeeded": TaskState.SUCCEEDED,
    "completed": TaskState.SUCCEEDED,
    "complete": TaskState.SUCCEEDED,
    "finished": TaskState.SUCCEEDED,
    "failure": TaskState.FAILED,
    "failed": TaskState.FAILED,
    "fail": TaskState.FAILED,
    "error": TaskState.FAILED,
    "cancel": TaskState.CANCELLED,
    "cancelled": TaskState.CANCELLED,
    "canceled": TaskState.CANCELLED,
}


def state_from_word(value: Any, default: TaskState = TaskState.QUEUED) -> TaskState:
    """The task state a status word stands for; unknown words keep the task alive."""
    if not isinstance(value, str):
        return default
    word = value.strip().lower().replace(" ", "_").replace("-", "_")
    return _STATE_WORDS.get(word, default)


def parse_progress(value: Any) -> int | None:
    """Percent done from ``"45%"``, ``45``, ``"45"`` or ``45.5``, clamped to 0..100."""
    if isinstance(value, str):
        value = value.strip().removesuffix("%")
    result = number(value)
    if result is None:
        return None
    return max(0, min(100, int(result)))


# Unix times after this many seconds are really milliseconds (year 5138 in seconds).
_MS_THRESHOLD = 1e11
_LONG_FRACTION = re.compile(r"(\.\d{6})\d+")


def parse_time(value: Any) -> float | None:
    """Unix seconds from unix seconds, unix milliseconds, a numeric string or ISO-8601.

    Zero and negative values mean "not set yet" in every task format, so they give None.
    """
    seconds = number(value)
    if seconds is None and isinstance(value, str) and value.strip():
        seconds = _parse_iso(value.strip())
    if seconds is None or seconds <= 0:
        return None
    return seconds / 1000 if seconds > _MS_THRESHOLD else seconds


def _parse_iso(value: str) -> float | None:
    # Python 3.10 accepts neither "Z" nor Go's nanosecond fractions.
    value = _LONG_FRACTION.sub(r"\1", value)
    if value[-1:] in ("Z", "z"):
        value = value[:-1] + "+00:00"
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.timestamp()


def as_url(value: Any) -> str:
    """A URL given either as a string or as an object with a ``url`` field."""
    if isinstance(value, Mapping):
        value = value.get("url")
    return value.strip() if isinstance(value, str) else ""
