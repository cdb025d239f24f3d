"""Request bodies for the media families, built from the option panels' params.

Params are plain JSON values chosen by the UI; each builder reads the keys its family
understands and ignores the rest, so one params dict can travel unchanged into storage,
the library's provenance and a later retry.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

from ecovdesk.api import kling, luma, runway, suno
from ecovdesk.api.kling import KlingKind
from ecovdesk.api.midjourney import MODES
from ecovdesk.core.domain import Attachment, AttachmentKind

Params = Mapping[str, object]

NIJI_MODEL = "niji"
BOT_MIDJOURNEY = "MID_JOURNEY"
BOT_NIJI = "NIJI_JOURNEY"

# (params key, flag, other spellings of the flag a user may already have typed)
_MJ_VALUE_FLAGS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("aspect_ratio", "ar", ("aspect",)),
    ("stylize", "s", ("stylize",)),
    ("chaos", "c", ("chaos",)),
    ("quality", "q", ("quality",)),
    ("weird", "w", ("weird",)),
    ("seed", "seed", ()),
    ("no", "no", ()),
    ("style_weight", "sw", ()),
    ("character_weight", "cw", ()),
    ("image_weight", "iw", ()),
)
_MJ_LIST_FLAGS = (("sref", "sref"), ("cref", "cref"))


# --- reading params -----------------------------------------------------------------------


def param_text(params: Params, key: str) -> str:
    value = params.get(key)
    if isinstance(value, bool) or value is None:
        return ""
    if isinstance(value, (list, tuple)):
        # Lists come from multi-value fields such as Midjourney's --no.
        return ", ".join(str(item).strip() for item in value if str(item).strip())
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def param_flag(params: Params, key: str, default: bool = False) -> bool:
    value = params.get(key)
    if isinstance(value, str):
        return value.strip().lower() in ("1", "true", "yes", "on")
    if isinstance(value, (bool, int, float)):
        return bool(value)
    return default


def param_number(params: Params, key: str) -> float | None:
    value = params.get(key)
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return float(value)
    if isinstance(value, str):
        try:
            return float(value.strip())
        except ValueError:
            return None
    return None


def param_urls(params: Params, key: str) -> list[str]:
    """A list of links given as a list or as one string separated by spaces or commas."""
    value = params.get(key)
    items = value if isinstance(value, list) else re.split(r"[\s,]+", param_text(params, key))
    return [str(item).strip() for item in items if str(item).strip()]


def image_urls(attachments: Sequence[Attachment]) -> list[str]:
    return [a.url for a in attachments if a.kind is AttachmentKind.IMAGE and a.url]


def second_image(params: Params, key: str, attachments: Sequence[Attachment]) -> str:
    """The image under ``key`` in params, else the second attached picture (a last frame)."""
    return param_text(params, key) or next(iter(image_urls(attachments)[1:]), "")


def first_image(params: Params, key: str, attachments: Sequence[Attachment]) -> str:
    """The image under ``key`` in params, else the first attached picture."""
    return param_text(params, key) or next(iter(image_urls(attachments)), "")


# --- Midjourney ---------------------------------------------------------------------------


def _has_flag(prompt: str, names: Sequence[str]) -> bool:
    return any(re.search(rf"(^|\s)--{re.escape(n)}(\s|$)", prompt) for n in names)


def _version_flag(options: Params, model: str) -> tuple[str, str, tuple[str, ...]]:
    """The one model-version flag: ``--v``, or ``--niji`` (Midjourney refuses both)."""
    version = param_text(options, "version")
    if model == NIJI_MODEL:
        return "niji", version, ()
    niji = param_text(options, "niji")
    if niji or param_flag(options, "niji"):
        return "niji", niji, ("v", "version")
    return "v", version, ("version", "niji")


def build_mj_prompt(prompt: str, options: Mapping[str, object], *, model: str = "") -> str:
    """The prompt with the options panel's parameters appended as ``--`` flags.

    A flag the user already typed wins over the panel. With the Niji model the version
    becomes ``--niji <version>``; ``niji`` set for Midjourney gives ``--niji`` instead of
    ``--v``.
    """
    text = " ".join(prompt.split())
    flags: list[str] = []
    flag, value, aliases = _version_flag(options, model)
    wants_bare_niji = flag == "niji" and not value and model != NIJI_MODEL
    if (value or wants_bare_niji) and not _has_flag(text, (flag, *aliases)):
        flags.append(f"--{flag} {value}".rstrip())
    for key, flag, aliases in _MJ_VALUE_FLAGS:
        value = param_text(options, key)
        if value and not _has_flag(text, (flag, *aliases)):
            flags.append(f"--{flag} {value}")
    if param_flag(options, "raw") and not _has_flag(text, ("style",)):
        flags.append("--style raw")
    if param_flag(options, "tile") and not _has_flag(text, ("tile",)):
        flags.append("--tile")
    for key, flag in _MJ_LIST_FLAGS:
        urls = param_urls(options, key)
        if urls and not _has_flag(text, (flag,)):
            flags.append(f"--{flag} {' '.join(urls)}")
    return " ".join(part for part in (text, *flags) if part)


def mj_bot_type(model: str) -> str:
    return BOT_NIJI if model == NIJI_MODEL else BOT_MIDJOURNEY


def mj_mode(params: Params) -> str:
    """The relay's speed path ("", "fast", "relax", "turbo"); unknown values mean default."""
    mode = param_text(params, "mode").lower()
    return mode if mode in MODES else ""


