"""The fake relay: a threaded HTTP/1.1 server on a loopback port."""

from __future__ import annotations

import contextlib
import json
import socket
import socketserver
import sys
import threading
import time
import traceback
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from typing import Any
from urllib.parse import parse_qsl, urlsplit

from . import examples
from .faults import (
    ActiveFault,
    Fault,
    FaultQueue,
    QueuedError,
    error_body_200,
    html_error_page,
)
from .media import MediaStore
from .routing import dispatch
from .tasks_kling import KlingStore
from .tasks_luma import LumaStore
from .tasks_mj import MjStore
from .tasks_runway import RunwayStore
from .tasks_suno import SunoStore

DEFAULT_MODELS = [
    "gpt-4o-mini", "gpt-4o", "gpt-4o-all", "deepseek-chat", "deepseek-reasoner", "deepseek-r1",
    "deepseek2.5", "kimi", "qwen", "glm4", "GLM-4-Flash", "concise", "detail", "research",
    "spark", "SparkDesk-v4.0", "hailuo", "gemini-2.5-flash-thinking", "dall-e-3", "flux-pro",
    "flux-schnell", "recraftv3", "mj_imagine", "suno_music", "mystery-model-x",
]  # fmt: skip


class HeaderDict(dict[str, str]):
    """Request headers with case-insensitive lookups (keys are stored lower-case)."""

    def __getitem__(self, key: str) -> str:
        return super().__getitem__(key.lower())

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and super().__contains__(key.lower())

    def get(self, key: str, default: Any = None) -> Any:
        return super().get(key.lower(), default)


@dataclass
class RecordedRequest:
    """One request as the relay received it."""

    method: str
    path: str
    query: dict[str, str]
    headers: HeaderDict
    body: bytes
    json: Any | None
    client_disconnected: bool = False
    # When it arrived (time.monotonic), so tests can see how long a client waited between tries.
    received_at: float = field(default_factory=time.monotonic)

    @property
    def has_authorization(self) -> bool:
        return "authorization" in self.headers


class _Refusal:
    """Returned by :meth:`FakeRelay.refuse`; leaving the ``with`` block resumes."""

    def __init__(self, relay: FakeRelay) -> None:
        self._relay = relay

    def __enter__(self) -> FakeRelay:
        return self._relay

    def __exit__(self, *exc: object) -> None:
        self._relay.resume()


