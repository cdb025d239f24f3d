"""Midjourney from the composer: live progress, the grid with its buttons, an upscale."""

from __future__ import annotations

import asyncio
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton, QWidget
from pytestqt.qtbot import QtBot

from ecovdesk.app import RunningApp
from ecovdesk.core.domain import JobState, Role
from ecovdesk.ui.job_card import JobCard
from ecovdesk.ui.message_bubble import MessageBubble
from tests.fakerelay.server import FakeRelay
from tests.ui.conftest import Driver


def _replies(app: RunningApp) -> list[MessageBubble]:
    return [b for b in app.window.view.bubbles() if b.message.role is Role.ASSISTANT]


def _imagine(qtbot: QtBot, app: RunningApp, text: str, model: str = "midjourney") -> None:
    window = app.window
    window.picker.choose(model)
    window.composer.edit.insertPlainText(text)
    qtbot.keyClick(window.composer.edit, Qt.Key.Key_Return)


def _settled_card(driver: Driver, app: RunningApp, state: JobState, replies: int = 1) -> JobCard:
    """The newest reply's job card, once there are ``replies`` replies and it is in ``state``."""
    driver.until(lambda: len(_replies(app)) == replies and _replies(app)[-1].job_card is not None)
    card = _replies(app)[-1].job_card
    assert card is not None
    driver.until(lambda: card.job.state is state, timeout=30)
    return card


def test_imagine_shows_progress_then_a_grid_with_buttons_and_an_upscale_lands(
    qtbot: QtBot, driver: Driver, app: RunningApp, relay: FakeRelay
) -> None:
    relay.poll_steps = 3
    window = app.window
    window.picker.choose("midjourney")
    assert window.side_panel.currentWidget() is window.side_panel.midjourney
    assert window.composer.send_button.text() == "Generate"
    mj = window.side_panel.midjourney
    mj.aspect_ratio.setCurrentIndex(mj.aspect_ratio.findData("16:9"))
    mj.raw.setChecked(True)
    _imagine(qtbot, app, "a lighthouse at dawn")
    driver.until(lambda: bool(_replies(app)) and _replies(app)[-1].job_card is not None)
    card = _replies(app)[-1].job_card
    assert card is not None
    assert window.composer.send_button.text() == "Generate"  # the composer stays free
    driver.until(lambda: card.job.state is JobState.RUNNING, timeout=20)
    assert card.progress.isVisibleTo(card) and card.progress.value() > 0
    driver.until(lambda: card.job.state is JobState.SUCCEEDED, timeout=30)
    sent = relay.requests_to("/mj/submit/imagine")[-1].json
    assert "--ar 16:9" in sent["prompt"] and "--style raw" in sent["prompt"]
    bubble = _replies(app)[-1]
    driver.until(lambda: bool(bubble.images.assets))
    labels = [b.text() for b in card.findChildren(QPushButton) if b.isVisibleTo(card)]
    assert {"U1", "U2", "U3", "U4", "V1"} <= {t.split()[-1] for t in labels}
    assert card.split_button.isVisibleTo(card)

    u1 = next(b for b in card.findChildren(QPushButton) if b.text().endswith("U1"))
    u1.click()
    driver.until(lambda: len(_replies(app)) == 2 and _replies(app)[-1].job_card is not None)
    child = _replies(app)[-1].job_card
    assert child is not None and child.job.parent_job_id == card.job.id
    assert child.lineage.isVisibleTo(child)
    driver.until(lambda: child.job.state is JobState.SUCCEEDED, timeout=30)
    assert (
        relay.requests_to("/mj/submit/action")[-1]
        .json["customId"]
        .startswith("MJ::JOB::upsample::1")
    )
    driver.until(lambda: bool(_replies(app)[-1].images.assets))
    # An upscale is one picture: its "Upscale (Subtle)" is not a grid's U1, nothing to split.
    child_labels = [b.text() for b in child.findChildren(QPushButton) if b.isVisibleTo(child)]
    assert "Upscale (Subtle)" in child_labels
    assert not child.split_button.isVisibleTo(child)
    assert child.seed_button.isVisibleTo(child)

    window.tabs.setCurrentWidget(window.gallery)
    driver.until(lambda: len(window.gallery.model.assets) >= 2)
    window.tabs.setCurrentWidget(window.jobs_panel)
    driver.until(lambda: window.jobs_panel.model.rowCount() == 2)
    assert window.jobs_panel.running_count() == 0
    # The grid and its upscale share prompt, model and state: the row says which button.
    model = window.jobs_panel.model
    types = [model.data(model.index(row, 0)) for row in range(2)]
    assert sorted(types) == ["Midjourney", "Midjourney · U1"]


def test_split_grid_saves_four_pictures_without_a_request(
    qtbot: QtBot, driver: Driver, app: RunningApp, relay: FakeRelay
) -> None:
    relay.poll_steps = 1
    _imagine(qtbot, app, "four cats")
    driver.until(lambda: bool(_replies(app)) and _replies(app)[-1].job_card is not None)
    bubble = _replies(app)[-1]
    card = bubble.job_card
    assert card is not None
    driver.until(
        lambda: card.job.state is JobState.SUCCEEDED and bool(bubble.images.assets), timeout=30
    )
    before = len(relay.requests)
    card.split_button.click()
    driver.until(lambda: len(bubble.images.assets) == 5)
    quadrants = [a for a in bubble.images.assets if "quadrant" in a.provenance.params]
    assert sorted(int(str(a.provenance.params["quadrant"])) for a in quadrants) == [1, 2, 3, 4]
    grid = bubble.images.assets[0]
    assert quadrants[0].width == (grid.width or 0) // 2
    assert len([r for r in relay.requests[before:] if r.path.startswith("/mj/")]) == 0


