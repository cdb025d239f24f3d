"""Conversations kept across restarts, searched, renamed, deleted with undo, exported."""

from __future__ import annotations

import json
import re
import sqlite3
from dataclasses import asdict
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette, QPixmap
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from ecovdesk.app import RunningApp
from ecovdesk.core.domain import MessageState, Role
from ecovdesk.core.export import DEFAULT_LABELS
from ecovdesk.ui.main_window import MainWindow
from ecovdesk.ui.search_hit_rows import HIT_ROLE, hit_html
from tests.fakerelay.faults import Fault
from tests.fakerelay.server import FakeRelay
from tests.ui.conftest import API_KEY, Driver, chinese_app, start_app, stop_app
from tests.ui.test_chat_window import _finished_reply, _send


def test_history_and_model_survive_a_restart(
    qtbot: QtBot, driver: Driver, relay: FakeRelay, tmp_path: Path
) -> None:
    profile = tmp_path / "profile"
    first = start_app(driver, profile, relay.base_url)
    _send(qtbot, first, "北京今天天气怎么样", model="kimi")
    _finished_reply(driver, first)
    stop_app(driver, first)

    second = start_app(driver, profile, relay.base_url)
    try:
        window = second.window
        assert window.conversation_list.list.count() == 1
        assert window.conversation_list.list.item(0).text() == "北京今天天气怎么样"
        bubbles = window.view.bubbles()
        assert [b.message.role for b in bubbles] == [Role.USER, Role.ASSISTANT]
        assert window.picker.current == "kimi"
        assert API_KEY not in (profile / "settings.json").read_text("utf-8")
    finally:
        stop_app(driver, second)


def test_search_finds_chinese_text_and_opens_the_conversation(
    qtbot: QtBot, driver: Driver, app: RunningApp
) -> None:
    _send(qtbot, app, "帮我写一首关于西湖春天的诗")
    _finished_reply(driver, app)
    app.window.new_conversation()
    _send(qtbot, app, "另一个话题")
    _finished_reply(driver, app)
    listing = app.window.conversation_list
    listing.search.setText("西湖春天")
    driver.until(lambda: listing.list.count() >= 1 and "西湖" in listing.list.item(0).text())
    rows = [listing.list.item(row).text() for row in range(listing.list.count())]
    assert len(rows) == len(set(rows)), "a row is listed twice"
    # Drawn with the words searched for marked.
    title, _snippet, terms = listing.list.item(0).data(HIT_ROLE)
    assert terms == ["西湖春天"] and "西湖春天" in title
    listing.list.itemClicked.emit(listing.list.item(0))
    driver.until(lambda: any("西湖春天" in b.message.content for b in app.window.view.bubbles()))
    qtbot.keyClick(listing.search, Qt.Key.Key_Escape)  # back to every conversation
    assert listing.search.text() == ""
    driver.until(lambda: listing.list.count() == 2)


def test_a_hit_shows_its_title_in_bold_over_its_snippet_with_the_words_marked() -> None:
    shown = hit_html("Rust <tips>", "…用 RUST 写一个 rust 解析器…", ["rust"], "yellow", "gray")
    mark = '<span style="background-color:yellow">'
    assert shown.startswith(f"<b>{mark}Rust</span> &lt;tips&gt;</b><br>")
    assert shown.count(mark) == 3
    assert ">RUST</span>" in shown and ">rust</span>" in shown
    # A hit in the title alone has no snippet under it.
    assert hit_html("旅行计划", "", ["旅行"], "yellow", "gray").count("<br>") == 0


def test_delete_can_be_undone(qtbot: QtBot, driver: Driver, app: RunningApp) -> None:
    _send(qtbot, app, "要删除的对话")
    _finished_reply(driver, app)
    window = app.window
    conversation_id = window.conversation_list.list.item(0).data(Qt.ItemDataRole.UserRole)
    window.conversation_list.deleteRequested.emit(conversation_id)
    driver.until(lambda: window.conversation_list.list.count() == 0)
    assert window.view.bubbles() == []
    assert window.conversation_actions.undo_button.isVisible()
    window.conversation_actions.undo_button.click()
    driver.until(lambda: window.conversation_list.list.count() == 1)
    # Back where it was: listed, chosen and shown.
    listing = window.conversation_list.list
    driver.until(lambda: listing.currentItem() is listing.item(0))
    driver.until(lambda: len(window.view.bubbles()) == 2)


