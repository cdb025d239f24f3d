from __future__ import annotations

from collections.abc import AsyncIterator

import httpx
import pytest

from ecovdesk.api.chat import (
    CHAT_PATH,
    ChatDelta,
    ChatResult,
    TokenUsage,
    build_chat_body,
    complete_chat,
    file_part,
    image_part,
    stream_chat,
    text_part,
)
from ecovdesk.api.errors import ErrorKind, RelayError

from .conftest import (
    API_KEY,
    FakeRelay,
    example,
    example_bytes,
    one_byte_chunks,
    reply_bytes,
    reply_json,
    reply_stream,
    trickle,
)

BODY = build_chat_body("gpt-4o-mini", [{"role": "user", "content": "你好"}], stream=True)

STREAMS = [
    ("chat_stream.txt", "你好！我是一个 AI 助手，有什么可以帮你的吗？", "", None),
    ("chat_stream_usage.txt", "1+1=2。", "", TokenUsage(14, 6, 20)),
    (
        "chat_stream_reasoning.txt",
        "9.8 比 9.11 大。",
        "嗯，用户问 9.11 和 9.8 哪个大。比较小数部分：0.11 < 0.80，所以 9.8 更大。",
        TokenUsage(18, 64, 82, 52),
    ),
    (
        "chat_stream_reasoning_converted.txt",
        "9.8 更大，因为 0.8 大于 0.11。",
        "先比较整数部分：两者都是 9。再比较小数部分：0.8 > 0.11。",
        TokenUsage(14, 58, 72, 41),
    ),
    (
        "chat_stream_deepseek_think.txt",
        "[思考开始]\n用户问 9.11 和 9.8 哪个大，比较小数部分即可。\n\n[思考结束]\n9.8 比 9.11 大。",
        "",
        None,
    ),
    (
        "chat_stream_kimi_search.txt",
        "【检索 1】 [上海天气预报_中国天气网](https://www.weather.com.cn/weather/101020100.shtml)\n"
        "【检索 2】 [上海市气象局 - 今日天气](https://sh.cma.gov.cn/)\n\n"
        "今天上海多云转小雨，气温 18~24℃，出门建议带伞。",
        "",
        TokenUsage(1, 1, 2),
    ),
    (
        "chat_stream_metaso.txt",
        "人工智能的发展始于 1956 年的达特茅斯会议。",
        "",
        TokenUsage(1, 1, 2),
    ),
]


async def collect(client: httpx.AsyncClient, body: dict[str, object] = BODY) -> list[ChatDelta]:
    return [delta async for delta in stream_chat(client, dict(body))]


def joined(deltas: list[ChatDelta]) -> tuple[str, str]:
    return "".join(d.content for d in deltas), "".join(d.reasoning for d in deltas)


def last_usage(deltas: list[ChatDelta]) -> TokenUsage | None:
    usages = [d.usage for d in deltas if d.usage is not None]
    return usages[-1] if usages else None


# --- bodies and parts -------------------------------------------------------------------------


def test_stream_body_asks_for_usage_and_omits_unset_fields() -> None:
    messages = [{"role": "user", "content": "hi"}]
    body = build_chat_body("m", messages, stream=True, extra={"use_search": False, "x": None})
    assert body == {
        "model": "m",
        "messages": messages,
        "stream": True,
        "stream_options": {"include_usage": True},
        "use_search": False,
    }
    assert body["messages"] is not messages


def test_plain_body_has_sampling_fields_when_set() -> None:
    body = build_chat_body("m", [], stream=False, temperature=0.0, max_tokens=256)
    assert body == {
        "model": "m",
        "messages": [],
        "stream": False,
        "temperature": 0.0,
        "max_tokens": 256,
    }


def test_content_parts() -> None:
    assert text_part("说") == {"type": "text", "text": "说"}
    assert image_part("data:image/png;base64,AA") == {
        "type": "image_url",
        "image_url": {"url": "data:image/png;base64,AA"},
    }
    assert file_part("https://x/a.pdf") == {"type": "file", "file_url": {"url": "https://x/a.pdf"}}


def test_placeholder_usage() -> None:
    assert TokenUsage(1, 1, 2).is_placeholder
    assert TokenUsage(0, 0, 0).is_placeholder
    assert not TokenUsage(19, 17, 36).is_placeholder
    assert not TokenUsage(1, 1, 3).is_placeholder


