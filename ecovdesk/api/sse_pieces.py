"""Server-sent events taken from each received piece of text at once.

httpx-sse's ``aiter_sse`` resumes a generator for every line and another for every event, and
its decoders take two calls per event; a relay at full speed sends tens of thousands of
events a second, and that bookkeeping costs more than the events' own JSON. Here the text is
cut into whole events at blank lines, and the usual event, a single ``data:`` line, is read
on the spot. Every other event goes through httpx-sse's own decoder, so its rules (fields,
comments, ids, several data lines) stay the library's.
"""

from __future__ import annotations

# The decoder is not exported by httpx-sse; pyproject.toml pins the versions that have it.
from httpx_sse._decoders import SSEDecoder

# (event name, data). A plain tuple: tens of thousands are made a second, and an object per
# event costs more than cutting it out. Ids are left out: nothing here resumes a stream.
Event = tuple[str, str]
MESSAGE = "message"


class EventPieces:
    """Cuts received text into events; an event cut between pieces comes with the later one."""

    def __init__(self) -> None:
        self._decoder = SSEDecoder()
        # The text of the event not yet ended by a blank line, line ends already made "\n".
        self._tail = ""
        # A "\r" at the end of a piece may be half of a "\r\n" that the next piece completes.
        self._held_cr = False

    def feed(self, text: str) -> list[Event]:
        if self._held_cr:
            text = "\r" + text
            self._held_cr = False
        if text.endswith("\r"):
            text = text[:-1]
            self._held_cr = True
        if "\r" in text:
            text = text.replace("\r\n", "\n").replace("\r", "\n")
        blocks = (self._tail + text).split("\n\n")
        self._tail = blocks.pop()
        return self._events(blocks)

    def end(self) -> list[Event]:
        """Events completed by the end of the body: a last "\r" still ends a line. An event
        the body stops in the middle of is dropped, as the SSE rules say."""
        text = self._tail + ("\n" if self._held_cr else "")
        self._tail, self._held_cr = "", False
        blocks = text.split("\n\n")
        blocks.pop()
        return self._events(blocks)

    def _events(self, blocks: list[str]) -> list[Event]:
        events: list[Event] = []
        decode = self._decoder.decode
        for block in blocks:
            if block.startswith("data:") and "\n" not in block:
                value = block[5:]
                events.append((MESSAGE, value[1:] if value[:1] == " " else value))
                continue
            # Each line, then the blank line that ended the block and dispatches the event.
            for line in (*block.split("\n"), ""):
                event = decode(line)
                if event is not None:
                    events.append((event.event, event.data))
        return events
