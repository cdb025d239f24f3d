"""Suno jobs against the fake relay: the three song modes, live streams, files and lyrics."""

from __future__ import annotations

import pytest

from ecovdesk.core.domain import AssetKind, JobState, MessageState
from tests.fakerelay.server import FakeRelay

from .helpers import JobRig, roles

MUSIC = "/suno/submit/music"


@pytest.mark.asyncio
async def test_an_inspiration_song_streams_early_and_lands_as_two_clips(
    fake_relay: FakeRelay, rig: JobRig
) -> None:
    fake_relay.poll_steps = 4
    job = await rig.submit("chirp-v4", "一首关于夏天海边的轻快流行歌")
    done = await rig.wait_state(job.id, JobState.SUCCEEDED)

    (request,) = fake_relay.requests_to(MUSIC)
    assert request.json == {
        "gpt_description_prompt": "一首关于夏天海边的轻快流行歌",
        "make_instrumental": False,
        "mv": "chirp-v4",
    }
    clip_ids = fake_relay.suno.all()[0].clip_ids
    # Playable before the song is complete: the live stream links arrive while it runs.
    streaming = [
        j
        for j in rig.updates(job.id)
        if j.state is JobState.RUNNING and j.params.get("stream_urls")
    ]
    assert streaming and streaming[0].progress != 100
    assert streaming[0].params["stream_urls"] == [
        f"{fake_relay.media_base_url}/files/audiopipe/{clip}.mp3" for clip in clip_ids
    ]
    fetched = {r.path for r in fake_relay.requests_to("/files/")}
    for clip in clip_ids:
        assert f"/files/{clip}.mp3" in fetched
        assert f"/files/image_large_{clip}.jpeg" in fetched
        assert f"/files/{clip}.mp4" in fetched
    assert not any("audiopipe" in path for path in fetched)

    assets = await rig.assets(job.id)
    covers = [a for a in assets if a.kind is AssetKind.IMAGE]
    assert len(covers) == 2 and all(a.mime == "image/jpeg" for a in covers)
    audio = [a for a in assets if a.kind is AssetKind.AUDIO]
    assert audio and all(a.mime == "audio/mpeg" and a.path.is_file() for a in audio)
    assert {a.provenance.params["clip_id"] for a in covers} == set(clip_ids)
    assert all(a.provenance.params["role"] == "main" for a in audio)
    assert all(str(a.provenance.params["lyrics"]).startswith("[Verse]") for a in audio)
    assert all(a.provenance.params["title"] == "一首关于夏天之歌" for a in assets)
    assert all(a.provenance.prompt == "一首关于夏天海边的轻快流行歌" for a in assets)
    assert ("video", "video") in roles(assets)

    clips = done.params["clips"]
    assert isinstance(clips, list) and [c["clip_id"] for c in clips] == clip_ids
    reply = await rig.message(done)
    assert reply.state is MessageState.DONE
    assert reply.content.startswith("一首关于夏天之歌\n\n[Verse]")


@pytest.mark.asyncio
async def test_custom_mode_sends_lyrics_title_and_style(fake_relay: FakeRelay, rig: JobRig) -> None:
    params: dict[str, object] = {
        "mode": "custom",
        "lyrics": "[Verse]\nWalking down the streets",
        "title": "City Lights",
        "tags": "emotional punk",
        "negative_tags": "metal",
    }
    job = await rig.submit("chirp-v3-5", "ignored when lyrics are given", params)
    done = await rig.wait_state(job.id, JobState.SUCCEEDED)
    (request,) = fake_relay.requests_to(MUSIC)
    assert request.json == {
        "prompt": "[Verse]\nWalking down the streets",
        "title": "City Lights",
        "tags": "emotional punk",
        "mv": "chirp-v3-5",
        "make_instrumental": False,
        "negative_tags": "metal",
    }
    assert (await rig.message(done)).content.startswith("City Lights\n\n[Verse]")


@pytest.mark.asyncio
async def test_continuing_a_clip_sends_where_to_continue_from(
    fake_relay: FakeRelay, rig: JobRig
) -> None:
    first = await rig.wait_state((await rig.submit("chirp-v4", "a song")).id, JobState.SUCCEEDED)
    clips = first.params["clips"]
    assert isinstance(clips, list)
    params: dict[str, object] = {
        "mode": "continue",
        "continue_clip_id": clips[0]["clip_id"],
        "continue_at": 42.5,
        "continue_task_id": first.remote_id,
        "lyrics": "[Bridge]\nOn and on",
        "tags": "pop",
    }
    job = await rig.submit("chirp-v4", "", params)
    await rig.wait_state(job.id, JobState.SUCCEEDED)
    request = fake_relay.requests_to(MUSIC)[-1]
    assert request.json == {
        "continue_clip_id": clips[0]["clip_id"],
        "continue_at": 42.5,
        "prompt": "[Bridge]\nOn and on",
        "title": "",
        "tags": "pop",
        "mv": "chirp-v4",
        "task_id": first.remote_id,
    }


@pytest.mark.asyncio
async def test_continuing_without_a_clip_fails_before_anything_is_sent(
    fake_relay: FakeRelay, rig: JobRig
) -> None:
    job = await rig.submit("chirp-v4", "more", {"mode": "continue"})
    failed = await rig.wait_state(job.id, JobState.FAILED)
    assert "continue_clip_id" in failed.error
    assert (await rig.message(failed)).error_kind == "invalid_request"
    assert fake_relay.requests_to(MUSIC) == []


@pytest.mark.asyncio
async def test_a_lyrics_job_keeps_its_text_and_stores_no_files(
    fake_relay: FakeRelay, rig: JobRig
) -> None:
    job = await rig.submit("chirp-v4", "dance", {"task": "lyrics"})
    done = await rig.wait_state(job.id, JobState.SUCCEEDED)
    (request,) = fake_relay.requests_to("/suno/submit/lyrics")
    assert request.json == {"prompt": "dance"}
    assert done.kind == "lyrics"
    lyrics = done.params["lyrics_result"]
    assert isinstance(lyrics, str) and lyrics.startswith("[Verse]")
    assert done.params["lyrics_title"] == "Dance"
    assert (await rig.message(done)).content == f"Dance\n\n{lyrics}"
    assert await rig.assets(job.id) == []
    assert fake_relay.requests_to(MUSIC) == []


@pytest.mark.asyncio
async def test_a_failed_song_keeps_the_relays_reason(fake_relay: FakeRelay, rig: JobRig) -> None:
    job = await rig.submit("chirp-v4", "a song that will fail")
    failed = await rig.wait_state(job.id, JobState.FAILED)
    assert failed.error and failed.error != "failed"
    assert (await rig.message(failed)).error_text == failed.error
