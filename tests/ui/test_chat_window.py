"""The chat window as a user drives it: type, send, watch the reply, stop, retry, edit."""

from __future__ import annotations

import asyncio

from PySide6.QtCore import Qt, QTimer, QUrl
from PySide6.QtGui import QGuiApplication
from pytestqt.qtbot import QtBot

from ecovdesk.app import RunningApp
from ecovdesk.core.domain import MessageState, Role
from ecovdesk.ui.bridge import QtEventSink
from ecovdesk.ui.message_bubble import MessageBubble
from tests.fakerelay.faults import Fault
from tests.fakerelay.server import FakeRelay
from tests.ui.conftest import Driver


def _send(qtbot: QtBot, app: RunningApp, text: str, model: str = "gpt-4o-mini") -> None:
    window = app.window
    window.picker.choose(model)
    window.composer.edit.insertPlainText(text)
    qtbot.keyClick(window.composer.edit, Qt.Key.Key_Return)


def _last_reply(app: RunningApp) -> MessageBubble | None:
    replies = [b for b in app.window.view.bubbles() if b.message.role is Role.ASSISTANT]
    return replies[-1] if replies else None


def _reply_count(app: RunningApp) -> int:
    return len([b for b in app.window.view.bubbles() if b.message.role is Role.ASSISTANT])


def _finished_reply(driver: Driver, app: RunningApp) -> MessageBubble:
    # A reply is on its way once the composer turns busy; wait for that one to finish.
    driver.until(
        lambda: (
            (b := _last_reply(app)) is not None
            and not b.streaming
            and not app.window.composer._busy
        )
    )
    bubble = _last_reply(app)
    assert bubble is not None
    driver.settle(0.1)
    return bubble


def test_enter_sends_and_the_reply_renders_as_markdown(
    qtbot: QtBot, driver: Driver, app: RunningApp, relay: FakeRelay
) -> None:
    _send(qtbot, app, "介绍一下量子计算")
    assert app.window.composer.text() == ""
    bubble = _finished_reply(driver, app)
    assert bubble.message.state is MessageState.DONE
    html = bubble.body.toHtml()
    plain = bubble.body.toPlainText()
    assert "介绍一下量子计算" in plain
    assert "```" not in plain and "# " not in plain
    assert "<table" in html
    assert bubble.footer.isVisible() and "Tokens" in bubble.footer.text()
    users = [b for b in app.window.view.bubbles() if b.message.role is Role.USER]
    assert users[-1].message.content == "介绍一下量子计算"
    sent = relay.requests_to("/v1/chat/completions")[-1].json
    assert sent["model"] == "gpt-4o-mini" and sent["stream"] is True