# --- streaming the examples --------------------------------------------------------------------


@pytest.mark.parametrize(("name", "content", "reasoning", "usage"), STREAMS)
@pytest.mark.asyncio
async def test_stream_examples(
    relay: FakeRelay,
    client: httpx.AsyncClient,
    name: str,
    content: str,
    reasoning: str,
    usage: TokenUsage | None,
) -> None:
    relay.on("POST", CHAT_PATH, reply_bytes(example_bytes(name)))
    deltas = await collect(client)
    assert joined(deltas) == (content, reasoning)
    assert last_usage(deltas) == usage
    assert [d.finish_reason for d in deltas if d.finish_reason] == ["stop"]
    assert ChatDelta() not in deltas
    sent = relay.requests[0]
    assert sent.headers["accept"] == "text/event-stream"
    assert sent.headers["authorization"] == f"Bearer {API_KEY}"
    assert relay.sent_json()["stream_options"] == {"include_usage": True}


@pytest.mark.asyncio
async def test_converted_reasoning_is_shown_once(
    relay: FakeRelay, client: httpx.AsyncClient
) -> None:
    relay.on("POST", CHAT_PATH, reply_bytes(example_bytes("chat_stream_reasoning_converted.txt")))
    deltas = await collect(client)
    reasoning = [d.reasoning for d in deltas if d.reasoning]
    assert reasoning == ["先比较整数部分：两者都是 9。", "再比较小数部分：0.8 > 0.11。"]


@pytest.mark.asyncio
async def test_reasoning_falls_back_to_reasoning_key(
    relay: FakeRelay, client: httpx.AsyncClient
) -> None:
    stream = (
        'data: {"choices":[{"delta":{"reasoning":"想"}}]}\n\n'
        'data: {"choices":[{"delta":{"content":"答"}}]}\n\n'
        "data: [DONE]\n\n"
    ).encode()
    relay.on("POST", CHAT_PATH, reply_bytes(stream))
    assert joined(await collect(client)) == ("答", "想")


@pytest.mark.asyncio
async def test_usage_chunk_with_empty_choices_is_yielded(
    relay: FakeRelay, client: httpx.AsyncClient
) -> None:
    relay.on("POST", CHAT_PATH, reply_bytes(example_bytes("chat_stream_usage.txt")))
    deltas = await collect(client)
    assert deltas[-1] == ChatDelta(usage=TokenUsage(14, 6, 20))


@pytest.mark.asyncio
async def test_one_byte_chunks_decode_split_utf8(
    relay: FakeRelay, client: httpx.AsyncClient
) -> None:
    data = example_bytes("chat_stream_kimi_search.txt")
    relay.on("POST", CHAT_PATH, reply_stream(lambda: trickle(one_byte_chunks(data))))
    content, _ = joined(await collect(client))
    assert content == STREAMS[5][1]
    assert "\ufffd" not in content


@pytest.mark.asyncio
async def test_crlf_stream_and_missing_space_after_colon(
    relay: FakeRelay, client: httpx.AsyncClient
) -> None:
    stream = (
        b'data:{"choices":[{"delta":{"content":"A"}}]}\r\n\r\n: PING\r\n\r\ndata: [DONE]\r\n\r\n'
    )
    relay.on("POST", CHAT_PATH, reply_bytes(stream))
    assert joined(await collect(client)) == ("A", "")


@pytest.mark.asyncio
async def test_stream_cut_before_done_keeps_text_then_interrupts(
    relay: FakeRelay, client: httpx.AsyncClient
) -> None:
    full = example_bytes("chat_stream.txt")
    cut = full[: full.index(b"data: [DONE]")]
    relay.on("POST", CHAT_PATH, reply_stream(lambda: trickle([cut])))
    received: list[ChatDelta] = []
    with pytest.raises(RelayError) as caught:
        async for delta in stream_chat(client, dict(BODY)):
            received.append(delta)
    assert caught.value.kind is ErrorKind.INTERRUPTED
    assert joined(received)[0] == STREAMS[0][1]