def test_deleting_a_conversation_stops_its_reply(
    qtbot: QtBot, driver: Driver, app: RunningApp, relay: FakeRelay
) -> None:
    relay.token_delay = 0.05  # a long reply that would run for a while
    _send(qtbot, app, "写一篇很长的文章 #deltas=400")
    window = app.window
    driver.until(lambda: bool(relay.requests_to("/v1/chat/completions")))
    driver.until(lambda: window.conversation_list.list.count() == 1)
    conversation_id = window.conversation_list.list.item(0).data(Qt.ItemDataRole.UserRole)
    driver.until(lambda: app.services.chat.is_streaming(conversation_id))
    window.conversation_list.deleteRequested.emit(conversation_id)
    driver.until(lambda: not app.services.chat.is_streaming(conversation_id), timeout=5)
    window.conversation_actions.undo_button.click()
    driver.until(lambda: bool(window.view.bubbles()))
    reply = window.view.bubbles()[-1]
    driver.until(lambda: reply.message.state is MessageState.INTERRUPTED)


def test_rename_through_the_dialog(
    qtbot: QtBot, driver: Driver, app: RunningApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    _send(qtbot, app, "原来的标题")
    _finished_reply(driver, app)
    from PySide6.QtWidgets import QInputDialog

    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("新的标题", True))
    listing = app.window.conversation_list
    listing.renameRequested.emit(listing.list.item(0).data(Qt.ItemDataRole.UserRole))
    driver.until(lambda: listing.list.item(0).text() == "新的标题")


def test_the_rename_dialog_lets_other_work_go_on(
    qtbot: QtBot, driver: Driver, app: RunningApp
) -> None:
    import asyncio

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QInputDialog

    _send(qtbot, app, "原来的标题")
    _finished_reply(driver, app)
    listing = app.window.conversation_list
    background = driver.loop.create_task(asyncio.sleep(0.2))
    seen: list[bool] = []

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QInputDialog):
            QTimer.singleShot(50, answer)
            return
        # The dialog has been open longer than the background task's sleep.
        seen.append(background.done() and background.exception() is None)
        dialog.setTextValue("新的标题")
        dialog.accept()

    QTimer.singleShot(600, answer)
    listing.renameRequested.emit(listing.list.item(0).data(Qt.ItemDataRole.UserRole))
    driver.until(lambda: listing.list.item(0).text() == "新的标题", timeout=10)
    assert seen == [True]


def _export_first(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch, target: Path, fmt: str
) -> None:
    """Export the conversation at the top of the list, the save dialog answering ``target``."""
    from PySide6.QtWidgets import QFileDialog

    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    listing = window.conversation_list
    listing.exportRequested.emit(listing.list.item(0).data(Qt.ItemDataRole.UserRole), fmt)


