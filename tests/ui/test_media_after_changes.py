"""Songs and videos in the running app when the library changes under the players: deleted,
finished while streaming, covers and lengths arriving late, filters, the room the player takes."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from ecovdesk.app import RunningApp
from ecovdesk.core.domain import Asset, AssetKind, JobState
from ecovdesk.ui.job_card import JobCard
from ecovdesk.ui.media_library import MediaLibraryPage
from tests.fakerelay.server import FakeRelay
from tests.ui.conftest import Driver
from tests.ui.test_music_and_video import _finished_video, _generate, _job_bubble


def _yes_to_questions(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(
        QMessageBox, "question", staticmethod(lambda *_a, **_k: QMessageBox.StandardButton.Yes)
    )


def _warnings(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    said: list[str] = []

    def warn(_parent: object, _title: str, text: str) -> QMessageBox.StandardButton:
        said.append(text)
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "warning", staticmethod(warn))
    return said


def _songs(
    qtbot: QtBot, driver: Driver, app: RunningApp, relay: FakeRelay, *, steps: int = 1
) -> tuple[JobCard, MediaLibraryPage]:
    """A Suno job asked for with the Music tab open; its card and the music page."""
    relay.poll_steps = steps
    window = app.window
    count = _generate(qtbot, app, "chirp-v4", "一首关于夏天海边的轻快流行歌")
    card = _job_bubble(driver, app, count).job_card
    assert card is not None
    # Open before the songs are done, as when watching them arrive.
    window.tabs.setCurrentWidget(window.music_page)
    return card, window.music_page


def _corner_filled(page: MediaLibraryPage, row: int) -> bool:
    """A cover fills the row's picture; a placeholder leaves its corners empty."""
    icon = page.model.data(page.model.index(row), Qt.ItemDataRole.DecorationRole)
    return bool(icon.pixmap(page.model.cover_size).toImage().pixelColor(2, 2).alpha() == 255)


