"""The HTTP clients for the relay and for media hosts, rebuilt when the connection changes."""

from __future__ import annotations

import asyncio

import httpx

from ecovdesk.api.errors import ErrorKind, RelayError
from ecovdesk.api.http import RelayConfig, make_media_client, make_relay_client


class RelaySession:
    def __init__(self) -> None:
        self._config: RelayConfig | None = None
        self._relay: httpx.AsyncClient | None = None
        self._media: httpx.AsyncClient | None = None
        self._retired: list[httpx.AsyncClient] = []

    @property
    def config(self) -> RelayConfig | None:
        return self._config

    @property
    def has_key(self) -> bool:
        return bool(self._config and self._config.api_key)

    def configure(self, config: RelayConfig) -> None:
        """Use a new base URL, key, timeout or proxy for every request from now on.

        Requests already under way finish on the old clients, which are closed later.
        """
        if config == self._config:
            return
        self._config = config
        for client in (self._relay, self._media):
            if client is not None:
                self._retired.append(client)
        self._relay = None
        self._media = None

    @property
    def relay(self) -> httpx.AsyncClient:
        if self._config is None or not self._config.api_key:
            raise RelayError(ErrorKind.BAD_KEY, "")
        if self._relay is None:
            self._relay = make_relay_client(self._config)
        return self._relay

    @property
    def media(self) -> httpx.AsyncClient:
        if self._media is None:
            proxy = self._config.proxy if self._config else None
            self._media = make_media_client(proxy=proxy)
        return self._media

    def client_for(self, url: str) -> httpx.AsyncClient:
        """The relay's own client for links on the relay (they may need the key), else media.

        Only an exact origin match gets the key: a CDN or any other host never sees it.
        """
        if self._config is not None and self._config.api_key:
            target = httpx.URL(url)
            relay = httpx.URL(self._config.base_url)
            if (target.scheme, target.host, target.port) == (relay.scheme, relay.host, relay.port):
                return self.relay
        return self.media

    async def aclose(self) -> None:
        clients = [c for c in (self._relay, self._media, *self._retired) if c is not None]
        self._relay = self._media = None
        self._retired = []
        await asyncio.gather(*(c.aclose() for c in clients), return_exceptions=True)
