"""Media jobs for the window: submit, follow-up buttons, cancel, retry, and the poller.

Submitting spends money, so nothing here ever submits on its own: a job is stored before
its request goes out, a failed submit stays failed, and a job whose fate is unknown waits
for the user to resubmit or dismiss it.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable, Iterable

from ecovdesk.api import midjourney
from ecovdesk.api.errors import RelayError
from ecovdesk.core import conversation_store as store
from ecovdesk.core import job_store
from ecovdesk.core.catalogue import Catalogue, Family
from ecovdesk.core.chat_service import chat_key
from ecovdesk.core.database import Database
from ecovdesk.core.domain import (
    Attachment,
    AttachmentKind,
    Conversation,
    Job,
    JobState,
)
from ecovdesk.core.events import EventSink
from ecovdesk.core.job_book import ACTIVE, JobBook, request_params
from ecovdesk.core.job_families import MASK_NAME, adapter_for
from ecovdesk.core.job_follow_up import JobFollowUp, is_watched
from ecovdesk.core.job_marks import AFTER_STOP, NO_ID, RETRYABLE, WATCHING, retried_as
from ecovdesk.core.job_outputs import JobOutputs
from ecovdesk.core.job_poller import JobPoller, Sleep
from ecovdesk.core.job_preview import PreviewPixels, fetch_preview
from ecovdesk.core.job_sender import JobSender
from ecovdesk.core.job_store import NewJob
from ecovdesk.core.library import Library
from ecovdesk.core.relay_session import RelaySession
from ecovdesk.core.task_scope import TaskScope
from ecovdesk.core.user_turn import add_user_turn

log = logging.getLogger(__name__)

_SUBMITTING = (JobState.SUBMITTING,)
# Previews fetched at once: running jobs report theirs together, on the poller's beat, and
# each is decoded on a worker that competes with the window's thread for a core.
PREVIEWS_AT_ONCE = 2


class JobError(ValueError):
    """The job does not exist or is not in a state that allows what was asked."""


class AlreadyRetried(JobError):
    """The job's request was sent again already; a second Retry would pay a second time."""


