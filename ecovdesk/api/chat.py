"""Chat completions: request bodies, SSE streaming and non-streamed answers."""

from __future__ import annotations

import asyncio
import codecs
import contextlib
import json
import time
from collections.abc import AsyncGenerator, Mapping
from contextlib import aclosing
from dataclasses import dataclass, field
from typing import Any

import httpx
import orjson
from httpx_sse import aconnect_sse

from ecovdesk.api.errors import ErrorKind, RelayError, relay_message
from ecovdesk.api.http import (
    DEFAULT_MAX_BYTES,
    answer_cut_off,
    body_error,
    ensure_success,
    is_error_object,
    parse_json,
    read_capped,
    request_json,
    transport_errors,
)
from ecovdesk.api.received import received_together
from ecovdesk.api.sse_pieces import Event, EventPieces
from ecovdesk.api.values import integer, mapping, objects

CHAT_PATH = "/v1/chat/completions"
DONE = "[DONE]"
# The reverse-engineered 全能 models always report this instead of real counts.
_PLACEHOLDER_USAGE = (1, 1, 2)


@dataclass(frozen=True)
class TokenUsage:
    prompt_tokens: int
    completion_tokens: int
    total_tokens: int
    reasoning_tokens: int | None = None

    @property
    def is_placeholder(self) -> bool:
        counts = (self.prompt_tokens, self.completion_tokens, self.total_tokens)
        return counts == _PLACEHOLDER_USAGE or counts == (0, 0, 0)


@dataclass(frozen=True)
class ChatDelta:
    content: str = ""
    reasoning: str = ""
    usage: TokenUsage | None = None
    finish_reason: str | None = None


@dataclass(frozen=True)
class ChatResult:
    content: str
    reasoning: str
    usage: TokenUsage | None
    model: str
    finish_reason: str | None


def text_part(text: str) -> dict[str, Any]:
    return {"type": "text", "text": text}


def image_part(url: str) -> dict[str, Any]:
    return {"type": "image_url", "image_url": {"url": url}}


def file_part(url: str) -> dict[str, Any]:
    """A document for the 全能 models; ``url`` may be https or a ``data:`` URL."""
    return {"type": "file", "file_url": {"url": url}}


def build_chat_body(
    model: str,
    messages: list[dict[str, Any]],
    *,
    stream: bool,
    temperature: float | None = None,
    max_tokens: int | None = None,
    extra: Mapping[str, Any] | None = None,
) -> dict[str, Any]:
    body: dict[str, Any] = {"model": model, "messages": list(messages), "stream": stream}
    if stream:
        # Without this the relay sends no usage at all for streamed answers.
        body["stream_options"] = {"include_usage": True}
    if temperature is not None:
        body["temperature"] = temperature
    if max_tokens is not None:
        body["max_tokens"] = max_tokens
    for key, value in (extra or {}).items():
        if value is not None:
            body[key] = value
    return body


def parse_usage(value: Any) -> TokenUsage | None:
    """Token counts in the OpenAI form, or the input/output form some converted answers use."""
    if not isinstance(value, Mapping):
        return None
    prompt = integer(value.get("prompt_tokens")) or integer(value.get("input_tokens")) or 0
    completion = integer(value.get("completion_tokens")) or integer(value.get("output_tokens")) or 0
    total = integer(value.get("total_tokens")) or prompt + completion
    details = mapping(value.get("completion_tokens_details"))
    # Relay-built answers zero-fill this key for every model, so 0 means "not reported".
    reasoning = integer(details.get("reasoning_tokens")) or None
    return TokenUsage(prompt, completion, total, reasoning)


def _text(value: Any) -> str:
    """Message content: a string, null, or (some providers) a list of text parts."""
    if isinstance(value, str):
        return value
    if isinstance(value, list):
        return "".join(part["text"] for part in objects(value) if isinstance(part.get("text"), str))
    return ""


