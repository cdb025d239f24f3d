"""The benchmark's long reply replayed into the conversation view, the same work every time.

The streaming row compares the app with plain httpx on a machine whose speed drifts by tens of
milliseconds from one run to the next: too coarse for a change worth a few percent. This
replays the same 20,000-delta reply (the fake relay's own chunks, cut into the pieces network
reads bring) through the app's event cutting, chunk decoding and rendering, with a frame drawn
every few pieces instead of on a timer, so that each replay does exactly the same work. Under
callgrind, two versions of the code then compare to within a fraction of a percent:

    xvfb-run -a valgrind --tool=callgrind --callgrind-out-file=/tmp/cg.1 \\
        python -m tests.benchmarks.replay --runs 1
    (the same with --runs 3 and /tmp/cg.3)

Half the difference of the two totals (the ``summary:`` line of each file) is one replay,
without the start-up both runs share. Without valgrind it prints each replay's CPU time.
"""

from __future__ import annotations

import argparse
import codecs
import sys
import time

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication

from tests.fakerelay.chat import Ping, Reply, stream_events
from tests.fakerelay.chat_text import long_answer_pieces
from tests.fakerelay.wire import dumps

DELTAS = 20_000
# Pieces of the body as network reads bring them when the app reads at full speed.
PIECES = 110
FRAME_EVERY = 12


def stream_body(deltas: int) -> bytes:
    """The body the fake relay sends for ``#deltas=N``: its chunks, pings and ``[DONE]``."""
    pieces = long_answer_pieces(deltas)
    reply = Reply("openai", "gpt-4o-mini", content="".join(pieces), pieces=pieces)
    lines = [
        ": PING\n\n" if isinstance(event, Ping) else f"data: {dumps(event)}\n\n"
        for event in stream_events(reply, include_usage=False)
    ]
    return ("".join(lines) + "data: [DONE]\n\n").encode()


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m tests.benchmarks.replay")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--deltas", type=int, default=DELTAS)
    args = parser.parse_args()

    app = QApplication(sys.argv[:1])
    from ecovdesk.api import chat
    from ecovdesk.api.sse_pieces import EventPieces
    from ecovdesk.core.domain import Message, MessageState, Role
    from ecovdesk.ui.conversation_view import ConversationView
    from ecovdesk.ui.fonts import prefer_simplified_chinese
    from ecovdesk.ui.theme import apply_theme

    prefer_simplified_chinese(app)
    apply_theme(app, "light")
    body = stream_body(args.deltas)
    size = len(body) // PIECES + 1
    view = ConversationView()
    view.resize(1000, 750)
    view.show()
    app.processEvents()

    def replay(first_id: int) -> int:
        view.clear()
        app.processEvents()
        app.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        view.add_message(Message(first_id, 1, Role.USER, "写一篇很长的文章"))
        reply_id = first_id + 1
        view.add_message(Message(reply_id, 1, Role.ASSISTANT, "", state=MessageState.STREAMING))
        app.processEvents()
        bubble = view.bubble(reply_id)
        assert bubble is not None
        reader = EventPieces()
        decoder = codecs.getincrementaldecoder("utf-8")(errors="replace")
        texts: list[str] = []
        for index, start in enumerate(range(0, len(body), size)):
            events = reader.feed(decoder.decode(body[start : start + size]))
            # The client only words errors, and the relay's chunks hold none.
            piece = chat._read_piece(None, events)  # type: ignore[arg-type]
            text = "".join(delta.content for delta in piece.deltas)
            texts.append(text)
            view.append_delta(reply_id, text, "")
            if index % FRAME_EVERY == FRAME_EVERY - 1:
                # The frame the bubble's timer would draw, drawn now.
                bubble._render_timer.stop()
                bubble._render()
                app.processEvents()
        bubble._render_timer.stop()
        done = Message(reply_id, 1, Role.ASSISTANT, "".join(texts), state=MessageState.DONE)
        view.finish_message(done)
        app.processEvents()
        view.viewport().repaint()
        return len(bubble.body.toPlainText())

    for run in range(args.runs):
        started = time.thread_time()
        shown = replay(10 * (run + 1))
        cpu_ms = (time.thread_time() - started) * 1000
        print(f"replay {run + 1}: {cpu_ms:.0f} ms CPU, {shown} characters shown", flush=True)


if __name__ == "__main__":
    main()
