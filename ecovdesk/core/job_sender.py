"""Sending a job's request: once, in the background, and never again on its own.

The submit runs under the conversation's scope key, so the window's Stop reaches it. What
happens when it ends decides whether the job can be followed (an id arrived), failed (the
relay refused), or is uncertain (the request may have arrived, but no id came back).
"""

from __future__ import annotations

import asyncio
import logging

import httpx

from ecovdesk.api.errors import ErrorKind, RelayError
from ecovdesk.core.chat_service import INTERNAL, chat_key
from ecovdesk.core.domain import Attachment, Job, JobState
from ecovdesk.core.job_adapter import JobRequest
from ecovdesk.core.job_book import JobBook
from ecovdesk.core.job_families import adapter_for
from ecovdesk.core.job_poller import JobPoller
from ecovdesk.core.relay_session import RelaySession
from ecovdesk.core.task_scope import TaskScope

log = logging.getLogger(__name__)

# error_kind of a job refused before sending because its options make no request.
INVALID_REQUEST = "invalid_request"
# Cause of an UNCERTAIN job whose submit a gateway gave up on (HTTP 504): unlike the other
# gateway pages it means the request went on to the relay, so it is told apart.
GATEWAY_TIMEOUT = "gateway_timeout"
_SUBMITTING = (JobState.SUBMITTING,)


def maybe_received(error: RelayError) -> bool:
    """Whether the relay may have accepted a request that ended in ``error``.

    An error answer (any HTTP status with a body) is a refusal. Without an answer the
    request may have arrived, unless the connection itself could not be made.
    """
    if error.kind is ErrorKind.RELAY_UNAVAILABLE:
        # A gateway that timed out waiting (504) may have passed the request on.
        return error.status == 504
    if error.kind not in (ErrorKind.NETWORK, ErrorKind.TIMEOUT, ErrorKind.MALFORMED):
        return False
    return not isinstance(error.__cause__, (httpx.ConnectError, httpx.ConnectTimeout))


def uncertain_cause(error: RelayError) -> str:
    """What left the submit unanswered, kept on the UNCERTAIN job to explain it."""
    if error.kind is ErrorKind.RELAY_UNAVAILABLE and error.status == 504:
        return GATEWAY_TIMEOUT
    return error.kind.value


class JobSender:
    def __init__(
        self, relay: RelaySession, book: JobBook, scope: TaskScope, poller: JobPoller
    ) -> None:
        self._relay = relay
        self._book = book
        self._scope = scope
        self._poller = poller
        self._sending: dict[int, asyncio.Task[object]] = {}

    def is_sending(self, job_id: int) -> bool:
        return job_id in self._sending

    def abandon(self, job_id: int) -> None:
        """Stop waiting for the answer to ``job_id``'s request."""
        sending = self._sending.get(job_id)
        if sending is not None:
            sending.cancel()

    async def launch(self, job: Job, attachments: list[Attachment]) -> None:
        key = chat_key(job.conversation_id) if job.conversation_id else f"job-send:{job.id}"
        task = self._scope.start(self._send(job, attachments), key=key)
        self._sending[job.id] = task
        task.add_done_callback(lambda _: self._sending.pop(job.id, None))
        self._poller.start()
        # One turn of the loop lets the task enter its try block, so an immediate Stop
        # still settles the job instead of leaving it SUBMITTING.
        await asyncio.sleep(0)

    async def _send(self, job: Job, attachments: list[Attachment]) -> None:
        adapter = adapter_for(job.family)
        request = JobRequest(job.kind, job.model, job.prompt, job.params, attachments)
        current = job

        async def remember(remote_id: str) -> None:
            nonlocal current
            current = await self._book.update(current, remote_id=remote_id) or current

        try:
            submitted = await adapter.submit(self._relay.relay, request, remember)
        except asyncio.CancelledError:
            # The request may have reached the relay: only the user can decide to send again.
            await self._book.finish(current, JobState.UNCERTAIN, only_if=_SUBMITTING)
            raise
        except RelayError as error:
            log.info("submitting job %d failed: %s", current.id, error)
            if maybe_received(error):
                await self._book.finish(
                    current,
                    JobState.UNCERTAIN,
                    error=error.message,
                    cause=uncertain_cause(error),
                    only_if=_SUBMITTING,
                )
            else:
                await self._book.finish(
                    current, JobState.FAILED, error=error.message, error_kind=error.kind.value
                )
            return
        except ValueError as error:
            await self._book.finish(
                current, JobState.FAILED, error=str(error), error_kind=INVALID_REQUEST
            )
            return
        except Exception:
            log.exception("submitting a %s job failed", job.family)
            await self._book.finish(current, JobState.FAILED, error_kind=INTERNAL)
            return
        params = dict(current.params)
        if submitted.queue_note:
            params["queue_note"] = submitted.queue_note
        if submitted.final_prompt:
            params["final_prompt"] = submitted.final_prompt
        saving = self._book.update(
            current, remote_id=submitted.remote_id, state=JobState.QUEUED, params=params
        )
        try:
            # The id is what makes the job followable; a Stop now must not lose it.
            await asyncio.shield(saving)
        finally:
            self._poller.wake()
