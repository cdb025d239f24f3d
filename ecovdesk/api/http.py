"""The two HTTP clients (relay and media hosts) and one JSON request with typed failures."""

from __future__ import annotations

import functools
import json as jsonlib
import ssl
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import httpx

from ecovdesk import __version__
from ecovdesk.api.aiohttp_transport import AiohttpTransport
from ecovdesk.api.errors import ErrorKind, RelayError, error_from_body, error_from_response

USER_AGENT = f"ecovdesk/{__version__}"
CONNECT_TIMEOUT = 15.0
# Error pages are shown to the user, never parsed in full: a short prefix is plenty.
ERROR_BODY_LIMIT = 64_000
DEFAULT_MAX_BYTES = 20_000_000


@dataclass(frozen=True)
class RelayConfig:
    base_url: str
    api_key: str
    timeout: float = 60.0
    proxy: str | None = None

    def __repr__(self) -> str:
        key = "'***'" if self.api_key else "''"
        proxy = _hide_password(self.proxy) if self.proxy else None
        return (
            f"RelayConfig(base_url={self.base_url!r}, api_key={key}, "
            f"timeout={self.timeout!r}, proxy={proxy!r})"
        )


def _hide_password(url: str) -> str:
    parts = urlsplit(url)
    if parts.password is None:
        return url
    host = parts.hostname or ""
    if parts.port is not None:
        host = f"{host}:{parts.port}"
    return urlunsplit(parts._replace(netloc=f"{parts.username or ''}:***@{host}"))


def normalise_base_url(url: str) -> str:
    """The relay root: users often paste the OpenAI-style ``…/v1`` form, but the Midjourney,
    Suno and video routes live beside ``/v1``, not under it."""
    url = url.strip().rstrip("/")
    if url.lower().endswith("/v1"):
        url = url[: -len("/v1")]
    # A bad scheme is left for httpx to refuse per request, which surfaces as a NETWORK
    # error the user can read, instead of failing while the client is built.
    return url


def _header_safe_key(api_key: str) -> str:
    key = api_key.strip()
    # httpx and h11 quote an illegal header value in their exception text, key included.
    if not (key.isascii() and key.isprintable()):
        raise RelayError(
            ErrorKind.BAD_KEY, detail="The API key contains characters that cannot be sent"
        )
    return key


PROXY_SCHEMES = ("http", "https", "socks5", "socks5h")


def usable_proxy(proxy: str | None) -> str | None:
    """The proxy as httpx takes it, or None for none. ``127.0.0.1:7890`` (what proxy apps
    show) means an HTTP proxy; anything else unusable is refused here, as BAD_PROXY, rather
    than as an error from deep inside the client on the first request."""
    proxy = (proxy or "").strip()
    if not proxy:
        return None
    if "://" not in proxy:
        proxy = f"http://{proxy}"
    try:
        url = httpx.URL(proxy)
    except httpx.InvalidURL as exc:
        raise RelayError(ErrorKind.BAD_PROXY, detail=str(exc)) from exc
    if url.scheme not in PROXY_SCHEMES or not url.host:
        raise RelayError(ErrorKind.BAD_PROXY, detail=f"unusable proxy scheme {url.scheme!r}")
    return proxy


@functools.cache
def tls_context() -> ssl.SSLContext:
    """The one TLS setup every client shares.

    Building it reads the whole CA bundle, tens of milliseconds on the thread that makes the
    client: the window's. Made once, the media client that the first download or preview
    makes costs nothing, nor do clients rebuilt after the settings change.
    """
    return httpx.create_ssl_context()


def make_relay_client(
    config: RelayConfig, *, transport: httpx.AsyncBaseTransport | None = None
) -> httpx.AsyncClient:
    """The client for every relay request. Redirects are not followed so that the
    Authorization header can never travel to another host."""
    headers = {"User-Agent": USER_AGENT, "Accept": "application/json"}
    key = _header_safe_key(config.api_key)
    # Without a key the relay answers 401 "未提供令牌", which is the right message to show.
    if key:
        headers["Authorization"] = f"Bearer {key}"
    return httpx.AsyncClient(
        base_url=normalise_base_url(config.base_url),
        headers=headers,
        timeout=httpx.Timeout(config.timeout, connect=CONNECT_TIMEOUT),
        proxy=usable_proxy(config.proxy),
        follow_redirects=False,
        verify=tls_context(),
        transport=transport or AiohttpTransport(tls_context()),
    )


def make_media_client(
    timeout: float = 120.0,
    proxy: str | None = None,
    *,
    transport: httpx.AsyncBaseTransport | None = None,
) -> httpx.AsyncClient:
    """The client for downloads from CDNs: no credentials, so redirects are harmless."""
    return httpx.AsyncClient(
        headers={"User-Agent": USER_AGENT},
        timeout=httpx.Timeout(timeout, connect=CONNECT_TIMEOUT),
        proxy=usable_proxy(proxy),
        follow_redirects=True,
        verify=tls_context(),
        transport=transport or AiohttpTransport(tls_context()),
    )


