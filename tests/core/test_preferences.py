"""Settings saved from the dialog: where the key ends up."""

from __future__ import annotations

from pathlib import Path

from ecovdesk.core.preferences import Preferences
from ecovdesk.core.relay_session import RelaySession
from ecovdesk.core.secrets import KeyStore
from ecovdesk.core.settings import Settings

from .memory_keyring import MemoryKeyring

URL = "https://api.ecovai.cn"
KEY = "sk-" + "Qw7" * 16


def test_unticking_session_only_moves_the_same_key_into_the_keyring(tmp_path: Path) -> None:
    backend = MemoryKeyring()
    preferences = Preferences(
        tmp_path / "settings.json",
        Settings(base_url=URL),
        KeyStore(env={}, backend=backend),
        RelaySession(),
    )
    preferences.change(preferences.settings, KEY, key_session_only=True)
    assert backend.passwords == {}
    # The same key, saved again with the box unticked: it must outlive this session.
    preferences.change(preferences.settings, KEY, key_session_only=False)
    assert backend.passwords == {("ecovdesk", URL): KEY}
    assert KeyStore(env={}, backend=backend).get_key(URL) == KEY
