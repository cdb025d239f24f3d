"""Property tests: whatever a relay or a model sends, parsing ends in a result or a typed
RelayError, never another exception, and what comes out stays in proportion to what came in."""

from __future__ import annotations

import itertools
import json
from collections.abc import AsyncIterator, Callable, Iterator
from typing import Any

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ecovdesk.api import kling, luma, midjourney, runway, suno
from ecovdesk.api.chat import ChatDelta, build_chat_body, stream_chat
from ecovdesk.api.errors import RelayError, error_from_body, error_from_response
from ecovdesk.api.http import RelayConfig, make_relay_client
from ecovdesk.api.ideogram import parse_ideogram
from ecovdesk.api.images import parse_images
from ecovdesk.api.media import MediaRef, RemoteTask
from ecovdesk.core.reply_parser import image_links, parse_reply
from ecovdesk.ui.markdown_html import MarkdownRenderer
from tests.reliability.helpers import run_off_loop

FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Field names the relays use, so that generated objects reach past the first lookups.
KEYS = [
    "id", "task_id", "status", "state", "code", "message", "msg", "error", "data", "result",
    "progress", "imageUrl", "imageUrls", "url", "video", "video_url", "audio_url", "image_url",
    "assets", "output", "outputs", "clips", "task_result", "videos", "images", "b64_json",
    "revised_prompt", "failReason", "failure_reason", "fail_reason", "task_status",
    "task_status_msg", "buttons", "customId", "label", "created_at", "createdAt", "finish_time",
    "properties", "finalPrompt", "description", "prompt", "choices", "delta", "content",
    "reasoning_content", "reasoning", "usage", "type", "title", "metadata", "lyric", "duration",
]  # fmt: skip
SCALARS = (
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True)
    | st.text(max_size=40) | st.sampled_from(["SUCCESS", "FAILURE", "IN_PROGRESS", "succeed",
                                             "https://cdn.example/a.png", "45%", "0", ""])
)  # fmt: skip
JSON = st.recursive(
    SCALARS,
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.dictionaries(st.sampled_from(KEYS) | st.text(max_size=8), inner, max_size=6)
    ),
    max_leaves=25,
)
OBJECTS = st.dictionaries(st.sampled_from(KEYS), JSON, max_size=8)


@pytest.fixture(scope="module")
def client() -> Iterator[httpx.AsyncClient]:
    """A relay client for the functions that scrub its key from errors; it sends nothing."""
    relay = make_relay_client(RelayConfig("https://relay.example.test", "sk-fuzz-0123456789"))
    yield relay
    run_off_loop(relay.aclose())


def _only_relay_errors(call: Callable[[], Any]) -> Any:
    try:
        return call()
    except RelayError as error:
        assert isinstance(error.message, str)
        return error


NORMALISERS: list[Callable[[Any], RemoteTask]] = [
    midjourney.normalise_mj_task,
    suno.normalise_suno_task,
    luma.normalise_luma,
    runway.normalise_runway,
    kling.normalise_kling,
]


@pytest.mark.parametrize("normalise", NORMALISERS, ids=lambda f: f.__name__)
@FUZZ
@given(body=OBJECTS)
def test_task_normalisers_accept_any_object(
    normalise: Callable[[Any], RemoteTask], body: dict[str, Any]
) -> None:
    task = _only_relay_errors(lambda: normalise(body))
    if isinstance(task, RemoteTask):
        assert task.progress is None or 0 <= task.progress <= 100
        assert all(isinstance(o, MediaRef) for o in task.outputs)
        assert isinstance(task.remote_id, str) and isinstance(task.error, str)


@FUZZ
@given(body=JSON)
def test_envelopes_and_image_answers_accept_any_json(client: httpx.AsyncClient, body: Any) -> None:
    readers: list[Callable[[], Any]] = [
        lambda: parse_images(body),
        lambda: parse_ideogram(body),
        lambda: midjourney.parse_submit(client, body),
        lambda: midjourney._task_object(client, body),
        lambda: kling._task_object(client, body),
        lambda: runway._envelope_data(client, body),
        lambda: runway._task_id(client, body),
        lambda: suno._envelope_data(client, body),
        lambda: suno._task_id(client, body),
        lambda: luma._generation(body),
        lambda: luma._generation_id(body),
        lambda: error_from_body(body),
    ]
    for read in readers:
        _only_relay_errors(read)


@FUZZ
@given(status=st.integers(100, 599), content=st.binary(max_size=2000), retry=st.text(max_size=8))
def test_any_error_answer_is_classified(status: int, content: bytes, retry: str) -> None:
    error = error_from_response(status, content, {"retry-after": retry})
    assert isinstance(error, RelayError) and len(error.message) <= max(300, len(content))


