"""Media jobs in SQLite: plain functions run on the database thread via ``Database.run``.

Time is passed in, never read here, so the poller's injected clock decides everything.
"""

from __future__ import annotations

import json
import logging
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from ecovdesk.core import conversation_store as messages
from ecovdesk.core.asset_store import params_from_json, params_to_json
from ecovdesk.core.domain import Attachment, Job, JobAction, JobState, Message, MessageState, Role
from ecovdesk.core.row_codec import attachments_from_json, attachments_to_json

log = logging.getLogger(__name__)

JOB_COLUMNS = (
    "id, family, kind, model, prompt, params_json, state, remote_id, progress, preview_url, "
    "error, actions_json, conversation_id, message_id, parent_job_id, created_at, updated_at, "
    "finished_at"
)
ACTIVE_STATES = tuple(state.value for state in JobState if state.is_active)
_ID_BATCH = 500


@dataclass(frozen=True)
class NewJob:
    """What a job asks for; the row adds state, times and links."""

    family: str
    kind: str
    model: str
    prompt: str
    params: dict[str, object]
    attachments: Sequence[Attachment] = ()
    conversation_id: int | None = None
    parent_job_id: int | None = None


@dataclass(frozen=True)
class PollSlot:
    """An active job and when the poller should look at it next.

    Only what deciding needs: the poller reads every slot after each poll, so the whole
    job (its JSON columns above all) is read only for the job about to be polled.
    """

    job_id: int
    state: JobState
    created_at: float
    next_poll_at: float | None
    poll_failures: int


def _actions_to_json(actions: Iterable[JobAction]) -> str:
    items = [{"custom_id": a.custom_id, "label": a.label, "emoji": a.emoji} for a in actions]
    return json.dumps(items, ensure_ascii=False)


def _actions_from_json(text: str | None) -> list[JobAction]:
    try:
        items = json.loads(text or "[]")
    except ValueError:
        log.warning("ignoring unreadable job actions in the database")
        return []
    if not isinstance(items, list):
        return []
    return [
        JobAction(str(i.get("custom_id", "")), str(i.get("label", "")), str(i.get("emoji", "")))
        for i in items
        if isinstance(i, dict) and i.get("custom_id")
    ]


def job_from_row(row: Sequence[Any]) -> Job:
    return Job(
        id=row[0],
        family=row[1],
        kind=row[2],
        model=row[3],
        prompt=row[4],
        params=params_from_json(row[5]),
        state=JobState(row[6]),
        remote_id=row[7],
        progress=row[8],
        preview_url=row[9],
        error=row[10],
        actions=_actions_from_json(row[11]),
        conversation_id=row[12],
        message_id=row[13],
        parent_job_id=row[14],
        created_at=row[15],
        updated_at=row[16],
        finished_at=row[17],
    )


def insert_job(
    conn: sqlite3.Connection, new: NewJob, now: float, *, message_id: int | None = None
) -> Job:
    cursor = conn.execute(
        "INSERT INTO jobs (family, kind, model, prompt, params_json, attachments_json, state, "
        "conversation_id, message_id, parent_job_id, created_at, updated_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            new.family,
            new.kind,
            new.model,
            new.prompt,
            params_to_json(new.params),
            attachments_to_json(new.attachments),
            JobState.SUBMITTING.value,
            new.conversation_id,
            message_id,
            new.parent_job_id,
            now,
            now,
        ),
    )
    job_id = cursor.lastrowid
    assert job_id is not None
    job = get_job(conn, job_id)
    assert job is not None
    return job


def insert_job_with_reply(
    conn: sqlite3.Connection, new: NewJob, now: float
) -> tuple[Job, Message | None]:
    """The job and the assistant message that shows it, written together, so no job is
    ever left without its message or the other way round."""
    reply = None
    if new.conversation_id is not None:
        reply = messages.add_message(
            conn,
            new.conversation_id,
            Role.ASSISTANT,
            "",
            model=new.model,
            state=MessageState.STREAMING,
            now=now,
        )
    job = insert_job(conn, new, now, message_id=reply.id if reply else None)
    return job, reply