def mj_image_prompts(attachments: Sequence[Attachment]) -> tuple[list[str], list[str]]:
    """Attached pictures split into data URLs (sent as ``base64Array``) and web links
    (which Midjourney reads at the start of the prompt)."""
    data = [url for url in image_urls(attachments) if url.startswith("data:")]
    links = [url for url in image_urls(attachments) if url.startswith(("http://", "https://"))]
    return data, links


# --- Suno ---------------------------------------------------------------------------------


def suno_music_body(model: str, prompt: str, params: Params) -> dict[str, Any]:
    """Inspiration (a description), custom (lyrics, title, style) or continuing a clip."""
    mode = param_text(params, "mode").lower() or "inspiration"
    mv = model if model.startswith("chirp-") else suno.DEFAULT_MV
    instrumental = param_flag(params, "instrumental")
    if mode == "continue":
        clip_id = param_text(params, "continue_clip_id")
        if not clip_id:
            raise ValueError("Continuing a song needs continue_clip_id")
        body = suno.continuation_body(
            clip_id,
            param_number(params, "continue_at") or 0.0,
            task_id=param_text(params, "continue_task_id") or None,
            lyrics=param_text(params, "lyrics") or prompt,
            title=param_text(params, "title"),
            tags=param_text(params, "tags"),
            mv=mv,
        )
        if instrumental:
            body["make_instrumental"] = True
        return body
    if mode == "custom":
        return suno.custom_body(
            "" if instrumental else (param_text(params, "lyrics") or prompt),
            title=param_text(params, "title"),
            tags=param_text(params, "tags"),
            mv=mv,
            negative_tags=param_text(params, "negative_tags") or None,
            instrumental=instrumental,
        )
    description = param_text(params, "description") or prompt
    return suno.inspiration_body(description, mv=mv, instrumental=instrumental)


# --- video --------------------------------------------------------------------------------


def luma_request(prompt: str, params: Params, attachments: Sequence[Attachment]) -> dict[str, Any]:
    return luma.luma_body(
        prompt,
        aspect_ratio=param_text(params, "aspect_ratio") or "16:9",
        loop=param_flag(params, "loop"),
        expand_prompt=param_flag(params, "expand_prompt", default=True),
        image_url=first_image(params, "image_url", attachments) or None,
        image_end_url=second_image(params, "image_end_url", attachments) or None,
        model_name=param_text(params, "model_name") or None,
        duration=param_text(params, "duration") or None,
        resolution=param_text(params, "resolution") or None,
    )


def runway_model(model: str) -> str:
    """``gen2``/``gen3``/``gen4`` from a catalogue id such as ``runway-gen3``."""
    found = re.search(r"gen\d+", model.lower())
    return found.group(0) if found else "gen3"


def _motion_vector(params: Params) -> dict[str, float] | None:
    value = params.get("motion_vector")
    if not isinstance(value, Mapping):
        return None
    return {str(k): float(v) for k, v in value.items() if isinstance(v, (int, float))}


def runway_request(
    model: str, prompt: str, params: Params, attachments: Sequence[Attachment]
) -> dict[str, Any]:
    seconds = param_number(params, "seconds")
    return runway.runway_body(
        prompt,
        model=runway_model(model),
        ratio=param_text(params, "ratio") or "16:9",
        style=param_text(params, "style") or "cinematic",
        seconds=int(seconds) if seconds else 10,
        image=first_image(params, "image", attachments) or None,
        motion_vector=_motion_vector(params),
    )


def runway_video2video_request(
    model: str, prompt: str, params: Params, attachments: Sequence[Attachment]
) -> dict[str, Any]:
    video = param_text(params, "video")
    if not video:
        raise ValueError("Video to video needs a video link")
    return runway.video2video_body(
        video,
        prompt=prompt,
        image=first_image(params, "image", attachments) or None,
        model=runway_model(model),
        structure_transformation=param_number(params, "structure_transformation"),
        motion_multiplier=param_number(params, "motion_multiplier"),
        flip=param_flag(params, "flip") if "flip" in params else None,
    )


def kling_kind(params: Params, attachments: Sequence[Attachment]) -> KlingKind:
    if param_text(params, "task").lower() in ("images", "image", "kolors"):
        return "images"
    return "image2video" if first_image(params, "image", attachments) else "text2video"


def kling_request(
    model: str, prompt: str, params: Params, attachments: Sequence[Attachment]
) -> tuple[KlingKind, dict[str, Any]]:
    kind = kling_kind(params, attachments)
    model_name = param_text(params, "model_name") or model
    negative = param_text(params, "negative_prompt") or None
    cfg_scale = param_number(params, "cfg_scale")
    mode = param_text(params, "mode") or "std"
    duration = param_text(params, "duration") or "5"
    image = first_image(params, "image", attachments)
    if kind == "images":
        count = param_number(params, "n")
        return kind, kling.kolors_body(
            prompt,
            model_name=model_name,
            negative_prompt=negative,
            image=image or None,
            image_fidelity=param_number(params, "image_fidelity"),
            n=int(count) if count else 1,
            aspect_ratio=param_text(params, "aspect_ratio") or "1:1",
        )
    if kind == "image2video":
        return kind, kling.image2video_body(
            image,
            prompt,
            model_name=model_name,
            image_tail=second_image(params, "image_tail", attachments) or None,
            negative_prompt=negative,
            cfg_scale=cfg_scale,
            mode=mode,
            duration=duration,
        )
    camera = params.get("camera_control")
    return kind, kling.text2video_body(
        prompt,
        model_name=model_name,
        negative_prompt=negative,
        cfg_scale=cfg_scale,
        mode=mode,
        aspect_ratio=param_text(params, "aspect_ratio") or "16:9",
        duration=duration,
        camera_control=camera if isinstance(camera, Mapping) else None,
    )
