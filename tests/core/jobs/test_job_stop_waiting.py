"""Cancel on a media job: the relay cannot be told to stop, so the app stops waiting, keeps
checking now and then, and keeps the result (already paid for) if the relay finishes it."""

from __future__ import annotations

import asyncio
from collections.abc import Callable

import pytest

from ecovdesk.core import conversation_store as store
from ecovdesk.core.database import Database
from ecovdesk.core.domain import Job, JobState, MessageState
from ecovdesk.core.job_follow_up import CHECK_INTERVAL
from ecovdesk.core.job_marks import (
    FINISHED,
    RELAY_ENDED,
    WATCHING,
    after_stop,
    may_still_be_charged,
)
from ecovdesk.core.relay_session import RelaySession
from tests.fakerelay.server import FakeRelay

from .helpers import JobRig, RigFactory, submits

IMAGINE = "/mj/submit/imagine"
MJ_POLL = "/mj/task/"


async def settled(rig: JobRig, job_id: int, done: Callable[[Job], bool]) -> Job:
    loop = asyncio.get_running_loop()
    deadline = loop.time() + 15
    while True:
        job = await rig.job(job_id)
        if done(job):
            return job
        assert rig.errors == [], rig.errors
        assert loop.time() < deadline, f"job {job_id} still {job.state} {job.params}"
        await asyncio.sleep(0.01)


async def cancelled_while_running(fake_relay: FakeRelay, rig: JobRig, prompt: str) -> Job:
    fake_relay.poll_steps = 10_000
    job = await rig.submit("midjourney", prompt)
    await rig.wait_state(job.id, JobState.RUNNING)
    return await rig.service.cancel(job.id)


@pytest.mark.asyncio
async def test_a_stopped_job_that_the_relay_finishes_lands_in_the_library(
    fake_relay: FakeRelay, rig: JobRig
) -> None:
    cancelled = await cancelled_while_running(fake_relay, rig, "a cat to stop waiting for")
    assert cancelled.state is JobState.CANCELLED
    assert after_stop(cancelled) == WATCHING and may_still_be_charged(cancelled)
    reply = await rig.message(cancelled)
    assert reply.state is MessageState.INTERRUPTED and reply.error_kind == "stopped"

    fake_relay.poll_steps = 1  # the relay goes on and finishes the task
    done = await settled(rig, cancelled.id, lambda j: j.state is JobState.SUCCEEDED)
    assert after_stop(done) == FINISHED
    assert len(await rig.assets(done.id)) == 1
    assert (await rig.message(done)).state is MessageState.DONE
    assert done.actions  # its buttons work like any finished picture's
    assert submits(fake_relay, IMAGINE) == 1


@pytest.mark.asyncio
async def test_a_stopped_job_is_asked_about_rarely_and_not_after_the_relay_ends_it(
    fake_relay: FakeRelay, rig: JobRig
) -> None:
    cancelled = await cancelled_while_running(fake_relay, rig, "fail this stopped cat")
    polls = len(fake_relay.requests_to(MJ_POLL))
    started = rig.clock.now
    fake_relay.poll_steps = 3
    ended = await settled(rig, cancelled.id, lambda j: after_stop(j) == RELAY_ENDED)
    assert ended.state is JobState.CANCELLED and ended.error
    assert not may_still_be_charged(ended)
    checks = len(fake_relay.requests_to(MJ_POLL)) - polls
    assert checks <= (rig.clock.now - started) / CHECK_INTERVAL + 1

    after = len(fake_relay.requests_to(MJ_POLL))
    rig.clock.now += 3600
    await asyncio.sleep(0.2)
    assert len(fake_relay.requests_to(MJ_POLL)) == after
    assert (await rig.job(cancelled.id)).state is JobState.CANCELLED


@pytest.mark.asyncio
async def test_a_stopped_job_is_still_followed_after_a_restart(
    fake_relay: FakeRelay, rig_for: RigFactory, session: RelaySession, db: Database
) -> None:
    first = rig_for(session)
    await first.service.start()
    cancelled = await cancelled_while_running(fake_relay, first, "a cat across a restart")
    await first.close()
    await db.run(store.mark_interrupted_streams)

    fake_relay.poll_steps = 1
    second = rig_for(session, first.clock)
    await second.service.start()
    done = await settled(second, cancelled.id, lambda j: j.state is JobState.SUCCEEDED)
    assert len(await second.assets(done.id)) == 1
    assert submits(fake_relay, IMAGINE) == 1


@pytest.mark.asyncio
async def test_check_again_asks_about_a_stopped_job_at_once(
    fake_relay: FakeRelay, rig: JobRig
) -> None:
    cancelled = await cancelled_while_running(fake_relay, rig, "a cat checked by hand")
    polls = len(fake_relay.requests_to(MJ_POLL))
    await rig.service.repoll(cancelled.id)
    deadline = asyncio.get_running_loop().time() + 5
    while len(fake_relay.requests_to(MJ_POLL)) == polls:
        assert asyncio.get_running_loop().time() < deadline
        await asyncio.sleep(0.01)
