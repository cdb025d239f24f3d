"""The jobs table: schema v3, writes guarded by state, lookups and links."""

from __future__ import annotations

import sqlite3

import pytest

from ecovdesk.core import conversation_store as store
from ecovdesk.core import job_store
from ecovdesk.core.database import Database
from ecovdesk.core.domain import (
    Attachment,
    AttachmentKind,
    ChatOptions,
    JobAction,
    JobState,
    MessageState,
)
from ecovdesk.core.job_store import NewJob
from ecovdesk.core.migrations import latest_version, user_version


def _new(conversation_id: int | None, prompt: str = "p") -> NewJob:
    mask = Attachment(AttachmentKind.IMAGE, "data:image/png;base64,AA", "mask")
    return NewJob(
        "midjourney", "imagine", "midjourney", prompt, {"v": "6"}, [mask], conversation_id
    )


@pytest.mark.asyncio
async def test_schema_v3_adds_the_jobs_table(db: Database) -> None:
    def columns(conn: sqlite3.Connection) -> tuple[int, set[str], set[str]]:
        names = {row[1] for row in conn.execute("PRAGMA table_info(jobs)")}
        indexes = {row[1] for row in conn.execute("PRAGMA index_list(jobs)")}
        return user_version(conn), names, indexes

    version, names, indexes = await db.run(columns)
    assert version == latest_version() >= 3
    assert {"remote_id", "next_poll_at", "poll_failures", "parent_job_id", "finished_at"} <= names
    assert {"jobs_state", "jobs_message", "jobs_created"} <= indexes


@pytest.mark.asyncio
async def test_a_job_and_its_reply_are_written_together(db: Database) -> None:
    conversation = await db.run(store.create_conversation, "t", "midjourney", ChatOptions(), 1.0)
    job, reply = await db.run(job_store.insert_job_with_reply, _new(conversation.id), 5.0)
    assert reply is not None and reply.state is MessageState.STREAMING
    assert job.message_id == reply.id and job.state is JobState.SUBMITTING
    assert job.created_at == job.updated_at == 5.0
    assert job.params == {"v": "6"}
    (mask,) = await db.run(job_store.job_attachments, job.id)
    assert mask.name == "mask"
    assert await db.run(job_store.jobs_for_messages, [reply.id, 999]) == {reply.id: job}
    orphan, no_reply = await db.run(job_store.insert_job_with_reply, _new(None), 6.0)
    assert no_reply is None and orphan.message_id is None


@pytest.mark.asyncio
async def test_saving_is_refused_once_the_job_left_the_expected_states(db: Database) -> None:
    job, _ = await db.run(job_store.insert_job_with_reply, _new(None), 1.0)
    job.state = JobState.CANCELLED
    assert await db.run(job_store.save_job, job)
    job.state = JobState.RUNNING
    job.actions = [JobAction("MJ::JOB::upsample::1::h", "U1")]
    running = (JobState.QUEUED, JobState.RUNNING)
    assert not await db.run(job_store.save_job, job, only_if=running)
    stored = await db.run(job_store.get_job, job.id)
    assert stored is not None and stored.state is JobState.CANCELLED and stored.actions == []


@pytest.mark.asyncio
async def test_listing_is_newest_first_and_active_jobs_carry_their_schedule(db: Database) -> None:
    ids = [(await db.run(job_store.insert_job, _new(None, f"p{i}"), float(i))).id for i in range(3)]
    assert [j.id for j in await db.run(job_store.list_jobs)] == ids[::-1]
    assert [j.id for j in await db.run(job_store.list_jobs, 2)] == ids[:0:-1]
    await db.run(job_store.schedule, ids[1], 42.0, 3)
    finished = await db.run(job_store.get_job, ids[2])
    assert finished is not None
    finished.state = JobState.SUCCEEDED
    await db.run(job_store.save_job, finished)
    slots = await db.run(job_store.poll_slots)
    assert [(s.job_id, s.next_poll_at, s.poll_failures) for s in slots] == [
        (ids[0], None, 0),
        (ids[1], 42.0, 3),
    ]


@pytest.mark.asyncio
async def test_jobs_outlive_their_reply_and_keep_their_lineage(db: Database) -> None:
    conversation = await db.run(store.create_conversation, "t", "midjourney", ChatOptions(), 1.0)
    parent, reply = await db.run(job_store.insert_job_with_reply, _new(conversation.id), 1.0)
    child = NewJob("midjourney", "action", "midjourney", "p", {}, (), conversation.id, parent.id)
    kid, _ = await db.run(job_store.insert_job_with_reply, child, 2.0)
    assert reply is not None
    await db.run(store.delete_messages_from, conversation.id, reply.id)
    kept = await db.run(job_store.get_job, parent.id)
    assert kept is not None and kept.message_id is None
    assert [j.id for j in await db.run(job_store.child_jobs, parent.id)] == [kid.id]