def test_export_markdown_and_json(
    qtbot: QtBot, driver: Driver, app: RunningApp, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _send(qtbot, app, "导出测试")
    bubble = _finished_reply(driver, app)
    for fmt, name in (("md", "out.md"), ("json", "out.json")):
        target = tmp_path / name
        _export_first(app.window, monkeypatch, target, fmt)
        driver.until(target.exists)
    markdown = (tmp_path / "out.md").read_text("utf-8")
    assert "导出测试" in markdown and bubble.message.content[:20] in markdown
    data = json.loads((tmp_path / "out.json").read_text("utf-8"))
    assert any(m["content"] == "导出测试" for m in data["messages"])
    assert API_KEY not in markdown and API_KEY not in json.dumps(data)


def test_an_export_that_cannot_be_written_says_why_in_chinese(
    qtbot: QtBot,
    driver: Driver,
    relay: FakeRelay,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    with chinese_app(driver, relay, tmp_path / "p") as running:
        window = running.window
        _send(qtbot, running, "导出失败测试")
        _finished_reply(driver, running)
        # The folder chosen in the dialog was removed before the export wrote to it.
        target = tmp_path / "已删除的文件夹" / "导出.md"
        _export_first(window, monkeypatch, target, "md")
        driver.until(lambda: window.statusBar().currentMessage().startswith("无法导出"))
        assert window.statusBar().currentMessage() == "无法导出：该文件夹已不存在。"
        assert not target.exists()


def test_markdown_export_from_the_chinese_window_has_no_english_label(
    qtbot: QtBot,
    driver: Driver,
    relay: FakeRelay,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    with chinese_app(driver, relay, tmp_path / "p") as running:
        window = running.window
        # Every label the export knows is in Chinese: no Latin letter in any of them.
        labels = asdict(window.conversation_actions.export_labels())
        assert labels.keys() == asdict(DEFAULT_LABELS).keys()
        assert {k: v for k, v in labels.items() if re.search("[A-Za-z]", v)} == {}

        # A conversation with a system prompt, reasoning, a cut reply and a refused one.
        window.picker.choose("deepseek-reasoner")
        window.side_panel.chat.system_prompt.setPlainText("你是一个天气助手")
        _send(qtbot, running, "明天下雨吗", model="deepseek-reasoner")
        assert _finished_reply(driver, running).message.reasoning
        relay.queue_fault(Fault.CUT_BEFORE_DONE, path_prefix="/v1/chat")
        _send(qtbot, running, "后天呢", model="deepseek-reasoner")
        assert _finished_reply(driver, running).message.state is MessageState.INTERRUPTED
        relay.queue_error(403, "error_403_quota.json", path_prefix="/v1/chat")
        _send(qtbot, running, "大后天呢", model="deepseek-reasoner")
        assert _finished_reply(driver, running).message.state is MessageState.FAILED

        target = tmp_path / "导出.md"
        _export_first(window, monkeypatch, target, "md")
        driver.until(target.exists)
        markdown = target.read_text("utf-8")
    lines = markdown.splitlines()
    assert "- 模型: `deepseek-reasoner`" in lines
    assert "**系统提示词**" in lines
    assert "**你**" in lines and "**助手 · deepseek-reasoner**" in lines
    assert "> **思考过程**" in lines
    assert "*(已中断)*" in lines
    # The window's explanation in Chinese, then the relay's own words.
    assert "> **错误:** 该密钥额度已用尽，请到中转站充值。" in lines
    assert any(line.startswith("> 中转站返回：该令牌额度已用尽") for line in lines)
    # Labels start a line, as a list item, heading, quote or emphasis.
    label_lines = [line for line in lines if re.match(r"^(- |> \*\*|\*\*|\*\()", line)]
    for english in asdict(DEFAULT_LABELS).values():
        assert not any(english in line for line in label_lines), english


def test_options_reach_the_request(
    qtbot: QtBot, driver: Driver, app: RunningApp, relay: FakeRelay
) -> None:
    window = app.window
    window.picker.choose("kimi")
    panel = window.side_panel.chat
    assert panel.use_search.isVisibleTo(panel)
    panel.system_prompt.setPlainText("你是一个天气助手")
    panel.custom_temperature.setChecked(True)
    panel.temperature.setValue(0.3)
    panel.max_tokens.setValue(512)
    panel.use_search.setChecked(True)
    window.composer.edit.insertPlainText("上海天气")
    qtbot.keyClick(window.composer.edit, Qt.Key.Key_Return)
    _finished_reply(driver, app)
    body = relay.requests_to("/v1/chat/completions")[-1].json
    assert body["messages"][0] == {"role": "system", "content": "你是一个天气助手"}
    assert body["temperature"] == pytest.approx(0.3)
    assert body["max_tokens"] == 512
    assert body["use_search"] is True


def test_attached_image_is_sent_as_an_image_url_part(
    qtbot: QtBot, driver: Driver, app: RunningApp, relay: FakeRelay, tmp_path: Path
) -> None:
    from PIL import Image

    picture = tmp_path / "cat.png"
    Image.new("RGB", (64, 48), "orange").save(picture)
    window = app.window
    window.picker.choose("gpt-4o")
    assert window.composer.attach_image.isVisibleTo(window)
    window.composer.imageFilesChosen.emit([str(picture)])
    driver.until(lambda: len(window.attachments.items) == 1)
    window.composer.documentUrlChosen.emit("javascript:alert(1)")
    assert len(window.attachments.items) == 1
    window.composer.edit.insertPlainText("这是什么")
    qtbot.keyClick(window.composer.edit, Qt.Key.Key_Return)
    _finished_reply(driver, app)
    content = relay.requests_to("/v1/chat/completions")[-1].json["messages"][-1]["content"]
    assert content[0]["type"] == "image_url"
    assert content[0]["image_url"]["url"].startswith("data:image/png;base64,")
    assert content[-1] == {"type": "text", "text": "这是什么"}
    # The picture itself goes to the model; its small copy stays on this computer.
    [sent] = next(
        b for b in window.view.bubbles() if b.message.role is Role.USER
    ).message.attachments
    assert len(content) == 2 and content[0]["image_url"]["url"] == sent.url != sent.thumbnail

    # The question shows the picture it was sent with, now and when opened again.
    def shown_picture() -> QPixmap | None:
        question = next(b for b in window.view.bubbles() if b.message.role is Role.USER)
        assert "📎" not in question.body.toPlainText()
        pixmaps = [lb.pixmap() for lb in question.findChildren(QLabel) if not lb.pixmap().isNull()]
        return pixmaps[0] if pixmaps else None

    picture_shown = shown_picture()
    assert picture_shown is not None and picture_shown.width() == 64
    conversation_id = window.conversation_list.list.item(0).data(Qt.ItemDataRole.UserRole)
    window.new_conversation()
    driver.run(window.open_conversation(conversation_id))
    assert shown_picture() is not None


def test_picker_filters_and_offers_unknown_relay_ids(
    qtbot: QtBot, driver: Driver, app: RunningApp
) -> None:
    window = app.window
    driver.run(window.refresh_models())
    window.picker.open_popup()
    popup = window.picker.popup
    qtbot.keyClicks(popup.filter, "mystery")
    visible = popup._visible_models()
    assert [i.text(0) for i in visible] == ["mystery-model-x"]
    qtbot.keyClick(popup.filter, Qt.Key.Key_Return)
    assert window.picker.current == "mystery-model-x"
    assert not popup.isVisible()


def test_picker_keys_move_through_the_models_shown_while_typing(
    qtbot: QtBot, driver: Driver, app: RunningApp
) -> None:
    window = app.window
    window.picker.open_popup()
    popup = window.picker.popup
    qtbot.keyClicks(popup.filter, "deepseek")
    shown = [i.text(0) for i in popup._visible_models()]
    assert len(shown) >= 2
    qtbot.keyClick(popup.filter, Qt.Key.Key_Down)  # the first is current; down to the second
    qtbot.keyClick(popup.filter, Qt.Key.Key_Return)
    assert window.picker.current == shown[1]


def test_a_long_title_keeps_both_ends_in_sight_and_in_full_in_its_tooltip(
    qtbot: QtBot, driver: Driver, app: RunningApp
) -> None:
    title = "故障测试 connection_reset_mid_stream_2"  # one long word, under 40 characters
    _send(qtbot, app, title)
    _finished_reply(driver, app)
    listing = app.window.conversation_list.list
    driver.until(lambda: listing.count() == 1 and listing.item(0).text() == title)
    assert listing.textElideMode() is Qt.TextElideMode.ElideMiddle
    tooltip = listing.item(0).toolTip()
    assert title in tooltip and "gpt-4o-mini" in tooltip


def test_a_search_hit_opens_its_conversation_at_the_message_outlined(
    driver: Driver, app: RunningApp
) -> None:
    from ecovdesk.core import conversation_store as store
    from ecovdesk.core.domain import ChatOptions

    db = app.services.conversations._db  # seeding a long history, as years of use leave it

    def seed(conn: sqlite3.Connection) -> int:
        conversation = store.create_conversation(
            conn, "很长的对话", "gpt-4o-mini", ChatOptions(), 1.0
        )
        for n in range(1, 121):
            text = "罕见的词语：琥珀色的灯塔" if n == 8 else f"第 {n} 条普通消息"  # a reply
            store.add_message(
                conn, conversation.id, Role.USER if n % 2 else Role.ASSISTANT, text, now=float(n)
            )
        return conversation.id

    conversation_id = driver.run(db.run(seed))
    window = app.window
    listing = window.conversation_list
    listing.search.setText("琥珀色的灯塔")
    driver.until(
        lambda: (
            listing.list.count() == 1
            and listing.list.item(0).data(Qt.ItemDataRole.UserRole) == conversation_id
        )
    )
    listing.list.itemClicked.emit(listing.list.item(0))

    def shown() -> bool:
        bubble = next(
            (b for b in window.view.bubbles() if "琥珀色的灯塔" in b.message.content), None
        )
        if bubble is None:
            return False
        top = bubble.y() - window.view.verticalScrollBar().value()
        return 0 <= top < 40 and bubble.found

    driver.until(shown)
    # Outlined on screen in the highlight colour, not merely marked.
    found = next(b for b in window.view.bubbles() if "琥珀色的灯塔" in b.message.content)
    edge = found.grab().toImage().pixelColor(0, found.height() // 2)
    assert edge == found.palette().color(QPalette.ColorRole.Highlight)
    # The whole rest of the conversation is there below it, and the earlier part a click away.
    assert window.view.bubbles()[-1].message.content == "第 120 条普通消息"
    assert window.view.load_earlier.isVisibleTo(window.view)
