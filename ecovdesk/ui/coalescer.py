"""Frequent updates shown in batches: the latest value per key, a bounded slice per turn.

Background work can report far faster than anyone can read, and often in bursts (every
running media job is polled on the same beat). Showing each report as it comes makes the
window do the same work many times over, and a burst of them at once is felt as a stall.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Hashable
from typing import Generic, TypeVar

from PySide6.QtCore import QObject, QTimer

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")


class Coalescer(Generic[K, V]):
    """Collects the latest value for each key and hands them over in batches.

    A value replaces any value for the same key not yet shown. Values are shown
    ``interval_ms`` after the first of a batch arrived, oldest key first, one at a time
    through ``show_one``; once a turn has spent ``budget_s`` on them, the rest wait for the
    next turn of the event loop, so other events (input, painting) get their share in
    between. ``shown`` then receives every value shown in that turn.
    """

    def __init__(
        self,
        show_one: Callable[[V], None],
        shown: Callable[[list[V]], None],
        *,
        interval_ms: int,
        budget_s: float,
        parent: QObject,
    ) -> None:
        self._show_one = show_one
        self._shown = shown
        self._interval_ms = interval_ms
        self._budget_s = budget_s
        self._pending: dict[K, V] = {}
        self._timer = QTimer(parent, singleShot=True)
        self._timer.timeout.connect(self.flush)

    def put(self, key: K, value: V) -> None:
        self._pending[key] = value
        if not self._timer.isActive():
            self._timer.start(self._interval_ms)

    def flush(self) -> None:
        """Show pending values, oldest first, until this turn's budget is spent."""
        started = time.perf_counter()
        done: list[V] = []
        while self._pending:
            key = next(iter(self._pending))
            value = self._pending.pop(key)
            self._show_one(value)
            done.append(value)
            if time.perf_counter() - started >= self._budget_s:
                break
        if self._pending:
            self._timer.start(0)
        if done:
            self._shown(done)
