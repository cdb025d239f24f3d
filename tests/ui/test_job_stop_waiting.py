"""Cancel on a running media job, as the user meets it: no relay family can be told to stop
a task, so Cancel asks first, says on the card that the relay may still finish and charge,
keeps the result if it arrives, and Retry asks before paying twice. Also the Jobs tab, whose
reason column takes the room left and shows the whole reason in its tooltip."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QTextDocument
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox

from ecovdesk.app import RunningApp
from ecovdesk.core import job_follow_up
from ecovdesk.core.domain import Job, JobState, Role
from ecovdesk.ui import looks
from ecovdesk.ui.job_card import JobCard
from ecovdesk.ui.jobs_panel import MODEL, REASON, STATE, TIME, JobsPanel
from tests.fakerelay.faults import Fault
from tests.fakerelay.server import FakeRelay
from tests.ui.conftest import Driver, chinese_app, start_app, stop_app

IMAGINE = "/mj/submit/imagine"
MAY_STILL_CHARGE = "it may still finish this task and charge for it"
CHARGED_TWICE = "may be charged twice"


@pytest.fixture(autouse=True)
def quick_checks(monkeypatch: pytest.MonkeyPatch) -> None:
    """A stopped job is asked about every fraction of a second instead of every 30 s."""
    monkeypatch.setattr(job_follow_up, "CHECK_INTERVAL", 0.2)


class Answers:
    """Presses a button in each message box that opens, by its role, noting what it said."""

    def __init__(self) -> None:
        self.seen: list[str] = []

    def next(self, role: QMessageBox.ButtonRole) -> None:
        def press() -> None:
            box = QApplication.activeModalWidget()
            if not isinstance(box, QMessageBox):
                QTimer.singleShot(10, press)
                return
            self.seen.append(f"{box.text()}\n{box.informativeText()}")
            next(b for b in box.buttons() if box.buttonRole(b) == role).click()

        QTimer.singleShot(0, press)


@pytest.fixture
def answers() -> Iterator[Answers]:
    yield Answers()


def _running_card(driver: Driver, app: RunningApp, relay: FakeRelay, prompt: str) -> JobCard:
    relay.poll_steps = 100_000
    window = app.window
    window.picker.choose("midjourney")
    window.composer.edit.insertPlainText(prompt)
    QTest.keyClick(window.composer.edit, Qt.Key.Key_Return)

    def card() -> JobCard | None:
        replies = [b for b in window.view.bubbles() if b.message.role is Role.ASSISTANT]
        return replies[-1].job_card if replies else None

    driver.until(lambda: (c := card()) is not None and c.job.state is JobState.RUNNING)
    found = card()
    assert found is not None
    return found


def _stop_waiting(driver: Driver, card: JobCard, answers: Answers) -> None:
    answers.next(QMessageBox.ButtonRole.AcceptRole)
    card.cancel_button.click()
    driver.until(lambda: card.job.state is JobState.CANCELLED)


def _reason_cell(app: RunningApp, job: Job) -> tuple[str, str]:
    model = app.window.jobs_panel.model
    row = next(r for r, shown in enumerate(model.jobs) if shown.id == job.id)
    index = model.index(row, REASON)
    return str(index.data() or ""), str(index.data(Qt.ItemDataRole.ToolTipRole) or "")


def test_cancel_asks_first_then_says_the_relay_may_still_finish_and_charge(
    driver: Driver, app: RunningApp, relay: FakeRelay, answers: Answers
) -> None:
    card = _running_card(driver, app, relay, "a fox running under the moon")

    answers.next(QMessageBox.ButtonRole.RejectRole)  # Keep waiting
    card.cancel_button.click()
    driver.until(lambda: len(answers.seen) == 1)
    driver.settle(0.3)
    assert card.job.state is JobState.RUNNING
    assert "cannot be told to stop" in answers.seen[0]
    assert "charge" in answers.seen[0]
    assert "save the result to the library" in answers.seen[0]

    _stop_waiting(driver, card, answers)
    assert card.state_label.text() == "Stopped waiting"
    assert MAY_STILL_CHARGE in card.error.text() and card.error.isVisibleTo(card)
    assert card.error.objectName() == looks.WARNING  # a caution, not a failure
    assert "saved to the library" in card.error.text()
    assert not card.cancel_button.isVisibleTo(card)
    assert card.retry_button.isEnabled() and CHARGED_TWICE in card.retry_button.toolTip()
    shown, tooltip = _reason_cell(app, card.job)
    assert MAY_STILL_CHARGE in shown and MAY_STILL_CHARGE in tooltip


def test_the_result_of_a_stopped_job_is_kept_when_the_relay_finishes_it(
    driver: Driver, app: RunningApp, relay: FakeRelay, answers: Answers
) -> None:
    card = _running_card(driver, app, relay, "a lighthouse nobody waits for")
    _stop_waiting(driver, card, answers)

    relay.poll_steps = 1  # the relay was never told to stop, and finishes the task
    driver.until(lambda: card.job.state is JobState.SUCCEEDED, timeout=20)
    assert card.state_label.text() == "Done after all"
    assert not card.error.isVisibleTo(card)
    message_id = card.job.message_id
    assert message_id is not None
    library = app.services.library
    driver.until(lambda: bool(driver.run(library.for_messages([message_id])).get(message_id)))
    assert len(relay.requests_to(IMAGINE)) == 1


def test_retry_after_a_stop_asks_before_paying_twice(
    driver: Driver, app: RunningApp, relay: FakeRelay, answers: Answers
) -> None:
    card = _running_card(driver, app, relay, "a castle sent twice")
    _stop_waiting(driver, card, answers)

    answers.next(QMessageBox.ButtonRole.RejectRole)  # Don't send
    card.retry_button.click()
    driver.until(lambda: len(answers.seen) == 2)
    assert CHARGED_TWICE in answers.seen[1]
    driver.settle(0.3)
    assert len(relay.requests_to(IMAGINE)) == 1

    answers.next(QMessageBox.ButtonRole.AcceptRole)  # Retry
    card.retry_button.click()
    driver.until(lambda: len(relay.requests_to(IMAGINE)) == 2)


def test_resubmit_of_a_request_the_relay_may_have_asks_before_paying_twice(
    driver: Driver, app: RunningApp, relay: FakeRelay, answers: Answers
) -> None:
    relay.queue_fault(Fault.HTML_504, path_prefix="/mj/submit")
    window = app.window
    window.picker.choose("midjourney")
    window.composer.edit.insertPlainText("a ship that may have sailed")
    QTest.keyClick(window.composer.edit, Qt.Key.Key_Return)
    driver.until(lambda: any(b.job_card is not None for b in window.view.bubbles()))
    card = next(b.job_card for b in window.view.bubbles() if b.job_card is not None)
    driver.until(lambda: card.job.state is JobState.UNCERTAIN)

    answers.next(QMessageBox.ButtonRole.RejectRole)
    card.resubmit_button.click()
    driver.until(lambda: len(answers.seen) == 1)
    assert CHARGED_TWICE in answers.seen[0]
    driver.settle(0.3)
    assert card.job.state is JobState.UNCERTAIN
    assert len(relay.requests_to(IMAGINE)) == 1

    answers.next(QMessageBox.ButtonRole.AcceptRole)
    card.resubmit_button.click()
    driver.until(lambda: len(relay.requests_to(IMAGINE)) == 2)


def _plain(html: str) -> str:
    document = QTextDocument()
    document.setHtml(html)
    return document.toPlainText()


def _some_jobs() -> list[Job]:
    now = time.time()
    base = Job(
        id=1,
        family="suno",
        model="chirp-v4",
        prompt="一首关于夏天海边的轻快流行歌",
        created_at=now - 95,
        finished_at=now,
    )
    refused = "Song Description flagged for moderation"
    return [
        Job(**{**base.__dict__, "id": 3, "state": JobState.FAILED, "error": refused}),
        Job(
            **{
                **base.__dict__,
                "id": 2,
                "family": "midjourney",
                "model": "midjourney",
                "state": JobState.CANCELLED,
                "remote_id": "17",
                "params": {"after_stop": "watching"},
            }
        ),
        Job(**{**base.__dict__, "state": JobState.SUCCEEDED, "progress": 100}),
    ]


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_the_reason_column_takes_the_room_left_in_a_small_window(
    driver: Driver, relay: FakeRelay, tmp_path: Path, language: str
) -> None:
    if language == "zh_CN":
        context = chinese_app(driver, relay, tmp_path / "zh")
        app = context.__enter__()
    else:
        app = start_app(driver, tmp_path / "en", relay.base_url)
    try:
        window = app.window
        window.resize(1000, 640)
        panel: JobsPanel = window.jobs_panel
        shown: list[int] = []
        panel.model.modelReset.connect(lambda: shown.append(panel.model.rowCount()))
        window.tabs.setCurrentWidget(panel)
        driver.until(lambda: bool(shown))  # the tab loads its jobs as it opens
        panel.set_jobs(_some_jobs())
        driver.settle(0.2)
        view, header = panel.view, panel.view.horizontalHeader()
        width = view.viewport().width()
        # All of the table is in sight: no sideways scrolling, the reason column ends in view.
        assert view.horizontalScrollBar().maximum() == 0
        assert header.sectionViewportPosition(REASON) + header.sectionSize(REASON) <= width
        assert header.sectionSize(REASON) >= 0.25 * width
        # One line a row, never a clipped second one; the narrow columns fit their words.
        assert not view.wordWrap()
        metrics = view.fontMetrics()
        for row in range(panel.model.rowCount()):
            assert view.rowHeight(row) >= metrics.height()
            for column in (MODEL, STATE, TIME):
                text = str(panel.model.index(row, column).data())
                assert metrics.horizontalAdvance(text) < header.sectionSize(column)
            # The whole reason is in the tooltip.
            shown = str(panel.model.index(row, REASON).data() or "")
            tip = str(panel.model.index(row, REASON).data(Qt.ItemDataRole.ToolTipRole) or "")
            assert " ".join(_plain(tip).split()) == shown

        # A wider window widens the reason most (the prompt takes its small share).
        narrow = header.sectionSize(REASON)
        window.resize(1280, 640)
        driver.settle(0.2)
        assert header.sectionSize(REASON) >= narrow + 0.7 * 280
        assert view.horizontalScrollBar().maximum() == 0
    finally:
        if language == "zh_CN":
            context.__exit__(None, None, None)
        else:
            stop_app(driver, app)
