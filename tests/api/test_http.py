from __future__ import annotations

from collections.abc import AsyncIterator

import httpx
import pytest

from ecovdesk import __version__
from ecovdesk.api.errors import ErrorKind, RelayError, error_from_body
from ecovdesk.api.http import (
    RelayConfig,
    make_media_client,
    make_relay_client,
    normalise_base_url,
    request_json,
    usable_proxy,
)
from tests.fresh_imports import modules_loaded

from .conftest import (
    API_KEY,
    BASE_URL,
    FakeRelay,
    example,
    reply_bytes,
    reply_json,
    reply_stream,
)

ERROR_EXAMPLES = [
    ("error.json", 401, ErrorKind.BAD_KEY, "无效的令牌"),
    ("error_403_quota.json", 403, ErrorKind.QUOTA, "该令牌额度已用尽"),
    ("error_429.json", 429, ErrorKind.RATE_LIMITED, "当前分组上游负载已饱和"),
    ("error_503_no_channel.json", 503, ErrorKind.MODEL_UNAVAILABLE, "无可用渠道"),
    ("error_upstream_400.json", 400, ErrorKind.UPSTREAM, "maximum context length"),
    ("error_mj.json", 400, ErrorKind.MODEL_UNAVAILABLE, "mj_imagine 无可用渠道"),
    ("error_task.json", 400, ErrorKind.UPSTREAM, "task_not_exist"),
]


def test_config_repr_hides_key_and_proxy_password() -> None:
    config = RelayConfig(BASE_URL, API_KEY, proxy="http://me:hunter2@proxy.lan:3128")
    for text in (repr(config), str(config), f"{config}"):
        assert API_KEY not in text
        assert "hunter2" not in text
        assert BASE_URL in text
        assert "proxy.lan:3128" in text


def test_config_equality_still_sees_the_key() -> None:
    assert RelayConfig(BASE_URL, "a") != RelayConfig(BASE_URL, "b")
    assert RelayConfig(BASE_URL, "a") == RelayConfig(BASE_URL, "a")


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("https://api.ecovai.cn", "https://api.ecovai.cn"),
        ("https://api.ecovai.cn/", "https://api.ecovai.cn"),
        (" https://api.ecovai.cn/v1/ ", "https://api.ecovai.cn"),
        ("https://host/prefix/v1", "https://host/prefix"),
    ],
)
def test_base_url_is_the_relay_root(given: str, expected: str) -> None:
    assert normalise_base_url(given) == expected


@pytest.mark.asyncio
async def test_relay_client_sends_key_agent_and_accept(relay: FakeRelay) -> None:
    relay.on("GET", "/v1/models", reply_json("models.json"))
    config = RelayConfig(BASE_URL + "/v1", API_KEY, timeout=42.0)
    async with make_relay_client(config, transport=httpx.MockTransport(relay.handle)) as client:
        assert client.timeout.read == 42.0
        assert client.timeout.connect == 15.0
        await request_json(client, "GET", "/v1/models")
    sent = relay.requests[0]
    assert sent.url == httpx.URL("https://relay.example.test/v1/models")
    assert sent.headers["authorization"] == f"Bearer {API_KEY}"
    assert sent.headers["user-agent"] == f"ecovdesk/{__version__}"
    assert sent.headers["accept"] == "application/json"


