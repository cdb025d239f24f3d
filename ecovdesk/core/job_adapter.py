"""What every media family adapter offers the job service and the poller, and the small
records they exchange: the request, the submit answer, the poll timing, the files."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass, field
from types import MappingProxyType

import httpx

from ecovdesk.api.media import MediaKind, MediaRef, RemoteTask
from ecovdesk.core.catalogue import Family
from ecovdesk.core.domain import AssetKind, Attachment, Job
from ecovdesk.core.job_requests import Params

# An attachment with this name is the Vary Region mask, not an image prompt.
MASK_NAME = "mask"

Remember = Callable[[str], Awaitable[None]]

_ASSET_KINDS: Mapping[MediaKind, AssetKind] = MappingProxyType(
    {
        MediaKind.IMAGE: AssetKind.IMAGE,
        MediaKind.AUDIO: AssetKind.AUDIO,
        MediaKind.VIDEO: AssetKind.VIDEO,
    }
)


@dataclass(frozen=True)
class JobRequest:
    kind: str
    model: str
    prompt: str
    params: Params
    attachments: Sequence[Attachment] = ()


@dataclass(frozen=True)
class Submitted:
    remote_id: str
    # Midjourney's code 22: accepted, waiting behind others ("排队中，前面还有1个任务").
    queue_note: str = ""
    final_prompt: str = ""


@dataclass(frozen=True)
class PollTiming:
    """How often to look: ``interval`` at first, ``slow_interval`` once a job is older
    than ``slow_after`` seconds (long renders need no second-by-second watching)."""

    interval: float
    slow_interval: float
    slow_after: float = 120.0

    def interval_for(self, age: float) -> float:
        return self.interval if age < self.slow_after else self.slow_interval


@dataclass(frozen=True)
class Download:
    """One file of a finished job, and what the library should call it."""

    kind: AssetKind
    url: str
    role: str = "main"
    title: str = ""
    meta: Mapping[str, object] = field(default_factory=dict)
    # Seconds, for songs and videos whose relay says how long they are.
    duration: float | None = None


def texts_of(task: RemoteTask) -> list[str]:
    return [ref.text for ref in task.outputs if ref.kind is MediaKind.TEXT and ref.text]


def ref_meta(ref: MediaRef, *keys: str) -> dict[str, object]:
    return {key: ref.meta[key] for key in keys if ref.meta.get(key) not in (None, "")}


class FamilyAdapter:
    family: Family
    timing: PollTiming
    # None of the families the relay documents offers a cancel route; an adapter that
    # gains one overrides ``cancel`` and sets this.
    cancels_remotely = False

    def kind_for(self, params: Params, attachments: Sequence[Attachment]) -> str:
        raise NotImplementedError

    async def submit(
        self, client: httpx.AsyncClient, request: JobRequest, remember: Remember
    ) -> Submitted:
        raise NotImplementedError

    async def fetch(self, client: httpx.AsyncClient, job: Job) -> RemoteTask:
        raise NotImplementedError

    async def cancel(self, client: httpx.AsyncClient, job: Job) -> None:
        return None

    def live_params(self, task: RemoteTask) -> dict[str, object]:
        """Results worth showing before the job ends (Suno's playable streams)."""
        return {}

    def result_params(self, task: RemoteTask) -> dict[str, object]:
        """What a finished task adds to the job beyond its files."""
        texts = texts_of(task)
        return {"texts": texts} if texts else {}

    def downloads(self, task: RemoteTask) -> list[Download]:
        found: list[Download] = []
        for ref in task.outputs:
            kind = _ASSET_KINDS.get(ref.kind)
            if kind is not None and ref.url:
                meta = ref_meta(ref, "width", "height", "video_id", "index")
                found.append(Download(kind, ref.url, ref.role, ref.title, meta, ref.duration))
        return found

    def summary(self, job: Job, task: RemoteTask) -> str:
        """The assistant message's text once the job is done."""
        return "\n\n".join(texts_of(task)) or job.prompt
