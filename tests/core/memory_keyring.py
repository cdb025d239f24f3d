"""In-memory keyring backends, so no test ever reads or writes the real OS keyring."""

from __future__ import annotations

from keyring.backend import KeyringBackend
from keyring.errors import KeyringError, PasswordDeleteError


class MemoryKeyring(KeyringBackend):
    priority = 1

    def __init__(self) -> None:
        super().__init__()  # type: ignore[no-untyped-call]
        self.passwords: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.passwords.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.passwords[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        try:
            del self.passwords[(service, username)]
        except KeyError:
            raise PasswordDeleteError(username) from None


class BrokenKeyring(MemoryKeyring):
    """A keyring that fails like a locked or absent Secret Service."""

    def __init__(self, message: str = "the collection is locked") -> None:
        super().__init__()  # type: ignore[no-untyped-call]
        self.message = message
        self.calls = 0

    def get_password(self, service: str, username: str) -> str | None:
        self.calls += 1
        raise KeyringError(self.message)

    def set_password(self, service: str, username: str, password: str) -> None:
        self.calls += 1
        raise KeyringError(self.message)

    def delete_password(self, service: str, username: str) -> None:
        self.calls += 1
        raise KeyringError(self.message)


class ForgetfulKeyring(MemoryKeyring):
    """Accepts writes and keeps nothing, like an empty chained backend."""

    def set_password(self, service: str, username: str, password: str) -> None:
        return None
