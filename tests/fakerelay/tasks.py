"""Shared machinery of the asynchronous task families: storage and poll-counted progress.

A task moves one step each time it is polled. With ``poll_steps = N`` the N-th poll
returns the terminal state; polls 1..N-1 show the family's intermediate phases (the
earliest phases are skipped when there are fewer polls than phases). The percentage
runs from 10 to 90 over the polls spent in the last intermediate phase (50 for one).
"""

from __future__ import annotations

import itertools
import threading
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar


@dataclass
class Progress:
    done: bool
    phase: int
    percent: int


def progress(polls: int, steps: int, phases: int) -> Progress:
    """Where a task stands after ``polls`` polls, given ``steps`` polls to finish."""
    steps = max(1, steps)
    if polls >= steps:
        return Progress(True, phases - 1, 100)
    if polls <= 0:
        return Progress(False, 0, 0)
    slots = steps - 1
    offset = max(0, phases - slots)
    phase = min(offset + polls - 1, phases - 1)
    if phase < phases - 1:
        return Progress(False, phase, 0)
    first_final = phases - offset
    finals = slots - first_final + 1
    percent = 10 + round(80 * (polls - first_final) / (finals - 1)) if finals > 1 else 50
    return Progress(False, phase, percent)


@dataclass
class Task:
    """A submitted job. ``fail`` decides the terminal state."""

    id: str
    body: dict[str, Any]
    fail: bool = False
    polls: int = 0
    frozen: bool = False
    created: float = field(default_factory=time.time)
    extra: dict[str, Any] = field(default_factory=dict)

    def ms(self, offset: float = 0.0) -> int:
        return int((self.created + offset) * 1000)

    def secs(self, offset: float = 0.0) -> int:
        return int(self.created + offset)


T = TypeVar("T", bound=Task)


class TaskStore(Generic[T]):
    """Thread-safe tasks of one family, keyed by id."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._tasks: dict[str, T] = {}
        self._counter = itertools.count(1)

    def add(self, task: T) -> T:
        with self._lock:
            self._tasks[task.id] = task
        return task

    def get(self, task_id: str) -> T | None:
        with self._lock:
            return self._tasks.get(task_id)

    def poll(self, task_id: str) -> T | None:
        """Advance the task one step (unless frozen) and return it."""
        with self._lock:
            task = self._tasks.get(task_id)
            if task is not None and not task.frozen:
                task.polls += 1
            return task

    def poll_many(self, ids: Iterable[str]) -> list[T]:
        found = [self.poll(str(task_id)) for task_id in ids]
        return [task for task in found if task is not None]

    def all(self) -> list[T]:
        with self._lock:
            return list(self._tasks.values())

    def next_number(self) -> int:
        return next(self._counter)


def wants_failure(*texts: Any) -> bool:
    return any(isinstance(t, str) and "fail" in t.lower() for t in texts)