@pytest.mark.parametrize(
    ("failure", "kind"),
    [
        (httpx.ReadTimeout("read timed out"), ErrorKind.TIMEOUT),
        # The relay was reached and had begun to answer: the answer was cut off.
        (httpx.ReadError("connection reset by peer"), ErrorKind.INTERRUPTED),
        (httpx.RemoteProtocolError("peer closed connection"), ErrorKind.INTERRUPTED),
    ],
)
@pytest.mark.asyncio
async def test_transport_failure_mid_stream(
    relay: FakeRelay, client: httpx.AsyncClient, failure: Exception, kind: ErrorKind
) -> None:
    first = b'data: {"choices":[{"delta":{"content":"\xe4\xbd\xa0\xe5\xa5\xbd"}}]}\n\n'
    relay.on("POST", CHAT_PATH, reply_stream(lambda: trickle([first], fail=failure)))
    received: list[ChatDelta] = []
    with pytest.raises(RelayError) as caught:
        async for delta in stream_chat(client, dict(BODY)):
            received.append(delta)
    assert caught.value.kind is kind
    assert received == [ChatDelta(content="你好")]


@pytest.mark.asyncio
async def test_error_object_mid_stream_is_upstream(
    relay: FakeRelay, client: httpx.AsyncClient
) -> None:
    stream = (
        'data: {"choices":[{"delta":{"content":"开头"}}]}\n\n'
        'data: {"error":{"message":"该令牌额度已用尽","type":"new_api_error"}}\n\n'
        "data: [DONE]\n\n"
    ).encode()
    relay.on("POST", CHAT_PATH, reply_bytes(stream))
    received: list[ChatDelta] = []
    with pytest.raises(RelayError) as caught:
        async for delta in stream_chat(client, dict(BODY)):
            received.append(delta)
    assert caught.value.kind is ErrorKind.UPSTREAM
    assert caught.value.message == "该令牌额度已用尽"
    assert joined(received)[0] == "开头"


@pytest.mark.parametrize(
    ("frame", "message"),
    [
        (b'event: error\ndata: {"message": "upstream timeout"}\n\n', "upstream timeout"),
        (b"event: error\ndata: channel closed\n\n", "channel closed"),
    ],
)
@pytest.mark.asyncio
async def test_error_event_is_upstream(
    relay: FakeRelay, client: httpx.AsyncClient, frame: bytes, message: str
) -> None:
    relay.on(
        "POST", CHAT_PATH, reply_bytes(b'data: {"choices":[{"delta":{"content":"A"}}]}\n\n' + frame)
    )
    received: list[ChatDelta] = []
    with pytest.raises(RelayError) as caught:
        async for delta in stream_chat(client, dict(BODY)):
            received.append(delta)
    assert caught.value.kind is ErrorKind.UPSTREAM
    assert caught.value.message == message
    assert received == [ChatDelta(content="A")]


@pytest.mark.asyncio
async def test_non_json_data_line_is_malformed(relay: FakeRelay, client: httpx.AsyncClient) -> None:
    stream = b'data: {"choices":[{"delta":{"content":"A"}}]}\n\ndata: <html>oops\n\n'
    relay.on("POST", CHAT_PATH, reply_bytes(stream))
    received: list[ChatDelta] = []
    with pytest.raises(RelayError) as caught:
        async for delta in stream_chat(client, dict(BODY)):
            received.append(delta)
    assert caught.value.kind is ErrorKind.MALFORMED
    assert received == [ChatDelta(content="A")]


@pytest.mark.asyncio
async def test_nothing_is_read_after_done(relay: FakeRelay, client: httpx.AsyncClient) -> None:
    stream = b'data: {"choices":[{"delta":{"content":"A"}}]}\n\ndata: [DONE]\n\n'
    relay.on("POST", CHAT_PATH, reply_stream(lambda: trickle([stream], fail=httpx.ReadError("x"))))
    assert joined(await collect(client)) == ("A", "")


@pytest.mark.asyncio
async def test_consumer_may_stop_early(relay: FakeRelay, client: httpx.AsyncClient) -> None:
    events = [event + b"\n\n" for event in example_bytes("chat_stream.txt").split(b"\n\n")]
    relay.on("POST", CHAT_PATH, reply_stream(lambda: trickle(events)))
    stream = stream_chat(client, dict(BODY))
    first = await anext(stream)
    await stream.aclose()
    assert first == ChatDelta(content="你好")


