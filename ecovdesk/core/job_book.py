"""Writing job changes: every change is stored, then reported, and a job's assistant
message follows its job (streaming while it runs, finished when it ends).

Jobs handed to the sink are never changed afterwards; each change makes a new object, so
the UI can keep what it was given.
"""

from __future__ import annotations

import dataclasses
import sqlite3
import time
from collections.abc import Callable, Iterable
from typing import Any

from ecovdesk.core import conversation_store as store
from ecovdesk.core import job_store
from ecovdesk.core.chat_service import STOPPED
from ecovdesk.core.database import Database
from ecovdesk.core.domain import Job, JobState, Message, MessageState
from ecovdesk.core.events import EventSink
from ecovdesk.core.job_marks import (
    AFTER_STOP,
    EXPLAINED,
    FAILURE_KIND,
    RETRIED_AS,
    can_retry,
    with_failure,
)
from ecovdesk.core.job_store import NewJob

# error_kind of a job's message, beside the relay error kinds ("upstream", "quota", …).
EXPIRED = "expired"
UNCERTAIN = "uncertain"
JOB_FAILED = "upstream"

ACTIVE = frozenset(s for s in JobState if s.is_active)

_MESSAGE_OUTCOME: dict[JobState, tuple[MessageState, str | None]] = {
    JobState.SUCCEEDED: (MessageState.DONE, None),
    JobState.FAILED: (MessageState.FAILED, JOB_FAILED),
    JobState.EXPIRED: (MessageState.FAILED, EXPIRED),
    JobState.CANCELLED: (MessageState.INTERRUPTED, STOPPED),
    JobState.UNCERTAIN: (MessageState.INTERRUPTED, UNCERTAIN),
}

# Keys the job itself writes into params; everything else is the request as asked for.
RESULT_KEYS = frozenset(
    {
        "final_prompt",
        "queue_note",
        "stream_urls",
        "lyrics_result",
        "lyrics_title",
        "texts",
        "clips",
        FAILURE_KIND,
        RETRIED_AS,
        AFTER_STOP,
    }
)


def request_params(params: dict[str, object]) -> dict[str, object]:
    return {key: value for key, value in params.items() if key not in RESULT_KEYS}


def _settle(
    conn: sqlite3.Connection,
    job: Job,
    only_if: Iterable[JobState],
    message: tuple[str, MessageState, str | None, str | None] | None,
) -> tuple[bool, Message | None]:
    if not job_store.save_job(conn, job, only_if=only_if):
        return False, None
    if message is None or job.message_id is None:
        return True, None
    content, state, error_kind, error_text = message
    finished = store.finish_message(
        conn, job.message_id, content, "", state, error_kind, error_text, None
    )
    return True, finished


def _insert_retry(
    conn: sqlite3.Connection, old_id: int, new: NewJob, now: float
) -> tuple[Job, Message | None, Job] | None:
    """The retry of job ``old_id`` and the old job marked with it, in one transaction, or
    None when the old job has been retried already: a second Retry must not pay twice."""
    old = job_store.get_job(conn, old_id)
    if old is None or not can_retry(old):
        return None
    job, reply = job_store.insert_job_with_reply(conn, new, now)
    marked = dataclasses.replace(old, params={**old.params, RETRIED_AS: job.id}, updated_at=now)
    job_store.save_job(conn, marked)
    return job, reply, marked


def _reopen_message(conn: sqlite3.Connection, message_id: int) -> Message | None:
    conn.execute(
        "UPDATE messages SET state = ?, error_kind = NULL, error_text = NULL WHERE id = ?",
        (MessageState.STREAMING.value, message_id),
    )
    return store.get_message(conn, message_id)


class JobBook:
    def __init__(
        self, db: Database, sink: EventSink, *, clock: Callable[[], float] = time.time
    ) -> None:
        self._db = db
        self._sink = sink
        self._clock = clock

    async def create(self, new: NewJob) -> Job:
        """Store a job in SUBMITTING, with its assistant message when it has a conversation."""
        job, reply = await self._db.run(job_store.insert_job_with_reply, new, self._clock())
        if reply is not None:
            self._sink.message_added(reply)
        self._sink.job_updated(job)
        return job

    async def create_retry(self, old: Job, new: NewJob) -> Job | None:
        """Store ``new`` as the retry of ``old`` and mark ``old`` as retried; None when
        ``old`` was retried already (or can no longer be)."""
        made = await self._db.run(_insert_retry, old.id, new, self._clock())
        if made is None:
            return None
        job, reply, marked = made
        if reply is not None:
            self._sink.message_added(reply)
        self._sink.job_updated(marked)
        self._sink.job_updated(job)
        return job

    async def update(
        self, job: Job, *, only_if: Iterable[JobState] = ACTIVE, **changes: Any
    ) -> Job | None:
        """Store and report ``changes``; None when the job has meanwhile left ``only_if``."""
        changed = dataclasses.replace(job, **changes, updated_at=self._clock())
        saved, _ = await self._db.run(_settle, changed, tuple(only_if), None)
        if not saved:
            return None
        self._sink.job_updated(changed)
        return changed

    async def finish(
        self,
        job: Job,
        state: JobState,
        *,
        content: str = "",
        error: str = "",
        error_kind: str | None = None,
        cause: str | None = None,
        only_if: Iterable[JobState] = ACTIVE,
        **changes: Any,
    ) -> Job | None:
        """Move the job to ``state`` and settle its message to match.

        ``error_kind`` is the failure's kind for the message and the job alike; ``cause``
        is kept on the job alone, where it says more than the message's kind can (why an
        UNCERTAIN job's submit went unanswered).
        """
        now = self._clock()
        message_state, default_kind = _MESSAGE_OUTCOME[state]
        kind = error_kind if error_kind is not None else default_kind
        params = changes.pop("params", job.params)
        changed = dataclasses.replace(
            job,
            **changes,
            params=with_failure(params, (cause or kind) if state in EXPLAINED else None),
            state=state,
            error=error,
            updated_at=now,
            finished_at=now if state.is_final else None,
        )
        outcome = (content, message_state, kind, error or None)
        saved, message = await self._db.run(_settle, changed, tuple(only_if), outcome)
        if not saved:
            return None
        self._sink.job_updated(changed)
        if message is not None:
            self._sink.message_finished(message)
        return changed

    async def reopen(self, job: Job, **changes: Any) -> Job | None:
        """Back to SUBMITTING from UNCERTAIN (Resubmit), its message streaming again."""
        changed = await self.update(
            job,
            only_if=(JobState.UNCERTAIN,),
            state=JobState.SUBMITTING,
            error="",
            finished_at=None,
            **changes,
        )
        if changed is not None and changed.message_id is not None:
            message = await self._db.run(_reopen_message, changed.message_id)
            if message is not None:
                self._sink.message_finished(message)
        return changed

    async def get(self, job_id: int) -> Job | None:
        return await self._db.run(job_store.get_job, job_id)
