"""Network faults during a chat reply, as the user meets them in the window.

Each fault must end in a clear message in the reply bubble, keep whatever text had arrived,
leave Retry working, and never send the paid request again on its own.
"""

from __future__ import annotations

import asyncio
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from ecovdesk.api.chat import build_chat_body, stream_chat
from ecovdesk.api.errors import ErrorKind, RelayError
from ecovdesk.api.http import RelayConfig, make_relay_client
from ecovdesk.app import RunningApp
from ecovdesk.core.domain import MessageState
from ecovdesk.ui.error_text import describe_error
from tests.fakerelay.faults import Fault
from tests.fakerelay.server import FakeRelay
from tests.reliability.helpers import API_KEY, CHAT_PATH, finished_reply, replies, send
from tests.ui.conftest import Driver, start_app, stop_app

QUESTION = "介绍一下量子计算"
ANSWER_START = "## 关于「介绍一下量子计算」的回答"
# Long enough for the stall to be noticed quickly, short enough never to cut a real answer.
READ_TIMEOUT = 1.0


@dataclass(frozen=True)
class Case:
    fault: Fault
    state: MessageState
    kind: str
    wording: str
    keeps_text: bool
    params: dict[str, Any] = field(default_factory=dict)


CASES = [
    Case(
        Fault.CONNECTION_RESET_MID_STREAM,
        MessageState.INTERRUPTED,
        "interrupted",
        "cut off",
        keeps_text=True,
    ),
    # Headers, then the connection drops before a word: the relay was reached all the same.
    Case(
        Fault.CONNECTION_RESET_MID_STREAM,
        MessageState.INTERRUPTED,
        "interrupted",
        "cut off",
        keeps_text=False,
        params={"after": 0},
    ),
    Case(
        Fault.STALL,
        MessageState.FAILED,
        "timeout",
        "took too long",
        keeps_text=False,
        params={"seconds": 8},
    ),
    Case(
        Fault.HTML_502,
        MessageState.FAILED,
        "relay_unavailable",
        "not answering right now",
        keeps_text=False,
    ),
    Case(
        Fault.HTML_504,
        MessageState.FAILED,
        "relay_unavailable",
        "not answering right now",
        keeps_text=False,
    ),
    Case(
        Fault.ERROR_BODY_200,
        MessageState.FAILED,
        "upstream",
        "upstream error: do request failed",
        keeps_text=False,
    ),
    Case(
        Fault.RATE_LIMIT_429,
        MessageState.FAILED,
        "rate_limited",
        "rate limiting",
        keeps_text=False,
        params={"retry_after": 0.3},
    ),
    Case(Fault.MALFORMED_JSON, MessageState.FAILED, "malformed", "could not be read", True),
    Case(Fault.TRUNCATED_JSON, MessageState.FAILED, "malformed", "could not be read", True),
    Case(Fault.CUT_BEFORE_DONE, MessageState.INTERRUPTED, "interrupted", "cut off", True),
]


@pytest.fixture
def quick_app(driver: Driver, relay: FakeRelay, profile: Path) -> Iterator[RunningApp]:
    """The app with a short read timeout, so that a stalled relay is given up on quickly."""
    profile.mkdir(parents=True)
    (profile / "settings.json").write_text(
        f'{{"language": "en", "first_run_done": true, "timeout": {READ_TIMEOUT}}}', "utf-8"
    )
    running = start_app(driver, profile, relay.base_url, key=API_KEY)
    yield running
    stop_app(driver, running)


def stored_reply(profile: Path, message_id: int) -> tuple[str, str]:
    """(state, content) of a message as the database holds it, read like a second program."""
    with sqlite3.connect(profile / "ecovdesk.sqlite3") as conn:
        row = conn.execute(
            "SELECT state, content FROM messages WHERE id = ?", (message_id,)
        ).fetchone()
    return str(row[0]), str(row[1])


def reference_answer(qtbot: QtBot, driver: Driver, app: RunningApp) -> str:
    """The complete answer to QUESTION, asked in a conversation of its own."""
    app.window.new_conversation()
    send(qtbot, app, QUESTION)
    bubble = finished_reply(driver, app)
    assert bubble.message.state is MessageState.DONE
    return bubble.message.content


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.fault.name.lower())
def test_a_fault_gives_a_clear_message_keeps_the_text_and_retry_works(
    qtbot: QtBot,
    driver: Driver,
    quick_app: RunningApp,
    relay: FakeRelay,
    profile: Path,
    case: Case,
) -> None:
    relay.queue_fault(case.fault, path_prefix=CHAT_PATH, **case.params)
    send(qtbot, quick_app, QUESTION)
    bubble = finished_reply(driver, quick_app)

    message = bubble.message
    assert (message.state, message.error_kind) == (case.state, case.kind)
    shown = bubble.state_label.text()
    assert bubble.state_label.isVisibleTo(bubble) and case.wording in shown
    assert API_KEY not in shown
    assert bubble.retry_button.isVisibleTo(bubble)
    assert stored_reply(profile, message.id) == (case.state.value, message.content)
    if case.keeps_text:
        assert message.content.startswith(ANSWER_START)
        assert ANSWER_START.strip("# ") in bubble.body.toPlainText()

    # Even once Retry-After has passed, nothing is sent again until the user asks.
    driver.settle(0.6)
    assert len(relay.requests_to(CHAT_PATH)) == 1

    bubble.retry_button.click()
    driver.until(lambda: len(relay.requests_to(CHAT_PATH)) == 2)
    again = finished_reply(driver, quick_app, replacing=bubble)
    assert again.message.state is MessageState.DONE and again.message.content
    assert not again.state_label.isVisibleTo(again)
    assert len(replies(quick_app)) == 1
    assert len(relay.requests_to(CHAT_PATH)) == 2


