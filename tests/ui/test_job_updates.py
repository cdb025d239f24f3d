"""Job reports as the window shows them: bursts of them come out as each job's latest state."""

from __future__ import annotations

import asyncio
import dataclasses
from collections.abc import Coroutine, Iterator
from typing import Any, cast

import pytest
import qasync
from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication, QPushButton, QTabWidget
from pytestqt.qtbot import QtBot

from ecovdesk.core.domain import Job, JobAction, JobState, Message, MessageState, Role
from ecovdesk.core.job_preview import PreviewPixels
from ecovdesk.core.job_service import JobService
from ecovdesk.core.library import Library
from ecovdesk.ui.coalescer import Coalescer
from ecovdesk.ui.conversation_view import ConversationView
from ecovdesk.ui.i18n import install_translation
from ecovdesk.ui.job_card import JobCard
from ecovdesk.ui.job_controller import JobController
from ecovdesk.ui.job_words import elapsed_text
from ecovdesk.ui.jobs_panel import JobsPanel

MESSAGE_ID = 7
PREVIEW = "https://cdn.example/mj-1-preview.webp"
ACTIONS = [JobAction(f"MJ::JOB::upsample::{n}::abc", f"U{n}") for n in range(1, 5)]


class FakeJobs:
    """The two things the window asks the job service for here."""

    def __init__(self) -> None:
        self.previews: list[str] = []
        self.jobs: list[Job] = []

    async def preview(self, url: str, side: int) -> PreviewPixels:
        self.previews.append(url)
        return PreviewPixels(side, side, bytes(side * side * 4))

    async def list_jobs(self, limit: int | None = None) -> list[Job]:
        return list(self.jobs)


@dataclasses.dataclass
class Window:
    tabs: QTabWidget
    view: ConversationView
    panel: JobsPanel
    controller: JobController
    service: FakeJobs

    def card(self) -> JobCard | None:
        bubble = self.view.bubble(MESSAGE_ID)
        return bubble.job_card if bubble is not None else None


@pytest.fixture
def window(qtbot: QtBot, qt_running: qasync.QEventLoop, qapp: QApplication) -> Iterator[Window]:
    install_translation(qapp, "en")
    tasks: set[asyncio.Task[Any]] = set()

    def run(coro: Coroutine[Any, Any, Any]) -> None:
        task = qt_running.create_task(coro)
        tasks.add(task)
        task.add_done_callback(tasks.discard)

    tabs = QTabWidget()
    qtbot.addWidget(tabs)
    view = ConversationView()
    panel = JobsPanel()
    tabs.addTab(view, "Chat")
    tabs.addTab(panel, "Jobs")
    reply = Message(
        MESSAGE_ID, 1, Role.ASSISTANT, "", model="midjourney", state=MessageState.STREAMING
    )
    view.show_messages([reply], has_earlier=False)
    service = FakeJobs()
    controller = JobController(
        cast(JobService, service), cast(Library, object()), view, panel, run, tabs
    )
    tabs.show()
    yield Window(tabs, view, panel, controller, service)
    for task in tasks:
        task.cancel()


def _job(**changes: Any) -> Job:
    job = Job(
        id=1,
        family="midjourney",
        model="midjourney",
        prompt="a lighthouse",
        state=JobState.RUNNING,
        message_id=MESSAGE_ID,
        conversation_id=1,
    )
    return dataclasses.replace(job, **changes)


def test_a_burst_of_reports_leaves_the_card_and_the_jobs_tab_at_the_latest(
    qtbot: QtBot, window: Window
) -> None:
    for progress in (10, 40, 75):
        window.controller.job_updated(_job(progress=progress, preview_url=PREVIEW))
    qtbot.waitUntil(lambda: window.card() is not None)
    card = window.card()
    assert card is not None
    qtbot.waitUntil(lambda: card.preview.isVisibleTo(card))
    assert card.progress.value() == 75
    assert card.state_label.text() == "Running"
    # One picture per link, however many progress steps report it.
    assert window.service.previews == [PREVIEW]

    window.tabs.setCurrentWidget(window.panel)
    model = window.panel.model
    assert model.rowCount() == 1
    assert model.index(0, 3).data() == "Running"
    assert model.index(0, 4).data() == "75%"
    assert window.panel.running_label.text() == "1 job running"


def test_a_job_that_ends_within_a_burst_shows_its_result_and_stops_counting(
    qtbot: QtBot, window: Window
) -> None:
    counts: list[int] = []
    window.controller.runningCountChanged.connect(counts.append)
    window.controller.job_updated(_job(progress=50))
    qtbot.waitUntil(lambda: counts == [1])
    window.controller.job_updated(_job(progress=100, actions=ACTIONS))
    window.controller.job_updated(
        _job(state=JobState.SUCCEEDED, progress=100, actions=ACTIONS, finished_at=2.0)
    )
    qtbot.waitUntil(lambda: counts == [1, 0])
    card = window.card()
    assert card is not None and card.job.state is JobState.SUCCEEDED
    shown = [b.text() for b in card.findChildren(QPushButton) if b.isVisibleTo(card)]
    assert {"U1", "U2", "U3", "U4"} <= set(shown)
    assert not card.progress.isVisibleTo(card)
    assert window.panel.model.index(0, 3).data() == "Done"

    # The same buttons reported again are left as they are, not made anew.
    u1 = next(b for b in card.findChildren(QPushButton) if b.text() == "U1")
    window.controller.job_updated(
        _job(state=JobState.SUCCEEDED, progress=100, actions=ACTIONS, finished_at=2.0)
    )
    window.controller.job_updated(_job(id=2, message_id=None, state=JobState.QUEUED))
    qtbot.waitUntil(lambda: window.panel.model.rowCount() == 2)
    assert next(b for b in card.findChildren(QPushButton) if b.text() == "U1") is u1


