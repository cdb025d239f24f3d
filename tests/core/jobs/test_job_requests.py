"""Request building from the option panels' params, for every media family."""

from __future__ import annotations

import pytest

from ecovdesk.core.domain import Attachment, AttachmentKind
from ecovdesk.core.job_families import adapter_for, needs_modal
from ecovdesk.core.job_requests import (
    build_mj_prompt,
    kling_request,
    luma_request,
    mj_bot_type,
    mj_mode,
    runway_model,
    runway_request,
    suno_music_body,
)

PICTURE = Attachment(AttachmentKind.IMAGE, "data:image/png;base64,AAAA", "a.png")


def test_every_midjourney_option_becomes_its_flag() -> None:
    options: dict[str, object] = {
        "aspect_ratio": "16:9",
        "version": "6.1",
        "stylize": 250,
        "chaos": 20,
        "quality": 0.5,
        "weird": 100,
        "raw": True,
        "seed": 1234,
        "no": "people, text",
        "tile": True,
        "sref": ["https://a.test/s1.png", "https://a.test/s2.png"],
        "cref": "https://a.test/c.png",
    }
    assert build_mj_prompt("  a cat\non a roof ", options) == (
        "a cat on a roof --v 6.1 --ar 16:9 --s 250 --c 20 --q 0.5 --w 100 --seed 1234 "
        "--no people, text --style raw --tile --sref https://a.test/s1.png https://a.test/s2.png "
        "--cref https://a.test/c.png"
    )


def test_list_values_are_joined() -> None:
    options: dict[str, object] = {
        "no": ["people", " text "],
        "sref": "https://a.test/1 https://a.test/2",
    }
    assert build_mj_prompt("a cat", options) == (
        "a cat --no people, text --sref https://a.test/1 https://a.test/2"
    )


def test_empty_and_false_options_add_nothing() -> None:
    options: dict[str, object] = {"aspect_ratio": "", "raw": False, "tile": 0, "seed": None}
    assert build_mj_prompt("a cat", options) == "a cat"


def test_a_flag_typed_in_the_prompt_wins_over_the_panel() -> None:
    options: dict[str, object] = {"aspect_ratio": "16:9", "version": "6.1", "stylize": 50}
    assert build_mj_prompt("a cat --aspect 2:3 --v 5", options) == "a cat --aspect 2:3 --v 5 --s 50"


def test_niji_takes_the_place_of_the_version_flag() -> None:
    assert build_mj_prompt("a girl", {"version": "6"}, model="niji") == "a girl --niji 6"
    assert build_mj_prompt("a girl", {"version": "6.1", "niji": "6"}) == "a girl --niji 6"
    assert build_mj_prompt("a girl", {"version": "6.1", "niji": True}) == "a girl --niji"
    assert mj_bot_type("niji") == "NIJI_JOURNEY"
    assert mj_bot_type("midjourney") == "MID_JOURNEY"


@pytest.mark.parametrize(
    ("mode", "path"), [("", ""), ("fast", "fast"), ("RELAX", "relax"), ("warp", "")]
)
def test_the_relay_mode_path_comes_from_params(mode: str, path: str) -> None:
    assert mj_mode({"mode": mode}) == path


def test_midjourney_tasks_and_modal_buttons() -> None:
    adapter = adapter_for("midjourney")
    assert adapter.kind_for({}, []) == "imagine"
    assert adapter.kind_for({"task": "blend"}, []) == "blend"
    assert adapter.kind_for({"task": "nonsense"}, []) == "imagine"
    assert needs_modal("MJ::CustomZoom::abc") and needs_modal("MJ::Inpaint::1::abc::SOLO")
    assert not needs_modal("MJ::JOB::upsample::1::abc")
    with pytest.raises(ValueError):
        adapter_for("chat")


def test_suno_inspiration_is_the_default_and_the_model_is_the_version() -> None:
    assert suno_music_body("chirp-auk", "a summer song", {"instrumental": True}) == {
        "gpt_description_prompt": "a summer song",
        "make_instrumental": True,
        "mv": "chirp-auk",
    }
    body = suno_music_body("suno", "x", {"description": "a winter song"})
    assert body["gpt_description_prompt"] == "a winter song" and body["mv"] == "chirp-v3-5"


def test_suno_custom_instrumental_sends_no_lyrics() -> None:
    body = suno_music_body(
        "chirp-v4", "words", {"mode": "custom", "instrumental": True, "title": "T", "tags": "lofi"}
    )
    assert body == {
        "prompt": "",
        "title": "T",
        "tags": "lofi",
        "mv": "chirp-v4",
        "make_instrumental": True,
    }


def test_suno_kinds() -> None:
    adapter = adapter_for("suno")
    assert adapter.kind_for({"task": "lyrics"}, []) == "lyrics"
    assert adapter.kind_for({"mode": "custom"}, []) == "music"


def test_luma_options_and_the_attached_first_frame() -> None:
    params: dict[str, object] = {
        "aspect_ratio": "1:1",
        "image_end_url": "https://a.test/end.png",
        "model_name": "ray-v2",
        "duration": "5s",
        "resolution": "720p",
    }
    assert luma_request("waves", params, [PICTURE]) == {
        "user_prompt": "waves",
        "aspect_ratio": "1:1",
        "loop": False,
        "expand_prompt": True,
        "image_url": PICTURE.url,
        "image_end_url": "https://a.test/end.png",
        "model_name": "ray-v2",
        "duration": "5s",
        "resolution": "720p",
    }


@pytest.mark.parametrize(
    ("model", "expected"),
    [("runway-gen2", "gen2"), ("runway-gen3", "gen3"), ("runway-gen4", "gen4"), ("runway", "gen3")],
)
def test_runway_model_from_the_catalogue_id(model: str, expected: str) -> None:
    assert runway_model(model) == expected


def test_runway_image_to_video_takes_the_attached_picture() -> None:
    body = runway_request("runway-gen3", "go", {"style": "anime", "seconds": "5"}, [PICTURE])
    assert body["image"] == PICTURE.url
    assert body["style"] == "anime" and body["options"] == {"seconds": 5}


def test_kling_picks_its_route_from_the_params_and_attachments() -> None:
    kind, body = kling_request("kling-v1-5", "a dog", {"negative_prompt": "cats"}, [])
    assert kind == "text2video"
    assert body == {
        "model_name": "kling-v1-5",
        "prompt": "a dog",
        "negative_prompt": "cats",
        "mode": "std",
        "aspect_ratio": "16:9",
        "duration": "5",
    }
    camera = {"type": "simple", "config": {"zoom": 5}}
    _, body = kling_request("kling-v1", "a dog", {"camera_control": camera}, [])
    assert body["camera_control"] == camera
    kind, body = kling_request("kling-v1", "run", {"image_tail": "https://a.test/t.png"}, [PICTURE])
    assert kind == "image2video"
    assert body["image"] == "AAAA" and body["image_tail"] == "https://a.test/t.png"
    kind, body = kling_request("kling-v1", "a vase", {"task": "images", "n": 3}, [])
    assert kind == "images" and body["n"] == 3


@pytest.mark.parametrize(
    ("family", "early", "late"),
    [("midjourney", 3.0, 5.0), ("suno", 5.0, 10.0), ("luma", 5.0, 10.0), ("runway", 5.0, 10.0),
     ("kling", 5.0, 10.0)],
)  # fmt: skip
def test_each_family_polls_at_its_own_pace(family: str, early: float, late: float) -> None:
    timing = adapter_for(family).timing
    assert timing.interval_for(0) == early
    assert timing.interval_for(3600) == late
