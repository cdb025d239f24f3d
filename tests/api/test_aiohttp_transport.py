"""The clients' connections (aiohttp under httpx) against a real socket, byte for byte."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass, field

import httpx
import pytest
import pytest_asyncio

from ecovdesk.api.errors import ErrorKind, RelayError
from ecovdesk.api.http import RelayConfig, make_relay_client, request_json, transport_errors

KEY = "sk-transport-test-0123456789"
OK = b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}"


@dataclass
class Received:
    head: list[bytes]
    body: bytes

    @property
    def target(self) -> bytes:
        return self.head[0].split(b" ")[1]

    def header(self, name: bytes) -> list[bytes]:
        prefix = name.lower() + b":"
        return [
            line[len(prefix) :].strip() for line in self.head if line.lower().startswith(prefix)
        ]


Answer = Callable[[Received, asyncio.StreamWriter], Awaitable[bool]]


@dataclass
class Server:
    """Reads each request on each connection and lets ``answer`` write the reply raw; the
    connection stays open for the next request while ``answer`` returns True."""

    answer: Answer
    port: int = 0
    connections: int = 0
    requests: list[Received] = field(default_factory=list)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    async def serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self.connections += 1
        try:
            while True:
                head = await reader.readuntil(b"\r\n\r\n")
                lines = head.rstrip(b"\r\n").split(b"\r\n")
                received = Received(lines, b"")
                length = received.header(b"content-length")
                received.body = await reader.readexactly(int(length[0])) if length else b""
                self.requests.append(received)
                if not await self.answer(received, writer):
                    break
                await writer.drain()
        except (asyncio.IncompleteReadError, ConnectionError):
            pass
        finally:
            writer.close()


async def _ok(_received: Received, writer: asyncio.StreamWriter) -> bool:
    writer.write(OK)
    return True


@pytest_asyncio.fixture
async def serving() -> AsyncIterator[Callable[[Answer], Awaitable[Server]]]:
    servers: list[asyncio.Server] = []

    async def start(answer: Answer) -> Server:
        server = Server(answer)
        listening = await asyncio.start_server(server.serve, "127.0.0.1", 0)
        server.port = listening.sockets[0].getsockname()[1]
        servers.append(listening)
        return server

    yield start
    for listening in servers:
        listening.close()


def _client(url: str, timeout: float = 10.0) -> httpx.AsyncClient:
    return make_relay_client(RelayConfig(url, KEY, timeout=timeout))


async def _failure(url: str, timeout: float = 10.0) -> RelayError:
    async with _client(url, timeout) as client:
        with pytest.raises(RelayError) as caught:
            await request_json(client, "GET", "/v1/models")
    return caught.value


@pytest.mark.asyncio
async def test_chinese_in_an_address_is_sent_encoded_once(
    serving: Callable[..., Awaitable[Server]],
) -> None:
    server = await serving(_ok)
    async with _client(server.url) as client:
        await request_json(client, "GET", "/v1/search", params={"q": "你好 世界"})
    assert server.requests[0].target == b"/v1/search?q=%E4%BD%A0%E5%A5%BD+%E4%B8%96%E7%95%8C"


@pytest.mark.asyncio
async def test_requests_one_after_another_share_a_kept_alive_connection(
    serving: Callable[..., Awaitable[Server]],
) -> None:
    server = await serving(_ok)
    async with _client(server.url) as client:
        for _ in range(3):
            await request_json(client, "GET", "/v1/models")
    assert len(server.requests) == 3 and server.connections == 1
    assert all(r.header(b"authorization") == [f"Bearer {KEY}".encode()] for r in server.requests)


@pytest.mark.asyncio
async def test_a_cookie_the_relay_sets_comes_back_once(
    serving: Callable[..., Awaitable[Server]],
) -> None:
    async def answer(_received: Received, writer: asyncio.StreamWriter) -> bool:
        writer.write(
            b"HTTP/1.1 200 OK\r\nSet-Cookie: route=b2; Path=/\r\nContent-Length: 2\r\n\r\n{}"
        )
        return True

    server = await serving(answer)
    async with _client(server.url) as client:
        await request_json(client, "GET", "/v1/models")
        await request_json(client, "GET", "/v1/models")
    assert server.requests[0].header(b"cookie") == []
    assert server.requests[1].header(b"cookie") == [b"route=b2"]


@pytest.mark.asyncio
async def test_an_upload_arrives_whole_with_its_length(
    serving: Callable[..., Awaitable[Server]],
) -> None:
    server = await serving(_ok)
    picture = bytes(range(256)) * 400
    async with _client(server.url) as client:
        response = await client.post(
            "/v1/images/edits",
            data={"prompt": "把天空画成紫色"},
            files={"image": ("a.png", picture)},
        )
    assert response.status_code == 200
    sent = server.requests[0]
    assert sent.header(b"content-length") == [str(len(sent.body)).encode()]
    assert sent.header(b"content-type")[0].startswith(b"multipart/form-data; boundary=")
    assert picture in sent.body and "把天空画成紫色".encode() in sent.body


@pytest.mark.asyncio
async def test_a_chunked_answer_arrives_whole(serving: Callable[..., Awaitable[Server]]) -> None:
    async def answer(_received: Received, writer: asyncio.StreamWriter) -> bool:
        writer.write(b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n")
        for piece in (b'{"data": ', b'["\xe4\xbd\xa0', b'\xe5\xa5\xbd"]}'):
            writer.write(b"%x\r\n%s\r\n" % (len(piece), piece))
            await writer.drain()
        writer.write(b"0\r\n\r\n")
        return True

    server = await serving(answer)
    async with _client(server.url) as client:
        assert await request_json(client, "GET", "/v1/models") == {"data": ["你好"]}


@pytest.mark.asyncio
async def test_a_redirect_is_handed_back_not_followed(
    serving: Callable[..., Awaitable[Server]],
) -> None:
    async def answer(_received: Received, writer: asyncio.StreamWriter) -> bool:
        writer.write(
            b"HTTP/1.1 302 Found\r\nLocation: https://elsewhere.example/v1/models\r\n"
            b"Content-Length: 0\r\n\r\n"
        )
        return True

    server = await serving(answer)
    error = await _failure(server.url)
    assert error.kind is ErrorKind.REDIRECTED and len(server.requests) == 1


@pytest.mark.asyncio
async def test_a_refused_connection_is_one_the_relay_never_saw() -> None:
    listening = await asyncio.start_server(lambda r, w: None, "127.0.0.1", 0)
    port = listening.sockets[0].getsockname()[1]
    listening.close()
    await listening.wait_closed()
    error = await _failure(f"http://127.0.0.1:{port}")
    assert error.kind is ErrorKind.NETWORK
    assert isinstance(error.__cause__, httpx.ConnectError)


@pytest.mark.asyncio
async def test_a_failed_tls_handshake_is_a_connection_never_made() -> None:
    async def plain_http(_reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        # What a plain HTTP port says to a TLS hello.
        writer.write(b"HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n")
        await writer.drain()
        writer.close()

    listening = await asyncio.start_server(plain_http, "127.0.0.1", 0)
    port = listening.sockets[0].getsockname()[1]
    try:
        error = await _failure(f"https://127.0.0.1:{port}")
    finally:
        listening.close()
    assert error.kind is ErrorKind.NETWORK
    assert isinstance(error.__cause__, httpx.ConnectError)


@pytest.mark.asyncio
async def test_a_submit_whose_connection_closes_unanswered_is_sent_once_and_may_have_arrived(
    serving: Callable[..., Awaitable[Server]],
) -> None:
    async def answer(_received: Received, _writer: asyncio.StreamWriter) -> bool:
        return False

    server = await serving(answer)
    async with _client(server.url) as client:
        with pytest.raises(RelayError) as caught:
            await request_json(client, "POST", "/mj/submit/imagine", json={"prompt": "猫"})
    assert caught.value.kind is ErrorKind.NETWORK
    assert isinstance(caught.value.__cause__, httpx.RemoteProtocolError)
    assert len(server.requests) == 1


@pytest.mark.asyncio
async def test_a_relay_that_stops_sending_times_out(
    serving: Callable[..., Awaitable[Server]],
) -> None:
    async def answer(_received: Received, writer: asyncio.StreamWriter) -> bool:
        writer.write(b"HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n{")
        await writer.drain()
        await asyncio.sleep(5)
        return False

    server = await serving(answer)
    async with _client(server.url, timeout=0.3) as client:
        with pytest.raises(RelayError) as caught, transport_errors(client):
            await client.get("/v1/models")
    assert caught.value.kind is ErrorKind.TIMEOUT
    assert isinstance(caught.value.__cause__, httpx.ReadTimeout)


@pytest.mark.asyncio
async def test_a_body_cut_short_is_a_protocol_error(
    serving: Callable[..., Awaitable[Server]],
) -> None:
    async def answer(_received: Received, writer: asyncio.StreamWriter) -> bool:
        writer.write(b'HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n{"data": [')
        return False

    server = await serving(answer)
    async with _client(server.url) as client:
        with pytest.raises(RelayError) as caught, transport_errors(client):
            await client.get("/v1/models")
    assert caught.value.kind is ErrorKind.NETWORK
    assert isinstance(caught.value.__cause__, httpx.RemoteProtocolError)