@pytest.mark.asyncio
async def test_media_client_sends_no_credentials_and_follows_redirects() -> None:
    seen: list[httpx.Request] = []

    def cdn(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        if request.url.host == "short.example":
            return httpx.Response(302, headers={"location": "https://cdn.example/a.png"})
        return httpx.Response(200, content=b"\x89PNG")

    async with make_media_client(transport=httpx.MockTransport(cdn)) as media:
        response = await media.get("https://short.example/x")
    assert response.content == b"\x89PNG"
    assert [r.url.host for r in seen] == ["short.example", "cdn.example"]
    assert all("authorization" not in r.headers for r in seen)
    assert seen[0].headers["user-agent"].startswith("ecovdesk/")


@pytest.mark.asyncio
async def test_relay_redirect_is_not_followed(relay: FakeRelay, client: httpx.AsyncClient) -> None:
    location = {"location": "https://elsewhere.example/v1/models?x=1"}
    relay.on("GET", "/v1/models", reply_bytes(b"", 302, "text/html", location))
    with pytest.raises(RelayError) as caught:
        await request_json(client, "GET", "/v1/models")
    assert caught.value.kind is ErrorKind.REDIRECTED
    assert "elsewhere.example" in caught.value.detail and not caught.value.message
    assert caught.value.status == 302
    assert len(relay.requests) == 1


@pytest.mark.asyncio
async def test_request_json_returns_parsed_body_and_sends_json_and_params(
    relay: FakeRelay, client: httpx.AsyncClient
) -> None:
    relay.on("POST", "/echo", reply_json({"ok": True, "n": [1, 2]}))
    body = await request_json(client, "POST", "/echo", json={"a": "中"}, params={"q": "1"})
    assert body == {"ok": True, "n": [1, 2]}
    assert relay.sent_json() == {"a": "中"}
    assert relay.requests[0].url.params["q"] == "1"


@pytest.mark.parametrize(("name", "status", "kind", "words"), ERROR_EXAMPLES)
@pytest.mark.asyncio
async def test_error_examples_map_to_kinds(
    relay: FakeRelay,
    client: httpx.AsyncClient,
    name: str,
    status: int,
    kind: ErrorKind,
    words: str,
) -> None:
    relay.on("GET", "/x", reply_json(name, status))
    with pytest.raises(RelayError) as caught:
        await request_json(client, "GET", "/x")
    assert caught.value.kind is kind
    assert caught.value.status == status
    assert words in caught.value.message
    assert API_KEY not in str(caught.value)


@pytest.mark.asyncio
async def test_rate_limit_carries_retry_after(relay: FakeRelay, client: httpx.AsyncClient) -> None:
    relay.on("GET", "/x", reply_json("error_429.json", 429, {"retry-after": "7"}))
    with pytest.raises(RelayError) as caught:
        await request_json(client, "GET", "/x")
    assert caught.value.kind is ErrorKind.RATE_LIMITED
    assert caught.value.retry_after == 7.0


@pytest.mark.asyncio
async def test_html_error_page_becomes_readable_text(
    relay: FakeRelay, client: httpx.AsyncClient
) -> None:
    page = (
        b"<html><head><title>502 Bad Gateway</title><style>h1{}</style></head>"
        b"<body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>"
    )
    relay.on("GET", "/x", reply_bytes(page, 502, "text/html"))
    with pytest.raises(RelayError) as caught:
        await request_json(client, "GET", "/x")
    assert caught.value.kind is ErrorKind.RELAY_UNAVAILABLE
    assert "502 Bad Gateway" in caught.value.detail
    assert "nginx" in caught.value.detail
    assert "<" not in caught.value.detail and ">" not in caught.value.detail


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("error.json", ErrorKind.BAD_KEY),
        ("error_403_quota.json", ErrorKind.QUOTA),
        ("error_429.json", ErrorKind.RATE_LIMITED),
        ("error_503_no_channel.json", ErrorKind.MODEL_UNAVAILABLE),
        ("error_upstream_400.json", ErrorKind.UPSTREAM),
    ],
)
@pytest.mark.asyncio
async def test_http_200_error_object_is_still_an_error(
    relay: FakeRelay, client: httpx.AsyncClient, name: str, kind: ErrorKind
) -> None:
    relay.on("GET", "/x", reply_json(name, 200))
    with pytest.raises(RelayError) as caught:
        await request_json(client, "GET", "/x")
    assert caught.value.kind is kind
    assert caught.value.message == example(name)["error"]["message"]


@pytest.mark.asyncio
async def test_success_false_is_an_error(relay: FakeRelay, client: httpx.AsyncClient) -> None:
    relay.on("GET", "/x", reply_json({"success": False, "message": "无权进行此操作"}))
    with pytest.raises(RelayError) as caught:
        await request_json(client, "GET", "/x")
    assert caught.value.message == "无权进行此操作"


