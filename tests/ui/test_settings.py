"""The settings dialog: test the connection, keep the key out of files, first run."""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox
from pytestqt.qtbot import QtBot

from ecovdesk.app import RunningApp, relaunch_command
from ecovdesk.core.preferences import Preferences
from ecovdesk.core.relay_session import RelaySession
from ecovdesk.core.secrets import KeyStore
from ecovdesk.core.settings import Settings, load_settings
from ecovdesk.ui import settings_flow
from ecovdesk.ui.i18n import install_translation
from ecovdesk.ui.message_bubble import MessageBubble
from ecovdesk.ui.settings_dialog import SettingsDialog, SettingsValues
from ecovdesk.ui.theme import apply_theme
from tests.fakerelay.server import FakeRelay
from tests.ui.conftest import API_KEY, Driver
from tests.ui.test_chat_window import _finished_reply, _send


def _dialog(qtbot: QtBot, preferences: Preferences, base_url: str, key: str) -> SettingsDialog:
    values = SettingsValues(base_url, key, False, "", 30.0, "system", "system")
    dialog = SettingsDialog(values, keyring_available=False, tester=preferences.test_connection)
    qtbot.addWidget(dialog)
    return dialog


@pytest.fixture
def preferences(tmp_path: Path) -> Preferences:
    return Preferences(tmp_path / "settings.json", Settings(), KeyStore(env={}), RelaySession())


def test_test_connection_counts_the_models(
    qtbot: QtBot, driver: Driver, relay: FakeRelay, preferences: Preferences
) -> None:
    dialog = _dialog(qtbot, preferences, relay.base_url, API_KEY)
    dialog.test_button.click()
    driver.until(lambda: "Connected" in dialog.test_result.text())
    assert str(len(relay.model_ids)) in dialog.test_result.text()
    assert relay.requests_to("/v1/models")[-1].headers["Authorization"] == f"Bearer {API_KEY}"


def test_test_connection_shows_the_relays_refusal(
    qtbot: QtBot, driver: Driver, relay: FakeRelay, preferences: Preferences
) -> None:
    dialog = _dialog(qtbot, preferences, relay.base_url, "sk-wrong")
    dialog.test_button.click()
    driver.until(lambda: dialog.test_button.isEnabled() and "…" not in dialog.test_result.text())
    assert "无效的令牌" in dialog.test_result.text()
    assert "did not accept this API key" in dialog.test_result.text()
    assert "in Settings" not in dialog.test_result.text()  # the user is in Settings already


def test_unreachable_relay_is_said_plainly(
    qtbot: QtBot, driver: Driver, preferences: Preferences
) -> None:
    dialog = _dialog(qtbot, preferences, "http://127.0.0.1:9", API_KEY)
    dialog.test_button.click()
    driver.until(lambda: dialog.test_button.isEnabled() and "…" not in dialog.test_result.text())
    assert "Could not reach the relay" in dialog.test_result.text()


@pytest.mark.parametrize("typed", ["not a url", "ftp://example.com", "https://", ""])
def test_an_address_no_request_could_reach_is_refused_before_saving_or_testing(
    qtbot: QtBot, preferences: Preferences, typed: str
) -> None:
    tried: list[str] = []

    async def tester(base_url: str, *_args: object) -> int:
        tried.append(base_url)
        return 0

    values = SettingsValues(typed, API_KEY, False, "", 30.0, "system", "system")
    dialog = SettingsDialog(values, keyring_available=False, tester=tester)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.test_button.click()
    dialog.accept()
    assert dialog.isVisible() and dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.address_error.isVisibleTo(dialog) and tried == []
    assert "https://api.ecovai.cn" in dialog.address_error.text()
    assert not dialog.test_result.isVisibleTo(dialog)
    # Typing again takes the refusal away.
    qtbot.keyClicks(dialog.base_url, "x")
    assert not dialog.address_error.isVisibleTo(dialog)


def test_an_address_typed_without_its_scheme_is_taken_as_https(
    qtbot: QtBot, preferences: Preferences
) -> None:
    dialog = _dialog(qtbot, preferences, " api.ecovai.cn/ ", API_KEY)
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.values().base_url == "https://api.ecovai.cn"


def test_an_unusable_proxy_is_named_instead_of_hanging_on_connecting(
    qtbot: QtBot, driver: Driver, relay: FakeRelay, preferences: Preferences
) -> None:
    values = SettingsValues(
        relay.base_url, API_KEY, False, "socks4://127.0.0.1:1", 30.0, "system", "system"
    )
    dialog = SettingsDialog(values, keyring_available=False, tester=preferences.test_connection)
    qtbot.addWidget(dialog)
    dialog.test_button.click()
    driver.until(lambda: dialog.test_button.isEnabled() and "…" not in dialog.test_result.text())
    assert "proxy in Settings cannot be used" in dialog.test_result.text()


