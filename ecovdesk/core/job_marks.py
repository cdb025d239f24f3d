"""What a job that ended badly keeps beside its request: the kind of failure that ended it,
and the job that sent its request again.

They live in the job's params, which the job store already keeps, so they survive a
restart without a schema change. This module needs nothing but the domain, so the window
can read them without loading the HTTP and database stacks.
"""

from __future__ import annotations

from ecovdesk.core.domain import Job, JobState

FAILURE_KIND = "error_kind"
RETRIED_AS = "retried_as"
# What became of a job after the user stopped waiting for it. No relay family offers a way
# to stop a task once sent, so the relay may still run it, finish it and charge for it.
AFTER_STOP = "after_stop"
# The relay has the task's id and ecovdesk still checks on it now and then, to keep the
# result should it arrive.
WATCHING = "watching"
# Stopped before the relay's id arrived: the request may have reached it, but cannot be
# asked about.
NO_ID = "no_id"
# The relay ended the task without a result (it failed, was cancelled, or is gone).
RELAY_ENDED = "relay_ended"
# No answer in the whole time a job may run; ecovdesk stopped checking.
GAVE_UP = "gave_up"
# The relay finished the task after all; its result is in the library.
FINISHED = "finished"
# Outcomes after which the relay may have run, or may still run, the request it was sent.
_MAY_BE_CHARGED = frozenset({WATCHING, NO_ID, GAVE_UP})
# States whose FAILURE_KIND says why; a cancel needs no explaining.
EXPLAINED = frozenset({JobState.FAILED, JobState.EXPIRED, JobState.UNCERTAIN})
RETRYABLE = (JobState.FAILED, JobState.CANCELLED, JobState.EXPIRED)


def failure_kind(job: Job) -> str | None:
    """What kind of failure ended ``job``: an ``ErrorKind`` value, ``expired``,
    ``uncertain``, or an uncertain submit's cause; None for a job stored before kinds were
    kept."""
    kind = job.params.get(FAILURE_KIND)
    return kind if isinstance(kind, str) and kind else None


def retried_as(job: Job) -> int | None:
    """The id of the job that sent ``job``'s request again, once the user pressed Retry."""
    new_id = job.params.get(RETRIED_AS)
    return new_id if isinstance(new_id, int) and not isinstance(new_id, bool) else None


def can_retry(job: Job) -> bool:
    """Whether Retry may send ``job``'s request again: it ended without a result and has not
    been retried yet (a second retry would pay a second time)."""
    return job.state in RETRYABLE and retried_as(job) is None


def after_stop(job: Job) -> str | None:
    """What became of ``job`` after the user stopped waiting for it; None if they did not."""
    value = job.params.get(AFTER_STOP)
    return value if isinstance(value, str) and value else None


def stopped_waiting(job: Job) -> bool:
    """Whether the user stopped waiting for ``job`` while the relay may have had it."""
    return job.state is JobState.CANCELLED and after_stop(job) is not None


def may_still_be_charged(job: Job) -> bool:
    """Whether the relay may have run (or may yet run) ``job``'s request though ecovdesk
    stopped waiting: sending it again may then be paid for twice."""
    return job.state is JobState.CANCELLED and after_stop(job) in _MAY_BE_CHARGED


def with_failure(params: dict[str, object], kind: str | None) -> dict[str, object]:
    """``params`` recording ``kind`` as the failure (none when ``kind`` is None)."""
    kept = {key: value for key, value in params.items() if key != FAILURE_KIND}
    if kind:
        kept[FAILURE_KIND] = kind
    return kept
