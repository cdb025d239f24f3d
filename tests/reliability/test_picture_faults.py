"""Network faults while a picture model generates: a clear message, no second paid request."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from ecovdesk.app import RunningApp
from ecovdesk.core.domain import MessageState
from tests.fakerelay.faults import Fault
from tests.fakerelay.server import FakeRelay
from tests.reliability.helpers import (
    API_KEY,
    CHAT_PATH,
    IMAGES_PATH,
    finished_reply,
    send,
)
from tests.ui.conftest import Driver, start_app, stop_app

PROMPT = "雪山下的小木屋"
READ_TIMEOUT = 1.0


@dataclass(frozen=True)
class Case:
    fault: Fault
    kind: str
    wording: str
    params: dict[str, Any] = field(default_factory=dict)


CASES = [
    Case(Fault.CONNECTION_RESET_MID_STREAM, "network", "Could not reach the relay"),
    Case(Fault.STALL, "timeout", "took too long", {"seconds": 8}),
    Case(Fault.HTML_502, "relay_unavailable", "not answering right now"),
    Case(Fault.HTML_504, "relay_unavailable", "not answering right now"),
    Case(Fault.ERROR_BODY_200, "upstream", "upstream error: do request failed"),
    Case(Fault.RATE_LIMIT_429, "rate_limited", "rate limiting", {"retry_after": 0.3}),
    Case(Fault.MALFORMED_JSON, "malformed", "could not be read"),
    Case(Fault.TRUNCATED_JSON, "malformed", "could not be read"),
    Case(Fault.CUT_BEFORE_DONE, "network", "Could not reach the relay"),
    Case(Fault.HUGE_BODY, "malformed", "could not be read"),
]


@pytest.fixture
def quick_app(driver: Driver, relay: FakeRelay, profile: Path) -> Iterator[RunningApp]:
    profile.mkdir(parents=True)
    (profile / "settings.json").write_text(
        f'{{"language": "en", "first_run_done": true, "timeout": {READ_TIMEOUT}}}', "utf-8"
    )
    running = start_app(driver, profile, relay.base_url, key=API_KEY)
    yield running
    stop_app(driver, running)


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.fault.name.lower())
def test_a_failed_generation_is_explained_and_never_sent_twice_by_itself(
    qtbot: QtBot, driver: Driver, quick_app: RunningApp, relay: FakeRelay, case: Case
) -> None:
    relay.queue_fault(case.fault, path_prefix=IMAGES_PATH, **case.params)
    send(qtbot, quick_app, PROMPT, model="dall-e-3")
    bubble = finished_reply(driver, quick_app)
    assert bubble.message.state is MessageState.FAILED
    assert bubble.message.error_kind == case.kind
    assert case.wording in bubble.state_label.text()
    assert bubble.images.assets == []
    driver.settle(0.6)
    assert len(relay.requests_to(IMAGES_PATH)) == 1
    if case.fault is Fault.HUGE_BODY:
        # Refused by the cap after about 20 of the 32 MB, not read to the end.
        driver.until(lambda: relay.requests_to(IMAGES_PATH)[0].client_disconnected)

    bubble.retry_button.click()
    driver.until(lambda: len(relay.requests_to(IMAGES_PATH)) == 2)
    again = finished_reply(driver, quick_app, replacing=bubble)
    driver.until(lambda: len(again.images.assets) == 1)
    assert again.message.state is MessageState.DONE
    assert relay.requests_to(CHAT_PATH) == []
    assert len(relay.requests_to(IMAGES_PATH)) == 2
