"""A media job inside its conversation: state, progress, preview, and what can be done next."""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QProgressBar, QVBoxLayout, QWidget

from ecovdesk.core.domain import Job, JobAction, JobState
from ecovdesk.core.job_marks import (
    FINISHED,
    GAVE_UP,
    NO_ID,
    RELAY_ENDED,
    RETRYABLE,
    WATCHING,
    after_stop,
    can_retry,
    failure_kind,
    may_still_be_charged,
    retried_as,
    stopped_waiting,
)
from ecovdesk.ui import looks
from ecovdesk.ui.error_text import describe_error, relay_says
from ecovdesk.ui.widgets import label, plain_tooltip, push_button

if TYPE_CHECKING:
    # Only the type: the module itself brings the HTTP stack, which start-up leaves for later.
    from ecovdesk.core.job_preview import PreviewPixels

PREVIEW_SIDE = 256
ACTION_COLUMNS = 5


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


class JobCard(QFrame):
    actionRequested = Signal(int, str)
    cancelRequested = Signal(int)
    retryRequested = Signal(int)
    resubmitRequested = Signal(int)
    dismissRequested = Signal(int)
    splitRequested = Signal(int)
    parentRequested = Signal(int)
    listenRequested = Signal(object)
    promptChosen = Signal(str)
    seedRequested = Signal(int)

    def __init__(self, job: Job, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.job = job
        # The link whose picture is shown, or on its way.
        self.preview_url = ""
        self._actions: list[JobAction] | None = None
        self._texts: list[str] | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 4)
        row = QHBoxLayout()
        self.state_label = label(name=looks.DIMMED)
        self.progress = QProgressBar()
        self.progress.setRange(0, 100)
        self.progress.setMaximumWidth(260)
        self.elapsed = label(name=looks.DIMMED)
        row.addWidget(self.state_label)
        row.addWidget(self.progress)
        row.addWidget(self.elapsed)
        row.addStretch(1)
        self.lineage = push_button("")
        self.lineage.setFlat(True)
        self.lineage.clicked.connect(lambda: self.parentRequested.emit(self.job.parent_job_id or 0))
        row.addWidget(self.lineage)
        layout.addLayout(row)
        self.preview = label()
        self.preview.setVisible(False)
        layout.addWidget(self.preview)
        self.error = label(name=looks.ERROR, wrap=True)
        layout.addWidget(self.error)
        controls = QHBoxLayout()
        self.cancel_button = push_button(self.tr("Cancel"))
        self.cancel_button.setToolTip(
            self.tr("Stop waiting for this job; the relay cannot be told to stop it")
        )
        self.cancel_button.clicked.connect(lambda: self.cancelRequested.emit(self.job.id))
        self.retry_button = push_button(self.tr("Retry"))
        self.retry_button.clicked.connect(lambda: self.retryRequested.emit(self.job.id))
        self.resubmit_button = push_button(self.tr("Resubmit"))
        self.resubmit_button.setToolTip(
            self.tr("Send the request again; this may be charged twice")
        )
        self.resubmit_button.clicked.connect(lambda: self.resubmitRequested.emit(self.job.id))
        self.dismiss_button = push_button(self.tr("Dismiss"))
        self.dismiss_button.clicked.connect(lambda: self.dismissRequested.emit(self.job.id))
        self.split_button = push_button(self.tr("Split into four"))
        self.split_button.setToolTip(self.tr("Save the four pictures of the grid separately, free"))
        self.split_button.clicked.connect(lambda: self.splitRequested.emit(self.job.id))
        self.listen_button = push_button(self.tr("Listen now"))
        self.listen_button.setToolTip(self.tr("Play the song while Suno is still making it"))
        self.listen_button.clicked.connect(lambda: self.listenRequested.emit(self.job))
        controls.addWidget(self.listen_button)
        for button in (
            self.cancel_button,
            self.retry_button,
            self.resubmit_button,
            self.dismiss_button,
            self.split_button,
        ):
            controls.addWidget(button)
        controls.addStretch(1)
        layout.addLayout(controls)
        self.texts_box = QVBoxLayout()
        layout.addLayout(self.texts_box)
        self.seed_button = push_button(self.tr("Seed"))
        self.seed_button.setToolTip(self.tr("Look up the seed of this picture"))
        self.seed_button.clicked.connect(lambda: self.seedRequested.emit(self.job.id))
        controls.addWidget(self.seed_button)
        self.actions_grid = QGridLayout()
        self.actions_grid.setAlignment(Qt.AlignmentFlag.AlignLeft)
        layout.addLayout(self.actions_grid)
        self._reason_words = ""
        self.update_job(job)

    def update_job(self, job: Job) -> None:
        # QProgressBar.setValue paints at once; held back, the card paints once, on the next
        # frame, with everything else that changed.
        self.setUpdatesEnabled(False)
        try:
            self._update(job)
        finally:
            self.setUpdatesEnabled(True)

    def _update(self, job: Job) -> None:
        self.job = job
        state = job.state
        self.state_label.setText(job_state_text(job))
        self.progress.setVisible(state.is_active)
        if job.progress is None:
            # Luma and Kling say nothing of their progress: a busy bar, not a "0%" that
            # never moves.
            self.progress.setRange(0, 0)
        else:
            self.progress.setRange(0, 100)
            self.progress.setValue(job.progress)
        self.show_elapsed()
        self._show_reason()
        self.cancel_button.setVisible(state.is_active)
        self.retry_button.setVisible(state in RETRYABLE)
        self.retry_button.setEnabled(can_retry(job))
        self.retry_button.setToolTip(retried_tooltip(job))
        self.resubmit_button.setVisible(state is JobState.UNCERTAIN)
        self.dismiss_button.setVisible(state is JobState.UNCERTAIN)
        grid = state is JobState.SUCCEEDED and job.family == "midjourney" and is_grid(job.actions)
        self.split_button.setVisible(grid)
        streaming = bool(job.params.get("stream_urls") or job.params.get("clips"))
        self.listen_button.setVisible(job.family == "suno" and state.is_active and streaming)
        self.lineage.setVisible(job.parent_job_id is not None)
        if job.parent_job_id is not None:
            self.lineage.setText(self.tr("From job #%1").replace("%1", str(job.parent_job_id)))
        if not state.is_active:
            self.preview.setVisible(False)
        self._show_actions(job.actions if state is JobState.SUCCEEDED else [])
        self.seed_button.setVisible(grid or (job.kind == "action" and state is JobState.SUCCEEDED))
        texts = job.params.get("texts")
        self._show_texts([str(t) for t in texts] if isinstance(texts, list) else [])

    def set_reason_words(self, words: str) -> None:
        """What kind of failure the reply records, in the user's language: the lead for a
        job stored before jobs kept their own kind of failure."""
        self._reason_words = words
        self._show_reason()

    def _show_reason(self) -> None:
        reason = job_reason(self.job, self._reason_words)
        text = reason.text if reason is not None else ""
        self.error.setText(text)
        self.error.setVisible(bool(text))

    def show_elapsed(self) -> None:
        """The time the job has run so far; the job controller asks every second."""
        self.elapsed.setText(elapsed_text(self.job))

    def _show_texts(self, texts: list[str]) -> None:
        """Describe and Shorten answer with prompts; each one is a click away from reuse."""
        if texts == self._texts:
            return
        self._texts = texts
        while self.texts_box.count():
            item = self.texts_box.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        for text in texts:
            button = push_button(self.tr("Use: %1").replace("%1", text[:90]))
            button.setToolTip(text)
            button.clicked.connect(lambda _=False, t=text: self.promptChosen.emit(t))
            self.texts_box.addWidget(button)
            # Shown (and styled) now, as part of this update, instead of in a later event.
            button.show()

    def set_preview(self, pixels: PreviewPixels) -> None:
        """Show a preview the core has already decoded and scaled to ``PREVIEW_SIDE``."""
        image = QImage(
            pixels.rgba,
            pixels.width,
            pixels.height,
            pixels.width * 4,
            QImage.Format.Format_RGBA8888,
        )
        # fromImage copies, so the pixmap does not depend on the bytes it was made from.
        self.preview.setPixmap(QPixmap.fromImage(image))
        self.preview.setVisible(self.job.state.is_active)

    def _show_actions(self, actions: list[JobAction]) -> None:
        # Buttons are costly to make and style, and a job reports the same ones repeatedly.
        if actions == self._actions:
            return
        self._actions = list(actions)
        while self.actions_grid.count():
            item = self.actions_grid.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        for index, action in enumerate(actions):
            button = push_button(action_text(action))
            button.setToolTip(plain_tooltip(action.custom_id))
            button.clicked.connect(
                lambda _=False, c=action.custom_id: self.actionRequested.emit(self.job.id, c)
            )
            self.actions_grid.addWidget(button, *divmod(index, ACTION_COLUMNS))
            # Shown (and styled) now, as part of this update, instead of in a later event.
            button.show()
