"""Suno songs and videos from the composer, into their libraries and players."""

from __future__ import annotations

import base64

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot

from ecovdesk.app import RunningApp
from ecovdesk.core.domain import Asset, AssetKind, JobState, Role
from ecovdesk.ui.message_bubble import MessageBubble
from tests.fakerelay.server import FakeRelay
from tests.fakerelay.tasks_suno import DURATION as SONG_SECONDS
from tests.ui.conftest import Driver


def _replies(app: RunningApp) -> list[MessageBubble]:
    return [b for b in app.window.view.bubbles() if b.message.role is Role.ASSISTANT]


def _generate(qtbot: QtBot, app: RunningApp, model: str, text: str) -> int:
    """Send ``text`` to ``model``; returns how many replies there were before."""
    window = app.window
    window.picker.choose(model)
    count = len(_replies(app))
    window.composer.edit.insertPlainText(text)
    qtbot.keyClick(window.composer.edit, Qt.Key.Key_Return)
    return count


def _job_bubble(driver: Driver, app: RunningApp, count: int) -> MessageBubble:
    driver.until(lambda: len(_replies(app)) > count and _replies(app)[-1].job_card is not None)
    return _replies(app)[-1]


def test_a_song_from_a_description_lands_in_the_music_library_with_its_cover(
    qtbot: QtBot, driver: Driver, app: RunningApp, relay: FakeRelay
) -> None:
    relay.poll_steps = 3
    window = app.window
    window.picker.choose("chirp-v4")
    assert window.side_panel.currentWidget() is window.side_panel.suno
    count = _generate(qtbot, app, "chirp-v4", "一首关于夏天海边的轻快流行歌")
    bubble = _job_bubble(driver, app, count)
    card = bubble.job_card
    assert card is not None
    driver.until(lambda: bool(relay.requests_to("/suno/submit/music")))
    body = relay.requests_to("/suno/submit/music")[-1].json
    assert body["gpt_description_prompt"] == "一首关于夏天海边的轻快流行歌"
    assert body["mv"] == "chirp-v4"
    driver.until(lambda: card.job.state is JobState.SUCCEEDED, timeout=40)
    driver.until(lambda: bool(bubble.images.media))
    assert any(a.kind is AssetKind.AUDIO for a in bubble.images.media)
    window.tabs.setCurrentWidget(window.music_page)
    driver.until(lambda: len(window.music_page.model.assets) >= 1)
    song = window.music_page.model.assets[0]
    assert song.path.suffix == ".mp3" and song.path.is_file()
    assert song.thumbnail is not None  # the cover that came with it
    window.music_page.playRequested.emit(song, window.music_page.model.assets)
    assert window.audio_bar.isVisibleTo(window)
    assert window.audio_bar.current is not None
    assert window.audio_bar.current.source == song.path

    window.music_page.continueRequested.emit(song)
    assert window.tabs.currentIndex() == 0
    params = window.side_panel.suno.params()
    assert params["mode"] == "continue" and params["continue_clip_id"]
    # From the end of the song by default: its length as the relay gave it.
    assert song.duration == pytest.approx(SONG_SECONDS)
    assert params["continue_at"] == pytest.approx(SONG_SECONDS, abs=0.05)  # tenths shown


def test_a_luma_video_plays_in_the_video_tab(
    qtbot: QtBot, driver: Driver, app: RunningApp, relay: FakeRelay
) -> None:
    relay.poll_steps = 2
    window = app.window
    count = _generate(qtbot, app, "luma", "海浪拍打礁石，慢镜头")
    bubble = _job_bubble(driver, app, count)
    card = bubble.job_card
    assert card is not None
    driver.until(lambda: card.job.state is JobState.SUCCEEDED, timeout=40)
    driver.until(lambda: bool(relay.requests_to("/luma/")))
    body = relay.requests_to("/luma/")[0].json
    assert body["user_prompt"] == "海浪拍打礁石，慢镜头"
    driver.until(lambda: bool(bubble.images.media))
    video = bubble.images.media[0]
    assert video.kind is AssetKind.VIDEO and video.path.suffix == ".mp4"
    bubble.images.playRequested.emit(video)
    assert window.tabs.currentWidget() is window.videos_tab
    assert window.video_player.source == video.path
    window.tabs.setCurrentWidget(window.videos_tab)
    driver.until(lambda: len(window.video_page.model.assets) == 1)

    window.video_page.extendRequested.emit(window.video_page.model.assets[0])
    assert window.side_panel.extra["task"] == "extend"
    window.composer.edit.insertPlainText("镜头拉远")
    qtbot.keyClick(window.composer.edit, Qt.Key.Key_Return)
    driver.until(lambda: bool(relay.requests_to("/luma/generations/")))
    assert relay.requests_to("/luma/generations/")[-1].path.endswith("/extend")
    assert window.side_panel.extra == {}


