"""The life of a job across restarts, relay trouble, age, and the user's own choices."""

from __future__ import annotations

import asyncio

import httpx
import pytest

from ecovdesk.core import conversation_store as store
from ecovdesk.core import job_store
from ecovdesk.core.chat_service import chat_key
from ecovdesk.core.database import Database
from ecovdesk.core.domain import ChatOptions, JobState, MessageState, Role
from ecovdesk.core.job_follow_up import CHECK_INTERVAL
from ecovdesk.core.job_poller import MAX_AGE, MAX_BACKOFF, POLLS_IN_FLIGHT
from ecovdesk.core.job_service import JobError
from ecovdesk.core.job_store import NewJob
from ecovdesk.core.relay_session import RelaySession
from tests.fakerelay import Fault
from tests.fakerelay.server import FakeRelay

from .helpers import HookedSession, JobRig, RigFactory, submits

IMAGINE = "/mj/submit/imagine"
MJ_POLL = "/mj/task/"


async def until(condition: object, timeout: float = 10.0) -> None:
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while True:
        value = condition() if callable(condition) else condition
        if asyncio.iscoroutine(value):
            value = await value
        if value:
            return
        assert loop.time() < deadline, "condition not met in time"
        await asyncio.sleep(0.01)


@pytest.mark.asyncio
async def test_a_running_job_finishes_after_a_restart_without_a_second_submit(
    fake_relay: FakeRelay, rig_for: RigFactory, session: RelaySession, db: Database
) -> None:
    fake_relay.poll_steps = 4
    first = rig_for(session)
    await first.service.start()
    job = await first.submit("midjourney", "a castle")
    await first.wait_state(job.id, JobState.RUNNING)
    await first.close()  # the app goes away mid-job
    # What start-up recovery does to every reply that was streaming.
    await db.run(store.mark_interrupted_streams)
    assert (await first.job(job.id)).state is JobState.RUNNING

    second = rig_for(session, first.clock)
    await second.service.start()
    reply = await second.message(await second.job(job.id))
    assert reply.state is MessageState.STREAMING
    done = await second.wait_state(job.id, JobState.SUCCEEDED)
    assert submits(fake_relay, IMAGINE) == 1
    assert len(await second.assets(job.id)) == 1
    assert (await second.message(done)).state is MessageState.DONE


async def _died_while_sending(db: Database, now: float) -> tuple[int, int]:
    """The rows a crash leaves between sending a job and hearing its id."""
    conversation = await db.run(store.create_conversation, "t", "midjourney", ChatOptions(), now)
    await db.run(store.add_message, conversation.id, Role.USER, "a ship", now=now)
    new = NewJob(
        "midjourney", "imagine", "midjourney", "a ship", {"version": "6.1"}, (), conversation.id
    )
    job, reply = await db.run(job_store.insert_job_with_reply, new, now)
    assert reply is not None
    await db.run(store.mark_interrupted_streams)
    return job.id, reply.id


@pytest.mark.asyncio
async def test_a_job_that_died_while_sending_is_uncertain_and_never_sent_again_alone(
    fake_relay: FakeRelay, rig_for: RigFactory, session: RelaySession, db: Database
) -> None:
    rig = rig_for(session)
    job_id, reply_id = await _died_while_sending(db, rig.clock())
    await rig.service.start()
    uncertain = await rig.job(job_id)
    assert uncertain.state is JobState.UNCERTAIN
    reply = await db.run(store.get_message, reply_id)
    assert reply is not None and reply.error_kind == "uncertain"
    assert reply.state is MessageState.INTERRUPTED
    rig.clock.now += 3600
    await asyncio.sleep(0.2)
    assert fake_relay.requests_to("/mj/") == []
    assert (await rig.job(job_id)).state is JobState.UNCERTAIN

    resent = await rig.service.resubmit(job_id)
    assert resent.id == job_id and resent.state is JobState.SUBMITTING
    done = await rig.wait_state(job_id, JobState.SUCCEEDED)
    (request,) = fake_relay.requests_to(IMAGINE)
    assert (request.json or {})["prompt"] == "a ship --v 6.1"
    assert done.message_id == reply_id
    assert (await rig.message(done)).state is MessageState.DONE
    with pytest.raises(JobError):
        await rig.service.resubmit(job_id)


@pytest.mark.asyncio
async def test_an_uncertain_job_can_be_dismissed(
    fake_relay: FakeRelay, rig_for: RigFactory, session: RelaySession, db: Database
) -> None:
    rig = rig_for(session)
    job_id, _ = await _died_while_sending(db, rig.clock())
    await rig.service.start()
    dismissed = await rig.service.dismiss(job_id)
    assert dismissed.state is JobState.CANCELLED and dismissed.finished_at is not None
    assert (await rig.message(dismissed)).error_kind == "stopped"
    assert fake_relay.requests_to("/mj/") == []