def test_refused_connection_says_the_relay_cannot_be_reached(
    qtbot: QtBot, driver: Driver, app: RunningApp, relay: FakeRelay
) -> None:
    with relay.refuse():
        send(qtbot, app, QUESTION)
        bubble = finished_reply(driver, app)
        assert bubble.message.state is MessageState.FAILED
        assert bubble.message.error_kind == "network"
        assert "Could not reach the relay" in bubble.state_label.text()
    assert relay.requests_to(CHAT_PATH) == []
    bubble.retry_button.click()
    driver.until(lambda: len(relay.requests_to(CHAT_PATH)) == 1)
    again = finished_reply(driver, app, replacing=bubble)
    assert again.message.state is MessageState.DONE


@pytest.mark.parametrize(
    "fault",
    [Fault.GZIP, pytest.param(Fault.DRIP, marks=pytest.mark.slow), Fault.SLOW_TOKENS],
    ids=lambda f: f.name.lower(),
)
def test_odd_but_valid_transfers_render_the_same_answer(
    qtbot: QtBot, driver: Driver, app: RunningApp, relay: FakeRelay, fault: Fault
) -> None:
    params = {"delay": 0.0} if fault is Fault.DRIP else {"delay": 0.01}
    relay.queue_fault(fault, path_prefix=CHAT_PATH, **params)
    send(qtbot, app, QUESTION)
    bubble = finished_reply(driver, app, timeout=60)
    assert bubble.message.state is MessageState.DONE
    drawn = bubble.body.toPlainText()
    assert reference_answer(qtbot, driver, app) == bubble.message.content
    assert replies(app)[-1].body.toPlainText() == drawn
    assert "量子计算" in drawn and "```" not in drawn


def test_a_runaway_stream_is_cut_by_the_cap_without_reading_it_to_the_end(
    qtbot: QtBot, driver: Driver, app: RunningApp, relay: FakeRelay, profile: Path
) -> None:
    relay.queue_fault(Fault.HUGE_BODY, path_prefix=CHAT_PATH, size_mb=64)
    send(qtbot, app, QUESTION)
    bubble = finished_reply(driver, app, timeout=90)
    assert bubble.message.state is MessageState.FAILED
    assert bubble.message.error_kind == "too_long"
    # Told in the app's own words, not presented as something the relay said.
    shown = bubble.state_label.text()
    assert describe_error("too_long", None) in shown and "Relay says" not in shown
    # The text that did arrive is kept, up to the cap.
    assert 1_000_000 < len(bubble.message.content) <= 2_000_000
    assert stored_reply(profile, bubble.message.id)[1] == bubble.message.content
    driver.until(lambda: relay.requests_to(CHAT_PATH)[0].client_disconnected)


@pytest.mark.parametrize(
    "fault",
    [Fault.MALFORMED_JSON, Fault.TRUNCATED_JSON, Fault.HUGE_BODY],
    ids=lambda f: f.name.lower(),
)
def test_a_stream_that_fails_half_way_closes_its_connection(
    driver: Driver, relay: FakeRelay, fault: Fault
) -> None:
    # On the app's loop (qasync), whose missing async-generator finalizer once left such a
    # connection busy in the pool for good, and the relay writing into it.
    relay.token_delay = 0.0
    relay.queue_fault(fault, path_prefix=CHAT_PATH, size_mb=64)
    body = build_chat_body("gpt-4o-mini", [{"role": "user", "content": QUESTION}], stream=True)

    async def ask() -> RelayError:
        async with make_relay_client(RelayConfig(relay.base_url, API_KEY)) as client:
            with pytest.raises(RelayError) as caught:
                async for _ in stream_chat(client, body):
                    await asyncio.sleep(0)
            for _ in range(100):
                if relay.open_connections == 0:
                    break
                await asyncio.sleep(0.02)
            assert relay.open_connections == 0, "the connection was left open"
            return caught.value

    error = driver.run(ask())
    assert error.kind is (ErrorKind.TOO_LONG if fault is Fault.HUGE_BODY else ErrorKind.MALFORMED)
