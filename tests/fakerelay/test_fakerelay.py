"""Checks of the fake relay itself, with plain httpx."""

from __future__ import annotations

import io
import json
import socket
import threading
import time
from collections.abc import Iterator

import httpx
import pytest
from PIL import Image

from tests.fakerelay import FakeRelay, Fault
from tests.fakerelay.examples import load

KEY = "sk-test-key"
AUTH = {"Authorization": f"Bearer {KEY}"}


@pytest.fixture
def relay() -> Iterator[FakeRelay]:
    with FakeRelay(KEY, token_delay=0.0, poll_steps=3) as server:
        server.image_delay = 0.0
        yield server


@pytest.fixture
def client(relay: FakeRelay) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=relay.base_url, headers=AUTH, timeout=10) as http:
        yield http


def chat_body(model: str = "gpt-4o-mini", question: str = "什么是递归？") -> dict[str, object]:
    return {
        "model": model,
        "messages": [{"role": "user", "content": question}],
        "stream": True,
        "stream_options": {"include_usage": True},
    }


def read_stream(client: httpx.Client, body: dict[str, object]) -> tuple[httpx.Response, str]:
    with client.stream("POST", "/v1/chat/completions", json=body) as response:
        raw = b"".join(response.iter_bytes())
    return response, raw.decode("utf-8")


def data_events(text: str) -> list[str]:
    return [line[6:] for line in text.split("\n") if line.startswith("data: ")]


def test_auth_is_required_except_for_files(relay: FakeRelay) -> None:
    url = relay.base_url
    missing = httpx.get(f"{url}/v1/models")
    assert missing.status_code == 401
    assert missing.json() == load("error.json")
    wrong = httpx.get(f"{url}/v1/models", headers={"Authorization": "Bearer nope"})
    assert wrong.status_code == 401
    assert httpx.get(f"{url}/v1/models", headers=AUTH).status_code == 200
    assert httpx.get(f"{url}/v1/models", headers={"Authorization": KEY}).status_code == 200
    fetch = httpx.get(f"{url}/mj/task/1/fetch", headers={"mj-api-secret": KEY})
    assert fetch.status_code != 401
    assert httpx.get(f"{url}/files/cat.png").status_code == 200
    assert relay.requests[-1].path == "/files/cat.png"
    assert not relay.requests[-1].has_authorization
    assert relay.requests[1].headers.get("AUTHORIZATION") == "Bearer nope"


def test_models_list_covers_known_and_unknown_ids(client: httpx.Client, relay: FakeRelay) -> None:
    ids = [m["id"] for m in client.get("/v1/models").json()["data"]]
    assert {"gpt-4o-mini", "deepseek-reasoner", "kimi", "suno_music", "mystery-model-x"} <= set(ids)
    relay.set_models(["only-one"])
    assert [m["id"] for m in client.get("/v1/models").json()["data"]] == ["only-one"]


def test_default_stream_ends_with_done_and_pings(client: httpx.Client) -> None:
    response, text = read_stream(client, chat_body())
    assert response.headers["content-type"].startswith("text/event-stream")
    assert response.headers["transfer-encoding"] == "chunked"
    assert ": PING" in text
    events = data_events(text)
    assert events[-1] == "[DONE]"
    chunks = [json.loads(e) for e in events[:-1]]
    deltas = [c["choices"][0]["delta"].get("content") for c in chunks if c["choices"]]
    pieces = [d for d in deltas if d]
    assert 60 <= len(pieces) <= 150
    answer = "".join(pieces)
    for marker in ("什么是递归？", "## ", "- **", "| --- |", "](https://", "```python"):
        assert marker in answer
    assert chunks[-1]["choices"] == []
    assert chunks[-1]["usage"]["total_tokens"] > 20