def test_kling_and_runway_requests_carry_their_options(
    qtbot: QtBot, driver: Driver, app: RunningApp, relay: FakeRelay
) -> None:
    relay.poll_steps = 1
    window = app.window
    window.picker.choose("kling-v1-6")
    count = _generate(qtbot, app, "kling-v1-6", "海边有一个人在跳舞")
    _job_bubble(driver, app, count)
    driver.until(lambda: bool(relay.requests_to("/kling/v1/videos/text2video", "POST")))
    kling = relay.requests_to("/kling/v1/videos/text2video", "POST")[-1].json
    assert kling["model_name"] == "kling-v1-6" and kling["prompt"] == "海边有一个人在跳舞"
    count = _generate(qtbot, app, "runway-gen3", "一只小猫")
    _job_bubble(driver, app, count)
    driver.until(lambda: bool(relay.requests_to("/runway/pro/generate")))
    runway = relay.requests_to("/runway/pro/generate")[-1].json
    assert runway["model"] == "gen3" and runway["prompt"] == "一只小猫"


def _picture(data_url: str) -> QImage:
    image = QImage()
    assert image.loadFromData(base64.b64decode(data_url.split(",", 1)[1]))
    return image


def _finished_video(
    qtbot: QtBot, driver: Driver, app: RunningApp, relay: FakeRelay, model: str, text: str
) -> Asset:
    """Have ``model`` make a video of ``text``; the video, as the Videos tab lists it."""
    relay.poll_steps = 1
    window = app.window
    count = _generate(qtbot, app, model, text)
    card = _job_bubble(driver, app, count).job_card
    assert card is not None
    driver.until(lambda: card.job.state is JobState.SUCCEEDED, timeout=40)
    window.tabs.setCurrentWidget(window.videos_tab)
    driver.until(lambda: len(window.video_page.model.assets) == 1)
    return window.video_page.model.assets[0]


def test_a_kling_video_gives_its_last_frame_to_the_next_request(
    qtbot: QtBot, driver: Driver, app: RunningApp, relay: FakeRelay
) -> None:
    window = app.window
    video = _finished_video(qtbot, driver, app, relay, "kling-v1-6", "海边有一个人在跳舞")
    window.picker.choose("gpt-4o-mini")

    # Kling sends no last frame of its own: it is read from the end of the video file.
    window.video_page.useLastFrameRequested.emit(video)
    driver.until(lambda: bool(window.attachments.items))
    assert window.tabs.currentIndex() == 0 and window.picker.current == "kling-v1-6"
    (frame,) = window.attachments.items
    # Named for what it is, not by the library file's hash.
    assert frame.name == "Last frame of the video.png"
    picture = _picture(frame.url)
    assert (picture.width(), picture.height()) == (320, 180)
    # The sample video's last frame (1.96 s) has a blue bar in the middle; its first is red.
    assert picture.pixelColor(160, 90).name() == "#0000ff"


def test_a_kling_video_gets_a_still_from_itself_and_keeps_it(
    qtbot: QtBot, driver: Driver, app: RunningApp, relay: FakeRelay
) -> None:
    window = app.window
    page = window.video_page
    _finished_video(qtbot, driver, app, relay, "kling-v1-6", "海边有一个人在跳舞")

    # Kling sends no poster: a picture from the video itself stands for it in the list.
    driver.until(lambda: page.model.assets[0].thumbnail is not None, timeout=20)
    still = page.model.assets[0].thumbnail
    assert still is not None and still.is_file()
    picture = QImage(str(still))
    assert (picture.width(), picture.height()) == (320, 180)
    shown = page.model.data(page.model.index(0), Qt.ItemDataRole.DecorationRole)
    cover = shown.pixmap(page.model.cover_size).toImage()
    # A placeholder leaves the corners empty; the still fills them.
    assert cover.pixelColor(2, 2).alpha() == 255

    # Kept in the library: listed again, the video has its still without decoding anything.
    (listed,) = driver.run(app.services.library.list_kind(AssetKind.VIDEO))
    assert listed.thumbnail == still


def test_a_video_whose_file_cannot_be_read_says_so(
    qtbot: QtBot, driver: Driver, app: RunningApp, relay: FakeRelay
) -> None:
    window = app.window
    video = _finished_video(qtbot, driver, app, relay, "kling-v1-6", "一只猫")
    video.path.write_bytes(b"not a video at all")

    window.video_page.useLastFrameRequested.emit(video)
    driver.until(lambda: "last frame" in window.statusBar().currentMessage())
    assert window.statusBar().currentMessage() == "The last frame could not be attached."
    assert not window.attachments.items


def test_a_song_videos_last_frame_goes_to_a_video_model(
    qtbot: QtBot, driver: Driver, app: RunningApp, relay: FakeRelay
) -> None:
    window = app.window
    video = _finished_video(qtbot, driver, app, relay, "chirp-v4", "一首关于夏天海边的轻快流行歌")

    # Suno made the video, but Suno makes songs: the frame starts a video with Luma.
    window.video_page.useLastFrameRequested.emit(video)
    driver.until(lambda: bool(window.attachments.items))
    assert window.picker.current == "luma"
    assert window.side_panel.currentWidget() is window.side_panel.video