def test_values_come_out_latest_per_key_in_the_order_keys_arrived(
    qtbot: QtBot, qt_running: qasync.QEventLoop
) -> None:
    owner = QObject()
    one_by_one: list[str] = []
    turns: list[list[str]] = []
    # No budget at all: every turn shows one value, and the rest still follow.
    coalescer: Coalescer[int, str] = Coalescer(
        one_by_one.append, turns.append, interval_ms=0, budget_s=0.0, parent=owner
    )
    for key, value in ((1, "a"), (2, "b"), (1, "c"), (3, "d"), (2, "e")):
        coalescer.put(key, value)
    qtbot.waitUntil(lambda: len(one_by_one) == 3)
    assert one_by_one == ["c", "e", "d"]
    assert turns == [["c"], ["e"], ["d"]]


UPSCALE_ACTIONS = [
    JobAction("MJ::JOB::upsample_v6_2x_subtle::1::abc::SOLO", "Upscale (Subtle)"),
    JobAction("MJ::JOB::low_variation::1::abc::SOLO", "Vary (Subtle)"),
    JobAction("MJ::Inpaint::1::abc::SOLO", "Vary (Region)"),
    JobAction("MJ::Outpaint::50::1::abc::SOLO", "Zoom Out 2x"),
    JobAction("MJ::CustomZoom::abc", "Custom Zoom"),
    JobAction("MJ::JOB::pan_left::1::abc::SOLO", "", "⬅️"),
    JobAction("MJ::JOB::unknown_new_button::1::abc", "Something New"),
]


def test_an_upscale_has_no_split_and_its_buttons_speak_chinese(
    qtbot: QtBot, qapp: QApplication
) -> None:
    install_translation(qapp, "zh_CN")
    try:
        grid = JobCard(_job(state=JobState.SUCCEEDED, actions=ACTIONS))
        upscale = JobCard(
            _job(id=2, kind="action", state=JobState.SUCCEEDED, actions=UPSCALE_ACTIONS)
        )
        for card in (grid, upscale):
            qtbot.addWidget(card)
            card.show()
        assert grid.split_button.isVisibleTo(grid)
        # "Upscale (Subtle)" begins with "U" like U1, yet an upscale is one picture.
        assert not upscale.split_button.isVisibleTo(upscale)
        assert upscale.seed_button.isVisibleTo(upscale)
        labels = [b.text() for b in upscale.findChildren(QPushButton) if b.isVisibleTo(upscale)]
        assert {"放大（细微）", "变化（细微）", "局部重绘", "缩小 2 倍", "自定义缩放"} <= set(
            labels
        )
        assert "⬅️ 向左平移" in labels
        assert "Something New" in labels  # a button the app does not know keeps its label
    finally:
        install_translation(qapp, "en")


@pytest.mark.parametrize(
    ("state", "remote_id", "can_check"),
    [
        (JobState.RUNNING, "task-1", True),
        (JobState.SUCCEEDED, "task-1", True),  # fetches its files again
        (JobState.FAILED, "task-1", False),
        (JobState.CANCELLED, "task-1", False),
        (JobState.SUBMITTING, "", False),
    ],
)
def test_check_again_is_offered_only_where_the_relay_can_be_asked(
    qtbot: QtBot, qapp: QApplication, state: JobState, remote_id: str, can_check: bool
) -> None:
    install_translation(qapp, "en")
    panel = JobsPanel()
    qtbot.addWidget(panel)
    panel.set_jobs([_job(state=state, remote_id=remote_id)])
    assert not panel.repoll_button.isEnabled()  # nothing selected
    panel.view.selectRow(0)
    assert panel.repoll_button.isEnabled() is can_check


def test_a_job_without_progress_figures_shows_a_busy_bar_not_a_still_zero(
    qtbot: QtBot, qapp: QApplication
) -> None:
    install_translation(qapp, "en")
    card = JobCard(_job(family="luma", model="luma", progress=None))
    qtbot.addWidget(card)
    card.show()
    assert card.progress.isVisibleTo(card) and card.progress.maximum() == 0  # busy
    card.update_job(_job(family="midjourney", progress=40))
    assert card.progress.maximum() == 100 and card.progress.value() == 40


def test_the_jobs_table_drops_the_progress_of_a_job_that_failed(
    qtbot: QtBot, qapp: QApplication
) -> None:
    install_translation(qapp, "en")
    panel = JobsPanel()
    qtbot.addWidget(panel)
    panel.set_jobs(
        [
            _job(id=1, state=JobState.RUNNING, progress=50),
            _job(id=2, state=JobState.FAILED, progress=50, error="banned prompt"),
        ]
    )
    progress = [panel.model.index(row, 4).data() for row in range(2)]
    assert progress == ["50%", ""]


def test_the_jobs_table_shows_a_prompt_of_several_lines_on_one(
    qtbot: QtBot, qapp: QApplication
) -> None:
    panel = JobsPanel()
    qtbot.addWidget(panel)
    panel.set_jobs([_job(id=1, state=JobState.RUNNING, prompt="[Verse]\n海风吹过沙滩\n\n[Chorus]")])
    assert panel.model.index(0, 1).data() == "[Verse] 海风吹过沙滩 [Chorus]"


def test_the_clock_of_a_job_waiting_for_the_users_decision_stands_still() -> None:
    uncertain = _job(state=JobState.UNCERTAIN, created_at=100.0, updated_at=107.0)
    assert elapsed_text(uncertain, now=1000.0) == "0:07"
    running = _job(state=JobState.RUNNING, created_at=100.0, updated_at=107.0)
    assert elapsed_text(running, now=160.0) == "1:00"
