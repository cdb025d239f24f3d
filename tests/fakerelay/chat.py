"""``POST /v1/chat/completions``: chunk and completion shapes per model family."""

from __future__ import annotations

import random
import string
import time
import uuid
from dataclasses import dataclass, field
from typing import Any

from . import chat_text as text
from .context import Ctx, Route, request_id, route
from .faults import Fault
from .wire import SseStream


class Ping:
    """Marks a ``: PING`` keep-alive comment in a list of events."""


PING = Ping()
Event = dict[str, Any] | Ping

DEEPSEEK_WEB = frozenset({"deepseek", "deepseek2.5", "deepseek-r1", "deepseek-think"})
METASO = frozenset({"concise", "detail", "research"})
FREE_API = frozenset({"qwen", "spark", "hailuo"})
FREE_USAGE = {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2}


def style_for(model: str) -> str:
    name = model.lower()
    if name == "deepseek-reasoner":
        return "reasoner"
    if "-thinking" in name:
        return "converted"
    if name in DEEPSEEK_WEB:
        return "deepseek_web"
    if name.startswith("kimi"):
        return "kimi"
    if name in METASO or name.endswith("-scholar"):
        return "metaso"
    if name.startswith("glm4"):
        return "glm"
    if name in FREE_API:
        return "free"
    if name == "gpt-4o-all":
        return "gpt4o_all"
    return "openai"


def _alnum(length: int, alphabet: str = string.ascii_letters + string.digits) -> str:
    return "".join(random.choices(alphabet, k=length))


@dataclass
class Reply:
    """Everything needed to answer one chat request, streamed or not."""

    style: str
    model: str
    reasoning: str = ""
    content: str = ""
    stream_prefix: list[str] = field(default_factory=list)
    stream_content: str | None = None
    # Set for ``#deltas=N``: the exact content deltas, sent at full speed.
    pieces: list[str] | None = None
    usage: dict[str, Any] = field(default_factory=dict)


def build_reply(ctx: Ctx, body: dict[str, Any], *, streaming: bool) -> Reply:
    model = str(body.get("model"))
    messages = body.get("messages") or []
    style = style_for(model)
    question = text.last_question(messages)
    images, files = text.attachment_counts(messages)
    turn = len(text.user_messages(messages))
    reply = Reply(style, model)
    answer = text.markdown_answer(question, turn=turn, images=images, files=files)
    deltas = text.requested_deltas(question)
    if deltas is not None:
        reply.pieces = text.long_answer_pieces(deltas)
        reply.content = "".join(reply.pieces)
    elif style in ("reasoner", "converted"):
        reply.reasoning, reply.content = text.reasoning_text(question), answer
    elif style == "deepseek_web":
        thought = text.reasoning_text(question)
        reply.content = f"[思考开始]\n{thought}\n\n[思考结束]\n{text.brief_answer(question)}"
    elif style == "kimi":
        reply.content = text.brief_answer(question)
        if body.get("use_search") is not False:
            reply.stream_prefix = text.kimi_search_lines(question)
            reply.stream_content = "\n" + reply.content
            reply.content += text.kimi_sources_suffix(question)
    elif style == "metaso":
        reply.content = text.metaso_answer(question)
    elif style == "glm":
        drawing = text.mentions(question, text.IMAGE_WORDS_GLM)
        url = ctx.file_url("glm-cat.png")
        reply.content = text.glm_image_content(url) if drawing else text.brief_answer(question)
    elif style == "gpt4o_all" and text.mentions(question, text.IMAGE_WORDS_GPT4O):
        line = text.gpt4o_image_prompt(question)
        url = ctx.file_url(picture_name(question))
        reply.content = text.gpt4o_image_content(line, url, progress=streaming)
    else:
        reply.content = answer
    if style in ("deepseek_web", "kimi", "metaso", "glm", "free"):
        reply.usage = dict(FREE_USAGE)
    else:
        completion = text.estimate_tokens(reply.content + reply.reasoning)
        prompt = text.prompt_tokens(messages)
        reply.usage = {
            "prompt_tokens": prompt,
            "completion_tokens": completion,
            "total_tokens": prompt + completion,
        }
        if reply.reasoning:
            reasoning_tokens = text.estimate_tokens(reply.reasoning)
            reply.usage["completion_tokens_details"] = {"reasoning_tokens": reasoning_tokens}
    return reply