@pytest.mark.asyncio
async def test_text_received_together_is_one_delta_and_keeps_its_order(
    relay: FakeRelay, client: httpx.AsyncClient
) -> None:
    stream = (
        'data: {"choices":[{"delta":{"reasoning_content":"想"}}]}\n\n'
        'data: {"choices":[{"delta":{"content":"你"}}]}\n\n'
        'data: {"choices":[{"delta":{"content":"好"}}]}\n\n'
        'data: {"choices":[{"delta":{},"finish_reason":"stop"}]}\n\n'
        'data: {"choices":[],"usage":{"prompt_tokens":3,"completion_tokens":2,'
        '"total_tokens":5}}\n\n'
        "data: [DONE]\n\n"
    ).encode()
    relay.on("POST", CHAT_PATH, reply_bytes(stream))
    assert await collect(client) == [
        ChatDelta(reasoning="想"),
        ChatDelta(content="你好"),
        ChatDelta(finish_reason="stop"),
        ChatDelta(usage=TokenUsage(3, 2, 5)),
    ]


# --- failures before the stream starts ---------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "status", "kind"),
    [
        ("error.json", 401, ErrorKind.BAD_KEY),
        ("error_403_quota.json", 403, ErrorKind.QUOTA),
        ("error_429.json", 429, ErrorKind.RATE_LIMITED),
        ("error_503_no_channel.json", 503, ErrorKind.MODEL_UNAVAILABLE),
        ("error_upstream_400.json", 400, ErrorKind.UPSTREAM),
    ],
)
@pytest.mark.asyncio
async def test_stream_error_examples(
    relay: FakeRelay, client: httpx.AsyncClient, name: str, status: int, kind: ErrorKind
) -> None:
    relay.on("POST", CHAT_PATH, reply_json(name, status))
    with pytest.raises(RelayError) as caught:
        await collect(client)
    assert caught.value.kind is kind
    assert caught.value.status == status
    assert caught.value.message == example(name)["error"]["message"]
    assert API_KEY not in str(caught.value)


@pytest.mark.asyncio
async def test_stream_429_retry_after(relay: FakeRelay, client: httpx.AsyncClient) -> None:
    relay.on("POST", CHAT_PATH, reply_json("error_429.json", 429, {"Retry-After": "12"}))
    with pytest.raises(RelayError) as caught:
        await collect(client)
    assert caught.value.kind is ErrorKind.RATE_LIMITED
    assert caught.value.retry_after == 12.0
    assert "当前分组上游负载已饱和" in caught.value.message


@pytest.mark.asyncio
async def test_stream_502_html(relay: FakeRelay, client: httpx.AsyncClient) -> None:
    page = b"<html><body><h1>502 Bad Gateway</h1><p>cloudflare</p></body></html>"
    relay.on("POST", CHAT_PATH, reply_bytes(page, 502, "text/html"))
    with pytest.raises(RelayError) as caught:
        await collect(client)
    # The gateway's page, not the relay's words: the relay is down, not the model.
    assert caught.value.kind is ErrorKind.RELAY_UNAVAILABLE
    assert caught.value.message == "" and caught.value.detail == "502 Bad Gateway cloudflare"


@pytest.mark.asyncio
async def test_huge_error_body_is_read_only_up_to_a_cap(
    relay: FakeRelay, client: httpx.AsyncClient
) -> None:
    produced = 0

    async def endless() -> AsyncIterator[bytes]:
        nonlocal produced
        while True:
            produced += 1
            yield b"<p>" + b"x" * 4096 + b"</p>"

    relay.on("POST", CHAT_PATH, reply_stream(endless, status=500, content_type="text/html"))
    with pytest.raises(RelayError) as caught:
        await collect(client)
    assert caught.value.kind is ErrorKind.UPSTREAM
    assert produced < 100
    assert len(caught.value.message) <= 300


@pytest.mark.asyncio
async def test_huge_json_instead_of_stream_is_malformed(
    relay: FakeRelay, client: httpx.AsyncClient
) -> None:
    produced = 0

    async def endless() -> AsyncIterator[bytes]:
        nonlocal produced
        yield b'{"choices":[{"message":{"content":"'
        while True:
            produced += 1
            yield b"x" * 65536

    relay.on("POST", CHAT_PATH, reply_stream(endless, content_type="application/json"))
    with pytest.raises(RelayError) as caught:
        await collect(client)
    assert caught.value.kind is ErrorKind.MALFORMED
    assert produced <= 20_000_000 // 65536 + 2


# --- answers that are not an event stream ------------------------------------------------------


