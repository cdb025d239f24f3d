"""Media job polls survive a misbehaving relay; the paid submit is never sent twice."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from ecovdesk.app import RunningApp
from ecovdesk.core.domain import JobState, Role
from ecovdesk.core.job_adapter import PollTiming
from ecovdesk.core.job_families import MidjourneyJobs
from ecovdesk.ui.job_card import JobCard
from tests.fakerelay.faults import Fault
from tests.fakerelay.server import FakeRelay
from tests.reliability.helpers import API_KEY, send
from tests.ui.conftest import Driver, start_app, stop_app

SUBMIT = "/mj/submit/imagine"
POLL = "/mj/task/"


@pytest.fixture
def quick_jobs(
    driver: Driver, relay: FakeRelay, profile: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[RunningApp]:
    """The app polling every tenth of a second, with a one-second read timeout."""
    monkeypatch.setattr(MidjourneyJobs, "timing", PollTiming(0.1, 0.1))
    profile.mkdir(parents=True)
    (profile / "settings.json").write_text(
        '{"language": "en", "first_run_done": true, "timeout": 1.0}', "utf-8"
    )
    running = start_app(driver, profile, relay.base_url, key=API_KEY)
    yield running
    stop_app(driver, running)


def _card(driver: Driver, app: RunningApp) -> JobCard:
    def found() -> JobCard | None:
        replies = [b for b in app.window.view.bubbles() if b.message.role is Role.ASSISTANT]
        return replies[-1].job_card if replies else None

    driver.until(lambda: found() is not None)
    card = found()
    assert card is not None
    return card


@pytest.mark.slow
def test_polls_ride_out_every_fault_and_back_off_without_a_second_submit(
    qtbot: QtBot, driver: Driver, quick_jobs: RunningApp, relay: FakeRelay
) -> None:
    relay.poll_steps = 4
    first = [
        (Fault.HTML_502, {}),
        (Fault.RATE_LIMIT_429, {"retry_after": 1}),
        (Fault.CONNECTION_RESET_MID_STREAM, {}),
        (Fault.MALFORMED_JSON, {}),
    ]
    second = [
        (Fault.STALL, {"seconds": 5}),
        (Fault.TRUNCATED_JSON, {}),
        (Fault.ERROR_BODY_200, {}),
        (Fault.HTML_504, {}),
    ]
    for fault, params in first:
        relay.queue_fault(fault, path_prefix=POLL, **params)
    send(qtbot, quick_jobs, "a lighthouse at dawn", model="midjourney")
    card = _card(driver, quick_jobs)
    # A good poll between the two rounds of faults, so each round backs off from the start.
    driver.until(lambda: relay.pending_faults == 0, timeout=30)
    driver.until(lambda: card.job.state is JobState.RUNNING, timeout=30)
    for fault, params in second:
        relay.queue_fault(fault, path_prefix=POLL, **params)
    driver.until(lambda: card.job.state is JobState.SUCCEEDED, timeout=60)
    assert relay.pending_faults == 0
    driver.until(lambda: bool(relay.requests_to("/files/")))

    assert len(relay.requests_to(SUBMIT)) == 1
    polls = relay.requests_to(POLL)
    assert len(polls) > len(first) + len(second)
    gaps = [b.received_at - a.received_at for a, b in itertools.pairwise(polls)]
    # Each failure doubles the wait (0.2, 0.4, 0.8, 1.6 s here), and Retry-After is honoured.
    assert 0.15 < gaps[0] < 0.6
    assert gaps[1] >= 0.95
    assert gaps[3] > gaps[2] > gaps[0]


@pytest.mark.parametrize("fault", [Fault.CONNECTION_RESET_MID_STREAM, Fault.STALL])
def test_a_submit_whose_answer_is_lost_is_never_sent_again_by_itself(
    qtbot: QtBot, driver: Driver, quick_jobs: RunningApp, relay: FakeRelay, fault: Fault
) -> None:
    relay.queue_fault(fault, path_prefix=SUBMIT, seconds=5)
    send(qtbot, quick_jobs, "a lighthouse at dawn", model="midjourney")
    card = _card(driver, quick_jobs)
    driver.until(lambda: not card.job.state.is_active, timeout=20)
    assert card.job.state in (JobState.UNCERTAIN, JobState.FAILED)
    assert card.error.isVisibleTo(card) and card.error.text()
    driver.settle(1.0)
    assert len(relay.requests_to(SUBMIT)) == 1
    assert relay.requests_to(POLL) == []


@pytest.mark.parametrize("fault", [Fault.HTML_502, Fault.RATE_LIMIT_429, Fault.ERROR_BODY_200])
def test_a_refused_submit_says_why_and_is_not_repeated(
    qtbot: QtBot, driver: Driver, quick_jobs: RunningApp, relay: FakeRelay, fault: Fault
) -> None:
    relay.queue_fault(fault, path_prefix=SUBMIT, retry_after=0.2)
    send(qtbot, quick_jobs, "a lighthouse at dawn", model="midjourney")
    card = _card(driver, quick_jobs)
    driver.until(lambda: not card.job.state.is_active, timeout=20)
    assert card.job.state is JobState.FAILED and card.error.text()
    driver.settle(1.0)
    assert len(relay.requests_to(SUBMIT)) == 1