# Words in a drawing request that make the relay link a broken or unusual picture.
PICTURE_CASES = {
    "expired": "broken/expired.webp",
    "corrupt": "broken/truncated.webp",
    "bomb": "broken/bomb.png",
    "mislabelled": "broken/page.webp",
    "animated": "animated.webp",
    "vector": "drawing.svg",
    "polyglot": "broken/polyglot.gif",
    "scripted": "broken/scripted.svg",
}


def picture_name(question: str) -> str:
    for word, name in PICTURE_CASES.items():
        if word in question.lower():
            return name.replace(".", f"-{_alnum(8)}.", 1) if name == "animated.webp" else name
    return _alnum(30) + ".webp"


def _converted_usage(usage: dict[str, Any]) -> dict[str, Any]:
    reasoning = usage.get("completion_tokens_details", {}).get("reasoning_tokens", 0)
    return {
        "prompt_tokens": usage["prompt_tokens"],
        "completion_tokens": usage["completion_tokens"],
        "total_tokens": usage["total_tokens"],
        "prompt_tokens_details": {
            "cached_tokens": 0, "text_tokens": 0, "audio_tokens": 0, "image_tokens": 0,
        },
        "completion_tokens_details": {
            "text_tokens": 0, "audio_tokens": 0, "reasoning_tokens": reasoning,
        },
        "input_tokens": 0,
        "output_tokens": 0,
        "input_tokens_details": None,
    }  # fmt: skip


def with_pings(events: list[Event], first: int = 20, every: int = 40) -> list[Event]:
    out: list[Event] = []
    for index, event in enumerate(events):
        if index == first or (index > first and (index - first) % every == 0):
            out.append(PING)
        out.append(event)
    return out


def stream_events(reply: Reply, include_usage: bool) -> list[Event]:
    """The SSE events (without ``[DONE]``) for ``reply`` in its family's shape."""
    now = int(time.time())
    content = reply.stream_content if reply.stream_content is not None else reply.content
    seed = reply.model + content[:40]
    if reply.pieces is not None:
        pieces = reply.pieces
    else:
        pieces = reply.stream_prefix + text.split_deltas(content, 100, seed)
    thoughts = text.split_deltas(reply.reasoning, 30, seed + "r")
    style = reply.style
    if style in ("openai", "gpt4o_all", "reasoner"):
        cid = f"chatcmpl-{_alnum(29)}" if style != "reasoner" else str(uuid.uuid4())

        def chunk(delta: dict[str, Any], finish: str | None = None) -> dict[str, Any]:
            choice = {"index": 0, "delta": delta, "logprobs": None, "finish_reason": finish}
            return {"id": cid, "object": "chat.completion.chunk", "created": now,
                    "model": reply.model, "system_fingerprint": "fp_0ba0d124f1",
                    "choices": [choice]}  # fmt: skip

        if style == "reasoner":
            events: list[Event] = [PING]
            events.append(chunk({"role": "assistant", "content": None, "reasoning_content": ""}))
            events += [chunk({"content": None, "reasoning_content": t}) for t in thoughts]
            events.append(PING)
            events += with_pings([chunk({"content": p, "reasoning_content": None}) for p in pieces])
            last = chunk({"content": "", "reasoning_content": None}, "stop")
            last["usage"] = reply.usage
            events.append(last)
        else:
            events = [chunk({"role": "assistant", "content": ""})]
            events += with_pings([chunk({"content": p}) for p in pieces])
            events.append(chunk({}, "stop"))
        if include_usage:
            usage_chunk = chunk({})
            usage_chunk["choices"] = []
            usage_chunk["usage"] = reply.usage
            events.append(usage_chunk)
        return events
    if style == "converted":
        cid = f"chatcmpl-{request_id()}"

        def conv(delta: dict[str, Any], finish: str | None = None) -> dict[str, Any]:
            choice = {"delta": delta, "logprobs": None, "finish_reason": finish, "index": 0}
            return {"id": cid, "object": "chat.completion.chunk", "created": now,
                    "model": reply.model, "system_fingerprint": None, "choices": [choice],
                    "usage": None}  # fmt: skip

        events = [conv({"content": "", "role": "assistant"})]
        events += [conv({"reasoning_content": t, "reasoning": t}) for t in thoughts]
        events.append(PING)
        events += with_pings([conv({"content": p}) for p in pieces])
        events.append(conv({}, "stop"))
        if include_usage:
            final = conv({})
            final["choices"], final["usage"] = [], _converted_usage(reply.usage)
            events.append(final)
        return events
    return _free_events(reply, pieces, now)


