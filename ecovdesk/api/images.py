"""OpenAI-format image generation (DALL·E 3, Flux, Recraft) and Recraft's native route."""

from __future__ import annotations

import base64
import binascii
from collections.abc import Mapping
from typing import Any
from urllib.parse import urlsplit

import httpx

from ecovdesk.api.errors import ErrorKind, RelayError
from ecovdesk.api.http import request_json
from ecovdesk.api.media import MediaKind, MediaRef, as_url, parse_time
from ecovdesk.api.values import objects, text

GENERATIONS_PATH = "/v1/images/generations"
RECRAFT_NATIVE_PATH = "/recraft/v1/images/generations"

_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "png"),
    (b"\xff\xd8\xff", "jpeg"),
    (b"GIF8", "gif"),
)
_SUFFIXES = {
    ".svg": "svg",
    ".png": "png",
    ".jpg": "jpeg",
    ".jpeg": "jpeg",
    ".webp": "webp",
    ".gif": "gif",
}


def image_format(url: str = "", data: bytes | None = None) -> str:
    """ "svg", "png", "jpeg", "webp", "gif", or "" when unknown. SVG matters most: vector
    styles answer with it and it cannot be decoded like a raster image."""
    if data:
        head = data[:512].lstrip()
        for magic, name in _MAGIC:
            if head.startswith(magic):
                return name
        if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
            return "webp"
        if head.startswith(b"<svg") or (head.startswith(b"<?xml") and b"<svg" in data[:2048]):
            return "svg"
    path = urlsplit(url).path.lower() if url else ""
    for suffix, name in _SUFFIXES.items():
        if path.endswith(suffix):
            return name
    return ""


def _decode_b64(value: str) -> bytes:
    # Some relays send a data URL where plain base64 belongs.
    if value.startswith("data:") and "," in value:
        value = value.split(",", 1)[1]
    try:
        return base64.b64decode(value, validate=False)
    except (binascii.Error, ValueError) as exc:
        raise RelayError(
            ErrorKind.MALFORMED, detail="An image in the answer is not valid base64"
        ) from exc


def _image_ref(item: Mapping[str, Any], created: float | None) -> MediaRef | None:
    url = as_url(item.get("url"))
    b64 = text(item.get("b64_json"))
    data = _decode_b64(b64) if b64 else None
    if not url and not data:
        return None
    meta: dict[str, Any] = {}
    for key in ("revised_prompt", "image_id"):
        if text(item.get(key)):
            meta[key] = item[key]
    fmt = image_format(url, data)
    if fmt:
        meta["format"] = fmt
    if created is not None:
        meta["created"] = created
    return MediaRef(MediaKind.IMAGE, url=url, data=data, meta=meta)


def parse_images(body: Any) -> list[MediaRef]:
    """The images of a ``{"created":…, "data":[{url | b64_json, …}]}`` answer."""
    if not isinstance(body, Mapping) or not isinstance(body.get("data"), list):
        raise RelayError(ErrorKind.MALFORMED, detail="The answer holds no image list")
    created = parse_time(body.get("created"))
    refs = [ref for item in objects(body["data"]) if (ref := _image_ref(item, created))]
    if not refs:
        raise RelayError(ErrorKind.UPSTREAM, detail="The relay answered without any image")
    return refs


async def generate_images(client: httpx.AsyncClient, body: dict[str, Any]) -> list[MediaRef]:
    return parse_images(await request_json(client, "POST", GENERATIONS_PATH, json=body))


async def generate_recraft_native(
    client: httpx.AsyncClient, body: dict[str, Any]
) -> list[MediaRef]:
    return parse_images(await request_json(client, "POST", RECRAFT_NATIVE_PATH, json=body))


def _without_none(body: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in body.items() if value is not None}


def dalle_body(
    prompt: str,
    *,
    size: str = "1024x1024",
    quality: str = "standard",
    style: str = "vivid",
    n: int = 1,
    model: str = "dall-e-3",
) -> dict[str, Any]:
    return {
        "model": model,
        "prompt": prompt,
        "n": n,
        "size": size,
        "quality": quality,
        "style": style,
    }


def flux_body(
    prompt: str,
    model: str,
    *,
    size: str | None = None,
    aspect_ratio: str | None = None,
    n: int = 1,
    seed: int | None = None,
) -> dict[str, Any]:
    return _without_none(
        {
            "model": model,
            "prompt": prompt,
            "n": n,
            "size": size,
            "aspect_ratio": aspect_ratio,
            "seed": seed,
        }
    )


def recraft_body(
    prompt: str,
    model: str,
    *,
    size: str = "1024x1024",
    style: str | None = None,
    substyle: str | None = None,
    n: int = 1,
) -> dict[str, Any]:
    return _without_none(
        {
            "model": model,
            "prompt": prompt,
            "n": n,
            "size": size,
            "style": style,
            "substyle": substyle,
        }
    )