@pytest.mark.asyncio
async def test_rate_limiting_waits_as_long_as_the_relay_asks(
    fake_relay: FakeRelay, rig: JobRig
) -> None:
    fake_relay.queue_fault(Fault.RATE_LIMIT_429, retry_after=42, path_prefix=MJ_POLL)
    job = await rig.submit("midjourney", "a patient cat")
    await rig.wait_state(job.id, JobState.SUCCEEDED)
    assert 42 in rig.clock.slept
    assert fake_relay.pending_faults == 0
    statuses = [r.path for r in fake_relay.requests_to(MJ_POLL)]
    assert len(statuses) == fake_relay.poll_steps + 1


@pytest.mark.asyncio
async def test_a_relay_that_refuses_connections_is_waited_out(
    fake_relay: FakeRelay, rig: JobRig
) -> None:
    fake_relay.poll_steps = 6
    job = await rig.submit("midjourney", "a stubborn cat")
    await rig.wait_state(job.id, JobState.RUNNING)
    with fake_relay.refuse():

        async def failing() -> bool:
            slot = await rig.slot(job.id)
            return slot is not None and slot.poll_failures >= 4

        await until(failing)
        assert (await rig.job(job.id)).state is JobState.RUNNING
        waits = [s for s in rig.clock.slept if s > 5]
        assert waits[:3] == [6.0, 12.0, 24.0]
        assert max(rig.clock.slept) <= MAX_BACKOFF
    done = await rig.wait_state(job.id, JobState.SUCCEEDED)
    assert len(await rig.assets(done.id)) == 1
    slot = await rig.slot(job.id)
    assert slot is None  # no longer active


@pytest.mark.asyncio
async def test_a_server_error_backs_off_without_failing_the_job(
    fake_relay: FakeRelay, rig: JobRig
) -> None:
    fake_relay.queue_fault(Fault.HTML_502, path_prefix=MJ_POLL)
    fake_relay.queue_fault(Fault.HTML_502, path_prefix=MJ_POLL)
    job = await rig.submit("midjourney", "a cat behind a proxy")
    await rig.wait_state(job.id, JobState.SUCCEEDED)
    assert [s for s in rig.clock.slept if s > 5][:2] == [6.0, 12.0]


@pytest.mark.asyncio
async def test_a_job_expires_by_age_not_by_the_number_of_polls(
    fake_relay: FakeRelay, rig: JobRig
) -> None:
    fake_relay.poll_steps = 40
    many = await rig.submit("midjourney", "forty polls")
    await rig.wait_state(many.id, JobState.SUCCEEDED, timeout=30)
    assert len(fake_relay.requests_to(MJ_POLL)) == 40

    fake_relay.poll_steps = 10_000
    job = await rig.submit("midjourney", "a cat that never finishes")
    await rig.wait_state(job.id, JobState.RUNNING)
    rig.clock.now = job.created_at + MAX_AGE + 1
    expired = await rig.wait_state(job.id, JobState.EXPIRED)
    assert expired.finished_at is not None
    reply = await rig.message(expired)
    assert reply.state is MessageState.FAILED and reply.error_kind == "expired"
    polls = len(fake_relay.requests_to(MJ_POLL))
    rig.clock.now += 600
    await asyncio.sleep(0.2)
    assert len(fake_relay.requests_to(MJ_POLL)) == polls


@pytest.mark.asyncio
async def test_cancel_stops_waiting_and_settles_the_reply(
    fake_relay: FakeRelay, rig: JobRig
) -> None:
    fake_relay.poll_steps = 10_000
    job = await rig.submit("midjourney", "a cat to cancel")
    await rig.wait_state(job.id, JobState.RUNNING)
    cancelled = await rig.service.cancel(job.id)
    assert cancelled.state is JobState.CANCELLED and cancelled.finished_at is not None
    reply = await rig.message(cancelled)
    assert reply.state is MessageState.INTERRUPTED and reply.error_kind == "stopped"
    # The relay cannot be told to stop, so it is still asked now and then, not every poll.
    polls = len(fake_relay.requests_to(MJ_POLL))
    started = rig.clock.now
    await asyncio.sleep(0.2)
    checks = len(fake_relay.requests_to(MJ_POLL)) - polls
    assert checks <= (rig.clock.now - started) / CHECK_INTERVAL + 1
    assert (await rig.job(job.id)).state is JobState.CANCELLED
    with pytest.raises(JobError):
        await rig.service.cancel(job.id)


@pytest.mark.asyncio
async def test_retry_sends_again_only_when_asked(fake_relay: FakeRelay, rig: JobRig) -> None:
    job = await rig.submit("midjourney", "fail this cat", {"aspect_ratio": "1:1"})
    failed = await rig.wait_state(job.id, JobState.FAILED)
    rig.clock.now += 3600
    await asyncio.sleep(0.2)
    assert submits(fake_relay, IMAGINE) == 1

    again = await rig.service.retry(failed.id)
    assert again.id != failed.id and again.conversation_id == failed.conversation_id
    assert again.message_id not in (None, failed.message_id)
    await rig.wait_state(again.id, JobState.FAILED)
    requests = fake_relay.requests_to(IMAGINE)
    assert len(requests) == 2 and requests[0].json == requests[1].json
    with pytest.raises(JobError):
        await rig.service.retry(job.id + 100)


