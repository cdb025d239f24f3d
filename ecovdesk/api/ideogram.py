"""Ideogram text-to-image through the relay's synchronous ``/ideogram/generate``."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

import httpx

from ecovdesk.api.errors import ErrorKind, RelayError
from ecovdesk.api.http import request_json
from ecovdesk.api.images import image_format
from ecovdesk.api.media import MediaKind, MediaRef, as_url, parse_time
from ecovdesk.api.values import objects, text

GENERATE_PATH = "/ideogram/generate"

IDEOGRAM_MODELS = {
    "ideogram-v1": "V_1",
    "ideogram-v1-turbo": "V_1_TURBO",
    "ideogram-v2": "V_2",
    "ideogram-v2-turbo": "V_2_TURBO",
}

_RATIO = re.compile(r"^\s*(\d+)\s*[:x]\s*(\d+)\s*$")


def _aspect_ratio(value: str) -> str:
    """Ideogram's enum form (``ASPECT_16_9``), also from the everyday ``16:9``."""
    match = _RATIO.match(value)
    return f"ASPECT_{match.group(1)}_{match.group(2)}" if match else value


def _model(catalogue_id: str) -> str:
    if catalogue_id in IDEOGRAM_MODELS:
        return IDEOGRAM_MODELS[catalogue_id]
    if catalogue_id in IDEOGRAM_MODELS.values():
        return catalogue_id
    raise ValueError(f"Not an Ideogram model: {catalogue_id}")


def ideogram_body(
    prompt: str,
    catalogue_id: str,
    *,
    aspect_ratio: str | None = None,
    magic_prompt: str = "AUTO",
    seed: int | None = None,
    style_type: str | None = None,
    negative_prompt: str | None = None,
    resolution: str | None = None,
) -> dict[str, Any]:
    request: dict[str, Any] = {
        "prompt": prompt,
        "model": _model(catalogue_id),
        "magic_prompt_option": magic_prompt,
    }
    # Ideogram takes a resolution *instead of* an aspect ratio, never both.
    if resolution:
        request["resolution"] = resolution
    elif aspect_ratio:
        request["aspect_ratio"] = _aspect_ratio(aspect_ratio)
    optional = {"seed": seed, "style_type": style_type, "negative_prompt": negative_prompt}
    request.update({key: value for key, value in optional.items() if value is not None})
    return {"image_request": request}


def _image_ref(item: Mapping[str, Any], created: float | None) -> MediaRef | None:
    url = as_url(item.get("url"))
    if not url:
        return None
    meta: dict[str, Any] = {"format": image_format(url)} if image_format(url) else {}
    for key in ("prompt", "seed", "resolution", "style_type", "is_image_safe"):
        if item.get(key) is not None:
            meta[key] = item[key]
    if created is not None:
        meta["created"] = created
    return MediaRef(MediaKind.IMAGE, url=url, meta=meta)


def parse_ideogram(body: Any) -> list[MediaRef]:
    if not isinstance(body, Mapping) or not isinstance(body.get("data"), list):
        raise RelayError(ErrorKind.MALFORMED, detail="The answer holds no image list")
    created = parse_time(body.get("created"))
    items = objects(body["data"])
    refs = [ref for item in items if (ref := _image_ref(item, created))]
    if refs:
        return refs
    # Ideogram withholds the URL of an image its own safety check rejected.
    if any(item.get("is_image_safe") is False for item in items):
        raise RelayError(ErrorKind.FLAGGED, detail="Ideogram flagged the image as unsafe")
    raise RelayError(ErrorKind.UPSTREAM, text(body.get("message")), detail="No image was returned")


async def generate_ideogram(client: httpx.AsyncClient, body: dict[str, Any]) -> list[MediaRef]:
    return parse_ideogram(await request_json(client, "POST", GENERATE_PATH, json=body))
