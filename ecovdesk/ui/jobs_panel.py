"""The Jobs panel: every media job of every family, newest first, with what can be done."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ecovdesk.core.domain import Job, JobAction, JobState
from ecovdesk.core.job_marks import WATCHING, after_stop, can_retry
from ecovdesk.ui import looks
from ecovdesk.ui.job_words import (
    action_text,
    elapsed_text,
    job_reason,
    job_state_text,
    retried_tooltip,
)
from ecovdesk.ui.model_picker import group_title
from ecovdesk.ui.widgets import label, plain_tooltip, push_button

Index = QModelIndex | QPersistentModelIndex
JOB_ROLE = Qt.ItemDataRole.UserRole
KIND, PROMPT, MODEL, STATE, PROGRESS, TIME, REASON = range(7)
# Columns as wide as their words; the reason takes whatever is left.
FITTED = (KIND, MODEL, STATE, PROGRESS, TIME)
# The widest progress and time there will be, so those columns never need measuring again.
_WIDEST = {PROGRESS: "100%", TIME: "0000:00"}
# The prompt's share of the table's width; it also has its tooltip, the reason the rest.
PROMPT_SHARE = 0.18
PROMPT_WIDTHS = (110, 320)
# No fitted column may take more than this; longer words are elided, whole in the tooltip.
FITTED_MAX = 220
# Room beside a cell's text: the item's margins and the grid line.
CELL_PADDING = 14
FAMILY_GROUPS = {
    "midjourney": "midjourney",
    "suno": "suno",
    "luma": "video",
    "runway": "video",
    "kling": "video",
}


class JobsModel(QAbstractTableModel):
    def __init__(self) -> None:
        super().__init__()
        self.jobs: list[Job] = []
        self._headers = [
            self.tr("Kind"),
            self.tr("Prompt"),
            self.tr("Model"),
            self.tr("State"),
            self.tr("Progress"),
            self.tr("Time"),
            self.tr("Reason"),
        ]

    def set_jobs(self, jobs: list[Job]) -> None:
        self.beginResetModel()
        self.jobs = list(jobs)
        self.endResetModel()

    def upsert_many(self, jobs: list[Job]) -> None:
        """Each job in its row, new ones on top (the last given first), all in one change."""
        rows = {job.id: row for row, job in enumerate(self.jobs)}
        changed: list[int] = []
        added: dict[int, Job] = {}
        for job in jobs:
            row = rows.get(job.id)
            if row is None:
                added[job.id] = job
            else:
                self.jobs[row] = job
                changed.append(row)
        if changed:
            last = self.columnCount() - 1
            self.dataChanged.emit(self.index(min(changed), 0), self.index(max(changed), last))
        if added:
            self.beginInsertRows(QModelIndex(), 0, len(added) - 1)
            self.jobs[:0] = reversed(added.values())
            self.endInsertRows()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.jobs)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        job = self.jobs[index.row()]
        if role == JOB_ROLE:
            return job
        column = index.column()
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(job, column)
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        return cell_text(job, column)

    @staticmethod
    def _tooltip(job: Job, column: int) -> str | None:
        if column == PROMPT:
            return plain_tooltip(job.prompt)
        if column in (KIND, MODEL):
            # Elided when longer than the column may grow.
            return plain_tooltip(cell_text(job, column))
        if column == STATE:
            return retried_tooltip(job) or None
        if column == REASON:
            # The cell has room for the start of the reason; the tooltip shows all of it.
            reason = job_reason(job)
            return plain_tooltip(reason.text) if reason is not None else None
        return None


def cell_text(job: Job, column: int) -> str:
    if column == KIND:
        return _job_type(job)
    if column == PROMPT:
        # One line a row: lyrics and long prompts hold line breaks.
        return " ".join(job.prompt.split())[:80]
    if column == MODEL:
        return job.model
    if column == STATE:
        return job_state_text(job)
    if column == PROGRESS:
        # A failed job's last figure says nothing about it any more.
        shown = job.progress is not None and job.state in (JobState.RUNNING, JobState.SUCCEEDED)
        return f"{job.progress}%" if shown else ""
    if column == TIME:
        return elapsed_text(job)
    reason = job_reason(job)
    return reason.line if reason is not None else ""


class JobsPanel(QWidget):
    cancelRequested = Signal(int)
    retryRequested = Signal(int)
    repollRequested = Signal(int)
    resubmitRequested = Signal(int)
    dismissRequested = Signal(int)
    openRequested = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = JobsModel()
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.cancel_button = push_button(self.tr("Cancel"))
        self.cancel_button.setToolTip(
            self.tr("Stop waiting for this job; the relay cannot be told to stop it")
        )
        self.retry_button = push_button(self.tr("Retry"))
        self.repoll_button = push_button(self.tr("Check again"))
        self.repoll_button.setToolTip(
            self.tr("Ask the relay about this job now; a finished job downloads its files again")
        )
        self.resubmit_button = push_button(self.tr("Resubmit"))
        self.dismiss_button = push_button(self.tr("Dismiss"))
        self.open_button = push_button(self.tr("Open result"))
        self.running_label = label(name=looks.DIMMED)
        for button, signal in (
            (self.cancel_button, self.cancelRequested),
            (self.retry_button, self.retryRequested),
            (self.repoll_button, self.repollRequested),
            (self.resubmit_button, self.resubmitRequested),
            (self.dismiss_button, self.dismissRequested),
        ):
            button.clicked.connect(lambda _=False, s=signal: self._emit_for_selection(s))
            bar.addWidget(button)
        self.open_button.clicked.connect(self._open_selection)
        bar.addWidget(self.open_button)
        bar.addStretch(1)
        bar.addWidget(self.running_label)
        layout.addLayout(bar)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.verticalHeader().setVisible(False)
        # One line a row, elided: wrapped text in a row one line tall shows clipped halves.
        self.view.setWordWrap(False)
        self.view.setTextElideMode(Qt.TextElideMode.ElideRight)
        header = self.view.horizontalHeader()
        # Not ResizeToContents: that measures every row on each job update. The fitted
        # columns are measured here, only for the jobs that changed.
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(REASON, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(40)
        self._fitted: dict[int, int] = {}
        self.view.doubleClicked.connect(lambda _i: self._open_selection())
        self.view.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        layout.addWidget(self.view, 1)
        self.empty_hint = label(
            self.tr("Midjourney, Suno and video jobs appear here while they run and after."),
            name=looks.DIMMED,
            align=Qt.AlignmentFlag.AlignCenter,
        )
        layout.addWidget(self.empty_hint)
        self._ticker = QTimer(self, interval=1000)
        self._ticker.timeout.connect(self._refresh_times)
        self._ticker.start()
        self._fit_columns([], reset=True)
        self._update_buttons()

    def set_jobs(self, jobs: list[Job]) -> None:
        self.model.set_jobs(jobs)
        self._fit_columns(jobs, reset=True)
        self._update_buttons()

    def upsert_many(self, jobs: list[Job]) -> None:
        self.model.upsert_many(jobs)
        self._fit_columns(jobs)
        self._update_buttons()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_prompt()

    def _fit_prompt(self) -> None:
        low, high = PROMPT_WIDTHS
        width = int(self.view.viewport().width() * PROMPT_SHARE)
        self.view.horizontalHeader().resizeSection(PROMPT, max(low, min(high, width)))

    def _fit_columns(self, jobs: Iterable[Job], *, reset: bool = False) -> None:
        """Widen the fitted columns to the words of ``jobs`` (from their headers up, when
        ``reset``); they never narrow on an update, so rows do not jump as jobs change."""
        header = self.view.horizontalHeader()
        metrics = self.view.fontMetrics()
        before = {} if reset else dict(self._fitted)
        if reset:
            self._fitted = {c: header.sectionSizeFromContents(c).width() for c in FITTED}
            for column, sample in _WIDEST.items():
                self._fitted[column] = max(
                    self._fitted[column], metrics.horizontalAdvance(sample) + CELL_PADDING
                )
        for job in jobs:
            for column in (KIND, MODEL, STATE):
                words = metrics.horizontalAdvance(cell_text(job, column)) + CELL_PADDING
                self._fitted[column] = max(self._fitted[column], min(words, FITTED_MAX))
        # Only what grew: a width the user dragged stays until its words need more.
        for column, width in self._fitted.items():
            if width != before.get(column):
                header.resizeSection(column, width)

    def selected(self) -> Job | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.jobs[rows[0].row()] if rows else None

    def running_count(self) -> int:
        return sum(1 for j in self.model.jobs if j.state.is_active)

    def _emit_for_selection(self, signal: Any) -> None:
        job = self.selected()
        if job is not None:
            signal.emit(job.id)

    def _open_selection(self) -> None:
        job = self.selected()
        if job is not None:
            self.openRequested.emit(job)

    def _update_buttons(self) -> None:
        job = self.selected()
        state = job.state if job else None
        self.cancel_button.setEnabled(state is not None and state.is_active)
        self.retry_button.setEnabled(job is not None and can_retry(job))
        self.retry_button.setToolTip(retried_tooltip(job) if job is not None else "")
        # As the job service takes it: a running job is asked about at once, a finished one
        # has its files fetched again (one refused or lost); a failed one has nothing to ask.
        self.repoll_button.setEnabled(
            job is not None
            and bool(job.remote_id)
            and (
                job.state.is_active
                or job.state is JobState.SUCCEEDED
                or (job.state is JobState.CANCELLED and after_stop(job) == WATCHING)
            )
        )
        self.resubmit_button.setEnabled(state is JobState.UNCERTAIN)
        self.dismiss_button.setEnabled(state is JobState.UNCERTAIN)
        self.open_button.setEnabled(job is not None and job.conversation_id is not None)
        running = self.running_count()
        self.running_label.setText(self.tr("%n job(s) running", "", running))
        self.empty_hint.setVisible(not self.model.jobs)

    def _refresh_times(self) -> None:
        if not self.isVisible():
            return
        rows = self.model.rowCount()
        if rows and any(j.state.is_active for j in self.model.jobs):
            last = rows - 1
            self.model.dataChanged.emit(self.model.index(0, TIME), self.model.index(last, TIME))


def _job_type(job: Job) -> str:
    """The family, and for a Midjourney button the button pressed: a grid and its U1 and V2
    share their prompt, model and state, and only this tells their rows apart."""
    family = group_title(FAMILY_GROUPS.get(job.family, job.family))
    custom_id = job.params.get("custom_id")
    if job.kind != "action" or not isinstance(custom_id, str):
        return family
    label, emoji = job.params.get("label"), job.params.get("emoji")
    button = JobAction(
        custom_id, label if isinstance(label, str) else "", emoji if isinstance(emoji, str) else ""
    )
    return f"{family} · {action_text(button)}"
