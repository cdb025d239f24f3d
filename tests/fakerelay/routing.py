"""Request dispatch: faults, authentication, the route table and the small endpoints."""

from __future__ import annotations

import contextlib
import re
import sys
import traceback
from http.server import BaseHTTPRequestHandler
from typing import TYPE_CHECKING, Any

from . import (
    chat,
    examples,
    images,
    media,
    tasks_kling,
    tasks_luma,
    tasks_mj,
    tasks_runway,
    tasks_suno,
)
from .context import Ctx, Route, openai_error, route
from .faults import CANNED_FAULTS, ActiveFault, QueuedError
from .wire import ClientGone, ConnectionAborted, Wire

if TYPE_CHECKING:
    from .server import FakeRelay, RecordedRequest

MJ_MODE = re.compile(r"^/(?:fast|relax|turbo)(/mj/.*)$")
OWNERS = {"gpt": "openai", "dall-e": "openai", "deepseek": "deepseek", "mj_": "midjourney",
          "suno": "suno", "glm-": "zhipu", "gemini": "google", "sparkdesk": "xunfei"}  # fmt: skip
IMAGE_PREFIXES = ("dall-e", "flux", "recraft", "ideogram", "kling-image")


def model_entry(model_id: str) -> dict[str, Any]:
    lowered = model_id.lower()
    owner = next((o for p, o in OWNERS.items() if lowered.startswith(p)), "custom")
    kind = "image-generation" if lowered.startswith(IMAGE_PREFIXES) else "openai"
    return {"id": model_id, "object": "model", "created": 1626777600, "owned_by": owner,
            "supported_endpoint_types": [kind]}  # fmt: skip


def list_models(ctx: Ctx) -> None:
    body = examples.load("models.json")
    body["data"] = [model_entry(m) for m in ctx.relay.model_ids]
    ctx.reply(200, body)


def _example(name: str) -> Any:
    def handler(ctx: Ctx) -> None:
        ctx.reply(200, examples.load(name))

    return handler


def _routes() -> list[Route]:
    table = [
        route("GET", r"/v1/models", list_models),
        route("GET", r"/v1/dashboard/billing/subscription", _example("billing_subscription.json")),
        route("GET", r"/v1/dashboard/billing/usage", _example("billing_usage.json")),
        route("GET", r"/api/usage/token/?", _example("token_usage.json")),
    ]
    for module in (chat, images, tasks_mj, tasks_suno, tasks_luma, tasks_runway, tasks_kling):
        table += module.routes()
    return table + media.routes()


ROUTES = _routes()


def _normalize_key(value: str) -> str:
    value = value.strip()
    if value[:7].lower() == "bearer ":
        value = value[7:].strip()
    return value[3:] if value.startswith("sk-") else value


def authorized(relay: FakeRelay, request: RecordedRequest, path: str) -> bool:
    expected = _normalize_key(relay.api_key)
    offered = [request.headers.get("authorization")]
    if path.startswith("/mj/"):
        offered.append(request.headers.get("mj-api-secret"))
    return any(isinstance(v, str) and v.strip() and _normalize_key(v) == expected for v in offered)


def find_route(method: str, path: str) -> tuple[Route, dict[str, str]] | None:
    for candidate in ROUTES:
        found = candidate.pattern.fullmatch(path)
        if found and method in candidate.methods:
            params = {k: v for k, v in found.groupdict().items() if v is not None}
            return candidate, params
    return None


def _run(wire: Wire, request: RecordedRequest, handler: BaseHTTPRequestHandler, job: Any) -> None:
    try:
        job()
    except ClientGone:
        request.client_disconnected = True
        handler.close_connection = True
    except ConnectionAborted:
        handler.close_connection = True
    except Exception:
        traceback.print_exc(file=sys.stderr)
        handler.close_connection = True
        if wire.status is None:
            error = openai_error("fake relay internal error", type_="fake_relay_error")
            with contextlib.suppress(ConnectionAborted):
                wire.send_json(500, error, {"Connection": "close"})


def dispatch(relay: FakeRelay, handler: BaseHTTPRequestHandler, request: RecordedRequest) -> None:
    """Answer one recorded request (faults first, then auth, then the route)."""
    head_only = request.method == "HEAD"
    item = relay._take_fault(request.path)
    if item is not None and (isinstance(item, QueuedError) or item.fault in CANNED_FAULTS):
        status, body, content_type, headers = relay._canned(item, request)
        wire = Wire(handler, None, relay.sleep, head_only=head_only)
        _run(wire, request, handler, lambda: wire.send_bytes(status, body, content_type, headers))
        return
    fault = item if isinstance(item, ActiveFault) else None
    wire = Wire(handler, fault, relay.sleep, head_only=head_only)
    mode = MJ_MODE.match(request.path)
    path = mode.group(1) if mode else request.path
    found = find_route(request.method, path)
    if found is None:
        ctx = Ctx(relay, request, wire)
        message = f"Invalid URL ({request.method} {request.path})"
        _run(wire, request, handler, lambda: ctx.error(404, message))
        return
    matched, params = found
    ctx = Ctx(relay, request, wire, params)
    if matched.auth and not authorized(relay, request, path):
        _run(wire, request, handler, lambda: ctx.reply(401, examples.load("error.json")))
        return
    _run(wire, request, handler, lambda: matched.handler(ctx))
