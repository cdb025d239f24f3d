"""Typed relay errors: every failure the user can see is one of these kinds."""

from __future__ import annotations

import enum
import json
import re
from collections.abc import Mapping
from typing import Any


class ErrorKind(enum.Enum):
    BAD_KEY = "bad_key"
    QUOTA = "quota"
    RATE_LIMITED = "rate_limited"
    MODEL_UNAVAILABLE = "model_unavailable"
    UPSTREAM = "upstream"
    NETWORK = "network"
    TIMEOUT = "timeout"
    MALFORMED = "malformed"
    INTERRUPTED = "interrupted"
    # A gateway in front of the relay answered with its own page (502, 503, 504): the relay
    # itself is down or overloaded, whatever the model.
    RELAY_UNAVAILABLE = "relay_unavailable"
    # The proxy set in Settings is not an address a client can use.
    BAD_PROXY = "bad_proxy"
    # The relay answered with a redirect, which is not followed: the key would go along.
    REDIRECTED = "redirected"
    # The answer grew past any real reply; the rest was not read.
    TOO_LONG = "too_long"
    # The provider's safety check withheld what was asked for.
    FLAGGED = "flagged"


class RelayError(Exception):
    """A failure talking to the relay.

    ``message`` holds only the relay's own words, which the user is shown as such;
    ``detail`` is what ecovdesk itself found wrong, in English, for the log: the user reads
    the kind of failure in their language instead.
    """

    def __init__(
        self,
        kind: ErrorKind,
        message: str = "",
        *,
        detail: str = "",
        status: int | None = None,
        retry_after: float | None = None,
        code: str | None = None,
    ) -> None:
        said = message or detail
        super().__init__(f"{kind.value}: {said}" if said else kind.value)
        self.kind = kind
        self.message = message
        self.detail = detail
        self.status = status
        self.retry_after = retry_after
        self.code = code


_MESSAGE_KEYS = ("message", "msg", "description")
_NO_CHANNEL = re.compile(r"无可用渠道|model_not_found|not (found|available|supported)", re.I)
# Only the relay's own wording: "task not found" must not read as a missing model.
_RELAY_NO_CHANNEL = re.compile(r"无可用渠道|model_not_found|no available channel", re.I)
_QUOTA = re.compile(r"额度|quota|余额|insufficient", re.I)
_BAD_KEY = re.compile(
    r"无效的令牌|令牌已过期|令牌状态不可用|未提供令牌|invalid[ _]api[ _]key|invalid token", re.I
)
_RATE_LIMIT = re.compile(r"负载已饱和|rate.?limit|too many requests", re.I)


def relay_message(body: Any) -> str:
    """The relay's human-readable message, by the reference's lookup order."""
    if isinstance(body, Mapping):
        error = body.get("error")
        if isinstance(error, Mapping) and isinstance(error.get("message"), str):
            return str(error["message"])
        if isinstance(error, str) and error:
            return error
        for key in _MESSAGE_KEYS:
            value = body.get(key)
            if isinstance(value, str) and value:
                return value
    return ""


def _error_code(body: Any) -> str | None:
    if isinstance(body, Mapping):
        error = body.get("error")
        code = error.get("code") if isinstance(error, Mapping) else body.get("code")
        if code is not None and not isinstance(code, bool):
            return str(code)
    return None


def parse_retry_after(value: str | None) -> float | None:
    if not value:
        return None
    try:
        seconds = float(value.strip())
    except ValueError:
        return None
    return seconds if seconds >= 0 else None


_HIDDEN_ELEMENT = re.compile(r"<(script|style)\b", re.I)
# No "<" inside a tag: a page of many unclosed "<" is then read in one pass, not once per "<".
_TAG = re.compile(r"<[^<>]*>")


def _without_hidden_elements(text: str) -> str:
    """``text`` without its scripts and styles, found by plain searches so that a page full of
    unclosed ``<script`` costs one pass (this runs on the UI thread)."""
    lowered = text.lower()
    kept: list[str] = []
    position = 0
    while (found := _HIDDEN_ELEMENT.search(text, position)) is not None:
        kept.append(text[position : found.start()])
        close = lowered.find(f"</{found.group(1).lower()}", found.end())
        if close < 0:
            return " ".join(kept)
        position = close
    kept.append(text[position:])
    return " ".join(kept)


def _strip_markup(text: str, limit: int = 300) -> str:
    text = _TAG.sub(" ", _without_hidden_elements(text))
    text = re.sub(r"\s+", " ", text).strip()
    return text[:limit]


def error_from_response(
    status: int, content: bytes, headers: Mapping[str, str] | None = None
) -> RelayError:
    """Classify an error answer from its HTTP status and body (JSON, HTML or text)."""
    headers = headers or {}
    text = content.decode("utf-8", errors="replace")
    body: Any
    try:
        body = json.loads(text)
    except ValueError:
        body = None
    message = relay_message(body) if body is not None else _strip_markup(text)
    code = _error_code(body)
    retry_after = parse_retry_after(headers.get("retry-after") or headers.get("Retry-After"))
    if status == 401:
        kind = ErrorKind.BAD_KEY
    elif status == 429:
        kind = ErrorKind.RATE_LIMITED
    elif status == 403:
        kind = ErrorKind.QUOTA if _QUOTA.search(message + (code or "")) else ErrorKind.BAD_KEY
        if _NO_CHANNEL.search(message + (code or "")):
            kind = ErrorKind.MODEL_UNAVAILABLE
    elif status in (404, 503) and _NO_CHANNEL.search(message + (code or "")):
        kind = ErrorKind.MODEL_UNAVAILABLE
    elif _RELAY_NO_CHANNEL.search(message + (code or "")):
        # The relay's Midjourney and task routes report a missing channel with HTTP 400.
        kind = ErrorKind.MODEL_UNAVAILABLE
    elif body is None and status < 400:
        kind = ErrorKind.MALFORMED
    elif body is None and status in (502, 503, 504):
        # The page's words ("502 Bad Gateway nginx") are the gateway's, not the relay's.
        detail = message or f"HTTP {status}"
        return RelayError(
            ErrorKind.RELAY_UNAVAILABLE, detail=detail, status=status, retry_after=retry_after
        )
    else:
        kind = ErrorKind.UPSTREAM
    if not message:
        message = f"HTTP {status}"
    return RelayError(kind, message, status=status, retry_after=retry_after, code=code)


def error_from_body(
    body: Any, *, status: int | None = None, default: ErrorKind = ErrorKind.UPSTREAM
) -> RelayError:
    """Classify an error that arrived inside a successful HTTP answer.

    Task envelopes (Midjourney ``code``, Suno ``code``, Kling ``code``) and HTTP 200 bodies
    holding an OpenAI error object carry no meaningful status, so the words decide.
    """
    message = relay_message(body)
    code = _error_code(body)
    probe = f"{message} {code or ''}"
    if _RELAY_NO_CHANNEL.search(probe):
        kind = ErrorKind.MODEL_UNAVAILABLE
    elif _QUOTA.search(probe):
        kind = ErrorKind.QUOTA
    elif _BAD_KEY.search(probe):
        kind = ErrorKind.BAD_KEY
    elif _RATE_LIMIT.search(probe):
        kind = ErrorKind.RATE_LIMITED
    else:
        kind = default
    return RelayError(
        kind,
        message,
        detail="" if message else "The relay reported an error without words",
        status=status,
        code=code,
    )
