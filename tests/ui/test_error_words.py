"""A failure the app itself diagnosed reads in the user's language, not as the relay's words."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from ecovdesk.core.domain import MessageState
from tests.fakerelay.faults import Fault
from tests.fakerelay.server import FakeRelay
from tests.ui.conftest import Driver, chinese_app
from tests.ui.test_chat_window import _finished_reply, _send
from tests.ui.test_translations import _english_words


@pytest.mark.parametrize(
    ("fault", "state"),
    [
        (Fault.MALFORMED_JSON, MessageState.FAILED),
        (Fault.CONNECTION_RESET_MID_STREAM, MessageState.INTERRUPTED),
        (Fault.CUT_BEFORE_DONE, MessageState.INTERRUPTED),
    ],
)
def test_a_broken_stream_is_explained_in_chinese_only(
    qtbot: QtBot,
    driver: Driver,
    relay: FakeRelay,
    tmp_path: Path,
    fault: Fault,
    state: MessageState,
) -> None:
    with chinese_app(driver, relay, tmp_path / "p") as running:
        relay.queue_fault(fault, path_prefix="/v1/chat")
        _send(qtbot, running, "你好")
        bubble = _finished_reply(driver, running)
        assert bubble.message.state is state
        shown = bubble.state_label.text()
        assert shown and "中转站返回：" not in shown  # nothing passed off as the relay's words
        assert _english_words(iter([shown])) == []