def test_a_reply_of_exactly_n_deltas_at_full_speed() -> None:
    # A long token delay would make the reply take minutes if it were applied.
    with (
        FakeRelay(KEY, token_delay=1.0) as slow,
        httpx.Client(base_url=slow.base_url, headers=AUTH, timeout=10) as http,
    ):
        started = time.monotonic()
        _, text = read_stream(http, chat_body(question="写一篇长文 #deltas=500"))
        elapsed = time.monotonic() - started
    chunks = [json.loads(e) for e in data_events(text)[:-1]]
    pieces = [c["choices"][0]["delta"].get("content") for c in chunks if c["choices"]]
    pieces = [p for p in pieces if p]
    assert len(pieces) == 500
    assert "```python" in "".join(pieces)
    assert elapsed < 5


def test_cut_before_done_lacks_done(client: httpx.Client, relay: FakeRelay) -> None:
    relay.queue_fault(Fault.CUT_BEFORE_DONE, path_prefix="/v1/chat")
    _, text = read_stream(client, chat_body())
    events = data_events(text)
    assert events and "[DONE]" not in events
    assert relay.pending_faults == 0
    _, again = read_stream(client, chat_body())
    assert data_events(again)[-1] == "[DONE]"


def test_stream_splits_a_utf8_character_across_writes(relay: FakeRelay) -> None:
    payload = json.dumps(chat_body("kimi")).encode()
    request = (
        f"POST /v1/chat/completions HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        f"Authorization: Bearer {KEY}\r\nContent-Type: application/json\r\n"
        f"Content-Length: {len(payload)}\r\nConnection: close\r\n\r\n"
    ).encode() + payload
    with socket.create_connection(("127.0.0.1", relay.port), timeout=10) as sock:
        sock.sendall(request)
        raw = b""
        while chunk := sock.recv(65536):
            raw += chunk
    body = raw.split(b"\r\n\r\n", 1)[1]
    payloads = []
    while True:
        size_line, body = body.split(b"\r\n", 1)
        size = int(size_line, 16)
        if size == 0:
            break
        payloads.append(body[:size])
        body = body[size + 2 :]
    broken = 0
    for piece in payloads:
        try:
            piece.decode("utf-8")
        except UnicodeDecodeError:
            broken += 1
    assert broken >= 1
    assert b"".join(payloads).decode("utf-8").rstrip().endswith("data: [DONE]")


def test_reasoning_and_thinking_markers(client: httpx.Client) -> None:
    _, text = read_stream(client, chat_body("deepseek-reasoner"))
    chunks = [json.loads(e) for e in data_events(text)[:-1]]
    assert any(c["choices"] and c["choices"][0]["delta"].get("reasoning_content") for c in chunks)
    body = chat_body("deepseek2.5")
    body["stream"] = False
    reply = client.post("/v1/chat/completions", json=body).json()
    assert reply["id"] == "" and reply["model"] == "deepseek_chat"
    content = reply["choices"][0]["message"]["content"]
    assert content.startswith("[思考开始]\n") and "\n\n[思考结束]\n" in content
    assert reply["usage"] == {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2}


def test_queued_error_and_rate_limit(client: httpx.Client, relay: FakeRelay) -> None:
    relay.queue_error(503, "error_503_no_channel.json", path_prefix="/v1/chat")
    relay.queue_fault(Fault.RATE_LIMIT_429, retry_after=2)
    limited = client.get("/v1/models")
    assert limited.status_code == 429 and limited.headers["retry-after"] == "2"
    failed = client.post("/v1/chat/completions", json=chat_body())
    assert failed.status_code == 503
    assert failed.json()["error"]["code"] == "model_not_found"


@pytest.mark.parametrize("steps", [1, 3, 5])
def test_mj_task_finishes_after_poll_steps(
    client: httpx.Client, relay: FakeRelay, steps: int
) -> None:
    relay.poll_steps = steps
    submitted = client.post("/mj/submit/imagine", json={"prompt": "a cute cat --v 6.1"}).json()
    assert submitted["code"] == 1
    statuses = []
    for _ in range(steps):
        task = client.get(f"/mj/task/{submitted['result']}/fetch").json()
        statuses.append(task["status"])
    assert statuses[:-1] == [s for s in statuses[:-1] if s in ("NOT_START", "IN_PROGRESS")]
    assert statuses[-1] == "SUCCESS"
    assert len(task["buttons"]) == 9
    grid = httpx.get(task["imageUrl"])
    assert Image.open(io.BytesIO(grid.content)).size == (1024, 1024)


