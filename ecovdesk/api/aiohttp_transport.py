"""httpx requests sent over aiohttp's connections.

A relay streams a reply as one HTTP chunk per event: a long reply is tens of thousands of
them. httpx's own transport parses each chunk in pure Python (h11), and that was the largest
single cost of showing a fast reply, more than rendering it. aiohttp parses HTTP in C and
hands over everything received since the last read in one piece. The clients stay httpx
clients: base URL, headers, timeouts, redirects, proxies and errors keep httpx's rules, and
only the connection underneath changes. Proxied requests still go through httpx's own
transport (see ``http.make_relay_client``), which speaks SOCKS as well.
"""

from __future__ import annotations

import ssl
from collections.abc import AsyncIterator, Iterator
from contextlib import contextmanager

import aiohttp
import httpx
from yarl import URL

# Connections kept open between requests close after this long unused, as httpx's do.
KEEPALIVE_SECONDS = 5.0
MAX_CONNECTIONS = 100


@contextmanager
def httpx_errors() -> Iterator[None]:
    """aiohttp's failures raised as the httpx exceptions that stand for the same thing.

    What matters downstream is whether a connection was ever made: a refused or unresolved
    connection means the relay never saw the request, while a failure after that may come
    after the relay received it (see ``job_sender.maybe_received``).
    """
    try:
        yield
    except aiohttp.ConnectionTimeoutError as exc:
        raise httpx.ConnectTimeout(_words(exc)) from exc
    except aiohttp.ServerTimeoutError as exc:
        raise httpx.ReadTimeout(_words(exc)) from exc
    except aiohttp.ClientConnectorError as exc:
        # Refused, unresolvable, or a TLS handshake that failed (certificates included).
        raise httpx.ConnectError(_words(exc)) from exc
    except (aiohttp.ServerDisconnectedError, aiohttp.ClientPayloadError) as exc:
        raise httpx.RemoteProtocolError(_words(exc)) from exc
    except aiohttp.ClientResponseError as exc:
        # What came back was not HTTP aiohttp could read.
        raise httpx.RemoteProtocolError(_words(exc)) from exc
    except (aiohttp.InvalidURL, aiohttp.NonHttpUrlClientError) as exc:
        raise httpx.UnsupportedProtocol(_words(exc)) from exc
    except aiohttp.ClientError as exc:
        # Resets and other failures of a connection already open.
        raise httpx.ReadError(_words(exc)) from exc


def _words(exc: Exception) -> str:
    return str(exc).strip() or type(exc).__name__


class _Body(httpx.AsyncByteStream):
    def __init__(self, response: aiohttp.ClientResponse) -> None:
        self._response = response

    async def __aiter__(self) -> AsyncIterator[bytes]:
        with httpx_errors():
            # Everything received since the last read, however many chunks it came in.
            async for piece in self._response.content.iter_any():
                yield piece

    async def aclose(self) -> None:
        # The connection goes back to the pool only if the body was read to its end.
        self._response.release()


class AiohttpTransport(httpx.AsyncBaseTransport):
    """Direct HTTP/1.1 connections with the TLS setup ``tls`` (verified, as httpx's)."""

    def __init__(self, tls: ssl.SSLContext) -> None:
        self._tls = tls
        self._session: aiohttp.ClientSession | None = None

    def _client(self) -> aiohttp.ClientSession:
        # Made on first use, inside the running event loop that aiohttp binds it to.
        if self._session is None:
            connector = aiohttp.TCPConnector(
                ssl=self._tls, limit=MAX_CONNECTIONS, keepalive_timeout=KEEPALIVE_SECONDS
            )
            self._session = aiohttp.ClientSession(
                connector=connector,
                # httpx keeps the cookies, follows redirects, decodes the body and reads
                # proxies from the environment; aiohttp doing any of it again would differ.
                cookie_jar=aiohttp.DummyCookieJar(),
                auto_decompress=False,
                trust_env=False,
                timeout=aiohttp.ClientTimeout(total=None),
            )
        return self._session

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        body = await request.aread()
        timeout = request.extensions.get("timeout", {})
        # aiohttp sets the body's length itself, and refuses a request that names both.
        headers = [
            (name, value)
            for name, value in request.headers.multi_items()
            if name.lower() not in ("content-length", "transfer-encoding")
        ]
        with httpx_errors():
            response = await self._client().request(
                request.method,
                # Already encoded by httpx: encoding it again would turn %E4 into %25E4.
                URL(str(request.url), encoded=True),
                headers=headers,
                data=body or None,
                allow_redirects=False,
                timeout=aiohttp.ClientTimeout(
                    total=None,
                    # aiohttp's connect time includes waiting for a free connection.
                    connect=_sum(timeout.get("pool"), timeout.get("connect")),
                    sock_connect=timeout.get("connect"),
                    sock_read=timeout.get("read"),
                ),
            )
        extensions = {"http_version": b"HTTP/1.1"}
        if response.reason:
            extensions["reason_phrase"] = response.reason.encode("latin-1", "replace")
        return httpx.Response(
            status_code=response.status,
            headers=list(response.raw_headers),
            stream=_Body(response),
            request=request,
            extensions=extensions,
        )

    async def aclose(self) -> None:
        if self._session is not None:
            await self._session.close()
            self._session = None


def _sum(*seconds: float | None) -> float | None:
    if any(value is None for value in seconds):
        return None
    return sum(value for value in seconds if value is not None)