def _reasoning(holder: Mapping[str, Any]) -> str:
    # Relay-built streams put the same text in both keys; showing both would double it.
    return _text(holder.get("reasoning_content")) or _text(holder.get("reasoning"))


def _finish_reason(choice: Mapping[str, Any]) -> str | None:
    reason = choice.get("finish_reason")
    return reason if isinstance(reason, str) and reason else None


def _first_choice(body: Mapping[str, Any]) -> Mapping[str, Any]:
    choices = objects(body.get("choices"))
    return choices[0] if choices else {}


def _plain_text(chunk: Any) -> str | None:
    """The text of the usual chunk, ``{"choices":[{"delta":{"content":"…"}}]}``, or None for
    any other shape (usage, thinking, a finish, an error, odd types): those take the general
    path. Nearly every chunk of a long answer has this shape, and the general path's helpers
    cost more per chunk than decoding its JSON does."""
    if type(chunk) is not dict or "error" in chunk or chunk.get("usage") is not None:
        return None
    choices = chunk.get("choices")
    if type(choices) is not list or not choices:
        return None
    choice = choices[0]
    if type(choice) is not dict or choice.get("finish_reason") is not None:
        return None
    delta = choice.get("delta")
    if (
        type(delta) is not dict
        or delta.get("reasoning_content") is not None
        or delta.get("reasoning") is not None
    ):
        return None
    content = delta.get("content")
    return content if type(content) is str else None


def _delta_from_chunk(chunk: Mapping[str, Any]) -> ChatDelta | None:
    choice = _first_choice(chunk)
    # A few adapters put ``message`` where ``delta`` belongs.
    delta = mapping(choice.get("delta")) or mapping(choice.get("message"))
    result = ChatDelta(
        content=_text(delta.get("content")),
        reasoning=_reasoning(delta),
        usage=parse_usage(chunk.get("usage")),
        finish_reason=_finish_reason(choice),
    )
    return None if result == ChatDelta() else result


def _result_from_completion(body: Any, requested_model: str) -> ChatResult:
    if not isinstance(body, Mapping) or not objects(body.get("choices")):
        raise RelayError(ErrorKind.MALFORMED, detail="The answer holds no choices")
    choice = _first_choice(body)
    message = mapping(choice.get("message")) or mapping(choice.get("delta"))
    model = body.get("model")
    return ChatResult(
        content=_text(message.get("content")),
        reasoning=_reasoning(message),
        usage=parse_usage(body.get("usage")),
        # Some upstreams answer with an empty model name.
        model=model if isinstance(model, str) and model else requested_model,
        finish_reason=_finish_reason(choice),
    )


def _requested_model(body: Mapping[str, Any]) -> str:
    model = body.get("model")
    return model if isinstance(model, str) else ""


async def complete_chat(client: httpx.AsyncClient, body: dict[str, Any]) -> ChatResult:
    """One non-streamed chat completion."""
    request = {key: value for key, value in body.items() if key != "stream_options"}
    request["stream"] = False
    answer = await request_json(client, "POST", CHAT_PATH, json=request)
    return _result_from_completion(answer, _requested_model(body))


_JSON = json.JSONDecoder()


def _decode_chunk(data: str) -> Any:
    """``data`` (already stripped) as JSON.

    A fast stream is tens of thousands of chunks, and decoding them is most of what reading
    it costs after HTTP itself: orjson does it in half the time of the standard decoder.
    What orjson refuses (NaN, escaped lone surrogates) the standard decoder still reads, so
    no chunk is refused that was read before. orjson gives integers past 64 bits as floats;
    none of the fields read here (text, usage, finish reason) holds numbers that large.
    """
    try:
        return orjson.loads(data)
    except orjson.JSONDecodeError:
        pass
    try:
        chunk, end = _JSON.raw_decode(data)
    except ValueError as exc:
        raise _not_json(data) from exc
    if end != len(data) and data[end:].strip(" \t\r\n"):
        raise _not_json(data)
    return chunk