@pytest.mark.asyncio
async def test_a_refused_submit_fails_with_the_relays_words_and_is_not_retried(
    fake_relay: FakeRelay, rig: JobRig
) -> None:
    fake_relay.queue_error(403, "error_403_quota.json", path_prefix=IMAGINE)
    job = await rig.submit("midjourney", "a costly cat")
    failed = await rig.wait_state(job.id, JobState.FAILED)
    assert "额度" in failed.error
    reply = await rig.message(failed)
    assert reply.error_kind == "quota" and reply.error_text == failed.error
    await asyncio.sleep(0.1)
    assert submits(fake_relay, IMAGINE) == 1


@pytest.mark.asyncio
async def test_a_task_the_relay_no_longer_knows_fails_after_a_few_tries(
    fake_relay: FakeRelay, rig: JobRig
) -> None:
    fake_relay.poll_steps = 10_000
    job = await rig.submit("midjourney", "a cat that vanishes")
    running = await rig.wait_state(job.id, JobState.RUNNING)
    with fake_relay.mj._lock:
        del fake_relay.mj._tasks[running.remote_id]
    failed = await rig.wait_state(job.id, JobState.FAILED)
    assert "task_no_found" in failed.error


@pytest.mark.asyncio
async def test_stop_while_sending_leaves_the_job_uncertain(
    fake_relay: FakeRelay, rig_for: RigFactory
) -> None:
    sending = asyncio.Event()

    async def hold(request: httpx.Request) -> None:
        if request.url.path == IMAGINE:
            sending.set()
            await asyncio.Event().wait()

    session = HookedSession(fake_relay.base_url, hold)
    try:
        rig = rig_for(session)
        await rig.service.start()
        job = await rig.submit("midjourney", "a cat stopped early")
        await asyncio.wait_for(sending.wait(), 5)
        assert job.conversation_id is not None and rig.service.is_running(job.conversation_id)
        assert rig.scope.cancel(chat_key(job.conversation_id))
        uncertain = await rig.wait_state(job.id, JobState.UNCERTAIN)
        assert uncertain.remote_id == ""
        assert (await rig.message(uncertain)).error_kind == "uncertain"
    finally:
        await session.aclose()


@pytest.mark.asyncio
async def test_repoll_asks_the_relay_at_once(fake_relay: FakeRelay, rig: JobRig) -> None:
    fake_relay.poll_steps = 10_000
    job = await rig.submit("midjourney", "a cat to check on")
    await rig.wait_state(job.id, JobState.RUNNING)
    # Push the next poll far out, as a long back-off would.
    await rig.db.run(job_store.schedule, job.id, rig.clock() + 10_000, 5)
    rig.service._poller.wake()
    await asyncio.sleep(0.05)
    before = len(fake_relay.requests_to(MJ_POLL))
    await rig.service.repoll(job.id)
    await until(lambda: len(fake_relay.requests_to(MJ_POLL)) > before)
    with pytest.raises(JobError):
        await rig.service.repoll(job.id + 100)


@pytest.mark.asyncio
async def test_one_poller_follows_jobs_of_every_family_at_once(
    fake_relay: FakeRelay, rig: JobRig
) -> None:
    fake_relay.poll_steps = 4
    models = ["midjourney", "chirp-v4", "luma", "runway-gen3", "kling-v1"]
    jobs = [await rig.submit(model, f"a {model} job") for model in models]
    assert [j.family for j in jobs] == ["midjourney", "suno", "luma", "runway", "kling"]
    pollers = [key for key in rig.scope.running_keys() if key == "jobs:poller"]
    assert pollers == ["jobs:poller"]
    done = [await rig.wait_state(job.id, JobState.SUCCEEDED) for job in jobs]
    for job in done:
        assert await rig.assets(job.id), job.family


@pytest.mark.asyncio
async def test_jobs_due_together_are_polled_a_few_at_a_time(
    fake_relay: FakeRelay, rig_for: RigFactory
) -> None:
    fake_relay.poll_steps = 3
    on_the_wire: list[int] = []
    most = 0

    async def slow_poll(request: httpx.Request) -> None:
        nonlocal most
        if request.url.path.startswith(MJ_POLL):
            on_the_wire.append(1)
            most = max(most, len(on_the_wire))
            # Long enough for every due job to have started its poll, were nothing holding
            # them back.
            await asyncio.sleep(0.02)
            on_the_wire.pop()

    session = HookedSession(fake_relay.base_url, slow_poll)
    try:
        rig = rig_for(session)
        await rig.service.start()
        jobs = [await rig.submit("midjourney", f"a cat, number {n}") for n in range(15)]
        for job in jobs:
            await rig.wait_state(job.id, JobState.SUCCEEDED)
        assert 1 < most <= POLLS_IN_FLIGHT
        assert submits(fake_relay, IMAGINE) == len(jobs)
    finally:
        await session.aclose()
