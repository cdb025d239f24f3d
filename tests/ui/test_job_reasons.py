"""Why a media job failed or may not have run, on its card and in the Jobs tab, and Retry
that pays once."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from ecovdesk.app import RunningApp
from ecovdesk.core.domain import Job, JobState, Role
from ecovdesk.ui.job_card import JobCard
from ecovdesk.ui.message_bubble import MessageBubble
from tests.fakerelay import examples
from tests.fakerelay.faults import Fault
from tests.fakerelay.server import FakeRelay
from tests.ui.conftest import Driver, chinese_app, start_app, stop_app

REFUSED = "The model's service refused this task or could not finish it."
NOT_ANSWERING = "The relay is not answering right now. Try again in a moment."
REASON_COLUMN = 6
STATE_COLUMN = 3


def _replies(app: RunningApp) -> list[MessageBubble]:
    return [b for b in app.window.view.bubbles() if b.message.role is Role.ASSISTANT]


def _send(app: RunningApp, model: str, text: str) -> None:
    window = app.window
    window.picker.choose(model)
    window.composer.edit.insertPlainText(text)
    QTest.keyClick(window.composer.edit, Qt.Key.Key_Return)


def _ended_card(
    driver: Driver, app: RunningApp, state: JobState, replies: int = 1, timeout: float = 40
) -> JobCard:
    """The newest reply's job card once there are ``replies`` replies and it is in ``state``."""
    driver.until(lambda: len(_replies(app)) == replies and _replies(app)[-1].job_card is not None)
    card = _replies(app)[-1].job_card
    assert card is not None
    driver.until(lambda: card.job.state is state, timeout=timeout)
    return card


def _row(app: RunningApp, job: Job) -> int:
    model = app.window.jobs_panel.model
    return next(row for row, shown in enumerate(model.jobs) if shown.id == job.id)


def _cell(app: RunningApp, job: Job, column: int, role: int = Qt.ItemDataRole.DisplayRole) -> str:
    model = app.window.jobs_panel.model
    return str(model.index(_row(app, job), column).data(role) or "")


def _reason_cell(driver: Driver, app: RunningApp, job: Job) -> str:
    """The Jobs tab's reason for ``job``, once its row shows the job's final state."""
    window = app.window
    window.tabs.setCurrentWidget(window.jobs_panel)

    def settled() -> bool:
        rows = [j for j in window.jobs_panel.model.jobs if j.id == job.id]
        return bool(rows) and rows[0].state is job.state

    driver.until(settled)
    return _cell(app, job, REASON_COLUMN)


FAILURES = [
    ("midjourney", "a failing lighthouse", examples.load("mj_task_failure.json")["failReason"]),
    ("chirp-v4", "a song that should fail", "Song Description flagged for moderation"),
    ("luma", "fail: waves on rocks", "Your prompt was flagged by our moderation system."),
    ("kling-v1-6", "fail: a dancer", "Failure to pass the risk control system"),
    ("runway-gen3", "fail: a kitten", "内容审核未通过，积分已退还"),
]


@pytest.mark.parametrize(("model", "prompt", "relay_words"), FAILURES)
def test_a_task_the_models_service_refused_says_so_before_the_relays_words(
    driver: Driver,
    app: RunningApp,
    relay: FakeRelay,
    model: str,
    prompt: str,
    relay_words: str,
) -> None:
    relay.poll_steps = 1
    _send(app, model, prompt)
    card = _ended_card(driver, app, JobState.FAILED)

    shown = f"{REFUSED}\nRelay says: {relay_words}"
    assert card.error.isVisibleTo(card) and card.error.text() == shown
    # One line in the table, all of it in the tooltip.
    assert _reason_cell(driver, app, card.job) == f"{REFUSED} Relay says: {relay_words}"
    assert relay_words in _cell(app, card.job, REASON_COLUMN, Qt.ItemDataRole.ToolTipRole)


def test_an_error_answered_with_http_200_on_submit_is_explained_too(
    driver: Driver, app: RunningApp, relay: FakeRelay
) -> None:
    relay.queue_fault(Fault.ERROR_BODY_200, path_prefix="/luma")
    _send(app, "luma", "海浪拍打礁石")
    card = _ended_card(driver, app, JobState.FAILED)

    lead, said = card.error.text().split("\n")
    assert lead == REFUSED
    assert said.startswith("Relay says: upstream error: do request failed")
    assert _reason_cell(driver, app, card.job) == f"{lead} {said}"


def test_a_midjourney_submit_refused_by_a_gateway_has_its_reason_in_the_jobs_tab(
    driver: Driver, app: RunningApp, relay: FakeRelay
) -> None:
    relay.queue_fault(Fault.HTML_502, path_prefix="/mj/submit")
    _send(app, "midjourney", "a lighthouse")
    card = _ended_card(driver, app, JobState.FAILED)

    assert card.error.text() == NOT_ANSWERING
    assert _reason_cell(driver, app, card.job) == NOT_ANSWERING


