"""How a media job is put into words: its state, why it stopped, its time and its buttons.

The card in the conversation and the row in the Jobs tab say the same things in the same words.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

from ecovdesk.core.domain import Job, JobAction, JobState
from ecovdesk.core.job_marks import (
    FINISHED,
    GAVE_UP,
    NO_ID,
    RELAY_ENDED,
    WATCHING,
    after_stop,
    failure_kind,
    may_still_be_charged,
    retried_as,
    stopped_waiting,
)
from ecovdesk.ui.error_text import describe_error, relay_says


def state_text(state: JobState) -> str:
    return {
        JobState.SUBMITTING: QCoreApplication.translate("JobCard", "Submitting…"),
        JobState.UNCERTAIN: QCoreApplication.translate(
            "JobCard", "Unknown whether the relay received it"
        ),
        JobState.QUEUED: QCoreApplication.translate("JobCard", "Queued"),
        JobState.RUNNING: QCoreApplication.translate("JobCard", "Running"),
        JobState.SUCCEEDED: QCoreApplication.translate("JobCard", "Done"),
        JobState.FAILED: QCoreApplication.translate("JobCard", "Failed"),
        JobState.CANCELLED: QCoreApplication.translate("JobCard", "Cancelled"),
        JobState.EXPIRED: QCoreApplication.translate("JobCard", "Expired"),
    }[state]


def _own_state_text(job: Job) -> str:
    """The state, where a cancel that only stopped the waiting says so."""
    if stopped_waiting(job):
        return QCoreApplication.translate("JobCard", "Stopped waiting")
    if job.state is JobState.SUCCEEDED and after_stop(job) == FINISHED:
        return QCoreApplication.translate("JobCard", "Done after all")
    return state_text(job.state)


def job_state_text(job: Job) -> str:
    """The job's state, and for a retried job which job sent its request again."""
    text = _own_state_text(job)
    new_id = retried_as(job)
    if new_id is None:
        return text
    return (
        QCoreApplication.translate("JobCard", "%1 · retried as #%2")
        .replace("%1", text)
        .replace("%2", str(new_id))
    )


def charged_twice_warning() -> str:
    """Why sending again a request the relay may still run can cost twice."""
    return QCoreApplication.translate(
        "JobCard",
        "The relay may have the first request and may still finish it and charge for it, "
        "so sending it again may be charged twice.",
    )


def retried_tooltip(job: Job) -> str:
    """Why Retry is unavailable on a job retried already, what pressing it risks, or ""."""
    new_id = retried_as(job)
    if new_id is None:
        return charged_twice_warning() if may_still_be_charged(job) else ""
    return QCoreApplication.translate(
        "JobCard",
        "Already retried as job #%1. Retry that job instead, so the request is not paid for twice.",
    ).replace("%1", str(new_id))


@dataclass(frozen=True)
class JobReason:
    """Why a job ended badly: what happened, in the user's language, then the relay's own
    words marked as its own (empty when it gave none)."""

    lead: str
    relay: str = ""

    @property
    def text(self) -> str:
        return "\n".join(part for part in (self.lead, self.relay) if part)

    @property
    def line(self) -> str:
        """The whole reason on one line, for a table cell."""
        return " ".join(" ".join(part.split()) for part in (self.lead, self.relay) if part)


# Kinds whose job.error is ecovdesk's own note for the log, not words the relay sent.
_OWN_WORDS = frozenset({"invalid_request", "internal"})


def _uncertain_lead(cause: str | None) -> str:
    """Why the relay's answer to the submit is missing; whether the task exists is unknown."""
    leads = {
        "gateway_timeout": QCoreApplication.translate(
            "JobCard",
            "The relay's gateway timed out before the relay confirmed this request, so the "
            "task may or may not have been created.",
        ),
        "timeout": QCoreApplication.translate(
            "JobCard",
            "The relay took too long to confirm this request, so the task may or may not "
            "have been created.",
        ),
        "malformed": QCoreApplication.translate(
            "JobCard",
            "The relay's answer to this request could not be read, so the task may or may "
            "not have been created.",
        ),
        "network": QCoreApplication.translate(
            "JobCard",
            "The connection was lost before the relay confirmed this request, so the task "
            "may or may not have been created.",
        ),
    }
    lead = leads.get(cause or "")
    # No cause kept: ecovdesk itself stopped waiting (Stop, quitting, a crash).
    return lead if lead is not None else describe_error("uncertain", None)


def _failed_lead(kind: str | None) -> str:
    if kind is None or kind == "upstream":
        # A task the relay accepted and its model then refused (moderation) or could not
        # finish, or a submit the model's service turned down.
        return QCoreApplication.translate(
            "JobCard", "The model's service refused this task or could not finish it."
        )
    return describe_error(kind, None)