@pytest.mark.asyncio
async def test_task_with_failure_in_error_field_is_returned(
    relay: FakeRelay, client: httpx.AsyncClient
) -> None:
    task = {"id": "v1", "object": "video", "status": "failed", "error": {"message": "bad"}}
    relay.on("GET", "/x", reply_json(task))
    assert await request_json(client, "GET", "/x") == task


@pytest.mark.asyncio
async def test_invalid_json_is_malformed(relay: FakeRelay, client: httpx.AsyncClient) -> None:
    relay.on("GET", "/x", reply_bytes(b"{not json", 200, "application/json"))
    with pytest.raises(RelayError) as caught:
        await request_json(client, "GET", "/x")
    assert caught.value.kind is ErrorKind.MALFORMED
    # What ecovdesk found wrong is for the log; only relay words are shown as the relay's.
    assert "{not json" in caught.value.detail and caught.value.message == ""


@pytest.mark.asyncio
async def test_body_over_cap_with_declared_length_is_malformed(
    relay: FakeRelay, client: httpx.AsyncClient
) -> None:
    relay.on("GET", "/x", reply_bytes(b"[" + b"1," * 5000 + b"1]", 200, "application/json"))
    with pytest.raises(RelayError) as caught:
        await request_json(client, "GET", "/x", max_bytes=1000)
    assert caught.value.kind is ErrorKind.MALFORMED
    assert await request_json(client, "GET", "/x", max_bytes=20_000) == [1] * 5001


@pytest.mark.asyncio
async def test_streamed_body_stops_being_read_at_the_cap(
    relay: FakeRelay, client: httpx.AsyncClient
) -> None:
    produced = 0

    async def endless() -> AsyncIterator[bytes]:
        nonlocal produced
        yield b'{"data": "'
        while True:
            produced += 1
            yield b"x" * 1024

    relay.on("GET", "/x", reply_stream(endless, content_type="application/json"))
    with pytest.raises(RelayError) as caught:
        await request_json(client, "GET", "/x", max_bytes=64 * 1024)
    assert caught.value.kind is ErrorKind.MALFORMED
    assert produced <= 66


@pytest.mark.parametrize(
    ("failure", "kind"),
    [
        (httpx.ConnectTimeout("timed out"), ErrorKind.TIMEOUT),
        (httpx.ReadTimeout("timed out"), ErrorKind.TIMEOUT),
        (httpx.ConnectError("[Errno 111] Connection refused"), ErrorKind.NETWORK),
        (httpx.ProxyError("proxy said no"), ErrorKind.NETWORK),
        (httpx.RemoteProtocolError("peer closed connection"), ErrorKind.NETWORK),
    ],
)
@pytest.mark.asyncio
async def test_transport_failures_are_typed(failure: Exception, kind: ErrorKind) -> None:
    def broken(request: httpx.Request) -> httpx.Response:
        raise failure

    config = RelayConfig(BASE_URL, API_KEY)
    async with make_relay_client(config, transport=httpx.MockTransport(broken)) as client:
        with pytest.raises(RelayError) as caught:
            await request_json(client, "GET", "/v1/models")
    assert caught.value.kind is kind
    assert str(failure) in caught.value.detail and caught.value.message == ""
    assert API_KEY not in str(caught.value)


@pytest.mark.asyncio
async def test_echoed_key_is_blanked_from_error_messages(
    relay: FakeRelay, client: httpx.AsyncClient
) -> None:
    echo = {"error": {"message": f"Incorrect API key provided: {API_KEY}.", "type": "x"}}
    relay.on("GET", "/401", reply_json(echo, 401))
    relay.on("GET", "/200", reply_json(echo, 200))
    for path in ("/401", "/200"):
        with pytest.raises(RelayError) as caught:
            await request_json(client, "GET", path)
        assert API_KEY not in str(caught.value)
        assert API_KEY not in caught.value.message
        assert caught.value.message == "Incorrect API key provided: ***."