class FakeRelay:
    """A real HTTP server imitating the ecovai relay, for end-to-end tests."""

    def __init__(
        self, api_key: str = "sk-test-key", *, token_delay: float = 0.02, poll_steps: int = 3
    ) -> None:
        self.api_key = api_key
        self.token_delay = token_delay
        self.poll_steps = poll_steps
        self.image_delay = 0.4
        self.log_requests = False
        self.requests: list[RecordedRequest] = []
        self.media = MediaStore()
        self.mj = MjStore()
        self.suno = SunoStore()
        self.luma = LumaStore()
        self.runway = RunwayStore()
        self.kling = KlingStore()
        self._faults = FaultQueue()
        self._models: list[str] | None = None
        self._port = 0
        self._server: _Server | None = None
        self._thread: threading.Thread | None = None
        self._wake = threading.Event()
        self._lock = threading.Lock()
        self._connections: set[socket.socket] = set()

    # lifecycle -------------------------------------------------------------

    def start(self, port: int = 0) -> FakeRelay:
        """Bind 127.0.0.1 (port 0 picks a free port) and serve in a daemon thread."""
        if self._server is not None:
            return self
        self._wake.clear()
        self._listen(port)
        return self

    def stop(self) -> None:
        self._wake.set()
        self._close_listener()
        self._drop_connections()

    def refuse(self) -> _Refusal:
        """Stop listening and drop open connections until :meth:`resume`."""
        self._close_listener()
        self._wake.set()
        self._wake.clear()
        self._drop_connections()
        return _Refusal(self)

    def resume(self) -> None:
        if self._server is None and self._port:
            self._listen(self._port)

    def __enter__(self) -> FakeRelay:
        return self.start() if self._server is None else self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()

    @property
    def port(self) -> int:
        return self._port

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self._port}"

    @property
    def media_base_url(self) -> str:
        """Where the media links point: the same server under another host name, so that,
        as with a real CDN, it is a different origin from the relay."""
        return f"http://localhost:{self._port}"

    # test controls ---------------------------------------------------------

    def queue_fault(self, fault: Fault, **params: Any) -> None:
        """Apply ``fault`` to the next request whose path starts with ``path_prefix``."""
        path_prefix = params.pop("path_prefix", None)
        self._faults.push(ActiveFault(fault, params), path_prefix)

    def queue_error(
        self,
        status: int,
        example: str,
        *,
        retry_after: float | None = None,
        path_prefix: str | None = None,
    ) -> None:
        """Answer the next matching request with ``status`` and the example file's body."""
        if not (examples.EXAMPLES_DIR / example).is_file():
            raise FileNotFoundError(f"no example named {example!r} in {examples.EXAMPLES_DIR}")
        self._faults.push(QueuedError(status, example, retry_after), path_prefix)

    def clear_faults(self) -> None:
        self._faults.clear()

    @property
    def pending_faults(self) -> int:
        return len(self._faults)

    def set_models(self, ids: list[str]) -> None:
        self._models = list(ids)

    @property
    def model_ids(self) -> list[str]:
        return list(self._models if self._models is not None else DEFAULT_MODELS)

    @property
    def open_connections(self) -> int:
        """Client connections the relay still holds, idle keep-alive ones included."""
        with self._lock:
            return len(self._connections)

    def requests_to(self, path_prefix: str, method: str | None = None) -> list[RecordedRequest]:
        return [
            r
            for r in list(self.requests)
            if r.path.startswith(path_prefix) and (method is None or r.method == method)
        ]

    def clear_requests(self) -> None:
        self.requests.clear()

    def sleep(self, seconds: float) -> bool:
        """Wait ``seconds``; False when stop() or refuse() interrupted the wait."""
        return not self._wake.wait(seconds)

    # internals -------------------------------------------------------------

    def _listen(self, port: int) -> None:
        server = _Server(("127.0.0.1", port), self)
        self._port = server.server_address[1]
        self._server = server
        self._thread = threading.Thread(
            target=server.serve_forever,
            kwargs={"poll_interval": 0.05},
            name=f"fakerelay-{self._port}",
            daemon=True,
        )
        self._thread.start()

    def _close_listener(self) -> None:
        server, thread = self._server, self._thread
        self._server = self._thread = None
        if server is not None:
            server.shutdown()
            server.server_close()
        if thread is not None:
            thread.join(timeout=5)

    def _track(self, sock: socket.socket, active: bool) -> None:
        with self._lock:
            if active:
                self._connections.add(sock)
            else:
                self._connections.discard(sock)

    def _drop_connections(self) -> None:
        with self._lock:
            connections = list(self._connections)
        for sock in connections:
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)

    def _take_fault(self, path: str) -> ActiveFault | QueuedError | None:
        return self._faults.take(path)

    def _record(self, handler: BaseHTTPRequestHandler, body: bytes) -> RecordedRequest:
        parts = urlsplit(handler.path)
        headers = HeaderDict((k.lower(), v) for k, v in handler.headers.items())
        parsed: Any = None
        if body:
            try:
                parsed = json.loads(body)
            except (ValueError, UnicodeDecodeError):
                parsed = None
        request = RecordedRequest(
            method=handler.command,
            path=parts.path,
            query=dict(parse_qsl(parts.query, keep_blank_values=True)),
            headers=headers,
            body=body,
            json=parsed,
        )
        self.requests.append(request)
        if self.log_requests:
            print(f"{request.method} {handler.path}", file=sys.stderr, flush=True)
        return request

    def _canned(
        self, item: ActiveFault | QueuedError, request: RecordedRequest | None = None
    ) -> tuple[int, bytes, str, dict[str, str]]:
        """Status, body, content type and headers for a response that skips routing."""
        json_type = "application/json; charset=utf-8"
        if isinstance(item, ActiveFault) and item.fault is Fault.REDIRECT:
            status = int(item.param("status", 307))
            return status, b"", "text/plain", {"Location": str(item.param("location", "/"))}
        if isinstance(item, ActiveFault) and item.fault is Fault.ECHO_KEY:
            sent = request.headers.get("authorization", "") if request is not None else ""
            error = {"error": {"message": f"无效的令牌 {sent}", "type": "new_api_error"}}
            return 401, json.dumps(error, ensure_ascii=False).encode(), json_type, {}
        if isinstance(item, QueuedError):
            headers = {}
            if item.retry_after is not None:
                headers["Retry-After"] = _seconds(item.retry_after)
            return item.status, examples.load_bytes(item.example), json_type, headers
        if item.fault in (Fault.HTML_502, Fault.HTML_504):
            code = 502 if item.fault is Fault.HTML_502 else 504
            return code, html_error_page(code), "text/html", {}
        if item.fault is Fault.RATE_LIMIT_429:
            retry = _seconds(float(item.param("retry_after", 1)))
            body = examples.load_bytes("error_429.json")
            return 429, body, json_type, {"Retry-After": retry}
        body = json.dumps(error_body_200(), ensure_ascii=False).encode()
        return 200, body, json_type, {}


def _seconds(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True
    server: _Server

    def version_string(self) -> str:
        return "nginx"

    def log_message(self, format: str, *args: Any) -> None:
        return

    def _handle(self) -> None:
        relay = self.server.relay
        try:
            body = self._read_body()
        except (OSError, ValueError):
            self.close_connection = True
            return
        request = relay._record(self, body)
        try:
            dispatch(relay, self, request)
        except Exception:
            self.close_connection = True
            traceback.print_exc(file=sys.stderr)

    def _read_body(self) -> bytes:
        if "chunked" in self.headers.get("Transfer-Encoding", "").lower():
            parts: list[bytes] = []
            while True:
                size = int(self.rfile.readline().split(b";")[0].strip() or b"0", 16)
                if size == 0:
                    while self.rfile.readline() not in (b"\r\n", b"\n", b""):
                        pass
                    return b"".join(parts)
                parts.append(self.rfile.read(size))
                self.rfile.readline()
        length = int(self.headers.get("Content-Length") or 0)
        return self.rfile.read(length) if length > 0 else b""

    do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = do_HEAD = do_OPTIONS = _handle


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, address: tuple[str, int], relay: FakeRelay) -> None:
        self.relay = relay
        super().__init__(address, _Handler)

    def server_bind(self) -> None:
        socketserver.TCPServer.server_bind(self)
        host, port = self.server_address[:2]
        self.server_name = str(host)
        self.server_port = int(port)

    def process_request(self, request: Any, client_address: Any) -> None:
        self.relay._track(request, True)
        super().process_request(request, client_address)

    def shutdown_request(self, request: Any) -> None:
        self.relay._track(request, False)
        super().shutdown_request(request)

    def handle_error(self, request: Any, client_address: Any) -> None:
        if self.relay.log_requests:
            traceback.print_exc(file=sys.stderr)