def _free_events(reply: Reply, pieces: list[str], now: int) -> list[Event]:
    """Chunks of the reverse-engineered "全能" adapters (kimi, glm, metaso, deepseek web…)."""
    style = reply.style
    ids = {"kimi": _alnum(20, string.ascii_lowercase + string.digits),
           "glm": uuid.uuid4().hex[:24], "metaso": str(random.randint(10**18, 10**19 - 1)),
           "deepseek_web": f"{uuid.uuid4()}@2"}  # fmt: skip
    cid = ids.get(style, uuid.uuid4().hex)
    segment = _alnum(20, string.ascii_lowercase + string.digits)

    def chunk(
        delta: dict[str, Any], finish: str | None = None, *, created: bool = True
    ) -> dict[str, Any]:
        event: dict[str, Any] = {
            "id": cid,
            "model": reply.model,
            "object": "chat.completion.chunk",
            "choices": [{"index": 0, "delta": delta, "finish_reason": finish}],
        }
        if style == "kimi":
            event["segment_id"] = segment
        if created:
            event["created"] = now
        return event

    if style == "deepseek_web":
        first = chunk({"role": "assistant", "content": ""})
        first["id"] = ""
        events: list[Event] = [first]
        for piece in _split_markers(pieces, reply.content):
            marker = piece.startswith("[思考开始]") or "[思考结束]" in piece
            events.append(chunk({"role": "assistant", "content": piece}, created=marker))
        last = chunk({"role": "assistant", "content": ""}, "stop")
    else:
        first = chunk({"role": "assistant", "content": ""})
        if style == "kimi":
            first["segment_id"] = ""
        events = [first]
        for piece in pieces:
            delta = {"content": piece}
            if style != "kimi":
                delta = {"role": "assistant", **delta}
            events.append(chunk(delta))
        last = chunk({}, "stop")
    last["usage"] = reply.usage
    events.append(last)
    return with_pings(events)


def _split_markers(pieces: list[str], content: str) -> list[str]:
    """Re-cut deepseek web pieces so each thinking marker is a chunk of its own."""
    start, end = "[思考开始]\n", "\n\n[思考结束]\n"
    if not content.startswith(start) or end not in content:
        return pieces
    thought, _, answer = content[len(start) :].partition(end)
    seed = content[:40]
    return [
        start,
        *text.split_deltas(thought, 20, seed),
        end,
        *text.split_deltas(answer, 20, seed + "a"),
    ]