def test_suno_and_kling_reach_terminal_states(client: httpx.Client) -> None:
    song = client.post("/suno/submit/music", json={"gpt_description_prompt": "夏天的歌"}).json()
    failing = client.post("/suno/submit/music", json={"gpt_description_prompt": "fail please"})
    video = client.post("/kling/v1/videos/text2video", json={"prompt": "海边跳舞"}).json()
    for _ in range(3):
        music = client.get(f"/suno/fetch/{song['data']}").json()["data"]
        failed = client.get(f"/suno/fetch/{failing.json()['data']}").json()["data"]
        kling = client.get(f"/kling/v1/videos/text2video/{video['data']['task_id']}").json()
    assert music["status"] == "SUCCESS"
    assert all(clip["status"] == "complete" for clip in music["data"])
    assert failed["status"] == "FAILURE" and failed["fail_reason"]
    assert kling["data"]["task_status"] == "succeed"
    assert client.get("/suno/fetch/unknown").status_code == 404


def test_files_serve_webp_and_ranges(relay: FakeRelay) -> None:
    webp = httpx.get(f"{relay.base_url}/files/example.webp")
    assert webp.headers["content-type"] == "image/webp"
    assert int(webp.headers["content-length"]) == len(webp.content)
    image = Image.open(io.BytesIO(webp.content))
    assert image.format == "WEBP" and image.size == (512, 512)
    full = httpx.get(f"{relay.base_url}/files/song.mp3").content
    part = httpx.get(f"{relay.base_url}/files/song.mp3", headers={"Range": "bytes=100-199"})
    assert part.status_code == 206
    assert part.headers["content-range"] == f"bytes 100-199/{len(full)}"
    assert part.content == full[100:200]
    tail = httpx.get(f"{relay.base_url}/files/clip.mp4", headers={"Range": "bytes=-10"})
    assert tail.status_code == 206 and len(tail.content) == 10
    bad = httpx.get(f"{relay.base_url}/files/clip.mp4", headers={"Range": "bytes=99999999-"})
    assert bad.status_code == 416


def test_refuse_and_resume(client: httpx.Client, relay: FakeRelay) -> None:
    with relay.refuse(), pytest.raises(httpx.ConnectError):
        httpx.get(f"{relay.base_url}/v1/models", headers=AUTH)
    assert client.get("/v1/models").status_code == 200


def test_stop_interrupts_a_stalled_request(relay: FakeRelay) -> None:
    relay.queue_fault(Fault.STALL, seconds=30)
    errors: list[BaseException] = []

    def call() -> None:
        try:
            httpx.post(f"{relay.base_url}/v1/chat/completions", json=chat_body(), headers=AUTH,
                       timeout=20)  # fmt: skip
        except httpx.HTTPError as exc:
            errors.append(exc)

    worker = threading.Thread(target=call)
    worker.start()
    time.sleep(0.3)
    started = time.monotonic()
    relay.stop()
    worker.join(timeout=5)
    assert not worker.is_alive() and errors
    assert time.monotonic() - started < 3


def test_relay_notices_a_client_that_stops_reading(client: httpx.Client, relay: FakeRelay) -> None:
    relay.queue_fault(Fault.SLOW_TOKENS, delay=0.1)
    with client.stream("POST", "/v1/chat/completions", json=chat_body()) as response:
        lines = response.iter_lines()
        assert next(lines).startswith("data: ")
    deadline = time.monotonic() + 3
    while not relay.requests[-1].client_disconnected and time.monotonic() < deadline:
        time.sleep(0.05)
    assert relay.requests[-1].client_disconnected
