"""When a streaming reply is drawn next.

A frame costs a fixed part (the block still being written, the parts laid out again, the
repaint) and a part in proportion to the text it adds. A slow reply is drawn every
MIN_INTERVAL_MS so that it reads as live. A fast one would pay the fixed part dozens of times
a second for text no one can read at that pace, so frames are spaced by their own cost (the
window keeps answering in between) and let the text they add grow; but never past
FRAME_BUDGET_MS of work: text that would cost that much is drawn at once rather than left to
grow into a stall, which also keeps the last frame, when the reply ends, as small.
"""

from __future__ import annotations

import time
from collections.abc import Callable

MIN_INTERVAL_MS = 50
# A frame waits this many times the last one's duration, so the window keeps answering
# however slow drawing gets.
BACKOFF = 3
FRAME_BUDGET_MS = 20.0
# The cost of a character until a frame of some size has been measured.
FIRST_MS_PER_CHAR = 0.005
# The cost of a smaller frame says more about its fixed part than about its text.
MEASURED_CHARS = 1000


class RenderPacing:
    """The delay before each frame, from the text waiting and the frames already drawn."""

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self._clock = clock
        self._pending = 0
        self._interval_ms = float(MIN_INTERVAL_MS)
        self._ms_per_char = FIRST_MS_PER_CHAR
        self._last_frame = -1e9

    def delay_ms(self, added_chars: int) -> int:
        """Text arrived: how long from now to wait before drawing it."""
        self._pending += added_chars
        if self._pending * self._ms_per_char >= FRAME_BUDGET_MS:
            return 0
        waited_ms = (self._clock() - self._last_frame) * 1000
        return max(0, round(self._interval_ms - waited_ms))

    def take_pending(self) -> int:
        """A frame begins: the number of characters it draws that were waiting."""
        chars, self._pending = self._pending, 0
        return chars

    def frame_done(self, cost_ms: float, chars: int) -> None:
        """A frame that drew ``chars`` new characters took ``cost_ms``."""
        self._last_frame = self._clock()
        self._interval_ms = max(float(MIN_INTERVAL_MS), cost_ms * BACKOFF)
        if chars >= MEASURED_CHARS:
            self._ms_per_char = cost_ms / chars
