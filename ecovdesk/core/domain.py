"""Plain data the services hand to the UI: conversations, messages, attachments."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from pathlib import Path


class Role(enum.StrEnum):
    SYSTEM = "system"
    USER = "user"
    ASSISTANT = "assistant"


class MessageState(enum.StrEnum):
    DONE = "done"
    STREAMING = "streaming"
    INTERRUPTED = "interrupted"
    FAILED = "failed"


class AttachmentKind(enum.StrEnum):
    IMAGE = "image"
    FILE = "file"


@dataclass(frozen=True)
class Attachment:
    kind: AttachmentKind
    url: str
    name: str = ""
    # A picture's small copy (a data URL) for the sent message to show; never sent on.
    thumbnail: str = ""


@dataclass(frozen=True)
class Usage:
    prompt_tokens: int
    completion_tokens: int
    total_tokens: int
    reasoning_tokens: int | None = None


@dataclass
class Message:
    id: int
    conversation_id: int
    role: Role
    content: str = ""
    reasoning: str = ""
    model: str = ""
    state: MessageState = MessageState.DONE
    error_kind: str | None = None
    error_text: str | None = None
    usage: Usage | None = None
    attachments: list[Attachment] = field(default_factory=list)
    created_at: float = 0.0


@dataclass
class ChatOptions:
    system_prompt: str = ""
    temperature: float | None = None
    max_tokens: int | None = None
    use_search: bool = False


@dataclass
class Conversation:
    id: int
    title: str
    model: str
    options: ChatOptions = field(default_factory=ChatOptions)
    created_at: float = 0.0
    updated_at: float = 0.0


@dataclass(frozen=True)
class SearchHit:
    conversation_id: int
    message_id: int
    title: str
    snippet: str


class AssetKind(enum.StrEnum):
    IMAGE = "image"
    AUDIO = "audio"
    VIDEO = "video"


@dataclass(frozen=True)
class Provenance:
    """Where a library file came from, kept with it for good."""

    kind: AssetKind
    prompt: str = ""
    model: str = ""
    params: dict[str, object] = field(default_factory=dict)
    conversation_id: int | None = None
    message_id: int | None = None
    job_id: int | None = None


@dataclass(frozen=True)
class Asset:
    id: int
    kind: AssetKind
    path: Path
    mime: str
    size: int
    sha256: str
    provenance: Provenance
    source_url: str = ""
    thumbnail: Path | None = None
    width: int | None = None
    height: int | None = None
    duration: float | None = None
    created_at: float = 0.0


@dataclass
class ImageOptions:
    """What the picture models take; each family reads the fields it understands."""

    size: str = ""
    aspect_ratio: str = ""
    count: int = 1
    quality: str = ""
    style: str = ""
    substyle: str = ""
    negative_prompt: str = ""
    seed: int | None = None
    magic_prompt: str = ""
    style_type: str = ""


class JobState(enum.StrEnum):
    SUBMITTING = "submitting"  # stored, request on its way, no remote id yet
    UNCERTAIN = "uncertain"  # died between sending and receiving an id: never resubmitted alone
    QUEUED = "queued"
    RUNNING = "running"
    SUCCEEDED = "succeeded"
    FAILED = "failed"
    CANCELLED = "cancelled"
    EXPIRED = "expired"

    @property
    def is_active(self) -> bool:
        return self in (JobState.SUBMITTING, JobState.QUEUED, JobState.RUNNING)

    @property
    def is_final(self) -> bool:
        return self in (JobState.SUCCEEDED, JobState.FAILED, JobState.CANCELLED, JobState.EXPIRED)


@dataclass(frozen=True)
class JobAction:
    """A follow-up the relay offers on a finished job (Midjourney's U1…V4, zoom, pan…)."""

    custom_id: str
    label: str
    emoji: str = ""


@dataclass
class Job:
    id: int
    family: str  # a catalogue Family value: "midjourney", "suno", "luma", "runway", "kling"
    model: str
    prompt: str
    params: dict[str, object] = field(default_factory=dict)
    state: JobState = JobState.SUBMITTING
    remote_id: str = ""
    progress: int | None = None
    preview_url: str = ""
    error: str = ""
    actions: list[JobAction] = field(default_factory=list)
    conversation_id: int | None = None
    message_id: int | None = None
    parent_job_id: int | None = None
    created_at: float = 0.0
    updated_at: float = 0.0
    finished_at: float | None = None
    # What the job asks of its family: "imagine", "action", "music", "lyrics", "text2video"…
    kind: str = ""
