from __future__ import annotations

import base64

import httpx
import pytest

from ecovdesk.api.errors import ErrorKind, RelayError
from ecovdesk.api.ideogram import IDEOGRAM_MODELS, generate_ideogram, ideogram_body
from ecovdesk.api.images import (
    dalle_body,
    flux_body,
    generate_images,
    generate_recraft_native,
    image_format,
    recraft_body,
)
from ecovdesk.api.media import MediaKind

from .conftest import FakeRelay, example, reply_json

GENERATIONS = "/v1/images/generations"
PNG_1PX = base64.b64decode(example("images_generations_b64.json")["data"][0]["b64_json"])


# --- OpenAI-format images ----------------------------------------------------------------------


@pytest.mark.asyncio
async def test_dalle_url_answer(relay: FakeRelay, client: httpx.AsyncClient) -> None:
    relay.on("POST", GENERATIONS, reply_json("images_generations.json"))
    body = dalle_body("a siamese cat", size="1792x1024", quality="hd", style="natural", n=1)
    refs = await generate_images(client, body)
    assert relay.sent_json() == {
        "model": "dall-e-3",
        "prompt": "a siamese cat",
        "n": 1,
        "size": "1792x1024",
        "quality": "hd",
        "style": "natural",
    }
    assert len(refs) == 1
    ref = refs[0]
    assert ref.kind is MediaKind.IMAGE
    assert ref.role == "main"
    assert ref.url == example("images_generations.json")["data"][0]["url"]
    assert ref.data is None
    assert ref.meta["revised_prompt"].startswith("A detailed image of a white Siamese cat")
    assert ref.meta["format"] == "png"
    assert ref.meta["created"] == 1726381830


@pytest.mark.asyncio
async def test_b64_answer_is_decoded(relay: FakeRelay, client: httpx.AsyncClient) -> None:
    relay.on("POST", GENERATIONS, reply_json("images_generations_b64.json"))
    (ref,) = await generate_images(client, dalle_body("cat"))
    assert ref.url == ""
    assert ref.data == PNG_1PX
    assert ref.data is not None and ref.data.startswith(b"\x89PNG")
    assert ref.meta["format"] == "png"
    assert ref.meta["revised_prompt"] == "a white siamese cat"


@pytest.mark.asyncio
async def test_flux_answer_and_body(relay: FakeRelay, client: httpx.AsyncClient) -> None:
    relay.on("POST", GENERATIONS, reply_json("images_generations_flux.json"))
    body = flux_body("cat", "flux-pro", aspect_ratio="16:9", seed=7)
    (ref,) = await generate_images(client, body)
    assert relay.sent_json() == {
        "model": "flux-pro",
        "prompt": "cat",
        "n": 1,
        "aspect_ratio": "16:9",
        "seed": 7,
    }
    assert ref.url.startswith("https://delivery-us1.bfl.ai/results/")
    assert ref.meta["format"] == "jpeg"
    assert "revised_prompt" not in ref.meta


@pytest.mark.asyncio
async def test_recraft_both_routes(relay: FakeRelay, client: httpx.AsyncClient) -> None:
    relay.on("POST", GENERATIONS, reply_json("images_generations_recraft.json"))
    relay.on(
        "POST", "/recraft/v1/images/generations", reply_json("images_generations_recraft.json")
    )
    body = recraft_body(
        "red siamese cat", "recraftv3", size="1024x1024", style="digital_illustration"
    )
    assert body == {
        "model": "recraftv3",
        "prompt": "red siamese cat",
        "n": 1,
        "size": "1024x1024",
        "style": "digital_illustration",
    }
    openai_refs = await generate_images(client, body)
    native_refs = await generate_recraft_native(client, body)
    assert [r.url for r in openai_refs] == [r.url for r in native_refs]
    assert native_refs[0].meta["image_id"] == "a1f2c8d4-1234-4abc-9def-1111111111aa"
    assert [r.url.path for r in relay.requests] == [GENERATIONS, "/recraft/v1/images/generations"]


@pytest.mark.asyncio
async def test_svg_is_recognised_from_url_and_bytes(
    relay: FakeRelay, client: httpx.AsyncClient
) -> None:
    svg = b'<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"></svg>'
    answer = {
        "created": 1,
        "data": [
            {"url": "https://img.recraft.ai/abc/raw.svg?x=1"},
            {"b64_json": base64.b64encode(svg).decode()},
        ],
    }
    relay.on("POST", GENERATIONS, reply_json(answer))
    refs = await generate_images(
        client, recraft_body("icon", "recraftv3", style="vector_illustration")
    )
    assert [r.meta["format"] for r in refs] == ["svg", "svg"]
    assert refs[1].data == svg


