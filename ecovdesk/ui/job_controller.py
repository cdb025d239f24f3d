"""Media jobs in the window: cards in their conversations, the Jobs panel, previews, tray."""

from __future__ import annotations

from collections.abc import Callable, Coroutine
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QMessageBox, QSystemTrayIcon, QWidget
from shiboken6 import isValid

from ecovdesk.api.errors import RelayError
from ecovdesk.core.domain import Job, JobState
from ecovdesk.core.grid_split import split_grid
from ecovdesk.core.job_families import needs_modal
from ecovdesk.core.job_marks import FINISHED, after_stop, may_still_be_charged
from ecovdesk.core.job_service import AlreadyRetried, JobError, JobService
from ecovdesk.core.library import Library
from ecovdesk.ui.coalescer import Coalescer
from ecovdesk.ui.conversation_view import ConversationView
from ecovdesk.ui.job_card import PREVIEW_SIDE, JobCard
from ecovdesk.ui.job_words import charged_twice_warning
from ecovdesk.ui.jobs_panel import JobsPanel
from ecovdesk.ui.mask_painter import ModalDialog
from ecovdesk.ui.modal import ask_outside_tasks
from ecovdesk.ui.pictures import load_image

# Job updates arrive in bursts (every running job is polled on the same beat); they are
# shown together at most this often, each job in its latest state, and a turn of the event
# loop spends at most this long on them before the window gets to paint and take input.
SHOW_INTERVAL_MS = 30
SHOW_BUDGET_S = 0.005