def _not_json(data: str) -> RelayError:
    return RelayError(
        ErrorKind.MALFORMED, detail=f"The stream sent a line that is not JSON: {data[:200]}"
    )


def _check_chunk(client: httpx.AsyncClient, chunk: Any) -> Mapping[str, Any]:
    if not isinstance(chunk, Mapping):
        raise RelayError(ErrorKind.MALFORMED, detail="The stream sent a line that is not an object")
    error = chunk.get("error")
    if isinstance(error, Mapping) or (isinstance(error, str) and error):
        # Mid-stream failures are the upstream's, whatever their wording.
        found = body_error(client, chunk)
        raise RelayError(ErrorKind.UPSTREAM, found.message, code=found.code)
    return chunk


def _error_event(client: httpx.AsyncClient, data: str) -> RelayError:
    """An ``event: error`` frame, whose data may be an error object or plain text."""
    try:
        body = json.loads(data)
    except ValueError:
        body = None
    found = body_error(client, body) if relay_message(body) else None
    if found is not None:
        return RelayError(ErrorKind.UPSTREAM, found.message, code=found.code)
    return RelayError(ErrorKind.UPSTREAM, data[:500])


def _interrupted() -> RelayError:
    return RelayError(ErrorKind.INTERRUPTED, detail="The answer stopped before it was complete")


# The longest real answers (about 128k tokens, thinking included) stay well below this; a
# stream past it is a runaway upstream, and reading on would only fill memory and the disk.
MAX_REPLY_CHARS = 2_000_000
# Event streams are verbose (a whole JSON object per token), so their bytes get more room.
MAX_STREAM_BYTES = 200_000_000


def _too_long() -> RelayError:
    return RelayError(
        ErrorKind.TOO_LONG,
        detail="The answer grew far beyond any real reply; the rest was not read",
    )


DRAIN_SECONDS = 2.0
# A relay that sends faster than the answer is read fills the socket, and reading from a full
# socket never waits: without a pause of its own the reading would keep the event loop (and
# the window, on the same thread) from everything else until it caught up.
HAND_BACK_SECONDS = 0.01


async def _read_to_end(events: AsyncGenerator[Any, None]) -> None:
    """Read what follows ``[DONE]`` (normally just the end of the body).

    Finishing the body lets httpx's own generators end in this task; abandoned half-way, they
    would be closed later by the garbage collector, outside any task.
    """
    with contextlib.suppress(TimeoutError, httpx.HTTPError):
        async with asyncio.timeout(DRAIN_SECONDS):
            async for _ in events:
                pass


@dataclass
class _Piece:
    """What the events of one received piece hold, in the order to pass it on."""

    deltas: list[ChatDelta] = field(default_factory=list)
    error: RelayError | None = None
    done: bool = False


def _read_piece(client: httpx.AsyncClient, events: list[Event]) -> _Piece:
    """The deltas of ``events``; plain text in a row becomes one delta, since a fast relay
    sends thousands of one-word events a second and each delta costs its reader the same.
    Reading stops at ``[DONE]`` or the first error, after the text before it."""
    piece = _Piece()
    text: list[str] = []
    for name, raw in events:
        data = raw.strip()
        if not data:
            continue
        if data == DONE:
            piece.done = True
            break
        try:
            if name == "error":
                raise _error_event(client, data)
            chunk = _decode_chunk(data)
            plain = _plain_text(chunk)
            if plain is not None:
                if plain:
                    text.append(plain)
                continue
            delta = _delta_from_chunk(_check_chunk(client, chunk))
        except RelayError as error:
            piece.error = error
            break
        if delta is not None:
            if text:
                piece.deltas.append(ChatDelta("".join(text)))
                text = []
            piece.deltas.append(delta)
    if text:
        piece.deltas.append(ChatDelta("".join(text)))
    return piece


