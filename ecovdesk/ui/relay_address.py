"""The relay address as typed in Settings: completed where the meaning is plain, refused
where no request could ever reach it."""

from __future__ import annotations

from enum import Enum

from PySide6.QtCore import QUrl


class AddressProblem(Enum):
    EMPTY = "empty"
    NOT_WEB = "not_web"


def completed_address(typed: str) -> str:
    """``typed`` without surrounding blanks or a trailing slash; an address without a scheme
    ("api.ecovai.cn", as relays often print it) is taken as HTTPS."""
    address = typed.strip()
    if address and "://" not in address:
        address = f"https://{address}"
    return address.rstrip("/")


def address_problem(address: str) -> AddressProblem | None:
    """Why ``address`` (already completed) cannot be a relay's, or None when it can."""
    if not address:
        return AddressProblem.EMPTY
    url = QUrl(address, QUrl.ParsingMode.StrictMode)
    if not url.isValid() or url.scheme().lower() not in ("http", "https") or not url.host():
        return AddressProblem.NOT_WEB
    if any(character.isspace() for character in address):
        return AddressProblem.NOT_WEB
    return None
