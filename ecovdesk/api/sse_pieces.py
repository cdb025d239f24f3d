"""Server-sent events taken from each received piece of text at once.

httpx-sse's ``aiter_sse`` resumes a generator for every line and another for every event; a
relay at full speed sends tens of thousands of events a second, and those resumptions cost
more than the events' own decoding. The rules for lines and fields stay httpx-sse's: its
decoders are used here directly, a received piece at a time.
"""

from __future__ import annotations

# The decoders are not exported by httpx-sse; pyproject.toml pins the versions that have them.
from httpx_sse._decoders import SSEDecoder, SSELineDecoder
from httpx_sse._models import ServerSentEvent


class EventPieces:
    """Cuts received text into events; an event cut between pieces comes with the later one."""

    def __init__(self) -> None:
        self._lines = SSELineDecoder()
        self._events = SSEDecoder()

    def feed(self, text: str) -> list[ServerSentEvent]:
        return self._decode(self._lines.decode(text))

    def end(self) -> list[ServerSentEvent]:
        """Events completed by the end of the body (a last line without its line end)."""
        return self._decode(self._lines.flush())

    def _decode(self, lines: list[str]) -> list[ServerSentEvent]:
        decode = self._events.decode
        return [event for event in map(decode, lines) if event is not None]