def completion_body(reply: Reply) -> dict[str, Any]:
    """The non-stream ``chat.completion`` object."""
    now = int(time.time())
    message: dict[str, Any] = {"role": "assistant", "content": reply.content}
    style = reply.style
    if style in ("openai", "gpt4o_all", "reasoner", "converted"):
        if reply.reasoning:
            message["reasoning_content"] = reply.reasoning
        model = "" if reply.model == "GLM-4-Flash" else reply.model
        return {
            "id": str(uuid.uuid4()) if style == "reasoner" else f"chatcmpl-{_alnum(29)}",
            "object": "chat.completion",
            "created": now,
            "model": model,
            "choices": [
                {"index": 0, "message": message, "logprobs": None, "finish_reason": "stop"}
            ],
            "usage": reply.usage,
            "system_fingerprint": "fp_0ba0d124f1",
        }
    ids = {"kimi": _alnum(20, string.ascii_lowercase + string.digits),
           "glm": uuid.uuid4().hex[:24], "metaso": str(random.randint(10**18, 10**19 - 1)),
           "deepseek_web": ""}  # fmt: skip
    model = reply.model
    if style == "deepseek_web" and model in ("deepseek", "deepseek2.5"):
        model = "deepseek_chat"
    body: dict[str, Any] = {
        "id": ids.get(style, uuid.uuid4().hex),
        "model": model,
        "object": "chat.completion",
        "choices": [{"index": 0, "message": message, "finish_reason": "stop"}],
        "usage": reply.usage,
    }
    if style == "kimi":
        body["segment_id"] = _alnum(20, string.ascii_lowercase + string.digits)
    body["created"] = now
    return body


def huge_events(model: str, size_mb: float) -> list[Event]:
    block = "这是一段很长的重复内容，用来测试客户端对超大响应的处理。" * 400
    base: dict[str, Any] = {
        "id": f"chatcmpl-{_alnum(29)}",
        "object": "chat.completion.chunk",
        "created": int(time.time()),
        "model": model,
    }
    chunk = {**base, "choices": [{"index": 0, "delta": {"content": block}, "finish_reason": None}]}
    done = {**base, "choices": [{"index": 0, "delta": {}, "finish_reason": "stop"}]}
    count = max(1, int(size_mb * 1024 * 1024 / len(block.encode())))
    events: list[Event] = [chunk] * count
    events.append(done)
    return events


def chat_completions(ctx: Ctx) -> None:
    body = ctx.req.json
    if not isinstance(body, dict):
        ctx.error(400, "invalid request body: not a JSON object")
        return
    if not body.get("model"):
        ctx.error(400, "field model is required")
        return
    if not isinstance(body.get("messages"), list) or not body["messages"]:
        ctx.error(400, "field messages is required")
        return
    streaming = bool(body.get("stream"))
    wire = ctx.wire
    if not streaming:
        reply = completion_body(build_reply(ctx, body, streaming=False))
        if wire.is_fault(Fault.SLOW_TOKENS):
            wire.sleep(float(wire.fault_param("delay", 0.3)) * 100)
        ctx.reply(200, reply)
        return
    options = body.get("stream_options")
    include_usage = isinstance(options, dict) and bool(options.get("include_usage"))
    # A huge body and a ``#deltas=N`` reply go out as fast as the socket takes them.
    full_speed = wire.is_fault(Fault.HUGE_BODY)
    if full_speed:
        events = huge_events(str(body["model"]), float(wire.fault_param("size_mb", 32)))
    else:
        reply = build_reply(ctx, body, streaming=True)
        full_speed = reply.pieces is not None
        events = stream_events(reply, include_usage)
    slow = wire.is_fault(Fault.SLOW_TOKENS)
    total = sum(1 for e in events if not isinstance(e, Ping))
    split_delay = 0.0 if full_speed else min(0.005, max(0.001, ctx.relay.token_delay / 4))
    sse = SseStream(wire, total, split_delay=split_delay)
    for index, event in enumerate(events):
        if isinstance(event, Ping):
            sse.comment("PING")
            continue
        if index and not full_speed:
            delay = float(wire.fault_param("delay", 0.3)) if slow else ctx.relay.token_delay
            wire.sleep(delay)
        sse.event(event)
    sse.done()


def routes() -> list[Route]:
    return [route("POST", r"/v1/chat/completions", chat_completions)]
