"""A media job inside its conversation: state, progress, preview, and what can be done next."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QProgressBar, QVBoxLayout, QWidget

from ecovdesk.core.domain import Job, JobAction, JobState
from ecovdesk.core.job_marks import RETRYABLE, can_retry
from ecovdesk.ui import looks
from ecovdesk.ui.job_words import (
    action_text,
    elapsed_text,
    is_grid,
    job_reason,
    job_state_text,
    retried_tooltip,
)
from ecovdesk.ui.widgets import label, plain_tooltip, push_button

if TYPE_CHECKING:
    # Only the type: the module itself brings the HTTP stack, which start-up leaves for later.
    from ecovdesk.core.job_preview import PreviewPixels

PREVIEW_SIDE = 256
ACTION_COLUMNS = 5


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
        # A job the user stopped waiting for has not failed: what it may still cost is a
        # caution, not an error.
        stopped = self.job.state is JobState.CANCELLED
        looks.set_look(self.error, looks.WARNING if stopped else looks.ERROR)
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
