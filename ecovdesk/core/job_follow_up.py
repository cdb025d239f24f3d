"""Jobs the user stopped waiting for, checked now and then in case the relay finishes them.

No relay family offers a way to stop a task once it is sent, so Cancel only stops the
waiting: the relay may still finish the task and charge for it. Its result is then kept
(filed in the library, the job and its reply settled as done) rather than paid for and
thrown away. Checks are far apart and end once the relay ends the task, or once the job is
older than any job may run.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable

from ecovdesk.api.errors import RelayError
from ecovdesk.api.media import RemoteTask, TaskState
from ecovdesk.core import job_store
from ecovdesk.core.database import Database
from ecovdesk.core.domain import Job, JobAction, JobState
from ecovdesk.core.job_book import JobBook
from ecovdesk.core.job_families import FamilyAdapter, adapter_for
from ecovdesk.core.job_marks import (
    AFTER_STOP,
    FINISHED,
    GAVE_UP,
    RELAY_ENDED,
    WATCHING,
    after_stop,
)
from ecovdesk.core.job_outputs import JobOutputs
from ecovdesk.core.job_poller import MAX_AGE, MAX_BACKOFF, VANISHED_LIMIT, Sleep, backoff, vanished
from ecovdesk.core.relay_session import RelaySession
from ecovdesk.core.task_scope import TaskScope

log = logging.getLogger(__name__)

FOLLOW_UP_KEY = "jobs:follow-up"
# Nobody is watching the card any more: a result a little late costs nothing, every check
# costs the relay a request.
CHECK_INTERVAL = 30.0
_CANCELLED = (JobState.CANCELLED,)


def is_watched(job: Job) -> bool:
    return job.state is JobState.CANCELLED and after_stop(job) == WATCHING


class JobFollowUp:
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
        # When each watched job is next asked about, and its failed checks in a row.
        self._due: dict[int, float] = {}
        self._failures: dict[int, int] = {}
        self._gone: dict[int, int] = {}
        self._wake = asyncio.Event()

    async def resume(self) -> None:
        """After a restart, every job still watched is asked about again."""
        cancelled = await self._db.run(job_store.jobs_in_states, _CANCELLED)
        for job in cancelled:
            if is_watched(job):
                self._due.setdefault(job.id, self._clock())
        self._ensure_running()

    def watch(self, job_id: int) -> None:
        self._due[job_id] = self._clock() + CHECK_INTERVAL
        self._ensure_running()

    def check_soon(self, job_id: int) -> None:
        """Ask about a watched job at once (the user pressed Check again)."""
        self._due[job_id] = self._clock()
        self._wake.set()
        self._ensure_running()

    def watching(self) -> list[int]:
        return sorted(self._due)

    def _ensure_running(self) -> None:
        if self._due and not self._scope.is_running(FOLLOW_UP_KEY):
            self._scope.start(self._run(), key=FOLLOW_UP_KEY)

    def _forget(self, job_id: int) -> None:
        self._due.pop(job_id, None)
        self._failures.pop(job_id, None)
        self._gone.pop(job_id, None)

    async def _run(self) -> None:
        while self._due:
            now = self._clock()
            soonest = min(self._due.values())
            if soonest > now:
                # Capped, so a job added meanwhile waits at most one interval longer.
                await self._wait(min(soonest - now, CHECK_INTERVAL))
                continue
            for job_id in [j for j, due in self._due.items() if due <= now]:
                try:
                    await self._check(job_id)
                except Exception:
                    # A broken check (the database, a download) must not end the others.
                    log.exception("checking stopped job %d failed", job_id)
                    self._due[job_id] = self._clock() + MAX_BACKOFF

    async def _wait(self, delay: float) -> None:
        """Until ``delay`` has passed or ``check_soon`` wakes the loop."""
        self._wake.clear()
        waiters = {
            asyncio.ensure_future(self._wake.wait()),
            asyncio.ensure_future(self._sleep(delay)),
        }
        try:
            await asyncio.wait(waiters, return_when=asyncio.FIRST_COMPLETED)
        finally:
            for waiter in waiters:
                waiter.cancel()

    async def _check(self, job_id: int) -> None:
        job = await self._book.get(job_id)
        if job is None or not is_watched(job):
            self._forget(job_id)
            return
        if self._clock() - job.created_at >= MAX_AGE:
            await self._settle(job_id, GAVE_UP)
            return
        adapter = adapter_for(job.family)
        try:
            task = await adapter.fetch(self._relay.relay, job)
        except RelayError as error:
            await self._failed(job, error)
            return
        self._failures.pop(job_id, None)
        self._gone.pop(job_id, None)
        if task.state is TaskState.SUCCEEDED:
            await self._keep(job, adapter, task)
        elif task.state in (TaskState.FAILED, TaskState.CANCELLED):
            await self._settle(job_id, RELAY_ENDED, task.error)
        else:
            self._due[job_id] = self._clock() + CHECK_INTERVAL

    async def _failed(self, job: Job, error: RelayError) -> None:
        if vanished(error):
            gone = self._gone[job.id] = self._gone.get(job.id, 0) + 1
            if gone >= VANISHED_LIMIT:
                await self._settle(job.id, RELAY_ENDED, error.message)
                return
        failures = self._failures[job.id] = self._failures.get(job.id, 0) + 1
        delay = max(CHECK_INTERVAL, backoff(CHECK_INTERVAL, failures), error.retry_after or 0.0)
        self._due[job.id] = self._clock() + delay

    async def _keep(self, job: Job, adapter: FamilyAdapter, task: RemoteTask) -> None:
        """File the result, then settle the job and its reply as done."""
        await self._outputs.store(job, adapter.downloads(task))
        # Read again: Retry may have marked the job while the files came in.
        current = await self._book.get(job.id)
        if current is None or not is_watched(current):
            self._forget(job.id)
            return
        params = {
            **current.params,
            **adapter.live_params(task),
            **adapter.result_params(task),
            AFTER_STOP: FINISHED,
        }
        await self._book.finish(
            current,
            JobState.SUCCEEDED,
            content=adapter.summary(current, task),
            only_if=_CANCELLED,
            params=params,
            progress=100,
            actions=[JobAction(a.custom_id, a.label, a.emoji) for a in task.actions],
        )
        self._forget(job.id)

    async def _settle(self, job_id: int, outcome: str, error: str = "") -> None:
        """The watch is over without a result; the job says how it ended."""
        self._forget(job_id)
        current = await self._book.get(job_id)
        if current is None or not is_watched(current):
            return
        params = {**current.params, AFTER_STOP: outcome}
        await self._book.update(current, only_if=_CANCELLED, params=params, error=error)