@pytest.mark.asyncio
async def test_json_instead_of_sse_is_one_delta(
    relay: FakeRelay, client: httpx.AsyncClient
) -> None:
    relay.on("POST", CHAT_PATH, reply_json("chat_completion.json"))
    deltas = await collect(client)
    assert deltas == [
        ChatDelta(
            content="你好！我是一个 AI 助手，有什么可以帮你的吗？",
            usage=TokenUsage(19, 17, 36),
            finish_reason="stop",
        )
    ]


@pytest.mark.asyncio
async def test_json_error_instead_of_sse_raises(
    relay: FakeRelay, client: httpx.AsyncClient
) -> None:
    relay.on("POST", CHAT_PATH, reply_json("error_503_no_channel.json", 200))
    with pytest.raises(RelayError) as caught:
        await collect(client)
    assert caught.value.kind is ErrorKind.MODEL_UNAVAILABLE
    assert "gpt-4o-mini 无可用渠道" in caught.value.message


@pytest.mark.asyncio
async def test_event_stream_with_wrong_content_type(
    relay: FakeRelay, client: httpx.AsyncClient
) -> None:
    relay.on("POST", CHAT_PATH, reply_bytes(example_bytes("chat_stream.txt"), 200, "text/plain"))
    assert joined(await collect(client))[0] == STREAMS[0][1]


@pytest.mark.asyncio
async def test_mislabelled_stream_cut_short_interrupts(
    relay: FakeRelay, client: httpx.AsyncClient
) -> None:
    cut = example_bytes("chat_stream.txt").split(b"data: [DONE]")[0]
    relay.on("POST", CHAT_PATH, reply_bytes(cut, 200, ""))
    received: list[ChatDelta] = []
    with pytest.raises(RelayError) as caught:
        async for delta in stream_chat(client, dict(BODY)):
            received.append(delta)
    assert caught.value.kind is ErrorKind.INTERRUPTED
    assert joined(received)[0] == STREAMS[0][1]


# --- non-streamed completions ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "model", "placeholder"),
    [
        ("chat_completion.json", "gpt-4o-mini", False),
        ("chat_completion_deepseek_allinone.json", "deepseek_chat", True),
        ("chat_completion_glm_image.json", "glm4", True),
        ("chat_completion_gpt4o_all_image.json", "gpt-4o-all", False),
        ("chat_completion_kimi_search.json", "kimi", True),
        ("chat_completion_metaso.json", "concise", True),
    ],
)
@pytest.mark.asyncio
async def test_complete_chat_examples(
    relay: FakeRelay, client: httpx.AsyncClient, name: str, model: str, placeholder: bool
) -> None:
    relay.on("POST", CHAT_PATH, reply_json(name))
    result = await complete_chat(client, dict(BODY))
    expected = example(name)
    assert result.content == expected["choices"][0]["message"]["content"]
    assert result.model == model
    assert result.finish_reason == "stop"
    assert result.usage is not None
    assert result.usage.is_placeholder is placeholder
    sent = relay.sent_json()
    assert sent["stream"] is False
    assert "stream_options" not in sent


@pytest.mark.asyncio
async def test_complete_chat_reasoning_and_empty_model(
    relay: FakeRelay, client: httpx.AsyncClient
) -> None:
    answer = {
        "model": "",
        "choices": [
            {
                "message": {"content": None, "reasoning_content": "先想", "reasoning": "先想"},
                "finish_reason": "length",
            }
        ],
    }
    relay.on("POST", CHAT_PATH, reply_json(answer))
    result = await complete_chat(client, build_chat_body("GLM-4-Flash", [], stream=False))
    assert result == ChatResult("", "先想", None, "GLM-4-Flash", "length")


@pytest.mark.asyncio
async def test_complete_chat_without_choices_is_malformed(
    relay: FakeRelay, client: httpx.AsyncClient
) -> None:
    relay.on("POST", CHAT_PATH, reply_json({"id": "x", "choices": []}))
    with pytest.raises(RelayError) as caught:
        await complete_chat(client, dict(BODY))
    assert caught.value.kind is ErrorKind.MALFORMED


@pytest.mark.asyncio
async def test_complete_chat_error(relay: FakeRelay, client: httpx.AsyncClient) -> None:
    relay.on("POST", CHAT_PATH, reply_json("error.json", 401))
    with pytest.raises(RelayError) as caught:
        await complete_chat(client, dict(BODY))
    assert caught.value.kind is ErrorKind.BAD_KEY
    assert caught.value.message.startswith("无效的令牌")