def test_image_format_sniffing() -> None:
    assert image_format("https://x/a.webp?sig=1") == "webp"
    assert image_format("", b"RIFF\x00\x00\x00\x00WEBPVP8 ") == "webp"
    assert image_format("", b"\xff\xd8\xff\xe0") == "jpeg"
    assert image_format("https://x/a", b"<svg/>") == "svg"
    assert image_format("https://x/download") == ""


@pytest.mark.asyncio
async def test_empty_and_broken_image_answers(relay: FakeRelay, client: httpx.AsyncClient) -> None:
    relay.on(
        "POST",
        GENERATIONS,
        reply_json({"created": 1, "data": []}),
        reply_json({"created": 1}),
        reply_json({"data": [{"b64_json": "not*base64"}]}),
        reply_json("error_upstream_400.json", 400),
    )
    kinds = []
    for _ in range(4):
        with pytest.raises(RelayError) as caught:
            await generate_images(client, dalle_body("x"))
        kinds.append(caught.value.kind)
    assert kinds == [
        ErrorKind.UPSTREAM,
        ErrorKind.MALFORMED,
        ErrorKind.MALFORMED,
        ErrorKind.UPSTREAM,
    ]


# --- Ideogram ----------------------------------------------------------------------------------


def test_ideogram_body_maps_catalogue_ids() -> None:
    assert ideogram_body("cat", "ideogram-v1-turbo", seed=111) == {
        "image_request": {
            "prompt": "cat",
            "model": "V_1_TURBO",
            "magic_prompt_option": "AUTO",
            "seed": 111,
        }
    }
    assert IDEOGRAM_MODELS["ideogram-v2"] == "V_2"
    body = ideogram_body(
        "cat",
        "ideogram-v2",
        aspect_ratio="16:9",
        magic_prompt="OFF",
        style_type="ANIME",
        negative_prompt="dogs",
    )["image_request"]
    assert body["aspect_ratio"] == "ASPECT_16_9"
    assert body["style_type"] == "ANIME"
    assert body["negative_prompt"] == "dogs"
    assert body["magic_prompt_option"] == "OFF"
    assert ideogram_body("c", "V_2", aspect_ratio="ASPECT_10_16")["image_request"][
        "aspect_ratio"
    ] == ("ASPECT_10_16")


def test_ideogram_resolution_replaces_aspect_ratio() -> None:
    request = ideogram_body(
        "cat", "ideogram-v2", aspect_ratio="1:1", resolution="RESOLUTION_832_1152"
    )["image_request"]
    assert request["resolution"] == "RESOLUTION_832_1152"
    assert "aspect_ratio" not in request


def test_ideogram_rejects_unknown_model() -> None:
    with pytest.raises(ValueError, match="dall-e-3"):
        ideogram_body("cat", "dall-e-3")


@pytest.mark.parametrize(
    ("name", "style_type", "seed", "resolution"),
    [
        ("ideogram_generate.json", "GENERAL", 1747153802, "800x1280"),
        ("ideogram_generate_v1_turbo.json", None, 111, "1024x1024"),
    ],
)
@pytest.mark.asyncio
async def test_ideogram_examples(
    relay: FakeRelay,
    client: httpx.AsyncClient,
    name: str,
    style_type: str | None,
    seed: int,
    resolution: str,
) -> None:
    relay.on("POST", "/ideogram/generate", reply_json(name))
    (ref,) = await generate_ideogram(client, ideogram_body("cat", "ideogram-v1-turbo", seed=111))
    item = example(name)["data"][0]
    assert ref.kind is MediaKind.IMAGE
    assert ref.url == item["url"]
    assert ref.meta["seed"] == seed
    assert ref.meta["resolution"] == resolution
    assert ref.meta["prompt"] == item["prompt"]
    assert ref.meta.get("style_type") == style_type
    assert ref.meta["format"] == "png"
    assert isinstance(ref.meta["created"], float)
    assert ref.meta["created"] > 1_734_000_000
    assert relay.sent_json()["image_request"]["model"] == "V_1_TURBO"


@pytest.mark.asyncio
async def test_ideogram_unsafe_image(relay: FakeRelay, client: httpx.AsyncClient) -> None:
    answer = {"created": "2024-12-15T17:32:00Z", "data": [{"is_image_safe": False, "seed": 1}]}
    relay.on("POST", "/ideogram/generate", reply_json(answer))
    with pytest.raises(RelayError) as caught:
        await generate_ideogram(client, ideogram_body("x", "ideogram-v2"))
    assert caught.value.kind is ErrorKind.FLAGGED
    # The app's own finding, not words of the relay's to quote to the user.
    assert "unsafe" in caught.value.detail and not caught.value.message
