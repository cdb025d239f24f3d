"""Writing HTTP responses (plain, chunked and SSE) with transport faults applied."""

from __future__ import annotations

import gzip
import json
import socket
import struct
import time
import zlib
from collections.abc import Callable, Mapping
from http.server import BaseHTTPRequestHandler
from typing import Any

from .faults import ActiveFault, Fault, malformed, truncated

JSON_TYPE = "application/json; charset=utf-8"
CHUNK = 64 * 1024


class ConnectionAborted(Exception):
    """Ends the current request and drops its connection."""


class ClientGone(ConnectionAborted):
    """The client closed the connection while the relay was writing."""


def dumps(obj: Any) -> str:
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"))


class Wire:
    """Response writer for one request; applies the transport fault, if any."""

    def __init__(
        self,
        handler: BaseHTTPRequestHandler,
        fault: ActiveFault | None,
        sleep: Callable[[float], bool],
        *,
        head_only: bool = False,
    ) -> None:
        self.handler = handler
        self.fault = fault
        self._sleep = sleep
        self.head_only = head_only
        self.status: int | None = None

    def is_fault(self, kind: Fault) -> bool:
        return self.fault is not None and self.fault.fault is kind

    def fault_param(self, name: str, default: Any) -> Any:
        return self.fault.param(name, default) if self.fault is not None else default

    def sleep(self, seconds: float) -> None:
        """Sleep, aborting the request when the relay stops or starts refusing."""
        if seconds > 0 and not self._sleep(seconds):
            raise ConnectionAborted("relay interrupted")

    def send_raw(self, data: bytes) -> None:
        if not data:
            return
        try:
            if self.is_fault(Fault.DRIP):
                delay = float(self.fault_param("delay", 0.00005))
                for index in range(len(data)):
                    self.handler.wfile.write(data[index : index + 1])
                    time.sleep(delay)
            else:
                self.handler.wfile.write(data)
        except OSError as exc:
            raise ClientGone(str(exc)) from exc

    def send_head(self, status: int, headers: Mapping[str, str]) -> None:
        self.status = status
        try:
            self.handler.send_response(status)
            for name, value in headers.items():
                self.handler.send_header(name, value)
            self.handler.end_headers()
        except OSError as exc:
            raise ClientGone(str(exc)) from exc

    def reset(self) -> None:
        """Abort the TCP connection with a RST."""
        sock = self.handler.connection
        try:
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            sock.close()
        except OSError:
            pass
        raise ConnectionAborted("connection reset")

    def close_quietly(self) -> None:
        self.handler.close_connection = True
        raise ConnectionAborted("connection closed")

    def stall(self) -> None:
        self.sleep(float(self.fault_param("seconds", 30.0)))
        self.close_quietly()

    def send_json(self, status: int, obj: Any, headers: Mapping[str, str] | None = None) -> None:
        text = dumps(obj)
        if self.is_fault(Fault.HUGE_BODY):
            self._send_huge_json(status, text, headers or {})
            return
        if self.is_fault(Fault.MALFORMED_JSON):
            text = malformed(text)
        elif self.is_fault(Fault.TRUNCATED_JSON):
            text = truncated(text)
        self.send_bytes(status, text.encode("utf-8"), JSON_TYPE, headers)

    def send_bytes(
        self,
        status: int,
        body: bytes,
        content_type: str,
        headers: Mapping[str, str] | None = None,
    ) -> None:
        all_headers = {"Content-Type": content_type}
        all_headers.update(headers or {})
        if self.is_fault(Fault.HUGE_BODY) and not self.head_only:
            self._send_huge_bytes(status, body, all_headers)
            return
        if self.is_fault(Fault.GZIP):
            body = gzip.compress(body)
            all_headers["Content-Encoding"] = "gzip"
        all_headers["Content-Length"] = str(len(body))
        cut = self.is_fault(Fault.CUT_BEFORE_DONE) or self.is_fault(
            Fault.CONNECTION_RESET_MID_STREAM
        )
        if cut or self.is_fault(Fault.STALL):
            all_headers["Connection"] = "close"
        self.send_head(status, all_headers)
        if self.head_only:
            return
        if self.is_fault(Fault.STALL):
            self.stall()
        if cut:
            self.send_raw(body[: len(body) // 2])
            if self.is_fault(Fault.CONNECTION_RESET_MID_STREAM):
                self.reset()
            self.close_quietly()
        self.send_raw(body)

    def _send_huge_json(self, status: int, text: str, headers: Mapping[str, str]) -> None:
        size = int(float(self.fault_param("size_mb", 32)) * 1024 * 1024)
        stream = ChunkedStream(self, status, {"Content-Type": JSON_TYPE, **headers})
        stream.write(b'{"padding":"')
        block = b"x" * CHUNK
        sent = 0
        while sent < size:
            stream.write(block)
            sent += len(block)
        if text.startswith("{") and text != "{}":
            stream.write(b'",' + text[1:].encode("utf-8"))
        else:
            stream.write(b'"}')
        stream.finish()

    def _send_huge_bytes(self, status: int, body: bytes, headers: dict[str, str]) -> None:
        size = int(float(self.fault_param("size_mb", 32)) * 1024 * 1024)
        headers.pop("Content-Length", None)
        stream = ChunkedStream(self, status, headers)
        stream.write(body)
        block = bytes(CHUNK)
        sent = len(body)
        while sent < size:
            stream.write(block)
            sent += len(block)
        stream.finish()


class ChunkedStream:
    """A ``Transfer-Encoding: chunked`` body; every write is flushed at once."""

    def __init__(self, wire: Wire, status: int, headers: Mapping[str, str]) -> None:
        self.wire = wire
        all_headers = dict(headers)
        all_headers["Transfer-Encoding"] = "chunked"
        self._gzip: Any = None
        if wire.is_fault(Fault.GZIP):
            all_headers["Content-Encoding"] = "gzip"
            self._gzip = zlib.compressobj(6, zlib.DEFLATED, 31)
        wire.send_head(status, all_headers)
        if wire.is_fault(Fault.STALL):
            wire.stall()

    def write(self, data: bytes) -> None:
        if self._gzip is not None:
            data = self._gzip.compress(data) + self._gzip.flush(zlib.Z_SYNC_FLUSH)
        if data:
            self.wire.send_raw(b"%x\r\n" % len(data) + data + b"\r\n")

    def finish(self) -> None:
        if self._gzip is not None:
            tail = self._gzip.flush(zlib.Z_FINISH)
            self._gzip = None
            if tail:
                self.wire.send_raw(b"%x\r\n" % len(tail) + tail + b"\r\n")
        self.wire.send_raw(b"0\r\n\r\n")


def utf8_split_point(data: bytes) -> int | None:
    """Index inside the first multi-byte UTF-8 character of ``data``, if any."""
    for index, byte in enumerate(data):
        if byte >= 0xC0:
            return index + 1
    return None


class SseStream:
    """A ``text/event-stream`` response that knows how long the reply will be."""

    def __init__(self, wire: Wire, total_events: int, *, split_delay: float = 0.005) -> None:
        self.wire = wire
        self.total = max(1, total_events)
        self.sent = 0
        self.split_delay = split_delay
        headers = {
            "Content-Type": "text/event-stream",
            "Cache-Control": "no-cache",
            "X-Accel-Buffering": "no",
        }
        if wire.is_fault(Fault.CUT_BEFORE_DONE) or wire.is_fault(Fault.CONNECTION_RESET_MID_STREAM):
            headers["Connection"] = "close"
        self.body = ChunkedStream(wire, 200, headers)
        self._corrupt_at = max(2, self.total // 2)

    def event(self, payload: Any) -> None:
        """Send one ``data:`` event; a dict is JSON-encoded, a str is sent as is."""
        self.sent += 1
        wire = self.wire
        after = int(wire.fault_param("after", self.total // 2))
        if wire.is_fault(Fault.CONNECTION_RESET_MID_STREAM) and self.sent > after:
            wire.reset()
        if wire.is_fault(Fault.CUT_BEFORE_DONE) and self.sent > self.total // 2:
            self.body.finish()
            wire.close_quietly()
        text = payload if isinstance(payload, str) else dumps(payload)
        if self.sent == self._corrupt_at:
            if wire.is_fault(Fault.MALFORMED_JSON):
                text = malformed(text)
            elif wire.is_fault(Fault.TRUNCATED_JSON):
                text = truncated(text)
        data = f"data: {text}\n\n".encode()
        split = utf8_split_point(data)
        if split is None or self.split_delay <= 0:
            self.body.write(data)
            return
        self.body.write(data[:split])
        wire.sleep(self.split_delay)
        self.body.write(data[split:])

    def comment(self, text: str = "PING") -> None:
        self.body.write(f": {text}\n\n".encode())

    def done(self) -> None:
        self.event("[DONE]")
        self.body.finish()
