"""Where the API key comes from: environment, this session's memory, or the OS keyring.

The key is never written to the settings file, the database, an export or a log. When the
keyring cannot be used, the key is held in memory for this session only and the failure is
reported through :attr:`KeyStore.last_error`, a description that never contains the key.

Keyring calls can block for a moment (D-Bus, an unlock prompt), so the app calls these
methods off the UI thread.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Mapping
from typing import Literal, Protocol, cast

log = logging.getLogger(__name__)

ENV_VAR = "ECOVDESK_API_KEY"

KeySource = Literal["env", "keyring", "session", "none"]


class _Backend(Protocol):
    def get_password(self, service: str, username: str) -> str | None: ...

    def set_password(self, service: str, username: str, password: str) -> None: ...

    def delete_password(self, service: str, username: str) -> None: ...


def normalize_base_url(base_url: str) -> str:
    """One keyring entry per relay, whether or not the URL was typed with a final slash."""
    return base_url.strip().rstrip("/")


class KeyStore:
    """The API key per relay base URL.

    Lookup order: ``ECOVDESK_API_KEY`` in ``env``, a key kept for this session, then the
    keyring entry whose username is the base URL. ``backend`` replaces the system keyring
    (tests pass an in-memory one).
    """

    def __init__(
        self,
        service: str = "ecovdesk",
        env: Mapping[str, str] | None = None,
        backend: object | None = None,
    ) -> None:
        self._service = service
        self._env: Mapping[str, str] = os.environ if env is None else env
        self._backend = cast("_Backend | None", backend)
        self._session: dict[str, str] = {}
        # Keyring reads can block, and the key is asked for often; every change goes through
        # this object, so what it read once stays true for the session.
        self._keyring_cache: dict[str, str | None] = {}
        self._keyring_broken = False
        self._last_base_url = ""
        #: Why the keyring could not be used, if it failed; never contains the key.
        self.last_error: str | None = None

    # --- reading -------------------------------------------------------------------------

    def get_key(self, base_url: str) -> str:
        """The key for ``base_url``, or an empty string when there is none."""
        url = normalize_base_url(base_url)
        self._last_base_url = url
        env_key = self._env_key()
        if env_key:
            return env_key
        if url in self._session:
            return self._session[url]
        return self._keyring_get(url) or ""

    def key_source(self, base_url: str | None = None) -> KeySource:
        """Where the key for ``base_url`` (default: the last one asked about) comes from."""
        url = self._last_base_url if base_url is None else normalize_base_url(base_url)
        if self._env_key():
            return "env"
        if url in self._session:
            return "session"
        if self._keyring_get(url):
            return "keyring"
        return "none"

    def keyring_available(self) -> bool:
        """False when there is no usable keyring or it has failed in this session."""
        return self._usable_backend() is not None

    # --- writing -------------------------------------------------------------------------

    def set_key(self, base_url: str, key: str, *, session_only: bool = False) -> None:
        """Remember ``key`` for ``base_url``.

        With ``session_only`` (or when the keyring fails) it is kept in memory until the app
        quits; check :meth:`key_source` or :attr:`last_error` to tell the user which happened.
        """
        url = normalize_base_url(base_url)
        self._last_base_url = url
        key = key.strip()
        if not key:
            self.delete_key(url)
            return
        if session_only:
            self._session[url] = key
            # A key remembered earlier would otherwise come back at the next start.
            self._keyring_delete(url)
            return
        backend = self._usable_backend()
        if backend is None:
            self._session[url] = key
            if self.last_error is None:
                self.last_error = "no usable system keyring"
            return
        try:
            backend.set_password(self._service, url, key)
            # Some backends accept a write and keep nothing; reading back catches that.
            if backend.get_password(self._service, url) != key:
                raise RuntimeError("the keyring did not keep the key")
        except Exception as exc:
            self._fail(exc, key)
            self._session[url] = key
            return
        self._keyring_cache[url] = key
        self._session.pop(url, None)

    def delete_key(self, base_url: str) -> None:
        url = normalize_base_url(base_url)
        self._session.pop(url, None)
        self._keyring_delete(url)

    # --- internals -----------------------------------------------------------------------

    def _env_key(self) -> str:
        return self._env.get(ENV_VAR, "").strip()

    def _usable_backend(self) -> _Backend | None:
        # keyring is imported here, on first use: it finds its backends through package
        # metadata, which takes longer than showing the window, and a key from the
        # environment never needs it.
        import keyring
        from keyring.backends import chainer, fail, null

        if self._keyring_broken:
            return None
        if self._backend is None:
            try:
                self._backend = cast("_Backend", keyring.get_keyring())
            except Exception as exc:
                self._fail(exc)
                return None
        backend = self._backend
        if isinstance(backend, fail.Keyring | null.Keyring):
            return None
        # An empty chainer accepts writes and silently drops them.
        if isinstance(backend, chainer.ChainerBackend) and not backend.backends:
            return None
        return backend

    def _keyring_get(self, url: str) -> str | None:
        if url in self._keyring_cache:
            return self._keyring_cache[url]
        backend = self._usable_backend()
        if backend is None or not url:
            return None
        try:
            key = backend.get_password(self._service, url)
        except Exception as exc:
            self._fail(exc)
            return None
        self._keyring_cache[url] = key
        return key

    def _keyring_delete(self, url: str) -> None:
        self._keyring_cache[url] = None
        backend = self._usable_backend()
        if backend is None:
            return
        from keyring.errors import PasswordDeleteError

        try:
            backend.delete_password(self._service, url)
        except PasswordDeleteError:
            pass  # there was nothing stored
        except Exception as exc:
            self._fail(exc)

    def _fail(self, exc: BaseException, secret: str = "") -> None:
        # A failing keyring usually stays failed (locked, no daemon); asking again would
        # only repeat the delay or the prompt, so the rest of the session goes without it.
        self._keyring_broken = True
        description = f"{type(exc).__name__}: {exc}"
        if secret:
            description = description.replace(secret, "***")
        self.last_error = description
        log.warning(
            "system keyring unavailable, keeping the key for this session only: %s", description
        )