class JobService:
    def __init__(
        self,
        db: Database,
        relay: RelaySession,
        library: Library,
        sink: EventSink,
        scope: TaskScope,
        catalogue: Catalogue,
        *,
        clock: Callable[[], float] = time.time,
        sleep: Sleep = asyncio.sleep,
    ) -> None:
        self._db = db
        self._relay = relay
        self._sink = sink
        self._scope = scope
        self._catalogue = catalogue
        self._clock = clock
        self._book = JobBook(db, sink, clock=clock)
        outputs = JobOutputs(library, sink)
        self._poller = JobPoller(db, relay, self._book, outputs, scope, clock=clock, sleep=sleep)
        self._follow_up = JobFollowUp(
            db, relay, self._book, outputs, scope, clock=clock, sleep=sleep
        )
        self._sender = JobSender(relay, self._book, scope, self._poller)
        self._previews = asyncio.Semaphore(PREVIEWS_AT_ONCE)

    # --- start ---------------------------------------------------------------------------

    async def start(self) -> None:
        """Pick up where the last run stopped; call once, after the conversations recover.

        Jobs that died before their id arrived become UNCERTAIN and are never sent again
        by themselves. Jobs with an id go back to polling, their messages streaming again.
        """
        for job in await self._db.run(job_store.active_jobs):
            if self._sender.is_sending(job.id):
                continue
            if job.state is JobState.SUBMITTING and not job.remote_id:
                await self._book.finish(job, JobState.UNCERTAIN, only_if=_SUBMITTING)
                continue
            state = JobState.QUEUED if job.state is JobState.SUBMITTING else job.state
            await self._db.run(job_store.resume_job, job.id, state, self._clock())
        self._poller.start()
        await self._follow_up.resume()

    def is_running(self, conversation_id: int) -> bool:
        return self._scope.is_running(chat_key(conversation_id))

    # --- new jobs ------------------------------------------------------------------------

    async def submit(
        self,
        conversation: Conversation | None,
        model: str,
        prompt: str,
        params: dict[str, object],
        attachments: list[Attachment] | None = None,
    ) -> Conversation:
        """Add the prompt and a reply linked to a new job, then send it in the background."""
        family = self._catalogue.get(model).family
        adapter = adapter_for(family)
        attached = list(attachments or [])
        conversation, _user = await add_user_turn(
            self._db, self._sink, conversation, model, prompt, attached, self._clock()
        )
        kind = adapter.kind_for(params, attached)
        new = NewJob(family.value, kind, model, prompt, dict(params), attached, conversation.id)
        await self._sender.launch(await self._book.create(new), attached)
        return conversation

    async def action(
        self,
        job_id: int,
        custom_id: str,
        *,
        prompt: str | None = None,
        mask_base64: str | None = None,
    ) -> Job:
        """Press a Midjourney button: a new job, child of ``job_id``, with its own reply.

        ``prompt`` and ``mask_base64`` answer the buttons that need a modal (Custom Zoom,
        Vary Region, remix); see :func:`ecovdesk.core.job_families.needs_modal`.
        """
        parent = await self._job(job_id)
        if parent.family != Family.MIDJOURNEY.value or parent.state is not JobState.SUCCEEDED:
            raise JobError("Only a finished Midjourney job has buttons")
        if not custom_id or not parent.remote_id:
            raise JobError("This button cannot be sent")
        button = next((a for a in parent.actions if a.custom_id == custom_id), None)
        params: dict[str, object] = {
            "custom_id": custom_id,
            "parent_remote_id": parent.remote_id,
            "label": button.label if button else "",
            "emoji": button.emoji if button else "",
            "mode": parent.params.get("mode", ""),
        }
        if prompt is not None:
            params["modal_prompt"] = prompt
        attached = [Attachment(AttachmentKind.IMAGE, mask_base64, MASK_NAME)] if mask_base64 else []
        base_prompt = prompt or str(parent.params.get("final_prompt") or parent.prompt)
        new = NewJob(
            parent.family,
            "action",
            parent.model,
            base_prompt,
            params,
            attached,
            await self._live_conversation(parent),
            parent.id,
        )
        job = await self._book.create(new)
        await self._sender.launch(job, attached)
        return job

    async def retry(self, job_id: int) -> Job:
        """Send a failed, cancelled or expired job's request again, as a new job.

        Each job is retried once: the old job is marked with its retry, so pressing Retry
        on it again (a double click, a second window onto the same job) pays nothing.
        """
        old = await self._job(job_id)
        if old.state not in RETRYABLE:
            raise JobError("Only a failed, cancelled or expired job can be retried")
        retry = retried_as(old)
        if retry is not None:
            raise AlreadyRetried(f"Job {job_id} was retried as job {retry}")
        attached = await self._db.run(job_store.job_attachments, old.id)
        new = NewJob(
            old.family,
            old.kind,
            old.model,
            old.prompt,
            request_params(old.params),
            attached,
            await self._live_conversation(old),
            old.parent_job_id,
        )
        job = await self._book.create_retry(old, new)
        if job is None:
            raise AlreadyRetried(f"Job {job_id} was retried meanwhile")
        await self._sender.launch(job, attached)
        return job

    # --- uncertain jobs ------------------------------------------------------------------

    async def resubmit(self, job_id: int) -> Job:
        """Send an UNCERTAIN job again, in the same row and message: the user's decision."""
        job = await self._job(job_id)
        if job.state is not JobState.UNCERTAIN:
            raise JobError("Only an uncertain job can be resubmitted")
        reopened = await self._book.reopen(
            job, remote_id="", progress=None, preview_url="", params=request_params(job.params)
        )
        if reopened is None:
            raise JobError("The job changed meanwhile")
        await self._sender.launch(reopened, await self._db.run(job_store.job_attachments, job.id))
        return reopened

    async def dismiss(self, job_id: int) -> Job:
        job = await self._job(job_id)
        if job.state is not JobState.UNCERTAIN:
            raise JobError("Only an uncertain job can be dismissed")
        dismissed = await self._book.finish(job, JobState.CANCELLED, only_if=(JobState.UNCERTAIN,))
        if dismissed is None:
            raise JobError("The job changed meanwhile")
        return dismissed

    # --- running jobs --------------------------------------------------------------------

    async def cancel(self, job_id: int) -> Job:
        """Stop waiting for a job, and cancel it on the relay where the family allows.

        No family the relay documents can be cancelled, so the relay may still finish the
        task and charge for it. A job whose remote id is known is then checked now and
        then, and its result kept if it arrives (see :mod:`ecovdesk.core.job_follow_up`).
        """
        job = await self._job(job_id)
        if not (job.state.is_active or job.state is JobState.UNCERTAIN):
            raise JobError("The job has already ended")
        params = dict(job.params)
        if job.state.is_active:
            params[AFTER_STOP] = WATCHING if job.remote_id else NO_ID
        cancelled = await self._book.finish(
            job, JobState.CANCELLED, only_if=(*ACTIVE, JobState.UNCERTAIN), params=params
        )
        if cancelled is None:
            raise JobError("The job changed meanwhile")
        self._sender.abandon(job.id)
        self._poller.stop_job(job.id)
        if not is_watched(cancelled):
            return cancelled
        if await self._cancel_on_relay(cancelled):
            plain = {k: v for k, v in cancelled.params.items() if k != AFTER_STOP}
            updated = await self._book.update(
                cancelled, only_if=(JobState.CANCELLED,), params=plain
            )
            return updated or cancelled
        self._follow_up.watch(job.id)
        return cancelled

    async def _cancel_on_relay(self, job: Job) -> bool:
        try:
            adapter = adapter_for(job.family)
        except ValueError:
            return False
        if not adapter.cancels_remotely:
            return False
        try:
            await adapter.cancel(self._relay.relay, job)
        except RelayError as error:
            log.info("the relay did not cancel job %d: %s", job.id, error.kind.value)
            return False
        return True

    async def repoll(self, job_id: int) -> None:
        """Ask the relay now instead of at the next scheduled poll (also about a job the
        user stopped waiting for); for a finished job, fetch its files again (raises
        RelayError when the relay cannot be asked)."""
        job = await self._job(job_id)
        if job.state is JobState.SUCCEEDED and job.remote_id:
            await self._poller.refetch(job)
            return
        if is_watched(job):
            self._follow_up.check_soon(job.id)
            return
        if not job.state.is_active or not job.remote_id:
            raise JobError("Only a running or finished job can be polled")
        await self._poller.poll_soon(job.id)

    async def image_seed(self, job_id: int) -> str:
        """The seed of a finished Midjourney picture (for ``--seed`` in a new prompt)."""
        job = await self._job(job_id)
        if job.family != Family.MIDJOURNEY.value or not job.remote_id:
            raise JobError("Only Midjourney pictures have a seed")
        return await midjourney.fetch_image_seed(self._relay.relay, job.remote_id)

    async def preview(self, url: str, side: int) -> PreviewPixels | None:
        """A running job's preview picture (``Job.preview_url``), checked and decoded to fit
        a ``side`` square, or None."""
        async with self._previews:
            return await fetch_preview(self._relay, url, side)

    # --- reading -------------------------------------------------------------------------

    async def list_jobs(self, limit: int | None = None) -> list[Job]:
        """Every job, newest first."""
        return await self._db.run(job_store.list_jobs, limit)

    async def get(self, job_id: int) -> Job | None:
        return await self._book.get(job_id)

    async def jobs_for_messages(self, message_ids: Iterable[int]) -> dict[int, Job]:
        return await self._db.run(job_store.jobs_for_messages, list(message_ids))

    async def children(self, job_id: int) -> list[Job]:
        """Jobs started from this one's buttons, oldest first (the lineage downwards)."""
        return await self._db.run(job_store.child_jobs, job_id)

    # --- lookups -------------------------------------------------------------------------

    async def _job(self, job_id: int) -> Job:
        job = await self._book.get(job_id)
        if job is None:
            raise JobError(f"No job {job_id}")
        return job

    async def _live_conversation(self, job: Job) -> int | None:
        if job.conversation_id is None:
            return None
        found = await self._db.run(store.get_conversation, job.conversation_id)
        return found.id if found is not None else None