def _deltas(content_type: str, chunks: list[bytes]) -> tuple[list[ChatDelta], RelayError | None]:
    async def body() -> AsyncIterator[bytes]:
        for chunk in chunks:
            yield chunk

    def answer(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, headers={"content-type": content_type}, content=body())

    async def read() -> tuple[list[ChatDelta], RelayError | None]:
        transport = httpx.MockTransport(answer)
        config = RelayConfig("https://relay.example.test", "sk-fuzz-0123456789")
        async with make_relay_client(config, transport=transport) as relay:
            request = build_chat_body("m", [{"role": "user", "content": "hi"}], stream=True)
            found: list[ChatDelta] = []
            try:
                async for delta in stream_chat(relay, request):
                    found.append(delta)
            except RelayError as error:
                return found, error
            return found, None

    result: tuple[list[ChatDelta], RelayError | None] = run_off_loop(read())
    return result


def _text(deltas: list[ChatDelta]) -> int:
    return sum(len(d.content) + len(d.reasoning) for d in deltas)


@FUZZ
@given(
    chunks=st.lists(st.binary(max_size=300), max_size=12),
    content_type=st.sampled_from(["text/event-stream", "application/json", "text/plain", ""]),
)
def test_any_bytes_as_a_chat_answer_end_in_deltas_or_a_relay_error(
    chunks: list[bytes], content_type: str
) -> None:
    deltas, _error = _deltas(content_type, chunks)
    assert _text(deltas) <= sum(len(c) for c in chunks)


DELTA_OBJECTS = (
    st.fixed_dictionaries(
        {"choices": st.lists(st.fixed_dictionaries({"delta": OBJECTS}), min_size=1, max_size=1)}
    )
    | OBJECTS
)
EVENTS = st.lists(
    st.one_of(
        DELTA_OBJECTS.map(lambda o: f"data: {json.dumps(o)}\n\n"),
        st.sampled_from([": PING\n\n", "event: ping\n\n", "\r\n", "data:\n\n", "retry: 5\n\n"]),
        st.text(max_size=30).map(lambda t: f"data: {t}\n\n"),
    ),
    max_size=10,
).map("".join)


@FUZZ
@given(stream=EVENTS, done=st.booleans(), cuts=st.lists(st.integers(0, 4000), max_size=8))
def test_an_event_stream_reads_the_same_however_it_is_cut(
    stream: str, done: bool, cuts: list[int]
) -> None:
    whole = (stream + ("data: [DONE]\n\n" if done else "")).encode()
    points = sorted({min(c, len(whole)) for c in cuts} | {0, len(whole)})
    pieces = [whole[a:b] for a, b in itertools.pairwise(points)]
    one = _deltas("text/event-stream", [whole])
    cut = _deltas("text/event-stream", pieces)
    assert cut[0] == one[0]
    assert (cut[1] is None) == (one[1] is None)
    assert _text(one[0]) <= len(whole)


# Pieces of text that reach the parsers' special cases, strung together at random.
PIECES = [
    *"ab 中\n\t*_[]()!`~<>|#->\\&;:/.\"'1",
    "http://", "【检索 1】", "[[1]]", "[citation:1]", "[思考开始]", "[思考结束]", "开始思考\n",
    "思考完成", "<think>", "</think>", "```", "~~~", "搜索结果来自：", "检索 ", " - ", "![",
    "](https://x.example/a.png)", '{"prompt": "a", "size": "1x1"}\n', "<script>", "| a | b |\n",
]  # fmt: skip
MARKUP = st.lists(st.sampled_from(PIECES), max_size=150).map("".join)


@FUZZ
@given(text=MARKUP | st.text(max_size=400), reasoning=st.text(max_size=50), streaming=st.booleans())
def test_reply_parsing_takes_any_text(text: str, reasoning: str, streaming: bool) -> None:
    parsed = parse_reply(text, reasoning, streaming=streaming)
    assert all(url.startswith(("http://", "https://")) for url in parsed.image_urls)
    assert set(image_links(text)) <= {u for u in image_links(text) if u in text}
    # Citations turn into links to their sources: bounded by the text's own URLs.
    assert len(parsed.answer) + len(parsed.thinking) <= 20 * (len(text) + len(reasoning)) + 200


@FUZZ
@given(text=MARKUP | st.text(max_size=400))
def test_markdown_rendering_takes_any_text_and_stays_in_proportion(text: str) -> None:
    renderer = MarkdownRenderer()
    html = renderer.render(text)
    assert len(html) <= 80 * len(text) + 1000
    lowered = html.lower()
    assert "<script" not in lowered and "javascript:" not in lowered.replace("&amp;", "&")
    assert all(isinstance(code, str) for code in renderer.code_blocks)


def test_many_citations_of_one_long_source_do_not_multiply_the_text() -> None:
    url = "https://a.example/" + "x" * 3000
    text = f"【检索 1】 [来源]({url})\n" + "事实【检索 1】" * 20_000
    parsed = parse_reply(text)
    assert parsed.sources
    assert len(parsed.answer) <= 4 * len(text)