def test_failed_imagine_shows_the_reason_and_retry(
    qtbot: QtBot, driver: Driver, app: RunningApp, relay: FakeRelay
) -> None:
    relay.poll_steps = 1
    _imagine(qtbot, app, "banned words here")
    card = _settled_card(driver, app, JobState.FAILED)
    assert card.error.isVisibleTo(card) and card.error.text()
    assert card.retry_button.isVisibleTo(card)
    submits = len(relay.requests_to("/mj/submit/imagine"))
    card.retry_button.click()
    driver.until(lambda: len(relay.requests_to("/mj/submit/imagine")) == submits + 1)


def test_describe_offers_its_prompts_for_reuse_and_blend_sends_the_images(
    qtbot: QtBot, driver: Driver, app: RunningApp, relay: FakeRelay, tmp_path: Path
) -> None:
    from PIL import Image

    relay.poll_steps = 1
    window = app.window
    for name in ("a.png", "b.png"):
        Image.new("RGB", (64, 64), "teal").save(tmp_path / name)
    window.picker.choose("midjourney")
    mj = window.side_panel.midjourney
    mj.task.setCurrentIndex(mj.task.findData("describe"))
    window.composer.imageFilesChosen.emit([str(tmp_path / "a.png")])
    driver.until(lambda: len(window.attachments.items) == 1)
    window.composer.edit.insertPlainText("describe this")
    qtbot.keyClick(window.composer.edit, Qt.Key.Key_Return)
    driver.until(lambda: bool(_replies(app)) and _replies(app)[-1].job_card is not None)
    card = _replies(app)[-1].job_card
    assert card is not None
    driver.until(lambda: card.job.state is JobState.SUCCEEDED, timeout=30)
    assert relay.requests_to("/mj/submit/describe")[-1].json["base64"].startswith("data:image/")
    uses = [b for b in card.findChildren(QPushButton) if b.text().startswith("Use:")]
    assert len(uses) == 4
    uses[1].click()
    assert window.composer.text() == uses[1].toolTip()
    assert mj.task.currentData() == "imagine"
    window.composer.clear_text()

    mj.task.setCurrentIndex(mj.task.findData("blend"))
    mj.dimensions.setCurrentIndex(mj.dimensions.findData("LANDSCAPE"))
    window.composer.imageFilesChosen.emit([str(tmp_path / "a.png"), str(tmp_path / "b.png")])
    driver.until(lambda: len(window.attachments.items) == 2)
    window.composer.edit.insertPlainText("blend them")
    qtbot.keyClick(window.composer.edit, Qt.Key.Key_Return)
    driver.until(lambda: bool(relay.requests_to("/mj/submit/blend")))
    blend = relay.requests_to("/mj/submit/blend")[-1].json
    assert len(blend["base64Array"]) == 2 and blend["dimensions"] == "LANDSCAPE"


def test_custom_zoom_asks_for_a_prompt_while_everything_else_keeps_running(
    qtbot: QtBot, driver: Driver, app: RunningApp, relay: FakeRelay
) -> None:
    from PySide6.QtCore import QTimer

    from ecovdesk.ui.mask_painter import ModalDialog

    relay.poll_steps = 1
    _imagine(qtbot, app, "a quiet harbour")
    card = _settled_card(driver, app, JobState.SUCCEEDED)
    next(b for b in card.findChildren(QPushButton) if b.text().endswith("U1")).click()
    upscale = _settled_card(driver, app, JobState.SUCCEEDED, replies=2)
    zoom = next(b for b in upscale.findChildren(QPushButton) if b.text() == "Custom Zoom")

    # Work that wakes while the dialog is open: a nested event loop would refuse it.
    background = driver.loop.create_task(asyncio.sleep(0.2))
    seen_open: list[bool] = []

    def answer() -> None:
        dialog = app.window.findChild(ModalDialog)
        assert dialog is not None and dialog.isVisible()
        driver.loop.call_later(0.4, lambda: _accept(dialog, seen_open, background))

    QTimer.singleShot(100, answer)
    zoom.click()
    driver.until(lambda: bool(seen_open), timeout=10)
    assert seen_open == [True]  # the background task finished while the dialog was open
    driver.until(lambda: bool(relay.requests_to("/mj/submit/modal")), timeout=10)
    assert relay.requests_to("/mj/submit/modal")[-1].json["prompt"] == "a quiet harbour --zoom 1.8"


def _accept(dialog: QWidget, seen_open: list[bool], background: asyncio.Task[None]) -> None:
    from ecovdesk.ui.mask_painter import ModalDialog

    assert isinstance(dialog, ModalDialog)
    seen_open.append(background.done() and background.exception() is None)
    dialog.prompt.setText("a quiet harbour --zoom 1.8")
    dialog.accept()
