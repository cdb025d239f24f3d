"""Synchronous image endpoints: OpenAI images, Recraft native and Ideogram."""

from __future__ import annotations

import base64
import random
import secrets
import time
import uuid
from datetime import UTC, datetime
from typing import Any

from .context import Ctx, Route, route

VECTOR_WORDS = ("vector", "icon")
IDEOGRAM_SIZES = {
    "ASPECT_1_1": "1024x1024", "ASPECT_16_9": "1312x736", "ASPECT_9_16": "736x1312",
    "ASPECT_10_16": "800x1280", "ASPECT_16_10": "1280x800", "ASPECT_3_2": "1248x832",
    "ASPECT_2_3": "832x1248", "ASPECT_4_3": "1152x864", "ASPECT_3_4": "864x1152",
    "ASPECT_1_3": "576x1728", "ASPECT_3_1": "1728x576",
}  # fmt: skip


def _count(value: Any, upper: int) -> int:
    try:
        return min(upper, max(1, int(value)))
    except (TypeError, ValueError):
        return 1


def _policy_error(ctx: Ctx) -> None:
    ctx.error(
        400,
        "Your request was rejected as a result of our safety system. "
        "Your prompt may contain text that is not allowed by our safety system.",
        code="content_policy_violation",
    )


def _revised(prompt: str) -> str:
    return f"A detailed, colourful illustration of {prompt}, soft lighting, high detail."


def _b64_png(ctx: Ctx, name: str) -> str:
    return base64.b64encode(ctx.relay.media.image(name, fmt="PNG")).decode("ascii")


def _recraft_items(ctx: Ctx, n: int, style: str, b64: bool) -> list[dict[str, Any]]:
    vector = any(word in style.lower() for word in VECTOR_WORDS)
    items = []
    for _ in range(n):
        image_id = str(uuid.uuid4())
        name = f"recraft-{image_id}.svg" if vector else f"recraft-{image_id}.png"
        item: dict[str, Any] = {"image_id": image_id}
        if b64 and not vector:
            item["b64_json"] = _b64_png(ctx, name)
        else:
            item["url"] = ctx.file_url(name)
        items.append(item)
    return items


def images_generations(ctx: Ctx) -> None:
    body = ctx.body
    prompt = body.get("prompt")
    if not isinstance(prompt, str) or not prompt.strip():
        ctx.error(400, "prompt is required")
        return
    if "banned" in prompt.lower():
        _policy_error(ctx)
        return
    model = str(body.get("model") or "dall-e-3").lower()
    b64 = body.get("response_format") == "b64_json"
    ctx.pause(ctx.relay.image_delay)
    if model.startswith("recraft") or ctx.req.path.startswith("/recraft/"):
        n = _count(body.get("n"), 2)
        data = _recraft_items(ctx, n, str(body.get("style") or ""), b64)
    elif model.startswith("flux"):
        data = []
        for _ in range(_count(body.get("n"), 4)):
            name = f"flux-{uuid.uuid4().hex}.jpeg"
            data.append({"b64_json": _b64_png(ctx, name)} if b64 else {"url": ctx.file_url(name)})
    else:
        data = []
        for _ in range(_count(body.get("n"), 4)):
            name = f"img-{secrets.token_urlsafe(18)}.png"
            item = {"revised_prompt": _revised(prompt)}
            if b64:
                item = {"b64_json": _b64_png(ctx, name), **item}
            else:
                item["url"] = ctx.file_url(name)
            data.append(item)
    ctx.reply(200, {"created": int(time.time()), "data": data})


def images_edit(ctx: Ctx) -> None:
    ctx.pause(ctx.relay.image_delay)
    name = f"img-edit-{secrets.token_urlsafe(12)}.png"
    ctx.reply(200, {"created": int(time.time()), "data": [{"url": ctx.file_url(name)}]})


def ideogram_generate(ctx: Ctx) -> None:
    request = ctx.body.get("image_request")
    prompt = request.get("prompt") if isinstance(request, dict) else None
    if not isinstance(request, dict) or not isinstance(prompt, str) or not prompt.strip():
        ctx.error(400, "image_request.prompt is required")
        return
    if "banned" in prompt.lower():
        _policy_error(ctx)
        return
    ctx.pause(ctx.relay.image_delay)
    resolution = str(request.get("resolution") or "")
    if resolution.startswith("RESOLUTION_"):
        size = resolution[len("RESOLUTION_") :].replace("_", "x")
    else:
        size = IDEOGRAM_SIZES.get(str(request.get("aspect_ratio") or "ASPECT_1_1"), "1024x1024")
    magic = str(request.get("magic_prompt_option") or "AUTO").upper()
    final_prompt = prompt if magic == "OFF" else _revised(prompt)
    seed = request.get("seed")
    data = []
    for _ in range(_count(request.get("num_images"), 4)):
        token = secrets.token_urlsafe(16)
        expires = int(time.time()) + 86400
        url = ctx.file_url(f"ideogram-{token}.png") + f"?exp={expires}&sig={secrets.token_hex(32)}"
        data.append({
            "is_image_safe": True,
            "prompt": final_prompt,
            "resolution": size,
            "seed": seed if isinstance(seed, int) else random.randint(1, 2**31 - 1),
            "style_type": request.get("style_type"),
            "url": url,
        })  # fmt: skip
    created = datetime.now(UTC).isoformat()
    ctx.reply(200, {"created": created, "data": data})


def routes() -> list[Route]:
    return [
        route("POST", r"/v1/images/generations", images_generations),
        route("POST", r"/recraft/v1/images/generations", images_generations),
        route("POST", r"/v1/images/(edits|variations)", images_edit),
        route("POST", r"/ideogram/generate", ideogram_generate),
    ]