@pytest.mark.parametrize(
    ("body", "kind"),
    [
        (example("error_mj.json"), ErrorKind.MODEL_UNAVAILABLE),
        (example("error_task.json"), ErrorKind.UPSTREAM),
        ({"code": "quota_not_enough", "message": "用户额度不足"}, ErrorKind.QUOTA),
        ({"code": 24, "description": "task not found"}, ErrorKind.UPSTREAM),
        ({"msg": "无效的令牌"}, ErrorKind.BAD_KEY),
    ],
)
def test_error_from_body_classifies_by_wording(body: object, kind: ErrorKind) -> None:
    error = error_from_body(body)
    assert error.kind is kind
    assert error.message


def test_api_layer_imports_no_qt_core_or_ui() -> None:
    code = (
        "import pkgutil, importlib, ecovdesk.api as api\n"
        "for m in pkgutil.iter_modules(api.__path__):\n"
        "    importlib.import_module('ecovdesk.api.' + m.name)\n"
    )
    assert modules_loaded(code, ["PySide6", "qasync", "ecovdesk.core", "ecovdesk.ui"]) == []


@pytest.mark.parametrize("key", ["sk-ключ", "sk-abc\x01def", "sk-abc\ndef"])
def test_key_that_cannot_be_a_header_is_refused_without_echo(key: str) -> None:
    with pytest.raises(RelayError) as caught:
        make_relay_client(RelayConfig(BASE_URL, key))
    assert caught.value.kind is ErrorKind.BAD_KEY
    assert key not in str(caught.value)
    assert "abc" not in str(caught.value)


@pytest.mark.asyncio
async def test_key_is_trimmed_and_blanked_from_transport_errors() -> None:
    def broken(request: httpx.Request) -> httpx.Response:
        raise httpx.LocalProtocolError(f"Illegal header value {request.headers['authorization']!r}")

    config = RelayConfig(BASE_URL, f"  {API_KEY}\n", proxy="")
    async with make_relay_client(config, transport=httpx.MockTransport(broken)) as client:
        assert client.headers["authorization"] == f"Bearer {API_KEY}"
        with pytest.raises(RelayError) as caught:
            await request_json(client, "GET", "/v1/models")
    assert caught.value.kind is ErrorKind.NETWORK
    assert "Illegal header value" in caught.value.detail
    assert API_KEY not in str(caught.value) and API_KEY not in caught.value.detail


@pytest.mark.asyncio
async def test_empty_key_sends_no_authorization(relay: FakeRelay) -> None:
    relay.on("GET", "/v1/models", reply_json("error.json", 401))
    config = RelayConfig(BASE_URL, "  ")
    async with make_relay_client(config, transport=httpx.MockTransport(relay.handle)) as client:
        with pytest.raises(RelayError) as caught:
            await request_json(client, "GET", "/v1/models")
    assert caught.value.kind is ErrorKind.BAD_KEY
    assert "authorization" not in relay.requests[0].headers


@pytest.mark.parametrize(
    ("typed", "used"),
    [
        ("", None),
        ("127.0.0.1:7890", "http://127.0.0.1:7890"),  # as proxy apps show it
        ("http://127.0.0.1:7890", "http://127.0.0.1:7890"),
        ("socks5://127.0.0.1:7891", "socks5://127.0.0.1:7891"),
    ],
)
def test_a_proxy_is_taken_as_people_write_it(typed: str, used: str | None) -> None:
    assert usable_proxy(typed) == used


@pytest.mark.parametrize("typed", ["ftp://127.0.0.1:21", "socks4://127.0.0.1:1080", "http://"])
def test_an_unusable_proxy_is_refused_when_the_client_is_made(typed: str) -> None:
    with pytest.raises(RelayError) as caught:
        make_relay_client(RelayConfig(BASE_URL, API_KEY, proxy=typed))
    assert caught.value.kind is ErrorKind.BAD_PROXY
    assert API_KEY not in str(caught.value)


@pytest.mark.asyncio
async def test_a_socks_proxy_can_be_used() -> None:
    # SOCKS support is an optional part of httpx; without it this raised ImportError.
    async with make_relay_client(RelayConfig(BASE_URL, API_KEY, proxy="socks5://127.0.0.1:9")):
        pass


def test_an_error_answer_without_words_quotes_nothing_as_the_relay_s() -> None:
    error = error_from_body({"success": False}, status=500)
    assert error.message == "" and error.detail
