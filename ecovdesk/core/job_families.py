"""One adapter per media family: how a job is submitted and polled, how often, and what
each of its outputs is. Everything here is built on the family modules in ``ecovdesk.api``;
the job service and the poller only ever talk to an adapter."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from types import MappingProxyType

import httpx

from ecovdesk.api import kling, luma, midjourney, runway, suno
from ecovdesk.api.kling import KlingKind
from ecovdesk.api.media import MediaKind, RemoteTask
from ecovdesk.api.values import text
from ecovdesk.core.catalogue import Family
from ecovdesk.core.domain import AssetKind, Attachment, Job
from ecovdesk.core.job_adapter import (
    MASK_NAME,
    Download,
    FamilyAdapter,
    JobRequest,
    PollTiming,
    Remember,
    Submitted,
    ref_meta,
    texts_of,
)
from ecovdesk.core.job_requests import (
    Params,
    build_mj_prompt,
    kling_kind,
    kling_request,
    luma_request,
    mj_bot_type,
    mj_image_prompts,
    mj_mode,
    param_text,
    runway_request,
    runway_video2video_request,
    suno_music_body,
)

__all__ = [
    "ADAPTERS",
    "JOB_FAMILIES",
    "MASK_NAME",
    "Download",
    "FamilyAdapter",
    "JobRequest",
    "Submitted",
    "adapter_for",
    "needs_modal",
]


class MidjourneyJobs(FamilyAdapter):
    family = Family.MIDJOURNEY
    timing = PollTiming(3.0, 5.0, slow_after=60.0)
    TASKS = ("imagine", "blend", "describe", "shorten")

    def kind_for(self, params: Params, attachments: Sequence[Attachment]) -> str:
        task = param_text(params, "task").lower()
        return task if task in self.TASKS else "imagine"

    async def submit(
        self, client: httpx.AsyncClient, request: JobRequest, remember: Remember
    ) -> Submitted:
        params, mode = request.params, mj_mode(request.params)
        bot = mj_bot_type(request.model)
        images, links = mj_image_prompts([a for a in request.attachments if a.name != MASK_NAME])
        final = ""
        if request.kind == "action":
            answer = await midjourney.submit_action(
                client,
                param_text(params, "parent_remote_id"),
                param_text(params, "custom_id"),
                mode,
            )
        elif request.kind == "blend":
            dimensions = param_text(params, "dimensions").upper() or "SQUARE"
            answer = await midjourney.submit_blend(
                client, images, bot_type=bot, dimensions=dimensions, mode_path=mode
            )
        elif request.kind == "describe":
            if not images:
                raise ValueError("Describe needs an attached picture")
            answer = await midjourney.submit_describe(
                client, images[0], bot_type=bot, mode_path=mode
            )
        elif request.kind == "shorten":
            answer = await midjourney.submit_shorten(
                client, request.prompt, bot_type=bot, mode_path=mode
            )
        else:
            final = " ".join([*links, build_mj_prompt(request.prompt, params, model=request.model)])
            answer = await midjourney.submit_imagine(
                client, final, bot_type=bot, base64_array=images, mode_path=mode
            )
        if answer.needs_modal:
            # The task exists from here on: its id must be kept before the second request.
            await remember(answer.task_id)
            mask = next((a.url for a in request.attachments if a.name == MASK_NAME), None)
            prompt = param_text(params, "modal_prompt") or answer.final_prompt or final or None
            answer = await midjourney.submit_modal(
                client, answer.task_id, prompt=prompt, mask_base64=mask, mode_path=mode
            )
        note = answer.description if answer.queued else ""
        return Submitted(answer.task_id, note, answer.final_prompt or final)

    async def fetch(self, client: httpx.AsyncClient, job: Job) -> RemoteTask:
        return await midjourney.fetch_task(client, job.remote_id)

    def result_params(self, task: RemoteTask) -> dict[str, object]:
        found = super().result_params(task)
        properties = task.raw.get("properties")
        final = text(properties.get("finalPrompt")) if isinstance(properties, Mapping) else ""
        final = final or text(task.raw.get("prompt"))
        if final:
            found["final_prompt"] = final
        return found

    def downloads(self, task: RemoteTask) -> list[Download]:
        action = text(task.raw.get("action")).lower()
        return [
            Download(d.kind, d.url, "grid" if action != "upscale" else "upscale", d.title, d.meta)
            for d in super().downloads(task)
        ]

    def summary(self, job: Job, task: RemoteTask) -> str:
        texts = texts_of(task)
        if texts:
            return "\n\n".join(texts)
        final = self.result_params(task).get("final_prompt")
        return final if isinstance(final, str) and final else job.prompt


class SunoJobs(FamilyAdapter):
    family = Family.SUNO
    timing = PollTiming(5.0, 10.0, slow_after=300.0)

    def kind_for(self, params: Params, attachments: Sequence[Attachment]) -> str:
        return "lyrics" if param_text(params, "task").lower() == "lyrics" else "music"

    async def submit(
        self, client: httpx.AsyncClient, request: JobRequest, remember: Remember
    ) -> Submitted:
        if request.kind == "lyrics":
            return Submitted(await suno.submit_lyrics(client, request.prompt))
        body = suno_music_body(request.model, request.prompt, request.params)
        return Submitted(await suno.submit_music(client, body))

    async def fetch(self, client: httpx.AsyncClient, job: Job) -> RemoteTask:
        return await suno.fetch(client, job.remote_id)

    def live_params(self, task: RemoteTask) -> dict[str, object]:
        streams = [r.url for r in task.outputs if r.kind is MediaKind.AUDIO and r.role == "stream"]
        return {"stream_urls": streams} if streams else {}

    def result_params(self, task: RemoteTask) -> dict[str, object]:
        lyrics = next((r for r in task.outputs if r.kind is MediaKind.TEXT), None)
        if lyrics is not None:
            return {"lyrics_result": lyrics.text, "lyrics_title": lyrics.title}
        clips = [
            {"clip_id": r.meta.get("clip_id", ""), "title": r.title, "audio_url": r.url}
            for r in task.outputs
            if r.kind is MediaKind.AUDIO and r.role == "main"
        ]
        return {"clips": clips} if clips else {}

    def downloads(self, task: RemoteTask) -> list[Download]:
        found: list[Download] = []
        for ref in task.outputs:
            if ref.kind is not MediaKind.AUDIO or ref.role != "main" or not ref.url:
                continue
            meta = ref_meta(ref, "clip_id", "tags")
            if ref.meta.get("prompt"):
                meta["lyrics"] = ref.meta["prompt"]
            found.append(Download(AssetKind.AUDIO, ref.url, "main", ref.title, meta, ref.duration))
            cover = text(ref.meta.get("image_large_url")) or text(ref.meta.get("image_url"))
            if cover:
                found.append(Download(AssetKind.IMAGE, cover, "cover", ref.title, meta))
            video = text(ref.meta.get("video_url"))
            if video:
                found.append(
                    Download(AssetKind.VIDEO, video, "video", ref.title, meta, ref.duration)
                )
        return found

    def summary(self, job: Job, task: RemoteTask) -> str:
        lyrics = next((r for r in task.outputs if r.kind is MediaKind.TEXT), None)
        if lyrics is not None:
            return "\n\n".join(part for part in (lyrics.title, lyrics.text) if part)
        clips = [r for r in task.outputs if r.kind is MediaKind.AUDIO]
        titles = " / ".join(dict.fromkeys(r.title for r in clips if r.title))
        words = next((text(r.meta.get("prompt")) for r in clips if r.meta.get("prompt")), "")
        return "\n\n".join(part for part in (titles, words) if part) or job.prompt


class LumaJobs(FamilyAdapter):
    family = Family.LUMA
    timing = PollTiming(5.0, 10.0, slow_after=300.0)

    def kind_for(self, params: Params, attachments: Sequence[Attachment]) -> str:
        return "extend" if param_text(params, "task").lower() == "extend" else "generate"

    async def submit(
        self, client: httpx.AsyncClient, request: JobRequest, remember: Remember
    ) -> Submitted:
        body = luma_request(request.prompt, request.params, request.attachments)
        if request.kind == "extend":
            source = param_text(request.params, "extend_id")
            if not source:
                raise ValueError("Extending a Luma video needs extend_id")
            return Submitted(await luma.extend(client, source, body))
        return Submitted(await luma.submit(client, body))

    async def fetch(self, client: httpx.AsyncClient, job: Job) -> RemoteTask:
        return await luma.fetch(client, job.remote_id)


class RunwayJobs(FamilyAdapter):
    family = Family.RUNWAY
    timing = PollTiming(5.0, 10.0, slow_after=120.0)

    def kind_for(self, params: Params, attachments: Sequence[Attachment]) -> str:
        return "video2video" if param_text(params, "task").lower() == "video2video" else "generate"

    async def submit(
        self, client: httpx.AsyncClient, request: JobRequest, remember: Remember
    ) -> Submitted:
        args = (request.model, request.prompt, request.params, request.attachments)
        if request.kind == "video2video":
            return Submitted(
                await runway.submit_video2video(client, runway_video2video_request(*args))
            )
        return Submitted(await runway.submit(client, runway_request(*args)))

    async def fetch(self, client: httpx.AsyncClient, job: Job) -> RemoteTask:
        return await runway.fetch(client, job.remote_id)


_KLING_KINDS: Mapping[str, KlingKind] = MappingProxyType(
    {"text2video": "text2video", "image2video": "image2video", "images": "images"}
)


class KlingJobs(FamilyAdapter):
    family = Family.KLING
    timing = PollTiming(5.0, 10.0, slow_after=300.0)

    def kind_for(self, params: Params, attachments: Sequence[Attachment]) -> str:
        return kling_kind(params, attachments)

    async def submit(
        self, client: httpx.AsyncClient, request: JobRequest, remember: Remember
    ) -> Submitted:
        kind, body = kling_request(
            request.model, request.prompt, request.params, request.attachments
        )
        return Submitted(await kling.submit(client, kind, body))

    async def fetch(self, client: httpx.AsyncClient, job: Job) -> RemoteTask:
        return await kling.fetch(client, _KLING_KINDS.get(job.kind, "text2video"), job.remote_id)


ADAPTERS: Mapping[Family, FamilyAdapter] = MappingProxyType(
    {
        adapter.family: adapter
        for adapter in (MidjourneyJobs(), SunoJobs(), LumaJobs(), RunwayJobs(), KlingJobs())
    }
)
JOB_FAMILIES = frozenset(ADAPTERS)


def adapter_for(family: str) -> FamilyAdapter:
    try:
        return ADAPTERS[Family(family)]
    except (ValueError, KeyError):
        raise ValueError(f"{family} is not a media job family") from None


def needs_modal(custom_id: str) -> bool:
    """Midjourney buttons that ask for a prompt (Custom Zoom) or a mask (Vary Region)
    before they run; the UI collects those first and passes them to ``action``."""
    return custom_id.startswith(("MJ::CustomZoom::", "MJ::Inpaint::"))
