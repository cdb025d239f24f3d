"""Exporting a conversation from the list, as a user does it: the document reads like the
window, shows the pictures after the relay's links expire, and the dialog opens somewhere
sensible."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QStandardPaths, Qt
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from ecovdesk.app import RunningApp
from ecovdesk.core.domain import JobState, MessageState
from ecovdesk.ui.main_window import MainWindow
from tests.fakerelay.server import FakeRelay
from tests.ui.conftest import Driver
from tests.ui.test_chat_window import _finished_reply, _send
from tests.ui.test_midjourney import _imagine, _replies, _settled_card

_PICTURE_LINK = re.compile(r"!\[[^\]]*\]\(<?([^)>]+)>?\)")


def _export_first(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch, target: Path, fmt: str = "md"
) -> list[str]:
    """Export the conversation at the top of the list, the save dialog answering ``target``;
    returns the file name each dialog was opened with."""
    offered: list[str] = []

    def answer(*args: Any, **_kwargs: Any) -> tuple[str, str]:
        offered.append(args[2])
        return str(target), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", answer)
    listing = window.conversation_list
    listing.exportRequested.emit(listing.list.item(0).data(Qt.ItemDataRole.UserRole), fmt)
    return offered


def test_a_picture_reply_exports_with_its_picture_and_without_the_relays_output(
    qtbot: QtBot, driver: Driver, app: RunningApp, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _send(qtbot, app, "画一只猫", model="gpt-4o-all")
    bubble = _finished_reply(driver, app)
    driver.until(lambda: len(bubble.images.assets) == 1)
    assert "> 排队中" in bubble.message.content  # the relay reported its progress

    target = tmp_path / "exports" / "画猫.md"
    target.parent.mkdir()
    _export_first(app.window, monkeypatch, target)
    driver.until(target.exists)
    markdown = target.read_text("utf-8")

    pictures = [target.parent / link for link in _PICTURE_LINK.findall(markdown)]
    assert len(pictures) == 1 and pictures[0].is_file()
    assert pictures[0].read_bytes() == bubble.images.assets[0].path.read_bytes()
    assert pictures[0].is_relative_to(target.parent / "画猫_files")
    assert '{"prompt"' not in markdown
    assert not re.search(r"^> (排队中|正在生成|进度|生成完成)", markdown, re.M)
    assert "filesystem" not in markdown and "下载1" not in markdown
    assert bubble.caption.text().replace("Prompt: ", "") in markdown


def test_a_failed_reply_exports_the_windows_explanation_and_plain_role_lines(
    qtbot: QtBot,
    driver: Driver,
    app: RunningApp,
    relay: FakeRelay,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    relay.queue_error(403, "error_403_quota.json", path_prefix="/v1/chat")
    _send(qtbot, app, "你好")
    bubble = _finished_reply(driver, app)
    assert bubble.message.state is MessageState.FAILED

    target = tmp_path / "failed.md"
    _export_first(app.window, monkeypatch, target)
    driver.until(target.exists)
    lines = target.read_text("utf-8").splitlines()

    shown = bubble.state_label.text().split("\n")
    assert shown[0] == "The key's quota is used up. Top up the balance on the relay."
    assert f"> **Error:** {shown[0]}" in lines
    assert f"> {shown[1]}" in lines and shown[1].startswith("Relay says: 该令牌额度已用尽")
    assert "> **Error:** quota" not in lines
    # Roles are bold lines, the user's without a model; the only heading is the title.
    assert "**You**" in lines and "**Assistant · gpt-4o-mini**" in lines
    assert [line for line in lines if line.startswith("#")] == ["# 你好"]


def test_the_export_dialog_opens_in_documents_then_where_the_last_export_went(
    qtbot: QtBot, driver: Driver, app: RunningApp, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    documents = tmp_path / "Documents"
    documents.mkdir()
    monkeypatch.setattr(
        QStandardPaths,
        "writableLocation",
        lambda location: (
            str(documents) if location == QStandardPaths.StandardLocation.DocumentsLocation else ""
        ),
    )
    _send(qtbot, app, "导出位置")
    _finished_reply(driver, app)

    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    first = _export_first(app.window, monkeypatch, elsewhere / "a.md")
    driver.until(lambda: (elsewhere / "a.md").exists())
    assert first == [str(documents / "导出位置.md")]

    second = _export_first(app.window, monkeypatch, elsewhere / "b.json", "json")
    driver.until(lambda: (elsewhere / "b.json").exists())
    assert second == [str(elsewhere / "导出位置.json")]


def test_without_a_documents_folder_the_dialog_opens_at_home(
    qtbot: QtBot, driver: Driver, app: RunningApp, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(QStandardPaths, "writableLocation", lambda _location: "")
    monkeypatch.setenv("HOME", str(tmp_path))
    _send(qtbot, app, "没有文档")
    _finished_reply(driver, app)
    offered = _export_first(app.window, monkeypatch, tmp_path / "x.md")
    driver.until(lambda: (tmp_path / "x.md").exists())
    assert offered == [str(tmp_path / "没有文档.md")]


def test_a_midjourney_job_exports_its_pictures_from_the_library(
    qtbot: QtBot, driver: Driver, app: RunningApp, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _imagine(qtbot, app, "a lighthouse at dawn")
    card = _settled_card(driver, app, JobState.SUCCEEDED)
    reply = _replies(app)[-1]
    driver.until(lambda: len(reply.images.assets) >= 1)
    assert card.job.message_id == reply.message.id

    target = tmp_path / "lighthouse.md"
    _export_first(app.window, monkeypatch, target)
    driver.until(target.exists)
    markdown = target.read_text("utf-8")
    pictures = [target.parent / link for link in _PICTURE_LINK.findall(markdown)]
    assert len(pictures) == len(reply.images.assets)
    assert all(p.is_file() and p.parent.name == "lighthouse_files" for p in pictures)
    assert "http" not in markdown