def save_job(conn: sqlite3.Connection, job: Job, *, only_if: Iterable[JobState] = ()) -> bool:
    """Write every changeable field of ``job``.

    With ``only_if`` the row changes only while its stored state is one of those, so a
    poll that finishes after the user cancelled cannot bring the job back.
    """
    sql = (
        "UPDATE jobs SET params_json = ?, state = ?, remote_id = ?, progress = ?, "
        "preview_url = ?, error = ?, actions_json = ?, updated_at = ?, finished_at = ? "
        "WHERE id = ?"
    )
    args: list[Any] = [
        params_to_json(job.params),
        job.state.value,
        job.remote_id,
        job.progress,
        job.preview_url,
        job.error,
        _actions_to_json(job.actions),
        job.updated_at,
        job.finished_at,
        job.id,
    ]
    states = [state.value for state in only_if]
    if states:
        sql += f" AND state IN ({', '.join('?' * len(states))})"
        args.extend(states)
    return conn.execute(sql, args).rowcount > 0


def schedule(conn: sqlite3.Connection, job_id: int, next_poll_at: float, failures: int) -> None:
    conn.execute(
        "UPDATE jobs SET next_poll_at = ?, poll_failures = ? WHERE id = ?",
        (next_poll_at, failures, job_id),
    )


def resume_job(conn: sqlite3.Connection, job_id: int, state: JobState, now: float) -> None:
    """An unfinished job from an earlier run polls again at once, and its message streams
    again (start-up recovery marks every streaming message interrupted)."""
    conn.execute(
        "UPDATE jobs SET state = ?, next_poll_at = ?, poll_failures = 0 WHERE id = ?",
        (state.value, now, job_id),
    )
    conn.execute(
        "UPDATE messages SET state = ?, error_kind = NULL, error_text = NULL "
        "WHERE id = (SELECT message_id FROM jobs WHERE id = ?)",
        (MessageState.STREAMING.value, job_id),
    )


def get_job(conn: sqlite3.Connection, job_id: int) -> Job | None:
    row = conn.execute(f"SELECT {JOB_COLUMNS} FROM jobs WHERE id = ?", (job_id,)).fetchone()
    return job_from_row(row) if row is not None else None


def job_attachments(conn: sqlite3.Connection, job_id: int) -> list[Attachment]:
    row = conn.execute("SELECT attachments_json FROM jobs WHERE id = ?", (job_id,)).fetchone()
    return attachments_from_json(row[0]) if row is not None else []


def list_jobs(conn: sqlite3.Connection, limit: int | None = None) -> list[Job]:
    """Every job, newest first."""
    rows = conn.execute(
        f"SELECT {JOB_COLUMNS} FROM jobs ORDER BY created_at DESC, id DESC LIMIT ?",
        (-1 if limit is None else max(0, limit),),
    )
    return [job_from_row(row) for row in rows]


def jobs_in_states(conn: sqlite3.Connection, states: Iterable[JobState]) -> list[Job]:
    values = [state.value for state in states]
    rows = conn.execute(
        f"SELECT {JOB_COLUMNS} FROM jobs WHERE state IN ({', '.join('?' * len(values))}) "
        "ORDER BY id",
        values,
    )
    return [job_from_row(row) for row in rows]


def active_jobs(conn: sqlite3.Connection) -> list[Job]:
    return jobs_in_states(conn, (s for s in JobState if s.is_active))


def poll_slots(conn: sqlite3.Connection) -> list[PollSlot]:
    """Active jobs with their poll schedule, oldest first."""
    rows = conn.execute(
        "SELECT id, state, created_at, next_poll_at, poll_failures FROM jobs "
        f"WHERE state IN ({', '.join('?' * len(ACTIVE_STATES))}) ORDER BY id",
        ACTIVE_STATES,
    )
    return [PollSlot(row[0], JobState(row[1]), row[2], row[3], row[4]) for row in rows]


def jobs_for_messages(conn: sqlite3.Connection, message_ids: Iterable[int]) -> dict[int, Job]:
    """The job behind each message; messages without one are left out."""
    ids = list(dict.fromkeys(message_ids))
    found: dict[int, Job] = {}
    for start in range(0, len(ids), _ID_BATCH):
        batch = ids[start : start + _ID_BATCH]
        rows = conn.execute(
            f"SELECT {JOB_COLUMNS} FROM jobs WHERE message_id IN ({', '.join('?' * len(batch))})",
            batch,
        )
        for row in rows:
            job = job_from_row(row)
            assert job.message_id is not None
            found[job.message_id] = job
    return found


def child_jobs(conn: sqlite3.Connection, parent_job_id: int) -> list[Job]:
    rows = conn.execute(
        f"SELECT {JOB_COLUMNS} FROM jobs WHERE parent_job_id = ? ORDER BY id", (parent_job_id,)
    )
    return [job_from_row(row) for row in rows]
