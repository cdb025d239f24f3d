"""Regenerate and edit-and-resend ask the model that answered, whatever the picker shows now."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from ecovdesk.app import RunningApp
from ecovdesk.core.domain import MessageState, Role
from tests.fakerelay.faults import Fault
from tests.fakerelay.server import FakeRelay
from tests.ui.conftest import Driver
from tests.ui.test_chat_window import _finished_reply, _send


def test_regenerate_asks_the_model_that_wrote_the_reply_after_the_picker_moved_on(
    qtbot: QtBot, driver: Driver, app: RunningApp, relay: FakeRelay
) -> None:
    _send(qtbot, app, "讲个笑话", model="gpt-4o-mini")
    reply = _finished_reply(driver, app)
    app.window.picker.choose("dall-e-3")  # a picture model: a chat request to it would fail
    asked = len(relay.requests_to("/v1/chat/completions"))
    reply.regenerate_button.click()
    driver.until(lambda: len(relay.requests_to("/v1/chat/completions")) == asked + 1)
    again = _finished_reply(driver, app)
    assert relay.requests_to("/v1/chat/completions")[-1].json["model"] == "gpt-4o-mini"
    assert again.message.model == "gpt-4o-mini" and again.message.content
    assert not relay.requests_to("/v1/images")


def test_edit_and_resend_asks_the_model_the_question_was_asked_of(
    qtbot: QtBot, driver: Driver, app: RunningApp, relay: FakeRelay
) -> None:
    _send(qtbot, app, "第一个问题", model="deepseek-chat")
    _finished_reply(driver, app)
    app.window.picker.choose("flux-schnell")
    user = next(b for b in app.window.view.bubbles() if b.message.role is Role.USER)
    user.editSubmitted.emit(user.message.id, "改过的问题")
    driver.until(lambda: any(b.message.content == "改过的问题" for b in app.window.view.bubbles()))
    again = _finished_reply(driver, app)
    assert relay.requests_to("/v1/chat/completions")[-1].json["model"] == "deepseek-chat"
    assert again.message.model == "deepseek-chat"


def test_editing_a_question_while_its_answer_streams_stops_it_and_asks_again(
    qtbot: QtBot, driver: Driver, app: RunningApp, relay: FakeRelay
) -> None:
    # Only the first answer is slow: it is still streaming when the question is edited.
    relay.queue_fault(Fault.SLOW_TOKENS, path_prefix="/v1/chat", delay=0.05)
    _send(qtbot, app, "写一篇很长的文章 #deltas=400")
    # Edited once the answer is on its way from the relay, not merely shown as waiting.
    driver.until(lambda: len(relay.requests_to("/v1/chat/completions")) == 1)
    driver.until(lambda: any(b.streaming for b in app.window.view.bubbles()))
    user = next(b for b in app.window.view.bubbles() if b.message.role is Role.USER)
    user.editSubmitted.emit(user.message.id, "改成一个短问题")
    driver.until(lambda: len(relay.requests_to("/v1/chat/completions")) == 2)

    def answered() -> bool:
        bubbles = app.window.view.bubbles()
        return (
            len(bubbles) == 2
            and bubbles[0].message.content == "改成一个短问题"
            and bubbles[1].message.state is MessageState.DONE
            # The new answer, not the stopped one (whose id the new reply may take over).
            and "改成一个短问题" in bubbles[1].message.content
        )

    driver.until(answered)
    reply = app.window.view.bubbles()[1]
    assert relay.requests_to("/v1/chat/completions")[-1].json["messages"][-1]["content"] == (
        "改成一个短问题"
    )
    assert reply.message.content and "改成一个短问题" in reply.message.content
