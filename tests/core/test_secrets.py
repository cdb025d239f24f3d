from __future__ import annotations

import logging
from pathlib import Path

import pytest
from keyring.backends import fail

from ecovdesk.core.secrets import ENV_VAR, KeyStore
from ecovdesk.core.settings import Settings, load_settings, save_settings

from .memory_keyring import BrokenKeyring, ForgetfulKeyring, MemoryKeyring

URL = "https://api.ecovai.cn"
KEY = "sk-" + "Zx9" * 16


def test_no_key_anywhere() -> None:
    keys = KeyStore(env={}, backend=MemoryKeyring())
    assert keys.get_key(URL) == ""
    assert keys.key_source(URL) == "none"
    assert keys.keyring_available()


def test_key_is_stored_in_the_keyring_under_the_base_url() -> None:
    backend = MemoryKeyring()
    keys = KeyStore(env={}, backend=backend)
    keys.set_key(URL + "/", KEY)
    assert backend.passwords == {("ecovdesk", URL): KEY}
    assert keys.get_key(URL) == KEY
    assert keys.key_source(URL) == "keyring"
    assert keys.last_error is None
    # A second store (the next start) finds the same key.
    assert KeyStore(env={}, backend=backend).get_key(URL) == KEY


def test_keys_are_per_relay() -> None:
    keys = KeyStore(env={}, backend=MemoryKeyring())
    keys.set_key(URL, KEY)
    keys.set_key("https://other.example", "sk-other")
    assert keys.get_key(URL) == KEY
    assert keys.get_key("https://other.example") == "sk-other"


def test_environment_overrides_everything() -> None:
    backend = MemoryKeyring()
    keys = KeyStore(env={ENV_VAR: "  sk-from-env  "}, backend=backend)
    keys.set_key(URL, KEY)
    assert keys.get_key(URL) == "sk-from-env"
    assert keys.key_source(URL) == "env"
    assert backend.passwords[("ecovdesk", URL)] == KEY


def test_session_only_key_is_not_written_and_removes_a_remembered_one() -> None:
    backend = MemoryKeyring()
    keys = KeyStore(env={}, backend=backend)
    keys.set_key(URL, "sk-remembered")
    keys.set_key(URL, KEY, session_only=True)
    assert keys.get_key(URL) == KEY
    assert keys.key_source(URL) == "session"
    assert backend.passwords == {}
    assert KeyStore(env={}, backend=backend).get_key(URL) == ""


def test_broken_keyring_falls_back_to_session_without_leaking_the_key(
    caplog: pytest.LogCaptureFixture,
) -> None:
    backend = BrokenKeyring(message=f"could not store {KEY}")
    keys = KeyStore(env={}, backend=backend)
    with caplog.at_level(logging.DEBUG):
        keys.set_key(URL, KEY)
    assert keys.get_key(URL) == KEY
    assert keys.key_source(URL) == "session"
    assert not keys.keyring_available()
    assert keys.last_error is not None
    assert KEY not in keys.last_error
    assert "KeyringError" in keys.last_error
    assert KEY not in caplog.text
    assert caplog.records  # the failure itself was logged


def test_failing_keyring_is_not_asked_again() -> None:
    backend = BrokenKeyring()
    keys = KeyStore(env={}, backend=backend)
    assert keys.get_key(URL) == ""
    calls = backend.calls
    assert calls == 1
    keys.get_key(URL)
    keys.set_key(URL, KEY)
    assert backend.calls == calls
    assert keys.get_key(URL) == KEY


def test_fail_backend_is_not_available_and_keys_stay_in_session() -> None:
    keys = KeyStore(env={}, backend=fail.Keyring())  # type: ignore[no-untyped-call]
    assert not keys.keyring_available()
    keys.set_key(URL, KEY)
    assert keys.get_key(URL) == KEY
    assert keys.key_source(URL) == "session"
    assert keys.last_error


def test_keyring_that_silently_drops_writes_is_detected() -> None:
    keys = KeyStore(env={}, backend=ForgetfulKeyring())
    keys.set_key(URL, KEY)
    assert keys.get_key(URL) == KEY
    assert keys.key_source(URL) == "session"
    assert keys.last_error is not None and KEY not in keys.last_error


def test_delete_key_removes_keyring_and_session_copies() -> None:
    backend = MemoryKeyring()
    keys = KeyStore(env={}, backend=backend)
    keys.set_key(URL, KEY)
    keys.set_key("https://other.example", "sk-session", session_only=True)
    keys.delete_key(URL)
    keys.delete_key("https://other.example")
    keys.delete_key("https://never-stored.example")  # deleting nothing is fine
    assert backend.passwords == {}
    assert keys.get_key(URL) == ""
    assert keys.get_key("https://other.example") == ""


def test_setting_an_empty_key_deletes_it() -> None:
    backend = MemoryKeyring()
    keys = KeyStore(env={}, backend=backend)
    keys.set_key(URL, KEY)
    keys.set_key(URL, "   ")
    assert backend.passwords == {}
    assert keys.key_source(URL) == "none"


def test_key_source_defaults_to_the_last_relay_asked_about() -> None:
    keys = KeyStore(env={}, backend=MemoryKeyring())
    keys.set_key(URL, KEY)
    keys.get_key(URL)
    assert keys.key_source() == "keyring"
    keys.get_key("https://other.example")
    assert keys.key_source() == "none"


def test_key_never_reaches_the_settings_file(tmp_path: Path) -> None:
    keys = KeyStore(env={}, backend=MemoryKeyring())
    keys.set_key(URL, KEY)
    path = tmp_path / "settings.json"
    save_settings(path, Settings(base_url=URL, key_in_session_only=False, first_run_done=True))
    text = path.read_text(encoding="utf-8")
    assert KEY not in text
    assert "sk-" not in text
    assert load_settings(path).base_url == URL


class CountingKeyring(MemoryKeyring):
    def __init__(self) -> None:
        super().__init__()
        self.reads = 0

    def get_password(self, service: str, username: str) -> str | None:
        self.reads += 1
        return super().get_password(service, username)


def test_keyring_is_read_once_per_relay() -> None:
    backend = CountingKeyring()
    backend.passwords[("ecovdesk", URL)] = KEY
    keys = KeyStore(env={}, backend=backend)
    assert [keys.get_key(URL) for _ in range(3)] == [KEY, KEY, KEY]
    assert keys.key_source(URL) == "keyring"
    assert backend.reads == 1
    keys.delete_key(URL)
    assert keys.get_key(URL) == ""
    keys.set_key(URL, "sk-new")
    assert keys.get_key(URL) == "sk-new"
