"""A failure the app itself diagnosed reads in the user's language, not as the relay's words."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from ecovdesk.core.domain import MessageState
from ecovdesk.ui.i18n import install_translation
from tests.fakerelay.faults import Fault
from tests.fakerelay.server import FakeRelay
from tests.ui.conftest import Driver, start_app, stop_app
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
    qapp = QApplication.instance()
    assert isinstance(qapp, QApplication)
    install_translation(qapp, "zh_CN")
    (tmp_path / "p").mkdir()
    (tmp_path / "p" / "settings.json").write_text('{"language": "zh_CN"}', "utf-8")
    running = start_app(driver, tmp_path / "p", relay.base_url)
    try:
        relay.queue_fault(fault, path_prefix="/v1/chat")
        _send(qtbot, running, "你好")
        bubble = _finished_reply(driver, running)
        assert bubble.message.state is state
        shown = bubble.state_label.text()
        assert shown and "中转站返回：" not in shown  # nothing passed off as the relay's words
        assert _english_words(iter([shown])) == []
    finally:
        stop_app(driver, running)
        install_translation(qapp, "en")