def test_without_a_keyring_the_key_is_kept_for_the_session_only(
    qtbot: QtBot,
    preferences: Preferences,
    relay: FakeRelay,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    dialog = _dialog(qtbot, preferences, relay.base_url, API_KEY)
    assert dialog.session_only.isChecked() and not dialog.session_only.isEnabled()
    assert "keyring" in dialog.key_note.text()

    def accept(self: SettingsDialog) -> int:
        self.base_url.setText(relay.base_url)
        self.api_key.setText(API_KEY)
        return int(QDialog.DialogCode.Accepted)

    monkeypatch.setattr(SettingsDialog, "exec", accept)
    assert settings_flow.edit_settings(None, preferences, first_run=True)
    assert preferences.ready and preferences.api_key() == API_KEY
    saved = (tmp_path / "settings.json").read_text("utf-8")
    assert API_KEY not in saved
    assert load_settings(tmp_path / "settings.json").base_url == relay.base_url


# A code block's background in each theme (see MarkdownRenderer._code_block).
CODE_BACKGROUND = {False: "#f6f8fa", True: "#272822"}


def _choose_theme(app: RunningApp, monkeypatch: pytest.MonkeyPatch, theme: str) -> None:
    """The user picks ``theme`` in the settings dialog the window opens, and accepts it."""

    def accept(self: SettingsDialog) -> int:
        self.theme.setCurrentIndex(self.theme.findData(theme))
        return int(QDialog.DialogCode.Accepted)

    monkeypatch.setattr(SettingsDialog, "exec", accept)
    app.window.settingsRequested.emit()


def _code_colours(html: str) -> tuple[list[str], list[str]]:
    """The code blocks' backgrounds and the colours of their Copy code links."""
    backgrounds = re.findall(r'<table [^>]*bgcolor="(#[0-9a-f]{6})"', html)
    links = re.findall(r'<a href="ecovdesk-copy:\d+"><span style="[^"]*color:(#[0-9a-f]{6})', html)
    return backgrounds, links


def _assert_theme(bubble: MessageBubble, dark: bool) -> None:
    link = QApplication.palette().color(QPalette.ColorRole.Link).name()
    backgrounds, links = _code_colours(bubble.body.toHtml())
    assert backgrounds and set(backgrounds) == {CODE_BACKGROUND[dark]}
    assert links and set(links) == {link}
    backgrounds, links = _code_colours(bubble.thinking_view.toHtml())
    assert backgrounds == [CODE_BACKGROUND[dark]] and links == [link]
    # Secondary text (the header, the thinking toggle) is dimmed in the theme's own way; the
    # window's widgets take a new palette as the event loop turns.
    dimmed = QApplication.palette().color(QPalette.ColorRole.PlaceholderText)
    header, toggle = bubble.header, bubble.thinking_toggle
    QApplication.processEvents()
    assert header.palette().color(header.foregroundRole()) == dimmed
    assert toggle.palette().color(QPalette.ColorRole.ButtonText) == dimmed


@pytest.fixture
def palette_restored() -> Iterator[None]:
    yield
    qapp = QApplication.instance()
    assert isinstance(qapp, QApplication)
    apply_theme(qapp, "light")


@pytest.mark.usefixtures("palette_restored")
def test_a_theme_change_recolours_code_in_replies_shown_and_to_come(
    qtbot: QtBot, driver: Driver, app: RunningApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    _choose_theme(app, monkeypatch, "light")
    _send(qtbot, app, "给我一段代码", model="deepseek-reasoner")
    shown = _finished_reply(driver, app)
    # The thinking holds a code block too, and is open.
    thought = "先想一想。\n\n```python\nx = 1\n```"
    shown.finish(replace(shown.message, reasoning=thought))
    shown.thinking_toggle.setChecked(True)
    _assert_theme(shown, dark=False)

    _choose_theme(app, monkeypatch, "dark")
    assert app.preferences.settings.theme == "dark"
    _assert_theme(shown, dark=True)

    _send(qtbot, app, "再来一段代码", model="deepseek-reasoner")
    new = _finished_reply(driver, app)
    assert new is not shown
    new.finish(replace(new.message, reasoning=thought))
    new.thinking_toggle.setChecked(True)
    _assert_theme(new, dark=True)

    _choose_theme(app, monkeypatch, "light")
    for bubble in (shown, new):
        _assert_theme(bubble, dark=False)


@pytest.mark.usefixtures("palette_restored")
def test_a_theme_change_recolours_a_long_reply_shown_in_parts(
    qtbot: QtBot, driver: Driver, app: RunningApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    _choose_theme(app, monkeypatch, "light")
    _send(qtbot, app, "写一篇长文 #deltas=4000")
    bubble = _finished_reply(driver, app)
    assert len(bubble.body.parts) > 1
    blocks = len(bubble._renderer.code_blocks)
    backgrounds, _ = _code_colours(bubble.body.toHtml())
    assert len(backgrounds) == blocks > 1 and set(backgrounds) == {CODE_BACKGROUND[False]}

    _choose_theme(app, monkeypatch, "dark")
    backgrounds, links = _code_colours(bubble.body.toHtml())
    # Every block once, in the new colours; the copy links still find their code.
    assert len(backgrounds) == blocks and set(backgrounds) == {CODE_BACKGROUND[True]}
    assert set(links) == {QApplication.palette().color(QPalette.ColorRole.Link).name()}
    assert len(bubble._renderer.code_blocks) == blocks


def test_a_key_from_the_environment_is_shown_as_such_and_not_editable(
    qtbot: QtBot, preferences: Preferences
) -> None:
    values = SettingsValues("https://api.ecovai.cn", "sk-env", False, "", 30.0, "system", "system")
    dialog = SettingsDialog(
        values,
        keyring_available=True,
        key_from_environment=True,
        tester=preferences.test_connection,
    )
    qtbot.addWidget(dialog)
    assert dialog.api_key.isReadOnly()
    assert "ECOVDESK_API_KEY" in dialog.key_note.text()


def test_saving_the_settings_asks_the_relay_for_its_models(
    driver: Driver, app: RunningApp, relay: FakeRelay, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked = len(relay.requests_to("/v1/models"))
    _choose_theme(app, monkeypatch, "light")
    driver.until(lambda: len(relay.requests_to("/v1/models")) == asked + 1)


def test_a_message_sent_before_any_key_goes_out_once_the_key_is_given(
    qtbot: QtBot,
    driver: Driver,
    relay: FakeRelay,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from tests.ui.conftest import start_app, stop_app

    def give_key(self: SettingsDialog) -> int:
        self.api_key.setText(API_KEY)
        return int(QDialog.DialogCode.Accepted)

    monkeypatch.setattr(SettingsDialog, "exec", give_key)
    running = start_app(driver, tmp_path / "p", relay.base_url, key="")
    try:
        assert not running.preferences.ready
        _send(qtbot, running, "你好")
        reply = _finished_reply(driver, running)
        assert reply.message.content
        assert (
            relay.requests_to("/v1/chat/completions")[-1].json["messages"][-1]["content"] == "你好"
        )
    finally:
        stop_app(driver, running)


def _choose_language(monkeypatch: pytest.MonkeyPatch, language: str) -> None:
    def accept(self: SettingsDialog) -> int:
        self.language.setCurrentIndex(self.language.findData(language))
        return int(QDialog.DialogCode.Accepted)

    monkeypatch.setattr(SettingsDialog, "exec", accept)


def _press_in_language_box(button: str, seen: list[str]) -> None:
    """Presses ``button`` in the message box the new language brings, once it shows."""

    def press() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(10, press)
            return
        seen.append(box.text())
        next(b for b in box.buttons() if b.text() == button).click()

    QTimer.singleShot(0, press)


def test_a_new_language_offers_a_restart_asked_in_that_language(
    driver: Driver, app: RunningApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    qapp = QApplication.instance()
    assert isinstance(qapp, QApplication)
    seen: list[str] = []
    try:
        _choose_language(monkeypatch, "zh_CN")
        _press_in_language_box("稍后", seen)
        app.window.settingsRequested.emit()
        assert seen == ["ecovdesk 重新启动后将显示新语言。"]
        assert app.window.isVisible() and not app.restart_requested
        # Until then, what opens next speaks the window's language, not a mix of the two.
        assert QApplication.translate("MainWindow", "Chat") == "Chat"

        _choose_language(monkeypatch, "en")
        _press_in_language_box("Restart now", seen)
        app.window.settingsRequested.emit()
        driver.until(lambda: not app.window.isVisible())
        assert app.restart_requested
        assert app.preferences.settings.language == "en"
    finally:
        install_translation(qapp, "en")


def test_starting_again_runs_the_same_program_with_the_same_arguments(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    args = ["--profile-dir", "/tmp/p", "--base-url", "http://127.0.0.1:1"]
    assert relaunch_command(args) == [sys.executable, "-m", "ecovdesk", *args]
    # The installed program is its own interpreter.
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    assert relaunch_command(args) == [sys.executable, *args]
