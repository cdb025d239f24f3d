"""Song and video widgets as a user meets them: option panels, the players and the libraries."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtMultimedia import QMediaDevices, QMediaPlayer
from PySide6.QtWidgets import QApplication, QFileDialog
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from ecovdesk.core.domain import Asset, AssetKind, Provenance
from ecovdesk.ui.audio_player import AudioPlayerBar, Repeat, Track
from ecovdesk.ui.i18n import install_translation
from ecovdesk.ui.media_library import MediaLibraryPage
from ecovdesk.ui.suno_options_panel import SunoOptionsPanel
from ecovdesk.ui.video_options_panel import VideoOptionsPanel
from ecovdesk.ui.video_player import VideoPlayer
from tests.fakerelay.server import FakeRelay

MEDIA = Path(__file__).resolve().parents[1] / "fakerelay" / "media"
MP3, MP4, POSTER = MEDIA / "sample.mp3", MEDIA / "sample.mp4", MEDIA / "poster.jpg"
NO_DEVICE_AUDIO = "No audio output device was found; the song plays without sound."
NO_DEVICE_VIDEO = "No audio output device was found; the video plays without sound."
Loaded = QMediaPlayer.MediaStatus.LoadedMedia
Playing = QMediaPlayer.PlaybackState.PlayingState
Paused = QMediaPlayer.PlaybackState.PausedState


@pytest.fixture(autouse=True)
def english(qapp: QApplication) -> None:
    install_translation(qapp, "en")  # as the app does: English plural forms come from it


# Suno options


def test_suno_inspiration_is_the_default_and_only_asks_about_vocals(qtbot: QtBot) -> None:
    panel = SunoOptionsPanel()
    qtbot.addWidget(panel)
    assert panel.params() == {"mode": "inspiration"}
    assert panel.inspiration_hint.isVisibleTo(panel)
    assert not panel.custom.isVisibleTo(panel) and not panel.continuation.isVisibleTo(panel)
    with qtbot.waitSignal(panel.optionsChanged) as changed:
        panel.instrumental.click()
    assert changed.args == [{"mode": "inspiration", "instrumental": True}]


def test_suno_custom_song_with_suggested_tags_and_section_markers(qtbot: QtBot) -> None:
    panel = SunoOptionsPanel()
    qtbot.addWidget(panel)
    panel.mode_buttons["custom"].click()
    assert panel.custom.isVisibleTo(panel) and not panel.inspiration_hint.isVisibleTo(panel)
    assert panel.params() == {"mode": "custom"}
    qtbot.keyClicks(panel.title, "City Lights")
    suggestions = {b.text(): b for b in panel.suggestion_buttons}
    suggestions["rock"].click()
    suggestions["female vocals"].click()
    suggestions["rock"].click()  # already there: not added twice
    assert panel.tags.text() == "rock, female vocals"
    qtbot.keyClicks(panel.negative_tags, "metal")
    markers = {b.text(): b for b in panel.marker_buttons}
    markers["[Verse]"].click()
    qtbot.keyClicks(panel.lyrics, "Walking down the streets")
    markers["[Chorus]"].click()
    qtbot.keyClicks(panel.lyrics, "City lights")
    assert panel.params() == {
        "mode": "custom",
        "title": "City Lights",
        "tags": "rock, female vocals",
        "negative_tags": "metal",
        "lyrics": "[Verse]\nWalking down the streets\n[Chorus]\nCity lights",
    }
    panel.instrumental.click()
    assert not panel.lyrics.isEnabled()
    assert "lyrics" not in panel.params() and panel.params()["instrumental"] is True


def test_section_markers_go_on_a_line_of_their_own_without_splitting_one(qtbot: QtBot) -> None:
    panel = SunoOptionsPanel()
    qtbot.addWidget(panel)
    panel.set_mode("custom")
    panel.lyrics.setPlainText("first line\nsecond line")
    cursor = panel.lyrics.textCursor()
    cursor.setPosition(3)  # inside "first line"
    panel.lyrics.setTextCursor(cursor)
    panel.insert_marker("[Bridge]")
    assert panel.lyrics.toPlainText() == "first line\n[Bridge]\nsecond line"
    assert panel.lyrics.textCursor().block().text() == "second line"
    cursor.setPosition(0)
    panel.lyrics.setTextCursor(cursor)
    panel.insert_marker("[Intro]")
    assert panel.lyrics.toPlainText().startswith("[Intro]\nfirst line\n[Bridge]")
    panel.lyrics.moveCursor(panel.lyrics.textCursor().MoveOperation.End)
    panel.insert_marker("[Outro]")
    assert panel.lyrics.toPlainText().endswith("second line\n[Outro]\n")


def test_write_lyrics_for_me_asks_then_fills_the_editor(qtbot: QtBot) -> None:
    panel = SunoOptionsPanel()
    qtbot.addWidget(panel)
    panel.set_mode("custom")
    assert not panel.write_lyrics_button.isEnabled()  # nothing to write about yet
    qtbot.keyClicks(panel.lyrics_prompt, "a rainy night in Shanghai")
    with qtbot.waitSignal(panel.lyricsRequested) as asked:
        panel.write_lyrics_button.click()
    assert asked.args == ["a rainy night in Shanghai"]
    assert panel.write_lyrics_button.text() == "Writing lyrics…"
    assert not panel.write_lyrics_button.isEnabled() and panel.lyrics.isReadOnly()
    panel.set_lyrics("[Verse]\nRain on the Bund", title="Rainy Bund")
    assert panel.lyrics.toPlainText() == "[Verse]\nRain on the Bund"
    assert panel.title.text() == "Rainy Bund"
    assert panel.write_lyrics_button.isEnabled() and not panel.lyrics.isReadOnly()
    panel.write_lyrics_button.click()
    panel.show_lyrics_error("quota exhausted")
    assert panel.lyrics_error.text() == "The lyrics could not be written: quota exhausted"
    assert panel.lyrics_error.isVisibleTo(panel) and panel.write_lyrics_button.isEnabled()


def test_suno_continue_from_a_chosen_second(qtbot: QtBot) -> None:
    panel = SunoOptionsPanel()
    qtbot.addWidget(panel)
    panel.set_mode("continue")
    assert panel.params() == {"mode": "continue"}  # no song picked yet
    panel.set_continuation(
        "clip-7", "City Lights", 182.5, task_id="task-3", tags="synthwave, female vocals"
    )
    assert panel.mode() == "continue" and panel.continuation.isVisibleTo(panel)
    assert panel.continue_title.text() == "City Lights (3:02)"
    assert panel.continue_at.maximum() == 182.5 and panel.continue_at.value() == 182.5
    panel.continue_at.setValue(400)  # beyond the end: held at the end
    assert panel.continue_at.value() == 182.5
    panel.continue_at.setValue(60)
    panel.marker_buttons[2].click()
    qtbot.keyClicks(panel.lyrics, "One more time")
    assert panel.params() == {
        "mode": "continue",
        "title": "City Lights",  # the part added keeps the song's title and style
        "lyrics": "[Bridge]\nOne more time",
        "tags": "synthwave, female vocals",
        "continue_clip_id": "clip-7",
        "continue_task_id": "task-3",
        "continue_at": 60.0,
    }
    panel.clear_continuation()
    assert panel.params() == {"mode": "inspiration"}


def test_suno_continue_a_song_of_unknown_length_lets_any_second_be_chosen(qtbot: QtBot) -> None:
    panel = SunoOptionsPanel()
    qtbot.addWidget(panel)
    panel.set_continuation("clip-8", "Old Song", None)
    assert panel.continue_title.text() == "Old Song"
    panel.continue_at.setValue(95)
    assert panel.params()["continue_at"] == 95.0


# Video options


def _visible_boxes(panel: VideoOptionsPanel) -> list[str]:
    return [n for n in ("luma", "runway", "kling") if getattr(panel, n).isVisibleTo(panel)]


def test_luma_options(qtbot: QtBot) -> None:
    panel = VideoOptionsPanel()
    qtbot.addWidget(panel)
    panel.set_model("luma")
    assert _visible_boxes(panel) == ["luma"]
    assert panel.params() == {"aspect_ratio": "16:9", "expand_prompt": True}
    panel.luma_ratio.setCurrentIndex(panel.luma_ratio.findData("21:9"))
    panel.luma_loop.click()
    panel.luma_expand.click()
    panel.luma_model.setCurrentIndex(panel.luma_model.findData("ray-v2"))
    panel.luma_duration.setCurrentIndex(panel.luma_duration.findData("9s"))
    with qtbot.waitSignal(panel.optionsChanged) as changed:
        panel.luma_resolution.setCurrentIndex(panel.luma_resolution.findData("1080p"))
    assert (
        changed.args[0]
        == panel.params()
        == {
            "aspect_ratio": "21:9",
            "expand_prompt": False,
            "loop": True,
            "model_name": "ray-v2",
            "duration": "9s",
            "resolution": "1080p",
        }
    )


def test_runway_options_per_model(qtbot: QtBot) -> None:
    panel = VideoOptionsPanel()
    qtbot.addWidget(panel)
    panel.set_model("runway-gen3")
    assert _visible_boxes(panel) == ["runway"]
    ratios = [panel.runway_ratio.itemData(i) for i in range(panel.runway_ratio.count())]
    assert ratios == ["16:9", "9:16"] and not panel.motion.isVisibleTo(panel)
    assert panel.params() == {"ratio": "16:9", "style": "cinematic", "seconds": 5}
    panel.set_model("runway-gen4")
    panel.runway_ratio.setCurrentIndex(panel.runway_ratio.findData("21:9"))
    panel.runway_seconds.setCurrentIndex(panel.runway_seconds.findData(10))
    assert panel.params() == {"ratio": "21:9", "style": "cinematic", "seconds": 10}
    panel.set_model("runway-gen2")
    assert panel.motion.isVisibleTo(panel)
    assert "motion_vector" not in panel.params()  # a still camera is the default
    panel.motion_sliders["y"].setValue(4)
    panel.motion_sliders["r"].setValue(-60)
    assert panel.motion_values["r"].text() == "-6.0"
    assert panel.params() == {
        "ratio": "21:9",
        "style": "cinematic",
        "seconds": 10,
        "motion_vector": {
            "x": 0.0,
            "y": 0.4,
            "z": 0.0,
            "r": -6.0,
            "bg_x_pan": 0.0,
            "bg_y_pan": 0.0,
        },
    }
    panel.set_model("runway-gen3")  # 21:9 is not offered by gen3
    assert panel.params() == {"ratio": "16:9", "style": "cinematic", "seconds": 10}


def test_kling_options_and_camera_control(qtbot: QtBot) -> None:
    panel = VideoOptionsPanel()
    qtbot.addWidget(panel)
    panel.set_model("kling-v1-6")
    assert _visible_boxes(panel) == ["kling"]
    assert panel.params() == {"mode": "std", "aspect_ratio": "16:9", "duration": "5"}
    qtbot.keyClicks(panel.kling_negative, "blur")
    panel.kling_mode.setCurrentIndex(panel.kling_mode.findData("pro"))
    panel.kling_ratio.setCurrentIndex(panel.kling_ratio.findData("9:16"))
    panel.kling_duration.setCurrentIndex(panel.kling_duration.findData("10"))
    panel.kling_cfg.setValue(0.8)
    assert not panel.camera_box.isVisibleTo(panel)
    panel.kling_camera.setCurrentIndex(panel.kling_camera.findData("simple"))
    assert panel.camera_box.isVisibleTo(panel)
    panel.camera_values["zoom"].setValue(5)
    panel.camera_values["pan"].setValue(-3)  # one movement at a time: zoom goes back to 0
    assert panel.camera_values["zoom"].value() == 0
    assert panel.params() == {
        "mode": "pro",
        "aspect_ratio": "9:16",
        "duration": "10",
        "negative_prompt": "blur",
        "cfg_scale": 0.8,
        "camera_control": {
            "type": "simple",
            "config": {
                "horizontal": 0.0,
                "vertical": 0.0,
                "pan": -3.0,
                "tilt": 0.0,
                "roll": 0.0,
                "zoom": 0.0,
            },
        },
    }
    panel.kling_camera.setCurrentIndex(panel.kling_camera.findData("down_back"))
    assert not panel.camera_box.isVisibleTo(panel)
    assert panel.params()["camera_control"] == {"type": "down_back"}
    panel.set_model("kling-v2-master")
    assert panel.params()["mode"] == "pro"  # choices survive a change of Kling model


# The audio player bar


@pytest.fixture
def bar(qtbot: QtBot) -> Iterator[AudioPlayerBar]:
    widget = AudioPlayerBar()
    qtbot.addWidget(widget)
    widget.show()
    widget.activateWindow()
    yield widget
    widget.stop()


def _tracks() -> list[Track]:
    return [
        Track("City Lights", MP3, "[Verse]\nWalking down the streets", POSTER, 1),
        Track("Summer Sea", MP3, "", None, 2),
        Track("Night Drive", MP3, "[Chorus]\nDrive", None, 3),
    ]


def _loaded(qtbot: QtBot, player: QMediaPlayer) -> None:
    qtbot.waitUntil(lambda: player.mediaStatus() == Loaded and player.duration() > 0, timeout=5000)


def test_without_an_audio_device_the_bar_says_so_and_stays_usable(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(QMediaDevices, "audioOutputs", staticmethod(lambda: []))
    bar = AudioPlayerBar()
    qtbot.addWidget(bar)
    bar.set_playlist(_tracks())
    assert bar.notice.text() == NO_DEVICE_AUDIO and bar.notice.isVisibleTo(bar)
    for control in (bar.play_button, bar.next_button, bar.seek, bar.volume, bar.repeat_button):
        assert control.isEnabled()
    bar.next_button.click()
    assert bar.title_label.text() == "Summer Sea"
    assert bar.notice.text() == NO_DEVICE_AUDIO  # still said for the next song


def test_the_bar_follows_audio_devices_coming_and_going(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    devices: list[str] = ["speakers"]
    monkeypatch.setattr(QMediaDevices, "audioOutputs", staticmethod(lambda: list(devices)))
    bar = AudioPlayerBar()
    qtbot.addWidget(bar)
    assert not bar.notice.isVisibleTo(bar) and bar.notice.text() == ""
    assert bar.player.audioOutput() is bar.audio
    devices.clear()  # unplugged
    bar.devices._devices.audioOutputsChanged.emit()
    assert bar.notice.text() == NO_DEVICE_AUDIO and bar.player.audioOutput() is None
    devices.append("headphones")
    bar.devices._devices.audioOutputsChanged.emit()
    assert not bar.notice.isVisibleTo(bar) and bar.player.audioOutput() is bar.audio


def test_a_real_mp3_loads_plays_and_seeks_here(qtbot: QtBot, bar: AudioPlayerBar) -> None:
    # This machine and CI have no audio device: Qt's FFmpeg backend still decodes and
    # advances on the system clock, silently, so the bar shows the notice and works.
    bar.set_playlist(_tracks())
    assert bar.title_label.text() == "City Lights"
    assert bar.lyrics_view.toPlainText() == "[Verse]\nWalking down the streets"
    _loaded(qtbot, bar.player)
    assert 2900 <= bar.player.duration() <= 3200
    assert bar.time_label.text() == "0:00 / 0:03" and bar.seek.maximum() == bar.player.duration()
    if not QMediaDevices.audioOutputs():
        assert bar.notice.text() == NO_DEVICE_AUDIO
        assert bar.player.audioOutput() is None  # plays silently, timed by the clock
    bar.play_button.click()
    qtbot.waitUntil(lambda: bar.player.position() > 100, timeout=3000)
    assert bar.play_button.toolTip() == "Pause"
    bar.pause()
    qtbot.waitUntil(lambda: bar.player.playbackState() == Paused)
    groove = bar.seek.rect()
    qtbot.mouseClick(bar.seek, Qt.MouseButton.LeftButton, pos=QPoint(groove.width() * 3 // 4, 5))
    qtbot.waitUntil(lambda: 1800 <= bar.player.position() <= 2600, timeout=3000)
    assert bar.time_label.text() == "0:02 / 0:03"


def test_a_song_whose_file_is_gone_is_explained_in_chinese(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path
) -> None:
    install_translation(qapp, "zh_CN")
    try:
        bar = AudioPlayerBar()
        qtbot.addWidget(bar)
        bar.set_playlist([Track("Gone", tmp_path / "gone.mp3", "", None, 1)])
        qtbot.waitUntil(lambda: bar.notice.text().startswith("无法播放这首歌"), timeout=5000)
        # Qt's own message ("Could not open file") stays in the log.
        assert bar.notice.text() == "无法播放这首歌：文件不见了或无法读取"
    finally:
        install_translation(qapp, "en")


def test_previous_next_and_repeat_over_a_playlist(qtbot: QtBot, bar: AudioPlayerBar) -> None:
    bar.set_playlist(_tracks())
    with qtbot.waitSignal(bar.trackChanged) as changed:
        bar.next_button.click()
    assert changed.args == [1] and bar.title_label.text() == "Summer Sea"
    assert bar.lyrics_view.toPlainText() == ""
    bar.next_button.click()
    assert bar.index == 2 and not bar.next_button.isEnabled()  # the end, repeat off
    bar.next()
    assert bar.index == 2
    bar.repeat_button.click()
    assert bar.repeat is Repeat.ALL and bar.repeat_button.text() == "Repeat: all"
    assert bar.next_button.isEnabled()
    bar.next_button.click()
    assert bar.index == 0  # wraps to the first song
    bar.previous_button.click()
    assert bar.index == 2  # and back round to the last
    bar.repeat_button.click()
    bar.repeat_button.click()
    assert bar.repeat is Repeat.OFF
    bar.select(0)
    bar.previous_button.click()
    assert bar.index == 0  # nothing before the first song: it starts again


def test_the_next_song_follows_at_the_end_and_repeat_one_plays_it_again(
    qtbot: QtBot, bar: AudioPlayerBar
) -> None:
    bar.set_playlist(_tracks())
    _loaded(qtbot, bar.player)
    bar.player.setPosition(2800)
    bar.play()
    qtbot.waitUntil(lambda: bar.index == 1, timeout=4000)
    qtbot.waitUntil(lambda: bar.player.playbackState() == Playing, timeout=3000)
    assert bar.title_label.text() == "Summer Sea"
    bar.set_repeat(Repeat.ONE)
    qtbot.waitUntil(lambda: bar.player.duration() > 0, timeout=3000)
    bar.player.setPosition(2800)
    qtbot.waitUntil(lambda: 0 < bar.player.position() < 1000, timeout=4000)
    assert bar.index == 1 and bar.player.playbackState() == Playing
    bar.stop()
    bar.set_repeat(Repeat.OFF)
    bar.select(2)
    _loaded(qtbot, bar.player)
    bar.player.setPosition(2800)
    bar.play()
    qtbot.waitUntil(lambda: bar.play_button.toolTip() == "Play", timeout=4000)
    assert bar.index == 2 and bar.time_label.text() == "0:03 / 0:03"  # the last song: stops
    bar.play_button.click()
    qtbot.waitUntil(lambda: 0 < bar.player.position() < 2000, timeout=3000)  # from the start


def test_media_keys_play_and_skip(qtbot: QtBot, bar: AudioPlayerBar) -> None:
    bar.set_playlist(_tracks())
    _loaded(qtbot, bar.player)
    qtbot.keyClick(bar, Qt.Key.Key_MediaTogglePlayPause)
    qtbot.waitUntil(lambda: bar.player.playbackState() == Playing, timeout=3000)
    qtbot.keyClick(bar, Qt.Key.Key_MediaNext)
    assert bar.index == 1
    qtbot.waitUntil(lambda: bar.player.playbackState() == Playing, timeout=3000)
    qtbot.keyClick(bar, Qt.Key.Key_MediaPause)
    qtbot.waitUntil(lambda: bar.player.playbackState() == Paused, timeout=3000)
    qtbot.keyClick(bar, Qt.Key.Key_MediaPrevious)
    assert bar.index == 0


def test_a_streaming_clip_plays_from_its_url_and_cannot_be_saved_yet(
    qtbot: QtBot, bar: AudioPlayerBar, relay: FakeRelay
) -> None:
    url = f"{relay.media_base_url}/files/audiopipe/clip-1.mp3"
    bar.set_playlist([Track("Still streaming", url)])
    assert not bar.save_button.isEnabled() and bar.save_as() is None
    bar.play_button.click()
    qtbot.waitUntil(lambda: bar.player.position() > 100, timeout=8000)
    assert 2900 <= bar.player.duration() <= 3200


def test_save_as_names_the_file_after_the_song(
    bar: AudioPlayerBar, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    offered: list[str] = []

    def fake_dialog(_parent: object, _caption: str, suggested: str) -> tuple[str, str]:
        # The dialog opens in a folder (Music, Movies…); the name is what the test checks.
        offered.append(Path(suggested).name)
        return str(tmp_path / offered[-1]), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", fake_dialog)
    bar.set_playlist([Track("City Lights: Remix/2", MP3)])
    saved = bar.save_as()
    assert saved is not None and saved.read_bytes() == MP3.read_bytes()
    assert offered[0].endswith(".mp3") and "/" not in offered[0]
    assert offered[0].startswith("City Lights")


# The video player


@pytest.fixture
def video(qtbot: QtBot) -> Iterator[VideoPlayer]:
    widget = VideoPlayer()
    qtbot.addWidget(widget)
    widget.resize(640, 420)
    widget.show()
    yield widget
    widget.video.setFullScreen(False)
    widget.player.stop()


def test_a_real_mp4_loads_and_steps_frame_by_frame(qtbot: QtBot, video: VideoPlayer) -> None:
    frames: list[int] = []
    video.video.videoSink().videoFrameChanged.connect(lambda f: frames.append(f.startTime()))
    video.load(MP4, "Beach at dusk")
    _loaded(qtbot, video.player)
    assert 1900 <= video.player.duration() <= 2100 and video.player.hasVideo()
    assert video.time_label.text() == "0:00 / 0:02"
    if not QMediaDevices.audioOutputs():
        assert video.notice.text() == NO_DEVICE_VIDEO and video.notice.isVisibleTo(video)
    for _ in range(5):
        video.forward_button.click()
    assert video.player.position() == 200 and video.player.playbackState() == Paused
    qtbot.waitUntil(lambda: bool(frames), timeout=3000)  # the picture follows, while paused
    shown = len(frames)
    video.back_button.click()
    assert video.player.position() == 160
    qtbot.waitUntil(lambda: len(frames) > shown, timeout=3000)
    video.player.setPosition(0)
    video.back_button.click()
    assert video.player.position() == 0  # never before the start


def test_video_plays_loops_and_stops_at_the_end(qtbot: QtBot, video: VideoPlayer) -> None:
    video.load(MP4)
    _loaded(qtbot, video.player)
    video.loop_button.click()
    assert video.loop
    video.player.setPosition(1700)
    video.play_button.click()
    qtbot.waitUntil(lambda: video.player.position() >= 1800, timeout=3000)
    qtbot.waitUntil(lambda: 0 < video.player.position() < 1000, timeout=3000)  # round again
    assert video.player.playbackState() == Playing
    video.loop_button.click()
    qtbot.waitUntil(lambda: video.play_button.toolTip() == "Play", timeout=4000)
    assert video.time_label.text() == "0:02 / 0:02"


def test_video_sound_and_full_screen_controls(qtbot: QtBot, video: VideoPlayer) -> None:
    video.load(MP4)
    video.mute_button.click()
    assert video.audio.isMuted() and video.mute_button.isChecked()
    video.volume.setValue(30)
    assert video.audio.volume() == pytest.approx(0.3, abs=0.01)
    _loaded(qtbot, video.player)
    video.full_screen_button.click()
    qtbot.waitUntil(video.video.isFullScreen, timeout=2000)
    qtbot.keyClick(video.video, Qt.Key.Key_Space)  # the keys still work in full screen
    qtbot.waitUntil(lambda: video.player.playbackState() == Playing, timeout=3000)
    qtbot.keyClick(video.video, Qt.Key.Key_Period)
    assert video.player.playbackState() == Paused
    qtbot.keyClick(video.video, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not video.video.isFullScreen(), timeout=2000)


def test_video_save_as_and_a_video_still_on_the_relay(
    qtbot: QtBot,
    video: VideoPlayer,
    relay: FakeRelay,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    offered: list[str] = []

    def fake_dialog(_parent: object, _caption: str, suggested: str) -> tuple[str, str]:
        # The dialog opens in a folder (Music, Movies…); the name is what the test checks.
        offered.append(Path(suggested).name)
        return str(tmp_path / offered[-1]), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", fake_dialog)
    video.load(MP4, "Beach at dusk")
    saved = video.save_as()
    assert offered == ["Beach at dusk.mp4"] and saved is not None and saved.is_file()
    video.load(f"{relay.media_base_url}/files/kling/result.mp4", "Not downloaded yet")
    assert not video.save_button.isEnabled() and video.save_as() is None
    _loaded(qtbot, video.player)  # it plays from the URL meanwhile
    assert 1900 <= video.player.duration() <= 2100


# The libraries


def _asset(
    asset_id: int,
    kind: AssetKind,
    model: str,
    *,
    title: str = "",
    prompt: str = "",
    tags: str = "",
    conversation: int | None = None,
    cover: Path | None = None,
    created: float = 0.0,
) -> Asset:
    params: dict[str, object] = {"title": title, "tags": tags, "lyrics": "[Verse]\nla la"}
    if kind == AssetKind.VIDEO and cover is not None:
        params["poster_path"] = str(cover)
    return Asset(
        id=asset_id,
        kind=kind,
        path=MP3 if kind == AssetKind.AUDIO else MP4,
        mime="audio/mpeg" if kind == AssetKind.AUDIO else "video/mp4",
        size=1,
        sha256=str(asset_id),
        provenance=Provenance(kind, prompt, model, params, conversation_id=conversation),
        thumbnail=cover if kind == AssetKind.AUDIO else None,
        duration=183.0,
        created_at=1_700_000_000 + (created or asset_id),
    )


def _songs() -> list[Asset]:
    return [
        _asset(1, AssetKind.AUDIO, "chirp-v3-5", title="Old Song", tags="folk", created=1),
        _asset(
            2,
            AssetKind.AUDIO,
            "chirp-v4",
            title="City Lights",
            tags="punk",
            conversation=9,
            cover=POSTER,
            created=3,
        ),
        _asset(3, AssetKind.AUDIO, "chirp-v4", prompt="a song about the sea", created=2),
    ]


def test_music_library_lists_songs_newest_first_with_their_details(qtbot: QtBot) -> None:
    page = MediaLibraryPage(AssetKind.AUDIO)
    qtbot.addWidget(page)
    ModelTester(None).check(page.model)  # type: ignore[arg-type]
    assert page.empty_hint.isVisibleTo(page)
    page.set_assets(_songs())
    ModelTester(None).check(page.model)  # type: ignore[arg-type]
    rows = [page.model.index(r).data() for r in range(page.model.rowCount())]
    assert rows[0].startswith("City Lights\npunk · 3:03 · chirp-v4 · ")
    assert rows[1].startswith("a song about the sea\n3:03 · chirp-v4")
    assert rows[2].startswith("Old Song\nfolk · 3:03 · chirp-v3-5")
    assert "[Verse]\nla la" in page.model.index(0).data(Qt.ItemDataRole.ToolTipRole)
    assert page.count_label.text() == "3 songs" and not page.empty_hint.isVisibleTo(page)
    cover = page.model.index(0).data(Qt.ItemDataRole.DecorationRole)
    placeholder = page.model.index(1).data(Qt.ItemDataRole.DecorationRole)
    assert not cover.isNull() and not placeholder.isNull()
    assert cover.pixmap(64).toImage() != placeholder.pixmap(64).toImage()


def test_library_filters_ask_for_a_new_list(qtbot: QtBot) -> None:
    page = MediaLibraryPage(AssetKind.AUDIO)
    qtbot.addWidget(page)
    page.filter.set_models(["chirp-v3-5", "chirp-v4"])
    with qtbot.waitSignal(page.filtersChanged):
        qtbot.keyClicks(page.filter.text, "city")
    with qtbot.waitSignal(page.filtersChanged):
        page.filter.model.setCurrentIndex(page.filter.model.findData("chirp-v4"))
    assert page.filter.values() == ("chirp-v4", "city")
    page.filter.set_models(["chirp-v4", "chirp-v5"])
    assert page.filter.values() == ("chirp-v4", "city")  # the choice survives a refresh
    page.set_assets([])
    for asset in _songs():
        page.add_asset(asset)  # only what passes the filters shows up
    assert [a.id for a in page.model.assets] == [2]
    page.add_asset(_asset(4, AssetKind.VIDEO, "chirp-v4", title="City video"))
    assert page.count_label.text() == "1 song"


def test_music_library_actions(qtbot: QtBot) -> None:
    page = MediaLibraryPage(AssetKind.AUDIO)
    qtbot.addWidget(page)
    page.show()
    page.set_assets(_songs())
    assert not page.continue_button.isEnabled() and not page.delete_button.isEnabled()
    rect = page.view.visualRect(page.model.index(0))
    with qtbot.waitSignal(page.playRequested) as played:
        # A double click as the window system delivers it: a press, then the double click.
        qtbot.mouseClick(page.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        qtbot.mouseDClick(page.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert played.args[0].id == 2 and [a.id for a in played.args[1]] == [2, 3, 1]
    assert page.continue_button.isEnabled()
    with qtbot.waitSignal(page.continueRequested) as continued:
        page.continue_button.click()
    assert continued.args[0].id == 2
    entries = dict(page.actions_for(page.model.assets[0]))
    assert list(entries) == [
        "Play",
        "Open the conversation it came from",
        "Continue this song",
        "Save as…",
        "Show in folder",
        "Delete",
    ]
    with qtbot.waitSignal(page.openConversationRequested) as opened:
        entries["Open the conversation it came from"]()
    assert opened.args == [9]
    assert "Open the conversation it came from" not in dict(page.actions_for(page.model.assets[1]))
    page.view.selectAll()
    assert not page.continue_button.isEnabled()  # one song at a time
    with qtbot.waitSignal(page.deleteRequested) as deleted:
        page.delete_button.click()
    assert [a.id for a in deleted.args[0]] == [2, 3, 1]
    page.remove_assets([2, 1])
    assert [a.id for a in page.model.assets] == [3] and page.count_label.text() == "1 song"


def test_video_library_extends_luma_only_and_reuses_last_frames(qtbot: QtBot) -> None:
    page = MediaLibraryPage(AssetKind.VIDEO)
    qtbot.addWidget(page)
    page.show()
    luma = _asset(1, AssetKind.VIDEO, "luma", prompt="a beach at dusk", cover=POSTER)
    kling = _asset(2, AssetKind.VIDEO, "kling-v1-6", prompt="a cat dancing", conversation=4)
    page.set_assets([luma, kling])
    ModelTester(None).check(page.model)  # type: ignore[arg-type]
    assert page.count_label.text() == "2 videos"
    assert not page.continue_button.isVisibleTo(page) and page.extend_button.isVisibleTo(page)
    assert list(dict(page.actions_for(luma))) == [
        "Play",
        "Extend",
        "Use the last frame as the next start frame",
        "Save as…",
        "Show in folder",
        "Delete",
    ]
    assert "Extend" not in dict(page.actions_for(kling))
    page.view.setCurrentIndex(page.model.index(0))  # the Kling video, newer
    assert not page.extend_button.isEnabled() and page.last_frame_button.isEnabled()
    with qtbot.waitSignal(page.useLastFrameRequested) as reused:
        page.last_frame_button.click()
    assert reused.args[0].id == 2
    page.view.setCurrentIndex(page.model.index(1))
    with qtbot.waitSignal(page.extendRequested) as extended:
        page.extend_button.click()
    assert extended.args[0].id == 1
    poster = page.model.index(1).data(Qt.ItemDataRole.DecorationRole).pixmap(96, 54).toImage()
    assert poster.pixelColor(48, 27).alpha() == 255  # the poster fills the frame


def test_players_load_the_multimedia_backend_only_when_something_is_played(
    qtbot: QtBot,
) -> None:
    bar, video = AudioPlayerBar(), VideoPlayer()
    qtbot.addWidget(bar)
    qtbot.addWidget(video)
    # Volume and mute chosen before anything plays still apply once it does.
    bar.volume.setValue(30)
    bar.mute_button.click()
    video.play_button.click()  # nothing loaded: nothing to play
    assert bar.findChildren(QMediaPlayer) == [] and video.findChildren(QMediaPlayer) == []
    assert bar.time_label.text() == "0:00 / 0:00" and not bar.play_button.isEnabled()
    bar.set_playlist(_tracks())
    assert len(bar.findChildren(QMediaPlayer)) == 1
    assert bar.audio.volume() == pytest.approx(0.3) and bar.audio.isMuted()
    assert bar.mute_button.isChecked()
    video.load(MP4)
    assert len(video.findChildren(QMediaPlayer)) == 1
    assert video.player.videoOutput() is video.video
