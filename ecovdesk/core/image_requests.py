"""Picture requests: the body each image family expects, built from the picture options,
and what the relay's answer says beyond the pictures themselves."""

from __future__ import annotations

from typing import Any

import httpx

from ecovdesk.api.errors import ErrorKind, RelayError
from ecovdesk.api.ideogram import generate_ideogram, ideogram_body
from ecovdesk.api.images import dalle_body, flux_body, generate_images, recraft_body
from ecovdesk.api.media import MediaRef
from ecovdesk.core.catalogue import Family
from ecovdesk.core.domain import ImageOptions

IMAGE_FAMILIES = frozenset({Family.OPENAI_IMAGES, Family.IDEOGRAM})
# Keys of a request body that provenance records elsewhere (prompt, model).
_NOT_PARAMS = frozenset({"prompt", "model"})


def openai_images_body(model: str, prompt: str, options: ImageOptions) -> dict[str, Any]:
    """The ``/v1/images/generations`` body in the dialect the model's vendor expects."""
    name = model.lower()
    count = max(1, options.count)
    if name.startswith("dall-e"):
        return dalle_body(
            prompt,
            size=options.size or "1024x1024",
            quality=options.quality or "standard",
            style=options.style or "vivid",
            # DALL·E 3 refuses any other count.
            n=1 if name == "dall-e-3" else count,
            model=model,
        )
    if name.startswith("recraft"):
        return recraft_body(
            prompt,
            model,
            size=options.size or "1024x1024",
            style=options.style or None,
            substyle=options.substyle or None,
            n=min(count, 2),
        )
    return flux_body(
        prompt,
        model,
        size=options.size or None,
        aspect_ratio=options.aspect_ratio or None,
        n=count,
        seed=options.seed,
    )


def ideogram_request_body(model: str, prompt: str, options: ImageOptions) -> dict[str, Any]:
    try:
        return ideogram_body(
            prompt,
            model,
            aspect_ratio=options.aspect_ratio or None,
            magic_prompt=options.magic_prompt or "AUTO",
            seed=options.seed,
            style_type=options.style_type or None,
            negative_prompt=options.negative_prompt or None,
        )
    except ValueError as exc:
        raise RelayError(ErrorKind.MODEL_UNAVAILABLE, detail=str(exc)) from exc


def revised_prompts(refs: list[MediaRef], prompt: str) -> str:
    """What the service rewrote the prompt into, once per distinct rewrite."""
    seen: dict[str, None] = {}
    for ref in refs:
        for key in ("revised_prompt", "prompt"):
            value = ref.meta.get(key)
            if isinstance(value, str) and value.strip() and value.strip() != prompt.strip():
                seen.setdefault(value.strip(), None)
    return "\n\n".join(seen)


async def request_images(
    client: httpx.AsyncClient, family: Family, model: str, prompt: str, options: ImageOptions
) -> tuple[list[MediaRef], dict[str, object]]:
    """The pictures the relay answered with, and the options that were actually sent."""
    if family is Family.IDEOGRAM:
        body = ideogram_request_body(model, prompt, options)
        refs = await generate_ideogram(client, body)
        sent: dict[str, Any] = body["image_request"]
    elif family is Family.OPENAI_IMAGES:
        sent = openai_images_body(model, prompt, options)
        refs = await generate_images(client, sent)
    else:
        raise ValueError(f"{model} is not a picture model")
    return refs, {key: value for key, value in sent.items() if key not in _NOT_PARAMS}
