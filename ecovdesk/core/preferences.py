"""Settings and the API key together: what the settings dialog reads and changes."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from ecovdesk.api.http import RelayConfig, make_relay_client
from ecovdesk.api.models import list_models
from ecovdesk.core.relay_session import RelaySession
from ecovdesk.core.secrets import KeyStore
from ecovdesk.core.settings import Settings, save_settings


class Preferences:
    def __init__(
        self, settings_file: Path, settings: Settings, keys: KeyStore, relay: RelaySession
    ) -> None:
        self._file = settings_file
        self.settings = settings
        self.keys = keys
        self._relay = relay

    def api_key(self) -> str:
        return self.keys.get_key(self.settings.base_url)

    @property
    def ready(self) -> bool:
        """Enough is known to talk to the relay without asking the user first."""
        return bool(self.settings.base_url and self.api_key())

    def connect(self) -> None:
        self._relay.configure(self.relay_config(self.settings.base_url, self.api_key()))

    def relay_config(
        self, base_url: str, api_key: str, proxy: str | None = None, timeout: float | None = None
    ) -> RelayConfig:
        return RelayConfig(
            base_url=base_url.rstrip("/"),
            api_key=api_key,
            timeout=self.settings.timeout if timeout is None else timeout,
            proxy=(self.settings.proxy if proxy is None else proxy) or None,
        )

    def save(self) -> None:
        save_settings(self._file, self.settings)

    def change(self, settings: Settings, api_key: str, *, key_session_only: bool) -> None:
        """Store new settings and key, then use them for every request from now on."""
        settings = replace(settings, key_in_session_only=key_session_only, first_run_done=True)
        # Stored again when it changed, and when only where it is kept changed: a key kept for
        # the session alone goes to the keyring once that box is unticked.
        kept_for_session = self.keys.key_source(settings.base_url) == "session"
        if api_key != self.keys.get_key(settings.base_url) or key_session_only or kept_for_session:
            self.keys.set_key(settings.base_url, api_key, session_only=key_session_only)
        self.settings = settings
        self.save()
        self.connect()

    async def test_connection(self, base_url: str, api_key: str, proxy: str, timeout: float) -> int:
        """How many models the relay lists for this key; raises RelayError otherwise."""
        async with make_relay_client(
            self.relay_config(base_url, api_key, proxy, timeout)
        ) as client:
            return len(await list_models(client))
