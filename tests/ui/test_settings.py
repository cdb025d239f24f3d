"""The settings dialog: test the connection, keep the key out of files, first run."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from ecovdesk.core.preferences import Preferences
from ecovdesk.core.relay_session import RelaySession
from ecovdesk.core.secrets import KeyStore
from ecovdesk.core.settings import Settings, load_settings
from ecovdesk.ui import settings_flow
from ecovdesk.ui.settings_dialog import SettingsDialog, SettingsValues
from tests.fakerelay.server import FakeRelay
from tests.ui.conftest import API_KEY, Driver


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
    assert "API key" in dialog.test_result.text()


def test_unreachable_relay_is_said_plainly(
    qtbot: QtBot, driver: Driver, preferences: Preferences
) -> None:
    dialog = _dialog(qtbot, preferences, "http://127.0.0.1:9", API_KEY)
    dialog.test_button.click()
    driver.until(lambda: dialog.test_button.isEnabled() and "…" not in dialog.test_result.text())
    assert "Could not reach the relay" in dialog.test_result.text()


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