class JobController(QObject):
    openConversationRequested = Signal(int)
    runningCountChanged = Signal(int)
    listenRequested = Signal(object)
    lyricsReady = Signal(str, str)
    promptChosen = Signal(str)
    notice = Signal(str)

    def __init__(
        self,
        jobs: JobService,
        library: Library,
        view: ConversationView,
        panel: JobsPanel,
        run: Callable[[Coroutine[Any, Any, Any]], None],
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        self._jobs = jobs
        self._library = library
        self._view = view
        self._panel = panel
        self._run = run
        self._window = parent
        self._known_states: dict[int, JobState] = {}
        self._running = 0
        self._updates: Coalescer[int, Job] = Coalescer(
            self._show,
            self._shown,
            interval_ms=SHOW_INTERVAL_MS,
            budget_s=SHOW_BUDGET_S,
            parent=self,
        )
        # One clock for every running card: their times change in the same turn, so the
        # conversation is laid out once a second rather than once per card.
        self._clock = QTimer(self, interval=1000)
        self._clock.timeout.connect(self._show_elapsed)
        self.tray: QSystemTrayIcon | None = None
        panel.cancelRequested.connect(lambda i: self._run(self._cancel(i)))
        panel.retryRequested.connect(lambda i: self._run(self._retry(i)))
        panel.repollRequested.connect(lambda i: self._run(self._jobs.repoll(i)))
        panel.resubmitRequested.connect(self._resubmit)
        panel.dismissRequested.connect(lambda i: self._run(self._jobs.dismiss(i)))
        panel.openRequested.connect(self._open_job)

    async def load(self) -> None:
        jobs = await self._jobs.list_jobs()
        self._known_states = {j.id: j.state for j in jobs}
        self._panel.set_jobs(jobs)
        self._count_running(force=True)

    async def show_for_visible_messages(self) -> None:
        ids = [b.message.id for b in self._view.bubbles()]
        if ids:
            for message_id, job in (await self._jobs.jobs_for_messages(ids)).items():
                self._card_for(message_id, job)

    def job_updated(self, job: Job) -> None:
        self._updates.put(job.id, job)

    def _shown(self, jobs: list[Job]) -> None:
        self._panel.upsert_many(jobs)
        self._count_running()

    def _show(self, job: Job) -> None:
        previous = self._known_states.get(job.id)
        self._known_states[job.id] = job.state
        if job.message_id is not None:
            card = self._card_for(job.message_id, job)
            url = job.preview_url
            if card is not None and url and job.state.is_active and url != card.preview_url:
                # Each picture is fetched once; a job reports many progress steps per preview.
                card.preview_url = url
                self._run(self._show_preview(card, url))
        if previous is not None and previous.is_active and job.state.is_final:
            self._notify(job)
            lyrics = job.params.get("lyrics_result")
            if job.kind == "lyrics" and isinstance(lyrics, str) and lyrics:
                self.lyricsReady.emit(lyrics, str(job.params.get("lyrics_title") or ""))
        elif previous is JobState.CANCELLED and after_stop(job) == FINISHED:
            # The result the user stopped waiting for came after all. Lyrics stay out of the
            # composer: the user has moved on and may be writing there.
            self._notify(job)

    def _count_running(self, *, force: bool = False) -> None:
        running = sum(1 for state in self._known_states.values() if state.is_active)
        if force or running != self._running:
            self._running = running
            self.runningCountChanged.emit(running)

    def _show_elapsed(self) -> None:
        running = False
        for bubble in self._view.bubbles():
            card = bubble.job_card
            if card is not None and card.job.state.is_active:
                card.show_elapsed()
                running = True
        if not running:
            self._clock.stop()

    def _card_for(self, message_id: int, job: Job) -> JobCard | None:
        bubble = self._view.bubble(message_id)
        if bubble is None:
            return None
        card = bubble.job_card
        if card is None:
            card = JobCard(job)
            card.actionRequested.connect(lambda i, c: self._run(self._press(i, c)))
            card.cancelRequested.connect(lambda i: self._run(self._cancel(i)))
            card.retryRequested.connect(lambda i: self._run(self._retry(i)))
            card.resubmitRequested.connect(self._resubmit)
            card.dismissRequested.connect(lambda i: self._run(self._jobs.dismiss(i)))
            card.splitRequested.connect(lambda _i, j=job: self._run(self._split(j)))
            card.parentRequested.connect(self._select_in_panel)
            card.listenRequested.connect(self.listenRequested)
            card.promptChosen.connect(self.promptChosen)
            card.seedRequested.connect(lambda i: self._run(self._show_seed(i)))
            bubble.attach_job_card(card)
        else:
            card.update_job(job)
        if job.state.is_active and not self._clock.isActive():
            self._clock.start()
        return card

    async def _press(self, job_id: int, custom_id: str) -> None:
        """A Midjourney button; those that need a prompt or a mask ask for it first."""
        if not needs_modal(custom_id):
            await self._jobs.action(job_id, custom_id)
            return
        job = await self._jobs.get(job_id)
        if job is None:
            return
        image = None
        if custom_id.startswith("MJ::Inpaint::") and job.message_id is not None:
            assets = (await self._library.for_messages([job.message_id])).get(job.message_id)
            if assets:
                image = load_image(assets[0].path)
        prompt = str(job.params.get("final_prompt") or job.prompt)

        def ask() -> None:
            dialog = ModalDialog(prompt, image, self._window)
            if dialog.exec():
                self._run(
                    self._jobs.action(
                        job_id,
                        custom_id,
                        prompt=dialog.prompt.text(),
                        mask_base64=dialog.mask_data(),
                    )
                )

        ask_outside_tasks(ask)

    async def _cancel(self, job_id: int) -> None:
        """Cancel only stops the waiting (no relay family can be told to stop a task), so
        the user hears first that the relay may still finish it and charge for it."""
        job = await self._jobs.get(job_id)
        if job is None or not job.state.is_active:
            return
        if job.remote_id:
            after = self.tr(
                "ecovdesk will keep checking now and then, and save the result to the "
                "library if it arrives."
            )
        else:
            after = self.tr("Its task id has not arrived yet, so the result cannot be fetched.")

        def ask() -> None:
            stop = self._confirm(
                self.tr("Stop waiting for this job?"),
                self.tr(
                    "The relay cannot be told to stop a task once it is sent: it may still "
                    "finish this one and charge for it."
                ),
                after,
                self.tr("Stop waiting"),
                self.tr("Keep waiting"),
            )
            if stop:
                self._run(self._stop_waiting(job_id))

        ask_outside_tasks(ask)

    async def _stop_waiting(self, job_id: int) -> None:
        try:
            await self._jobs.cancel(job_id)
        except JobError:
            # It ended while the user read the question: there is nothing left to stop.
            return

    async def _retry(self, job_id: int) -> None:
        job = await self._jobs.get(job_id)
        if job is None or not may_still_be_charged(job):
            await self._send_retry(job_id)
            return

        def ask() -> None:
            if self._confirm_charged_twice(self.tr("Retry")):
                self._run(self._send_retry(job_id))

        ask_outside_tasks(ask)

    async def _send_retry(self, job_id: int) -> None:
        try:
            await self._jobs.retry(job_id)
        except AlreadyRetried:
            # A second press before the first one's new job showed up: nothing was sent.
            self.notice.emit(self.tr("This job has already been retried; nothing was sent."))

    def _resubmit(self, job_id: int) -> None:
        """The relay may have received the first request, so sending it again may cost twice."""

        def ask() -> None:
            if self._confirm_charged_twice(self.tr("Resubmit")):
                self._run(self._jobs.resubmit(job_id))

        ask_outside_tasks(ask)

    def _confirm_charged_twice(self, send: str) -> bool:
        return self._confirm(
            self.tr("Send the request again?"),
            charged_twice_warning(),
            "",
            send,
            self.tr("Don't send"),
        )

    def _confirm(self, title: str, text: str, detail: str, yes: str, no: str) -> bool:
        """Asks, with the cautious answer as the default; True for ``yes``."""
        box = QMessageBox(self._window)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(title)
        box.setText(text)
        if detail:
            box.setInformativeText(detail)
        accept = box.addButton(yes, QMessageBox.ButtonRole.AcceptRole)
        box.setDefaultButton(box.addButton(no, QMessageBox.ButtonRole.RejectRole))
        box.exec()
        return box.clickedButton() is accept

    async def _show_seed(self, job_id: int) -> None:
        try:
            seed = await self._jobs.image_seed(job_id)
        except (RelayError, JobError):
            self.notice.emit(self.tr("The relay could not tell this picture's seed."))
            return
        QGuiApplication.clipboard().setText(seed)
        self.notice.emit(self.tr("Seed %1 (copied)").replace("%1", seed))

    async def _split(self, job: Job) -> None:
        if job.message_id is None:
            return
        assets = (await self._library.for_messages([job.message_id])).get(job.message_id, [])
        grids = [
            a
            for a in assets
            if a.provenance.job_id == job.id and "quadrant" not in a.provenance.params
        ]
        if grids:
            await split_grid(self._library, grids[0])

    async def _show_preview(self, card: JobCard, url: str) -> None:
        pixels = await self._jobs.preview(url, PREVIEW_SIDE)
        # The card goes when its conversation is closed, or shows a newer link by now.
        if not isValid(card) or card.preview_url != url:
            return
        if pixels is None:
            # Not shown: the next update with this link may try again.
            card.preview_url = ""
        elif card.job.preview_url == url:
            card.set_preview(pixels)

    def _notify(self, job: Job) -> None:
        window = self._window
        if self.tray is None or QApplication.activeWindow() is window:
            return
        if job.state is JobState.SUCCEEDED:
            title = self.tr("Job finished")
        else:
            title = self.tr("Job did not finish")
        self._last_notified = job
        self.tray.showMessage(title, job.prompt[:120] or job.model)

    def open_last_notified(self) -> None:
        job = getattr(self, "_last_notified", None)
        if job is not None:
            self._open_job(job)

    def _open_job(self, job: Job) -> None:
        if job.conversation_id is not None:
            self.openConversationRequested.emit(job.conversation_id)

    def _select_in_panel(self, job_id: int) -> None:
        for row, job in enumerate(self._panel.model.jobs):
            if job.id == job_id:
                self._panel.view.selectRow(row)
                self._open_job(job)
                return
