"""What a job keeps about how it ended badly, and a Retry that is sent once however often
it is pressed."""

from __future__ import annotations

import asyncio

import pytest

from ecovdesk.core.database import Database
from ecovdesk.core.domain import JobState
from ecovdesk.core.job_marks import can_retry, failure_kind, retried_as
from ecovdesk.core.job_service import AlreadyRetried
from ecovdesk.core.relay_session import RelaySession
from tests.fakerelay import Fault
from tests.fakerelay.server import FakeRelay

from .helpers import JobRig, RigFactory, submits

IMAGINE = "/mj/submit/imagine"


@pytest.mark.asyncio
async def test_a_submit_refused_without_words_keeps_what_kind_of_refusal_it_was(
    fake_relay: FakeRelay, rig: JobRig
) -> None:
    fake_relay.queue_fault(Fault.HTML_502, path_prefix="/mj/submit")
    job = await rig.submit("midjourney", "a lighthouse")
    failed = await rig.wait_state(job.id, JobState.FAILED)
    # The gateway's page is not the relay's words; the kind is what the user is told.
    assert failed.error == ""
    assert failure_kind(failed) == "relay_unavailable"
    assert (await rig.message(failed)).error_kind == "relay_unavailable"


@pytest.mark.asyncio
async def test_a_task_the_model_refused_is_kept_as_an_upstream_failure_with_its_words(
    fake_relay: FakeRelay, rig: JobRig
) -> None:
    fake_relay.poll_steps = 1
    job = await rig.submit("chirp-v4", "a song that should fail")
    failed = await rig.wait_state(job.id, JobState.FAILED)
    assert failed.error == "Song Description flagged for moderation"
    assert failure_kind(failed) == "upstream"


@pytest.mark.parametrize(
    ("model", "fault", "path", "cause"),
    [
        ("runway-gen3", Fault.HTML_504, "/runway", "gateway_timeout"),
        ("kling-v1-6", Fault.MALFORMED_JSON, "/kling", "malformed"),
    ],
)
@pytest.mark.asyncio
async def test_an_unanswered_submit_keeps_its_cause_and_waits_for_the_user(
    fake_relay: FakeRelay, rig: JobRig, model: str, fault: Fault, path: str, cause: str
) -> None:
    fake_relay.queue_fault(fault, path_prefix=path)
    job = await rig.submit(model, "一只小猫")
    uncertain = await rig.wait_state(job.id, JobState.UNCERTAIN)
    assert failure_kind(uncertain) == cause
    # The reply is interrupted as any uncertain job's is; only the job knows the cause.
    assert (await rig.message(uncertain)).error_kind == "uncertain"
    rig.clock.now += 3600
    await asyncio.sleep(0.2)
    assert submits(fake_relay, path) == 1

    resent = await rig.service.resubmit(job.id)
    assert failure_kind(resent) is None
    done = await rig.wait_state(job.id, JobState.SUCCEEDED, timeout=30)
    assert failure_kind(done) is None


@pytest.mark.asyncio
async def test_a_job_is_retried_once_however_often_retry_is_pressed(
    fake_relay: FakeRelay, rig: JobRig
) -> None:
    fake_relay.poll_steps = 1
    job = await rig.submit("midjourney", "fail this cat")
    failed = await rig.wait_state(job.id, JobState.FAILED)
    assert can_retry(failed)

    # A double click: both presses reach the service before either has finished.
    results = await asyncio.gather(
        rig.service.retry(failed.id), rig.service.retry(failed.id), return_exceptions=True
    )
    sent = [r for r in results if not isinstance(r, BaseException)]
    refused = [r for r in results if isinstance(r, BaseException)]
    assert len(sent) == 1 and len(refused) == 1 and isinstance(refused[0], AlreadyRetried)
    (again,) = sent
    marked = await rig.job(failed.id)
    assert retried_as(marked) == again.id and not can_retry(marked)
    assert marked in rig.updates(failed.id)
    # The retry asks for what the first job asked, not for its marks.
    assert failure_kind(again) is None and retried_as(again) is None
    await rig.wait_state(again.id, JobState.FAILED)
    assert submits(fake_relay, IMAGINE) == 2
    with pytest.raises(AlreadyRetried):
        await rig.service.retry(failed.id)
    assert submits(fake_relay, IMAGINE) == 2


@pytest.mark.asyncio
async def test_a_retried_job_stays_retried_after_a_restart(
    fake_relay: FakeRelay, rig_for: RigFactory, session: RelaySession, db: Database
) -> None:
    fake_relay.poll_steps = 1
    first = rig_for(session)
    await first.service.start()
    job = await first.submit("midjourney", "fail this cat")
    await first.wait_state(job.id, JobState.FAILED)
    again = await first.service.retry(job.id)
    await first.wait_state(again.id, JobState.FAILED)
    await first.close()

    second = rig_for(session, first.clock)
    await second.service.start()
    old = await second.job(job.id)
    assert retried_as(old) == again.id and failure_kind(old) == "upstream"
    with pytest.raises(AlreadyRetried):
        await second.service.retry(job.id)
    # The retry itself failed too, and can be retried in its turn.
    third = await second.service.retry(again.id)
    await second.wait_state(third.id, JobState.FAILED)
    assert submits(fake_relay, IMAGINE) == 3