def test_shift_enter_adds_a_line_instead_of_sending(
    qtbot: QtBot, driver: Driver, app: RunningApp, relay: FakeRelay
) -> None:
    edit = app.window.composer.edit
    edit.insertPlainText("第一行")
    qtbot.keyClick(edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    edit.insertPlainText("第二行")
    driver.settle(0.1)
    assert edit.toPlainText() == "第一行\n第二行"
    assert relay.requests_to("/v1/chat/completions") == []


def test_reasoning_is_folded_above_the_answer(
    qtbot: QtBot, driver: Driver, app: RunningApp
) -> None:
    _send(qtbot, app, "9.11 和 9.8 哪个大", model="deepseek-reasoner")
    bubble = _finished_reply(driver, app)
    assert bubble.thinking_toggle.isVisibleTo(bubble)
    assert not bubble.thinking_view.isVisibleTo(bubble)
    assert bubble.message.reasoning
    assert bubble.message.reasoning not in bubble.body.toPlainText()
    bubble.thinking_toggle.click()
    assert bubble.thinking_view.isVisibleTo(bubble)
    assert bubble.thinking_view.toPlainText().strip()


def test_inline_thinking_markers_of_deepseek_all_in_one(
    qtbot: QtBot, driver: Driver, app: RunningApp
) -> None:
    _send(qtbot, app, "9.11 和 9.8 哪个大", model="deepseek-r1")
    bubble = _finished_reply(driver, app)
    assert "思考开始" not in bubble.body.toPlainText()
    assert bubble.thinking_toggle.isVisibleTo(bubble)
    assert bubble.footer.isHidden()  # the all-in-one models report placeholder usage


def test_stop_keeps_the_text_so_far_and_offers_retry(
    qtbot: QtBot, driver: Driver, app: RunningApp, relay: FakeRelay
) -> None:
    relay.queue_fault(Fault.SLOW_TOKENS, path_prefix="/v1/chat")
    _send(qtbot, app, "写一篇长文")
    driver.until(lambda: (b := _last_reply(app)) is not None and len(b._parsed.answer) > 5)
    assert app.window.composer.send_button.text() == "Stop"
    qtbot.keyClick(app.window, Qt.Key.Key_Escape)
    bubble = _finished_reply(driver, app)
    assert bubble.message.state is MessageState.INTERRUPTED
    assert bubble.message.content
    assert bubble.retry_button.isVisibleTo(bubble)
    assert app.window.composer.send_button.text() == "Send"
    # Nothing goes on reading the stopped reply's body in the background.
    driver.until(lambda: not _body_readers(driver))
    bubble.retry_button.click()
    driver.until(lambda: (b := _last_reply(app)) is not None and b.message.state.name == "DONE")


def _body_readers(driver: Driver) -> list[asyncio.Task[object]]:
    return [
        task
        for task in asyncio.all_tasks(driver.loop)
        if "received_together" in getattr(task.get_coro(), "__qualname__", "")
    ]


def test_error_shows_the_relays_message_and_retry_works(
    qtbot: QtBot, driver: Driver, app: RunningApp, relay: FakeRelay
) -> None:
    relay.queue_error(403, "error_403_quota.json", path_prefix="/v1/chat")
    _send(qtbot, app, "你好")
    bubble = _finished_reply(driver, app)
    assert bubble.message.state is MessageState.FAILED
    assert "该令牌额度已用尽" in bubble.state_label.text()
    assert "quota" in bubble.state_label.text().lower()
    bubble.retry_button.click()
    driver.until(
        lambda: (
            (b := _last_reply(app)) is not None
            and b.message.state is MessageState.DONE
            and not b.streaming
        )
    )
    assert len([b for b in app.window.view.bubbles() if b.message.role is Role.ASSISTANT]) == 1


def test_cut_stream_keeps_partial_text_marked_interrupted(
    qtbot: QtBot, driver: Driver, app: RunningApp, relay: FakeRelay
) -> None:
    relay.queue_fault(Fault.CUT_BEFORE_DONE, path_prefix="/v1/chat")
    _send(qtbot, app, "你好")
    bubble = _finished_reply(driver, app)
    assert bubble.message.state is MessageState.INTERRUPTED
    assert bubble.message.content
    assert "cut off" in bubble.state_label.text()


def test_edit_and_resend_replaces_the_later_messages(
    qtbot: QtBot, driver: Driver, app: RunningApp, relay: FakeRelay
) -> None:
    _send(qtbot, app, "第一个问题")
    _finished_reply(driver, app)
    user = next(b for b in app.window.view.bubbles() if b.message.role is Role.USER)
    user.edit_button.click()
    user.editor.setPlainText("改过的问题")
    user.editSubmitted.emit(user.message.id, "改过的问题")
    driver.until(lambda: any(b.message.content == "改过的问题" for b in app.window.view.bubbles()))
    bubble = _finished_reply(driver, app)
    assert "改过的问题" in bubble.body.toPlainText()
    contents = [b.message.content for b in app.window.view.bubbles() if b.message.role is Role.USER]
    assert contents == ["改过的问题"]
    last = relay.requests_to("/v1/chat/completions")[-1].json
    assert last["messages"][-1]["content"] == "改过的问题"


def test_copy_code_button_copies_the_code_block(
    qtbot: QtBot, driver: Driver, app: RunningApp
) -> None:
    _send(qtbot, app, "给我一段代码")
    bubble = _finished_reply(driver, app)
    assert bubble._renderer.code_blocks
    from PySide6.QtCore import QUrl

    bubble._link_clicked(QUrl("ecovdesk-copy:0"))
    assert QGuiApplication.clipboard().text() == bubble._renderer.code_blocks[0]


def test_a_long_reply_streams_in_parts_that_read_and_copy_as_one(
    qtbot: QtBot, driver: Driver, app: RunningApp
) -> None:
    _send(qtbot, app, "写一篇长文 #deltas=4000")
    bubble = _finished_reply(driver, app)
    assert bubble.message.state is MessageState.DONE
    assert len(bubble.body.parts) > 1
    last = bubble.message.content.count("## 第 ")
    plain = bubble.body.toPlainText()
    assert "第 1 部分" in plain and f"第 {last} 部分" in plain
    links = bubble.body.toHtml().count("ecovdesk-copy:")
    assert links == last
    bubble._link_clicked(QUrl(f"ecovdesk-copy:{last - 1}"))
    assert QGuiApplication.clipboard().text().startswith(f"def part_{last}(")


def test_a_reply_shows_as_finished_only_once_all_its_text_is_shown(
    qtbot: QtBot, driver: Driver, app: RunningApp
) -> None:
    # What the reply looks like at every turn of the event loop once it reads as finished.
    shown_when_finished: list[str] = []

    def look() -> None:
        bubble = _last_reply(app)
        if bubble is not None and not bubble.streaming:
            shown_when_finished.append(bubble.body.toPlainText())

    probe = QTimer(interval=0)
    probe.timeout.connect(look)
    probe.start()
    _send(qtbot, app, "写一篇长文 #deltas=4000")
    bubble = _finished_reply(driver, app)
    probe.stop()
    last = bubble.message.content.count("## 第 ")
    assert shown_when_finished
    assert all(f"def part_{last}(" in text for text in shown_when_finished)


def test_coming_back_to_a_streaming_reply_shows_all_its_text_so_far(
    qtbot: QtBot, driver: Driver, app: RunningApp, relay: FakeRelay
) -> None:
    window = app.window
    _send(qtbot, app, "第一个问题")
    _finished_reply(driver, app)
    other = window.conversation.current
    assert other is not None
    window.conversation.new()
    # Everything the core has handed the window of the slow reply, in order.
    received: dict[int, list[str]] = {}
    sink = app.services.chat._sink
    assert isinstance(sink, QtEventSink)
    sink.textDelta.connect(lambda mid, content, _r: received.setdefault(mid, []).append(content))
    relay.queue_fault(Fault.SLOW_TOKENS, path_prefix="/v1/chat", delay=0.03)
    _send(qtbot, app, "写一篇长文")
    driver.until(lambda: (b := _last_reply(app)) is not None and len(b._parsed.answer) > 20)
    streaming = window.conversation.current
    bubble = _last_reply(app)
    assert streaming is not None and bubble is not None
    reply_id = bubble.message.id
    driver.run(window.conversation.open(other.id))
    assert window.view.bubble(reply_id) is None
    # Away for longer than the core waits between saves of the growing reply.
    driver.settle(1.0)
    assert app.services.chat.is_streaming(streaming.id)
    driver.run(window.conversation.open(streaming.id))
    back = window.view.bubble(reply_id)
    assert back is not None and back.streaming
    shown = "".join(back._content_parts)
    so_far = "".join(received[reply_id])
    assert shown == so_far
    bubble = _finished_reply(driver, app)
    assert bubble.message.id == reply_id
    assert bubble.message.state is MessageState.DONE
    final = bubble.message.content
    assert final.startswith(shown) and final == "".join(received[reply_id])
    assert "### 方案对比" in final and final.endswith("欢迎继续追问。")
    assert "".join(bubble._content_parts) == final
    assert "欢迎继续追问" in bubble.body.toPlainText()