def _secret(headers: Mapping[str, str]) -> str:
    auth = headers.get("authorization", "").strip()
    if auth[:7].lower() == "bearer ":
        auth = auth[7:].strip()
    return auth


def scrub(error: RelayError, headers: Mapping[str, str]) -> RelayError:
    """The same error with the API key blanked out, in case an upstream echoes it back."""
    secret = _secret(headers)
    if not secret or (secret not in error.message and secret not in error.detail):
        return error
    return RelayError(
        error.kind,
        error.message.replace(secret, "***"),
        detail=error.detail.replace(secret, "***"),
        status=error.status,
        retry_after=error.retry_after,
        code=error.code,
    )


def body_error(
    client: httpx.AsyncClient,
    body: Any,
    *,
    status: int | None = None,
    default: ErrorKind = ErrorKind.UPSTREAM,
) -> RelayError:
    """A RelayError for an error reported inside a successful answer, key removed."""
    return scrub(error_from_body(body, status=status, default=default), client.headers)


def _describe(exc: Exception) -> str:
    text = str(exc).strip()
    if text:
        return text
    # httpx leaves a connection reset or a refused read without any words.
    if isinstance(exc, httpx.ReadError | httpx.WriteError):
        return f"The connection was closed ({type(exc).__name__})"
    return type(exc).__name__


@contextmanager
def transport_errors(client: httpx.AsyncClient) -> Iterator[None]:
    """Turn httpx transport failures (also mid-stream ones) into typed relay errors."""
    try:
        yield
    except httpx.TimeoutException as exc:
        raise scrub(RelayError(ErrorKind.TIMEOUT, detail=_describe(exc)), client.headers) from exc
    except httpx.TransportError as exc:
        raise scrub(RelayError(ErrorKind.NETWORK, detail=_describe(exc)), client.headers) from exc


@contextmanager
def answer_cut_off(client: httpx.AsyncClient) -> Iterator[None]:
    """Around reading an answer the relay has begun to send: a connection that breaks now
    cut the answer off. The relay was reached, so this is not a NETWORK failure, whose
    words send the user to check an address and proxy that just worked."""
    try:
        yield
    except httpx.TimeoutException:
        raise
    except httpx.TransportError as exc:
        error = RelayError(ErrorKind.INTERRUPTED, detail=_describe(exc))
        raise scrub(error, client.headers) from exc


async def read_capped(response: httpx.Response, limit: int, *, truncate: bool = False) -> bytes:
    """Read at most ``limit`` bytes; past it either cut (``truncate``) or fail as MALFORMED."""
    declared = response.headers.get("content-length", "")
    if not truncate and declared.isdigit() and int(declared) > limit:
        raise RelayError(ErrorKind.MALFORMED, detail=f"The answer is too large ({declared} bytes)")
    buffer = bytearray()
    async for chunk in response.aiter_bytes():
        buffer += chunk
        if len(buffer) > limit:
            if truncate:
                return bytes(buffer[:limit])
            raise RelayError(ErrorKind.MALFORMED, detail=f"The answer is larger than {limit} bytes")
    return bytes(buffer)


def _redirect_error(response: httpx.Response) -> RelayError:
    host = urlsplit(response.headers.get("location", "")).hostname or "another address"
    return RelayError(
        ErrorKind.REDIRECTED,
        detail=f"The relay redirected the request to {host}; it was not followed",
        status=response.status_code,
    )


async def ensure_success(response: httpx.Response) -> None:
    """Raise the typed error for a redirect or an HTTP error answer."""
    if response.is_redirect or 300 <= response.status_code < 400:
        raise _redirect_error(response)
    if response.is_success:
        return
    content = await read_capped(response, ERROR_BODY_LIMIT, truncate=True)
    error = error_from_response(response.status_code, content, response.headers)
    raise scrub(error, response.request.headers)


def is_error_object(body: Any) -> bool:
    """An OpenAI-style error answer, as some relays send it with HTTP 200."""
    if not isinstance(body, Mapping):
        return False
    if body.get("success") is False:
        return True
    error = body.get("error")
    if not (isinstance(error, Mapping) or (isinstance(error, str) and error)):
        return False
    # A task object may carry its own failure in ``error``; that is a result, not a refusal.
    return not ({"id", "task_id", "status", "data", "choices", "object"} & body.keys())


def parse_json(content: bytes) -> Any:
    try:
        return jsonlib.loads(content.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as exc:
        snippet = content[:200].decode("utf-8", errors="replace").strip()
        raise RelayError(ErrorKind.MALFORMED, detail=f"The answer is not JSON: {snippet}") from exc


async def request_json(
    client: httpx.AsyncClient,
    method: str,
    path: str,
    *,
    json: Any = None,
    params: Mapping[str, str] | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Any:
    """Send one request and return its parsed JSON answer, or raise a RelayError."""
    with transport_errors(client):
        async with client.stream(method, path, json=json, params=params) as response:
            await ensure_success(response)
            content = await read_capped(response, max_bytes)
    body = parse_json(content)
    if is_error_object(body):
        raise body_error(client, body, status=response.status_code)
    return body
