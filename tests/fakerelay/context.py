"""What a route handler receives, and the route record itself."""

from __future__ import annotations

import random
import re
import string
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from .wire import Wire

if TYPE_CHECKING:
    from .server import FakeRelay, RecordedRequest


def request_id() -> str:
    """A relay-style request id: timestamp digits followed by letters."""
    stamp = time.strftime("%Y%m%d%H%M%S", time.localtime())
    digits = "".join(random.choices(string.digits, k=9))
    letters = "".join(random.choices(string.ascii_letters, k=8))
    return f"{stamp}{digits}{letters}"


def openai_error(
    message: str, *, type_: str = "new_api_error", code: str | None = None, param: str = ""
) -> dict[str, Any]:
    """An OpenAI-family error object whose message ends with the request id."""
    return {
        "error": {
            "message": f"{message} (request id: {request_id()})",
            "type": type_,
            "param": param,
            "code": code,
        }
    }


@dataclass
class Ctx:
    """One request as seen by a route handler."""

    relay: FakeRelay
    req: RecordedRequest
    wire: Wire
    params: dict[str, str] = field(default_factory=dict)

    @property
    def body(self) -> dict[str, Any]:
        """The JSON body when it is an object, else an empty dict."""
        data = self.req.json
        return data if isinstance(data, dict) else {}

    @property
    def base_url(self) -> str:
        return self.relay.base_url

    def file_url(self, name: str) -> str:
        return f"{self.relay.media_base_url}/files/{name}"

    def reply(self, status: int, obj: Any, headers: dict[str, str] | None = None) -> None:
        self.wire.send_json(status, obj, headers)

    def error(
        self,
        status: int,
        message: str,
        *,
        type_: str = "invalid_request_error",
        code: str | None = None,
    ) -> None:
        self.reply(status, openai_error(message, type_=type_, code=code))

    def pause(self, seconds: float) -> None:
        self.wire.sleep(seconds)


Handler = Callable[[Ctx], None]


@dataclass(frozen=True)
class Route:
    """``pattern`` is a regex matched against the whole path (named groups become params)."""

    methods: tuple[str, ...]
    pattern: re.Pattern[str]
    handler: Handler
    auth: bool = True


def route(methods: str, pattern: str, handler: Handler, *, auth: bool = True) -> Route:
    return Route(tuple(methods.split("|")), re.compile(pattern), handler, auth)