def _stopped_lead(outcome: str | None) -> str:
    """What the relay may still do with a job the user stopped waiting for."""
    leads = {
        WATCHING: QCoreApplication.translate(
            "JobCard",
            "The relay cannot be told to stop, so it may still finish this task and charge "
            "for it. If it does, the result is saved to the library.",
        ),
        NO_ID: QCoreApplication.translate(
            "JobCard",
            "The request may already have reached the relay, which may still run it and "
            "charge for it. Its task id never arrived, so the result cannot be fetched.",
        ),
        RELAY_ENDED: QCoreApplication.translate(
            "JobCard", "The relay ended this task without a result."
        ),
        GAVE_UP: QCoreApplication.translate(
            "JobCard",
            "The relay sent no result within a day, so ecovdesk stopped checking; it may "
            "still have charged for this task.",
        ),
    }
    return leads.get(outcome or "", "")


def job_reason(job: Job, fallback: str = "") -> JobReason | None:
    """Why ``job`` failed, expired or may not have run; None for a job that did not.

    ``fallback`` is the lead for a failed job stored without its kind and without words
    from the relay (its reply's own kind, as the conversation describes it).
    """
    kind = failure_kind(job)
    relay = relay_says(job.error) if job.error and kind not in _OWN_WORDS else ""
    if job.state is JobState.UNCERTAIN:
        return JobReason(_uncertain_lead(kind), relay)
    if job.state is JobState.EXPIRED:
        return JobReason(describe_error("expired", None), relay)
    if job.state is JobState.FAILED:
        if kind is None and not job.error:
            return JobReason(fallback or describe_error(None, None))
        return JobReason(_failed_lead(kind), relay)
    if stopped_waiting(job):
        return JobReason(_stopped_lead(after_stop(job)), relay)
    # A task the relay cancelled on its own may say why; the user's own cancel needs no words.
    return JobReason("", relay) if relay and job.state is JobState.CANCELLED else None


def elapsed_text(job: Job, now: float | None = None) -> str:
    end = job.finished_at or (now if now is not None else time.time())
    if job.state is JobState.UNCERTAIN and job.updated_at:
        # Nothing runs while the user decides whether to send it again: the clock stops.
        end = job.updated_at
    seconds = max(0, int(end - job.created_at))
    minutes, seconds = divmod(seconds, 60)
    return f"{minutes}:{seconds:02d}"


def _label_words() -> dict[str, str]:
    """Midjourney's own English labels in the user's language. U1–V4 read the same in every
    language; a label not listed here is shown as the relay sent it."""
    return {
        "Upscale (Subtle)": QCoreApplication.translate("JobCard", "Upscale (Subtle)"),
        "Upscale (Creative)": QCoreApplication.translate("JobCard", "Upscale (Creative)"),
        "Upscale (2x)": QCoreApplication.translate("JobCard", "Upscale (2x)"),
        "Upscale (4x)": QCoreApplication.translate("JobCard", "Upscale (4x)"),
        "Vary (Subtle)": QCoreApplication.translate("JobCard", "Vary (Subtle)"),
        "Vary (Strong)": QCoreApplication.translate("JobCard", "Vary (Strong)"),
        "Vary (Region)": QCoreApplication.translate("JobCard", "Vary (Region)"),
        "Zoom Out 2x": QCoreApplication.translate("JobCard", "Zoom Out 2x"),
        "Zoom Out 1.5x": QCoreApplication.translate("JobCard", "Zoom Out 1.5x"),
        "Custom Zoom": QCoreApplication.translate("JobCard", "Custom Zoom"),
        "Make Square": QCoreApplication.translate("JobCard", "Make Square"),
    }


def action_text(action: JobAction) -> str:
    """The button's label; the emoji-only ones (reroll, pans) also get words, since not every
    system has an emoji font."""
    if action.label:
        label = _label_words().get(action.label, action.label)
        return " ".join(p for p in (action.emoji, label) if p)
    words = {
        "reroll": QCoreApplication.translate("JobCard", "Reroll"),
        "pan_left": QCoreApplication.translate("JobCard", "Pan left"),
        "pan_right": QCoreApplication.translate("JobCard", "Pan right"),
        "pan_up": QCoreApplication.translate("JobCard", "Pan up"),
        "pan_down": QCoreApplication.translate("JobCard", "Pan down"),
    }
    parts = action.custom_id.split("::")
    word = words.get(parts[2], "") if len(parts) > 2 else ""
    return " ".join(p for p in (action.emoji, word) if p) or action.custom_id


def is_grid(actions: list[JobAction]) -> bool:
    """Whether the picture is a 2×2 grid: only a grid offers the plain upscale of one of its
    quarters (``MJ::JOB::upsample::N``); an upscaled picture's own upscales are named
    differently (``upsample_v6_2x_subtle``), though their labels also begin with "U"."""
    return any(a.custom_id.split("::")[2:3] == ["upsample"] for a in actions)
