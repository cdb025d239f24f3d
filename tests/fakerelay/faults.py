"""Fault injection: the queue of pending faults and the canned bad responses."""

from __future__ import annotations

import enum
import threading
from dataclasses import dataclass, field
from typing import Any


class Fault(enum.Enum):
    """Misbehaviours the fake relay can apply to the next matching request.

    Parameters accepted by :meth:`FakeRelay.queue_fault` (besides ``path_prefix``):

    * ``CONNECTION_RESET_MID_STREAM``: ``after`` events (SSE) before the TCP reset;
      default half the reply. JSON bodies are reset after half the bytes.
    * ``STALL``: ``seconds`` (default 30) of silence after the response headers.
    * ``RATE_LIMIT_429``: ``retry_after`` seconds (default 1) for the header.
    * ``DRIP``: ``delay`` seconds between single-byte writes (default 0.00005).
    * ``HUGE_BODY``: ``size_mb`` megabytes of body (default 32).
    * ``SLOW_TOKENS``: ``delay`` seconds between SSE events (default 0.3); a
      non-streamed reply waits 100 times ``delay`` before it is sent.
    * ``REDIRECT``: answer ``status`` (default 307) with ``Location: location``.
    * ``ECHO_KEY``: a 401 whose message repeats the Authorization header it was sent, as
      careless relays do.
    """

    CONNECTION_RESET_MID_STREAM = "connection_reset_mid_stream"
    STALL = "stall"
    HTML_502 = "html_502"
    HTML_504 = "html_504"
    ERROR_BODY_200 = "error_body_200"
    RATE_LIMIT_429 = "rate_limit_429"
    MALFORMED_JSON = "malformed_json"
    TRUNCATED_JSON = "truncated_json"
    CUT_BEFORE_DONE = "cut_before_done"
    DRIP = "drip"
    GZIP = "gzip"
    HUGE_BODY = "huge_body"
    SLOW_TOKENS = "slow_tokens"
    REDIRECT = "redirect"
    ECHO_KEY = "echo_key"


#: Faults that replace the whole response before any route runs.
CANNED_FAULTS = frozenset(
    {
        Fault.HTML_502,
        Fault.HTML_504,
        Fault.ERROR_BODY_200,
        Fault.RATE_LIMIT_429,
        Fault.REDIRECT,
        Fault.ECHO_KEY,
    }
)


@dataclass
class QueuedError:
    """A canned error response built from an example file."""

    status: int
    example: str
    retry_after: float | None = None


@dataclass
class ActiveFault:
    """A fault taken from the queue for one request."""

    fault: Fault
    params: dict[str, Any] = field(default_factory=dict)

    def param(self, name: str, default: Any) -> Any:
        return self.params.get(name, default)


@dataclass
class _Pending:
    item: ActiveFault | QueuedError
    path_prefix: str | None


class FaultQueue:
    """Thread-safe FIFO of faults and canned errors, each used by one request."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._items: list[_Pending] = []

    def push(self, item: ActiveFault | QueuedError, path_prefix: str | None) -> None:
        with self._lock:
            self._items.append(_Pending(item, path_prefix))

    def take(self, path: str) -> ActiveFault | QueuedError | None:
        """Remove and return the first pending item whose prefix matches ``path``."""
        with self._lock:
            for index, pending in enumerate(self._items):
                if pending.path_prefix is None or path.startswith(pending.path_prefix):
                    del self._items[index]
                    return pending.item
        return None

    def clear(self) -> None:
        with self._lock:
            self._items.clear()

    def __len__(self) -> int:
        with self._lock:
            return len(self._items)


_HTML_TEMPLATE = (
    "<html>\r\n<head><title>{code} {reason}</title></head>\r\n<body>\r\n"
    "<center><h1>{code} {reason}</h1></center>\r\n<hr><center>nginx</center>\r\n"
    "</body>\r\n</html>\r\n"
)


def html_error_page(code: int) -> bytes:
    """The nginx error page a reverse proxy returns when the relay is unhealthy."""
    reason = {502: "Bad Gateway", 504: "Gateway Time-out"}.get(code, "Error")
    return _HTML_TEMPLATE.format(code=code, reason=reason).encode("ascii")


def error_body_200() -> dict[str, Any]:
    """An OpenAI error object a sloppy upstream returns with HTTP 200."""
    return {
        "error": {
            "message": "upstream error: do request failed "
            "(request id: 20241101140000556677889ZxCvBnMa)",
            "type": "upstream_error",
            "param": "",
            "code": "do_request_failed",
        }
    }


def malformed(text: str) -> str:
    """Turn a JSON document into text that no JSON parser accepts."""
    if not text:
        return "{oops"
    return text[0] + "'oops': undefined, " + text[1:]


def truncated(text: str) -> str:
    """Cut a JSON document in half so it ends mid-value."""
    return text[: max(1, len(text) // 2)]