def test_deleting_the_song_playing_clears_the_bar(
    qtbot: QtBot,
    driver: Driver,
    app: RunningApp,
    relay: FakeRelay,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window = app.window
    card, page = _songs(qtbot, driver, app, relay)
    driver.until(lambda: card.job.state is JobState.SUCCEEDED, timeout=40)
    driver.until(lambda: len(page.model.assets) == 1)
    (song,) = page.model.assets
    window.media.play(song, page.model.assets)
    bar = window.audio_bar
    assert bar.current is not None and bar.current.asset_id == song.id
    _yes_to_questions(monkeypatch)

    page.deleteRequested.emit([song])
    driver.until(lambda: not page.model.assets)
    assert bar.current is None and bar.title_label.text() == "Nothing playing"
    assert not bar.playing() and not bar.save_button.isEnabled()
    assert not bar.isVisibleTo(window)


def test_save_as_of_a_song_whose_file_went_says_so(
    qtbot: QtBot,
    driver: Driver,
    app: RunningApp,
    relay: FakeRelay,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window = app.window
    card, page = _songs(qtbot, driver, app, relay)
    driver.until(lambda: card.job.state is JobState.SUCCEEDED, timeout=40)
    driver.until(lambda: len(page.model.assets) == 1)
    window.media.play(page.model.assets[0], page.model.assets)
    said = _warnings(monkeypatch)
    page.model.assets[0].path.unlink()  # gone behind the app's back

    assert window.audio_bar.save_as() is None
    assert said == ["This song is no longer in the library."]
    assert not window.audio_bar.save_button.isEnabled()
    assert window.audio_bar.save_button.toolTip() == "This song is no longer in the library."


def test_deleting_the_video_playing_closes_the_player(
    qtbot: QtBot,
    driver: Driver,
    app: RunningApp,
    relay: FakeRelay,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window = app.window
    video = _finished_video(qtbot, driver, app, relay, "luma", "海浪拍打礁石，慢镜头")
    window.media.play(video, [video])
    assert window.video_player.isVisibleTo(window) and window.video_player.source == video.path
    _yes_to_questions(monkeypatch)

    window.video_page.deleteRequested.emit([video])
    driver.until(lambda: not window.video_page.model.assets)
    assert window.video_player.source is None and not window.video_player.playing()
    assert not window.video_player.isVisibleTo(window)
    assert not window.video_player.save_button.isEnabled()


def test_a_song_listened_to_while_made_becomes_the_kept_song(
    qtbot: QtBot, driver: Driver, app: RunningApp, relay: FakeRelay
) -> None:
    window = app.window
    card, page = _songs(qtbot, driver, app, relay, steps=4)
    driver.until(lambda: card.listen_button.isVisibleTo(card), timeout=40)
    card.listen_button.click()
    bar = window.audio_bar
    assert bar.current is not None and isinstance(bar.current.source, str)
    assert not bar.save_button.isEnabled()

    driver.until(lambda: card.job.state is JobState.SUCCEEDED, timeout=40)
    driver.until(lambda: len(page.model.assets) == 1)
    (song,) = page.model.assets  # the fake relay's two clips are the same file: kept once

    def kept() -> int | None:
        return next((i for i, t in enumerate(bar.tracks) if t.asset_id == song.id), None)

    driver.until(lambda: kept() is not None and bar.tracks[kept() or 0].cover is not None)
    index = kept()
    assert index is not None
    track = bar.tracks[index]
    assert track.source == song.path and track.title == song.provenance.params["title"]
    if bar.index != index:
        bar.select(index)
    assert bar.title_label.text() == track.title != card.job.prompt[:60]
    assert bar.lyrics_view.toPlainText().startswith("[Verse]")
    assert bar.save_button.isEnabled()
    assert bar.save_button.toolTip() == "Save a copy of this song"


def test_song_covers_show_once_they_arrive(
    qtbot: QtBot, driver: Driver, app: RunningApp, relay: FakeRelay
) -> None:
    card, page = _songs(qtbot, driver, app, relay)
    driver.until(lambda: card.job.state is JobState.SUCCEEDED, timeout=40)
    driver.until(lambda: len(page.model.assets) == 1)
    driver.until(lambda: _corner_filled(page, 0), timeout=10)


def test_videos_show_the_length_of_their_file(
    qtbot: QtBot, driver: Driver, app: RunningApp, relay: FakeRelay
) -> None:
    window = app.window
    page = window.video_page
    _finished_video(qtbot, driver, app, relay, "kling-v1-6", "海边有一个人在跳舞")
    # Kling says 5.1 s, as asked; the file is 2 s long.
    driver.until(lambda: (page.model.assets[0].duration or 0) < 3, timeout=20)
    assert page.model.assets[0].duration == pytest.approx(2.0, abs=0.1)
    assert "\n0:02 · kling-v1-6 · " in page.model.index(0).data()

    window.tabs.setCurrentIndex(0)
    count = _generate(qtbot, app, "luma", "海浪拍打礁石，慢镜头")
    card = _job_bubble(driver, app, count).job_card
    assert card is not None
    driver.until(lambda: card.job.state is JobState.SUCCEEDED, timeout=40)
    window.tabs.setCurrentWidget(window.videos_tab)
    driver.until(lambda: len(page.model.assets) == 2)
    driver.until(lambda: "\n0:02 · luma · " in page.model.index(0).data(), timeout=20)

    # Kept: listed again, the lengths are the files' without reading them again.
    listed = driver.run(app.services.library.list_kind(AssetKind.VIDEO))
    assert [round(a.duration or 0) for a in listed] == [2, 2]


def test_the_video_player_takes_room_only_while_a_video_is_loaded(
    qtbot: QtBot, driver: Driver, app: RunningApp, relay: FakeRelay
) -> None:
    window = app.window
    window.resize(1000, 640)
    video = _finished_video(qtbot, driver, app, relay, "luma", "海浪拍打礁石，慢镜头")
    window.audio_bar.setVisible(True)
    driver.settle(0.2)
    assert not window.video_player.isVisible()
    assert window.video_page.height() >= window.videos_tab.height() - 10

    window.video_page.playRequested.emit(video, [video])
    driver.until(window.video_player.isVisible)
    assert window.video_player.video.height() >= 180
    window.video_player.close_button.click()
    driver.until(lambda: not window.video_player.isVisible())
    assert window.video_player.source is None


def _library_asset(kind: AssetKind, path: Path, title: str) -> Asset:
    from ecovdesk.core.domain import Provenance

    return Asset(
        id=1,
        kind=kind,
        path=path,
        mime="audio/mpeg",
        size=path.stat().st_size,
        sha256="1",
        provenance=Provenance(kind, "a prompt", "chirp-v4", {"title": title}),
        created_at=1_700_000_000,
    )


def test_library_menus_save_a_copy_and_show_the_folder(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QFileDialog

    from tests.ui.test_media_widgets import MP3

    page = MediaLibraryPage(AssetKind.AUDIO)
    qtbot.addWidget(page)
    song = _library_asset(AssetKind.AUDIO, MP3, "City Lights")
    page.set_assets([song])
    target = tmp_path / "copy.mp3"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *_a: (str(target), "")))
    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(lambda url: opened.append(url)))

    entries = dict(page.actions_for(song))
    entries["Save as…"]()
    assert target.read_bytes() == MP3.read_bytes()
    entries["Show in folder"]()
    assert [u.toLocalFile() for u in opened] == [str(MP3.parent)]


@pytest.mark.parametrize(
    ("kind", "empty", "no_match"),
    [
        (
            AssetKind.AUDIO,
            "Songs you make with Suno appear here, kept for good.",
            "No songs match the filter.",
        ),
        (
            AssetKind.VIDEO,
            "Videos you make appear here, kept for good.",
            "No videos match the filter.",
        ),
    ],
)
def test_a_filter_without_matches_says_so(
    qtbot: QtBot, kind: AssetKind, empty: str, no_match: str
) -> None:
    page = MediaLibraryPage(kind)
    qtbot.addWidget(page)
    assert page.empty_hint.text() == empty
    page.filter.text.setText("nothing like this")
    page.set_assets([])
    assert page.empty_hint.text() == no_match and page.empty_hint.isVisibleTo(page)
    page.filter.text.clear()
    page.set_assets([])
    assert page.empty_hint.text() == empty


def test_a_cover_that_arrives_after_its_row_was_drawn_replaces_the_placeholder(
    qtbot: QtBot, tmp_path: Path
) -> None:
    from dataclasses import replace

    from tests.ui.test_media_widgets import MP3, POSTER

    page = MediaLibraryPage(AssetKind.AUDIO)
    qtbot.addWidget(page)
    cover = tmp_path / "cover.jpg"
    song = replace(_library_asset(AssetKind.AUDIO, MP3, "City Lights"), thumbnail=cover)
    page.set_assets([song])
    assert not _corner_filled(page, 0)  # drawn before the cover was downloaded
    shutil.copyfile(POSTER, cover)
    page.set_assets([song])
    assert _corner_filled(page, 0)


def test_deleting_the_song_playing_goes_on_with_the_next_one(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ecovdesk.ui.audio_player import AudioPlayerBar, Track
    from tests.ui.test_media_widgets import MP3

    bar = AudioPlayerBar()
    qtbot.addWidget(bar)
    tracks = [Track(name, MP3, asset_id=n) for n, name in enumerate(["One", "Two", "Three"], 1)]
    bar.set_playlist(tracks, 1, play=True)
    qtbot.waitUntil(bar.playing, timeout=3000)
    bar.forget({1})  # one before it: the same song goes on
    assert bar.index == 0 and bar.current == tracks[1] and bar.playing()
    bar.forget({2})
    assert bar.current == tracks[2] and bar.title_label.text() == "Three"
    qtbot.waitUntil(bar.playing, timeout=3000)
    bar.forget({3})
    assert bar.current is None and bar.title_label.text() == "Nothing playing"
    assert not bar.playing() and not bar.save_button.isEnabled()
    bar.stop()


def test_a_stream_replaced_by_its_file_plays_on(qtbot: QtBot, relay: FakeRelay) -> None:
    from ecovdesk.ui.audio_player import AudioPlayerBar, Track
    from tests.ui.test_media_widgets import MP3, POSTER

    bar = AudioPlayerBar()
    qtbot.addWidget(bar)
    url = f"{relay.media_base_url}/files/audiopipe/clip-1.mp3"
    bar.set_playlist([Track("a prompt", url, job_id=7)], play=True)
    qtbot.waitUntil(lambda: bar.player.position() > 300, timeout=8000)
    bar.replace_track(0, Track("Summer Sea", MP3, "[Verse]\nla", POSTER, 5, 7))
    assert bar.title_label.text() == "Summer Sea" and bar.save_button.isEnabled()
    assert bar.lyrics_view.toPlainText() == "[Verse]\nla" and not bar.cover.pixmap().isNull()
    assert bar.playing() and bar.player.position() > 300  # not started again
    bar.stop()