@pytest.mark.parametrize(
    ("model", "fault", "path", "lead"),
    [
        (
            "runway-gen3",
            Fault.HTML_504,
            "/runway",
            "The relay's gateway timed out before the relay confirmed this request, so the "
            "task may or may not have been created.",
        ),
        (
            "kling-v1-6",
            Fault.MALFORMED_JSON,
            "/kling",
            "The relay's answer to this request could not be read, so the task may or may not "
            "have been created.",
        ),
    ],
)
def test_an_unanswered_submit_says_what_went_wrong_and_still_asks_before_resending(
    driver: Driver,
    app: RunningApp,
    relay: FakeRelay,
    model: str,
    fault: Fault,
    path: str,
    lead: str,
) -> None:
    relay.queue_fault(fault, path_prefix=path)
    _send(app, model, "一只小猫")
    card = _ended_card(driver, app, JobState.UNCERTAIN)

    assert card.state_label.text() == "Unknown whether the relay received it"
    assert card.error.text() == lead
    assert "ecovdesk stopped" not in card.error.text()
    assert card.resubmit_button.isVisibleTo(card) and card.dismiss_button.isVisibleTo(card)
    assert _reason_cell(driver, app, card.job) == lead
    panel = app.window.jobs_panel
    panel.view.selectRow(_row(app, card.job))
    assert panel.resubmit_button.isEnabled()


def test_in_chinese_the_relays_words_are_marked_as_its_own(
    driver: Driver, relay: FakeRelay, tmp_path: Path
) -> None:
    relay.poll_steps = 1
    with chinese_app(driver, relay, tmp_path / "zh") as app:
        _send(app, "chirp-v4", "a song that should fail")
        card = _ended_card(driver, app, JobState.FAILED)
        lead, said = card.error.text().split("\n")
        assert said == "中转站返回：Song Description flagged for moderation"
        assert lead and "flagged" not in lead
        assert said in _reason_cell(driver, app, card.job)


def _retry_offered(app: RunningApp, card: JobCard) -> tuple[bool, bool]:
    """Whether Retry can be pressed on ``card`` and, with its row selected, in the Jobs tab."""
    panel = app.window.jobs_panel
    panel.view.selectRow(_row(app, card.job))
    return card.retry_button.isEnabled(), panel.retry_button.isEnabled()


def test_a_retried_job_cannot_be_retried_again_even_after_a_restart(
    driver: Driver, relay: FakeRelay, tmp_path: Path
) -> None:
    relay.poll_steps = 1
    profile = tmp_path / "profile"
    app = start_app(driver, profile, relay.base_url)
    try:
        _send(app, "midjourney", "a failing lighthouse")
        old = _ended_card(driver, app, JobState.FAILED)
        assert _retry_offered(app, old) == (True, True)

        old.retry_button.click()
        new = _ended_card(driver, app, JobState.FAILED, replies=2)
        submits = len(relay.requests_to("/mj/submit/imagine"))
        assert submits == 2
        driver.until(lambda: not old.retry_button.isEnabled())
        assert _retry_offered(app, old) == (False, False)
        pointer = f"#{new.job.id}"
        assert pointer in old.retry_button.toolTip()
        assert pointer in app.window.jobs_panel.retry_button.toolTip()
        assert old.state_label.text() == f"Failed · retried as {pointer}"
        assert _cell(app, old.job, STATE_COLUMN) == f"Failed · retried as {pointer}"
        # The new job is the one to retry now.
        assert _retry_offered(app, new) == (True, True)

        # Pressing the old job's Retry (on the card and in the tab) sends nothing more.
        old.retry_button.click()
        app.window.jobs_panel.view.selectRow(_row(app, old.job))
        app.window.jobs_panel.retryRequested.emit(old.job.id)
        driver.until(lambda: "already been retried" in app.window.statusBar().currentMessage())
        driver.settle(0.3)
        assert len(relay.requests_to("/mj/submit/imagine")) == submits
        assert len(_replies(app)) == 2
    finally:
        stop_app(driver, app)

    app = start_app(driver, profile, relay.base_url)
    try:
        window = app.window
        window.tabs.setCurrentWidget(window.jobs_panel)
        driver.until(lambda: window.jobs_panel.model.rowCount() == 2)
        oldest = window.jobs_panel.model.jobs[-1]
        assert _cell(app, oldest, STATE_COLUMN).startswith("Failed · retried as #")
        window.jobs_panel.view.selectRow(_row(app, oldest))
        assert not window.jobs_panel.retry_button.isEnabled()
        window.tabs.setCurrentIndex(0)
        driver.until(lambda: len(_replies(app)) == 2 and _replies(app)[0].job_card is not None)
        first = _replies(app)[0].job_card
        assert first is not None and not first.retry_button.isEnabled()
    finally:
        stop_app(driver, app)
