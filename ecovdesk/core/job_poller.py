"""The one poller behind every media job.

A single loop in the task scope decides which jobs are due and starts one short poll task
per due job, so a slow answer for one job never delays the others and nothing blocks the
event loop. Each family has its own interval; failures back off (honouring Retry-After)
without failing the job, and a job only ever expires by age.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable

from ecovdesk.api.errors import ErrorKind, RelayError
from ecovdesk.api.media import RemoteTask, TaskState
from ecovdesk.core import job_store
from ecovdesk.core.database import Database
from ecovdesk.core.domain import Job, JobAction, JobState
from ecovdesk.core.job_book import JobBook
from ecovdesk.core.job_families import FamilyAdapter, adapter_for
from ecovdesk.core.job_outputs import JobOutputs
from ecovdesk.core.relay_session import RelaySession
from ecovdesk.core.task_scope import TaskScope

log = logging.getLogger(__name__)

MAX_AGE = 24 * 3600.0
MAX_BACKOFF = 120.0
# The relay answering "no such task" this many times in a row means it is gone for good.
VANISHED_LIMIT = 3
POLLER_KEY = "jobs:poller"
# Polls on the wire at once. Jobs started together fall due together; sent all at once,
# their answers land in the same turn of the event loop the window runs on, and the HTTP
# pool's own bookkeeping grows with every connection open. A few at a time still polls
# dozens of jobs per interval.
POLLS_IN_FLIGHT = 6

Sleep = Callable[[float], Awaitable[object]]

_NOT_FOUND_WORDS = ("not found", "not_found", "no_found", "不存在")
_STATES = {
    TaskState.QUEUED: JobState.QUEUED,
    TaskState.RUNNING: JobState.RUNNING,
}


def poll_key(job_id: int) -> str:
    return f"job:{job_id}"


def vanished(error: RelayError) -> bool:
    """The relay says the task does not exist (HTTP 404, or a 400 saying so)."""
    if error.status == 404:
        return True
    words = error.message.lower()
    return error.status in (400, None) and any(w in words for w in _NOT_FOUND_WORDS)


def backoff(interval: float, failures: int) -> float:
    return float(min(MAX_BACKOFF, interval * 2.0 ** max(0, failures)))


class JobPoller:
    def __init__(
        self,
        db: Database,
        relay: RelaySession,
        book: JobBook,
        outputs: JobOutputs,
        scope: TaskScope,
        *,
        clock: Callable[[], float] = time.time,
        sleep: Sleep = asyncio.sleep,
    ) -> None:
        self._db = db
        self._relay = relay
        self._book = book
        self._outputs = outputs
        self._scope = scope
        self._clock = clock
        self._sleep = sleep
        self._wake = asyncio.Event()
        self._not_found: dict[int, int] = {}
        self._held: dict[int, float] = {}
        self._in_flight = asyncio.Semaphore(POLLS_IN_FLIGHT)

    def start(self) -> None:
        if not self._scope.is_running(POLLER_KEY):
            self._scope.start(self._run(), key=POLLER_KEY)

    def wake(self) -> None:
        self._wake.set()

    def stop_job(self, job_id: int) -> None:
        """Abandon a poll (and the downloads after it) that is under way for ``job_id``."""
        self._scope.cancel(poll_key(job_id))

    async def poll_soon(self, job_id: int) -> None:
        await self._db.run(job_store.schedule, job_id, self._clock(), 0)
        self.wake()

    async def refetch(self, job: Job) -> int:
        """Ask again for a finished job's files and store any not stored yet (links the
        relay hands out again may work where the first ones failed); returns how many."""
        adapter = adapter_for(job.family)
        task = await adapter.fetch(self._relay.relay, job)
        if task.state is not TaskState.SUCCEEDED:
            return 0
        return len(await self._outputs.store(job, adapter.downloads(task)))

    # --- the loop ------------------------------------------------------------------------

    async def _run(self) -> None:
        while True:
            self._wake.clear()
            try:
                delay = await self._round()
            except Exception:
                # A broken round (the database refusing, say) must not end polling for good.
                log.exception("the job poller's round failed")
                delay = MAX_BACKOFF
            await self._wait(delay)

    async def _round(self) -> float | None:
        """Start every due poll; returns how long until the next one is due."""
        now = self._clock()
        soonest: float | None = None
        for slot in await self._db.run(job_store.poll_slots):
            job_id = slot.job_id
            if now - slot.created_at >= MAX_AGE:
                self.stop_job(job_id)
                job = await self._book.get(job_id)
                if job is not None:
                    await self._book.finish(job, JobState.EXPIRED)
                continue
            if slot.state is JobState.SUBMITTING or self._scope.is_running(poll_key(job_id)):
                continue
            due = max(slot.next_poll_at or now, self._held.get(job_id, now))
            if due <= now:
                self._scope.start(self._poll(job_id, slot.poll_failures), key=poll_key(job_id))
            else:
                soonest = due if soonest is None else min(soonest, due)
        return None if soonest is None else max(0.0, soonest - now)

    async def _wait(self, delay: float | None) -> None:
        """Until ``delay`` has passed or something wakes the loop, whichever comes first."""
        waiters: set[asyncio.Future[object]] = {asyncio.ensure_future(self._wake_wait())}
        if delay is not None:
            waiters.add(asyncio.ensure_future(self._sleep(delay)))
        try:
            await asyncio.wait(waiters, return_when=asyncio.FIRST_COMPLETED)
        finally:
            for waiter in waiters:
                waiter.cancel()

    async def _wake_wait(self) -> object:
        return await self._wake.wait()

    # --- one poll ------------------------------------------------------------------------

    async def _poll(self, job_id: int, failures: int) -> None:
        self._held.pop(job_id, None)
        try:
            await self._poll_once(job_id, failures)
        except Exception:
            # Whatever broke (the database, a download), this job waits before the next try
            # instead of being polled again at once, round after round.
            log.exception("polling job %d failed", job_id)
            self._held[job_id] = self._clock() + MAX_BACKOFF
        finally:
            self.wake()

    async def _poll_once(self, job_id: int, failures: int) -> None:
        job = await self._book.get(job_id)
        if job is None or not job.state.is_active or not job.remote_id:
            return
        try:
            adapter = adapter_for(job.family)
        except ValueError as error:
            await self._book.finish(job, JobState.FAILED, error=str(error))
            return
        try:
            async with self._in_flight:
                task = await adapter.fetch(self._relay.relay, job)
        except RelayError as error:
            await self._failed(job, adapter, failures, error)
            return
        except Exception:
            log.exception("polling %s job %d failed", job.family, job.id)
            await self._failed(job, adapter, failures, None)
            return
        self._not_found.pop(job.id, None)
        await self._apply(job, adapter, task)

    async def _failed(
        self, job: Job, adapter: FamilyAdapter, failures: int, error: RelayError | None
    ) -> None:
        if error is not None and vanished(error):
            count = self._not_found.get(job.id, 0) + 1
            self._not_found[job.id] = count
            if count >= VANISHED_LIMIT:
                self._not_found.pop(job.id, None)
                await self._book.finish(job, JobState.FAILED, error=error.message)
                return
        log.info(
            "poll of %s job %d failed (%s); backing off",
            job.family,
            job.id,
            error.kind.value if error else "internal",
        )
        interval = adapter.timing.interval_for(self._clock() - job.created_at)
        delay = backoff(interval, failures + 1)
        if error is not None and error.kind is ErrorKind.RATE_LIMITED and error.retry_after:
            delay = max(error.retry_after, interval)
        await self._db.run(job_store.schedule, job.id, self._clock() + delay, failures + 1)

    async def _apply(self, job: Job, adapter: FamilyAdapter, task: RemoteTask) -> None:
        if task.state is TaskState.SUCCEEDED:
            await self._succeeded(job, adapter, task)
            return
        if task.state in (TaskState.FAILED, TaskState.CANCELLED):
            final = JobState.FAILED if task.state is TaskState.FAILED else JobState.CANCELLED
            await self._book.finish(job, final, error=task.error)
            return
        state = _STATES[task.state]
        progress = task.progress if task.progress is not None else job.progress
        preview = task.preview_url or job.preview_url
        params = {**job.params, **adapter.live_params(task)}
        if (state, progress, preview, params) != (
            job.state,
            job.progress,
            job.preview_url,
            job.params,
        ):
            await self._book.update(
                job, state=state, progress=progress, preview_url=preview, params=params
            )
        interval = adapter.timing.interval_for(self._clock() - job.created_at)
        await self._db.run(job_store.schedule, job.id, self._clock() + interval, 0)

    async def _succeeded(self, job: Job, adapter: FamilyAdapter, task: RemoteTask) -> None:
        actions = [JobAction(a.custom_id, a.label, a.emoji) for a in task.actions]
        params = {**job.params, **adapter.live_params(task), **adapter.result_params(task)}
        # The buttons and results show at once; the job counts as done once its files are in.
        running = await self._book.update(
            job, state=JobState.RUNNING, progress=100, actions=actions, params=params
        )
        if running is None:
            return
        await self._outputs.store(running, adapter.downloads(task))
        await self._book.finish(running, JobState.SUCCEEDED, content=adapter.summary(running, task))
