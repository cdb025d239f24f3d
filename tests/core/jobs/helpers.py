"""Shared pieces for the media job tests: a clock whose sleeps pass instantly, a job service
wired to the fake relay, and ways to wait for a job to reach a state."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass, field

import httpx

from ecovdesk.api.http import RelayConfig, make_relay_client
from ecovdesk.core import job_store
from ecovdesk.core.catalogue import Catalogue
from ecovdesk.core.database import Database
from ecovdesk.core.domain import Asset, Attachment, Conversation, Job, JobState, Message
from ecovdesk.core.job_service import JobService
from ecovdesk.core.library import Library
from ecovdesk.core.relay_session import RelaySession
from ecovdesk.core.task_scope import TaskScope
from tests.core.conftest import MakeLibrary
from tests.core.library_helpers import API_KEY, RecordingSink
from tests.fakerelay.server import FakeRelay

CATALOGUE = Catalogue.load_default()
START = 1_700_000_000.0


@dataclass
class FakeClock:
    """Time that only moves when the code under test sleeps (or a test moves it)."""

    now: float = START
    slept: list[float] = field(default_factory=list)

    def __call__(self) -> float:
        return self.now

    async def sleep(self, seconds: float) -> None:
        self.slept.append(seconds)
        self.now += seconds
        # A real turn of the loop, so the poller never starves the HTTP and database work.
        await asyncio.sleep(0.001)


@dataclass
class JobRig:
    service: JobService
    scope: TaskScope
    library: Library
    clock: FakeClock
    db: Database
    sink: RecordingSink
    errors: list[BaseException]

    async def submit(
        self,
        model: str,
        prompt: str,
        params: dict[str, object] | None = None,
        attachments: list[Attachment] | None = None,
        conversation: Conversation | None = None,
    ) -> Job:
        """Submit and return the new job (the newest row)."""
        await self.service.submit(conversation, model, prompt, params or {}, attachments)
        newest = await self.service.list_jobs(limit=1)
        return newest[0]

    async def job(self, job_id: int) -> Job:
        job = await self.service.get(job_id)
        assert job is not None
        return job

    async def wait_state(self, job_id: int, *states: JobState, timeout: float = 15.0) -> Job:
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while True:
            job = await self.job(job_id)
            if job.state in states:
                return job
            assert self.errors == [], self.errors
            assert not job.state.is_final, f"job {job_id} ended {job.state}: {job.error}"
            assert loop.time() < deadline, f"job {job_id} still {job.state} after {timeout} s"
            await asyncio.sleep(0.01)

    async def message(self, job: Job) -> Message:
        from ecovdesk.core import conversation_store as store

        assert job.message_id is not None
        message = await self.db.run(store.get_message, job.message_id)
        assert message is not None
        return message

    async def assets(self, job_id: int) -> list[Asset]:
        return [a for a in self.sink.ready if a.provenance.job_id == job_id]

    async def slot(self, job_id: int) -> job_store.PollSlot | None:
        slots = await self.db.run(job_store.poll_slots)
        return next((s for s in slots if s.job_id == job_id), None)

    def updates(self, job_id: int) -> list[Job]:
        return [j for j in self.sink.jobs if j.id == job_id]

    async def close(self) -> None:
        await self.scope.aclose()


RigFactory = Callable[..., JobRig]


def build_rig(
    db: Database,
    make_library: MakeLibrary,
    sink: RecordingSink,
    relay: RelaySession,
    clock: FakeClock | None = None,
) -> JobRig:
    """A job service on ``db``; pass the clock of an earlier rig to restart on the same time."""
    errors: list[BaseException] = []
    scope = TaskScope(errors.append)
    clock = clock or FakeClock()
    library = make_library(relay)
    service = JobService(db, relay, library, sink, scope, CATALOGUE, clock=clock, sleep=clock.sleep)
    return JobRig(service, scope, library, clock, db, sink, errors)


class HookTransport(httpx.AsyncBaseTransport):
    """Runs ``hook`` for each request just before it is sent to the real relay."""

    def __init__(self, hook: Callable[[httpx.Request], Awaitable[None]]) -> None:
        self._inner = httpx.AsyncHTTPTransport()
        self._hook = hook

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        await self._hook(request)
        return await self._inner.handle_async_request(request)

    async def aclose(self) -> None:
        await self._inner.aclose()


class HookedSession(RelaySession):
    """A relay session whose relay requests pass through :class:`HookTransport`."""

    def __init__(self, base_url: str, hook: Callable[[httpx.Request], Awaitable[None]]) -> None:
        super().__init__()
        config = RelayConfig(base_url, API_KEY)
        self.configure(config)
        self._hooked = make_relay_client(config, transport=HookTransport(hook))

    @property
    def relay(self) -> httpx.AsyncClient:
        return self._hooked

    async def aclose(self) -> None:
        await self._hooked.aclose()
        await super().aclose()


def submits(relay: FakeRelay, prefix: str) -> int:
    return len(relay.requests_to(prefix, "POST"))


def paths(relay: FakeRelay, prefix: str) -> list[str]:
    return [r.path for r in relay.requests_to(prefix)]


def roles(assets: Iterable[Asset]) -> list[tuple[str, str]]:
    """(kind, role) of each asset, sorted, for comparing what a job stored."""
    return sorted((a.kind.value, str(a.provenance.params.get("role"))) for a in assets)