def _piece_from_buffer(client: httpx.AsyncClient, content: bytes) -> _Piece:
    """What an answer that is not ``text/event-stream`` holds.

    Usually it is a plain completion (the relay ignored ``stream``); sometimes it is an
    event stream sent with the wrong content type, read as any other.
    """
    text = content.decode("utf-8", errors="replace").lstrip("\ufeff")
    if not text.lstrip().startswith(("data:", ":")):
        body = parse_json(content)
        if is_error_object(body):
            raise body_error(client, body, status=200)
        result = _result_from_completion(body, "")
        delta = ChatDelta(result.content, result.reasoning, result.usage, result.finish_reason)
        return _Piece([delta], done=True)
    reader = EventPieces()
    return _read_piece(client, reader.feed(text) + reader.end())


async def _event_pieces(response: httpx.Response) -> AsyncGenerator[list[Event], None]:
    """The events of each piece received, in one list per piece."""
    reader = EventPieces()
    # SSE is UTF-8 by definition, whatever charset the relay claims. Decoded here rather than
    # by aiter_text, whose re-chunking adds a generator step to each of thousands of pieces.
    text = codecs.getincrementaldecoder("utf-8")(errors="replace")
    async with aclosing(received_together(response.aiter_bytes())) as pieces:
        async for piece in pieces:
            yield reader.feed(text.decode(piece))
    yield reader.feed(text.decode(b"", final=True)) + reader.end()


async def stream_chat(
    client: httpx.AsyncClient, body: dict[str, Any]
) -> AsyncGenerator[ChatDelta, None]:
    """Stream a chat completion as deltas.

    Everything received is yielded before a failure is raised, so a cut-off answer keeps
    its text; an answer that ends without ``[DONE]`` raises INTERRUPTED.
    """
    with transport_errors(client):
        async with aconnect_sse(client, "POST", CHAT_PATH, json=body) as source:
            response = source.response
            await ensure_success(response)
            content_type = response.headers.get("content-type", "").lower()
            if "text/event-stream" in content_type:
                with answer_cut_off(client):
                    async with aclosing(_stream_events(client, response)) as deltas:
                        async for delta in deltas:
                            yield delta
                return
            with answer_cut_off(client):
                content = await read_capped(response, DEFAULT_MAX_BYTES)
    piece = _piece_from_buffer(client, content)
    for delta in piece.deltas:
        yield delta
    if piece.error is not None:
        raise piece.error
    if not piece.done:
        raise _interrupted()


async def _stream_events(
    client: httpx.AsyncClient, response: httpx.Response
) -> AsyncGenerator[ChatDelta, None]:
    """The deltas of an event stream, up to ``[DONE]``; INTERRUPTED if it ends before."""
    async with aclosing(_event_pieces(response)) as pieces:
        received = 0
        handed_back = time.monotonic()
        try:
            async for events in pieces:
                if time.monotonic() - handed_back >= HAND_BACK_SECONDS:
                    await asyncio.sleep(0)
                    handed_back = time.monotonic()
                if response.num_bytes_downloaded > MAX_STREAM_BYTES:
                    raise _too_long()
                piece = _read_piece(client, events)
                for delta in piece.deltas:
                    received += len(delta.content) + len(delta.reasoning)
                    if received > MAX_REPLY_CHARS:
                        raise _too_long()
                    yield delta
                if piece.error is not None:
                    raise piece.error
                if piece.done:
                    await _read_to_end(pieces)
                    return
        except BaseException:
            # Leaving early drops httpx's own generators under ours. Closing the response
            # before they are collected ends the connection here, in this task; an event
            # loop without an async-generator finalizer (qasync) would otherwise leave it
            # busy in the pool for good. The reading task stops first, so that it is not
            # left reading a closed response.
            await pieces.aclose()
            await response.aclose()
            raise
    raise _interrupted()
