"""One owner for background work: keeps tasks alive, cancels by key, reports failures."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Coroutine
from typing import Any

log = logging.getLogger(__name__)


class TaskScope:
    def __init__(self, on_error: Callable[[BaseException], None]) -> None:
        self._on_error = on_error
        self._tasks: dict[str, asyncio.Task[Any]] = {}
        self._anonymous: set[asyncio.Task[Any]] = set()
        # Remembered so that work can be queued from callbacks that run while the loop is
        # not the running one (a Qt event delivered between loop iterations).
        try:
            self._loop: asyncio.AbstractEventLoop | None = asyncio.get_running_loop()
        except RuntimeError:
            self._loop = None

    def start(self, coro: Coroutine[Any, Any, Any], key: str | None = None) -> asyncio.Task[Any]:
        """Run ``coro`` in the background; with a key, ``cancel(key)`` stops it."""
        loop = self._loop or asyncio.get_running_loop()
        task = loop.create_task(coro)
        if key is None:
            self._anonymous.add(task)
        else:
            self._tasks[key] = task
        task.add_done_callback(lambda t: self._finished(t, key))
        return task

    def _finished(self, task: asyncio.Task[Any], key: str | None) -> None:
        if key is None:
            self._anonymous.discard(task)
        elif self._tasks.get(key) is task:
            del self._tasks[key]
        if task.cancelled():
            return
        error = task.exception()
        if error is not None:
            log.error("background task failed", exc_info=error)
            self._on_error(error)

    def is_running(self, key: str) -> bool:
        return key in self._tasks

    def cancel(self, key: str) -> bool:
        task = self._tasks.get(key)
        if task is None:
            return False
        task.cancel()
        return True

    async def stop(self, key: str) -> None:
        """Cancel the work under ``key`` and wait until it has wound down."""
        task = self._tasks.get(key)
        if task is not None:
            task.cancel()
            await asyncio.gather(task, return_exceptions=True)

    def running_keys(self) -> list[str]:
        return list(self._tasks)

    async def aclose(self) -> None:
        tasks = [*self._tasks.values(), *self._anonymous]
        for task in tasks:
            task.cancel()
        if tasks:
            await asyncio.gather(*tasks, return_exceptions=True)
