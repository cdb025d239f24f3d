"""Continuing a Suno song: from the music library it keeps its title; without a song picked,
nothing is sent and the user is told what to do."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from ecovdesk.app import RunningApp
from ecovdesk.core.domain import AssetKind, JobState, Role
from ecovdesk.ui.message_bubble import MessageBubble
from tests.fakerelay.server import FakeRelay
from tests.ui.conftest import Driver

CHOOSE_A_SONG = "Choose a song to continue in the Music tab first."


def _replies(app: RunningApp) -> list[MessageBubble]:
    return [b for b in app.window.view.bubbles() if b.message.role is Role.ASSISTANT]


def _press_generate(qtbot: QtBot, app: RunningApp, text: str) -> None:
    app.window.composer.edit.insertPlainText(text)
    qtbot.keyClick(app.window.composer.edit, Qt.Key.Key_Return)


def _finished_song(driver: Driver, app: RunningApp, replies: int) -> MessageBubble:
    """The newest reply once there are ``replies`` and its songs are in the library."""
    driver.until(lambda: len(_replies(app)) == replies and _replies(app)[-1].job_card is not None)
    bubble = _replies(app)[-1]
    card = bubble.job_card
    assert card is not None
    driver.until(lambda: card.job.state is JobState.SUCCEEDED, timeout=40)
    driver.until(lambda: any(a.kind is AssetKind.AUDIO for a in bubble.images.media))
    return bubble


def test_continue_without_a_song_sends_nothing_and_says_how_to_pick_one(
    qtbot: QtBot, driver: Driver, app: RunningApp, relay: FakeRelay
) -> None:
    window = app.window
    window.picker.choose("chirp-v4")
    suno = window.side_panel.suno
    suno.mode_buttons["continue"].click()
    _press_generate(qtbot, app, "续写一下")
    driver.settle(0.5)
    assert relay.requests_to("/suno/submit") == []
    assert _replies(app) == [] and driver.run(app.services.jobs.list_jobs()) == []
    assert window.composer.text() == "续写一下"  # kept for when a song is picked
    assert window.statusBar().currentMessage() == CHOOSE_A_SONG
    assert window.side_panel.isVisibleTo(window)
    assert suno.song_missing.isVisibleTo(window) and suno.song_missing.text() == CHOOSE_A_SONG


def test_a_song_continued_from_the_music_library_keeps_its_title_and_style(
    qtbot: QtBot, driver: Driver, app: RunningApp, relay: FakeRelay
) -> None:
    relay.poll_steps = 1
    window = app.window
    window.picker.choose("chirp-v4")
    _press_generate(qtbot, app, "一首关于夏天海边的轻快流行歌")
    first = _finished_song(driver, app, replies=1)
    assert first.job_card is not None
    parent_task = first.job_card.job.remote_id
    window.tabs.setCurrentWidget(window.music_page)
    driver.until(lambda: bool(window.music_page.model.assets))
    song = window.music_page.model.assets[0]
    title = str(song.provenance.params["title"])
    tags = str(song.provenance.params["tags"])
    assert title and tags

    window.music_page.continueRequested.emit(song)
    # Shown before it is sent, and free to change.
    assert window.side_panel.suno.title.text() == title
    assert window.side_panel.suno.tags.text() == tags
    _press_generate(qtbot, app, "[Verse]\n海浪还在唱")
    continued = _finished_song(driver, app, replies=2)

    body = relay.requests_to("/suno/submit/music")[-1].json
    assert body is not None
    assert body["continue_clip_id"] == song.provenance.params["clip_id"]
    assert body["task_id"] == parent_task
    assert body["tags"] == tags
    songs = [a for a in continued.images.media if a.kind is AssetKind.AUDIO]
    assert {a.provenance.params["title"] for a in songs} == {title}
