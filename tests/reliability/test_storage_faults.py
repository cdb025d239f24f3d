"""A full disk or a read-only profile: a clear message, nothing lost, nothing corrupted."""

from __future__ import annotations

import argparse
import contextlib
import logging
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from ecovdesk.app import RunningApp, parse_args, run_app
from ecovdesk.core.domain import MessageState
from ecovdesk.paths import resolve_profile
from ecovdesk.ui.main_window import MainWindow
from tests.core.storage_helpers import unwritable
from tests.fakerelay.faults import Fault
from tests.fakerelay.server import FakeRelay
from tests.reliability.helpers import API_KEY, CHAT_PATH, finished_reply, replies, send
from tests.ui.conftest import Driver, start_app, stop_app


def _fill(conn: sqlite3.Connection) -> None:
    # SQLite answers SQLITE_FULL once the page cap is reached, exactly as on a full disk.
    pages = conn.execute("PRAGMA page_count").fetchone()[0]
    conn.execute(f"PRAGMA max_page_count = {pages}")


def _free(conn: sqlite3.Connection) -> None:
    conn.execute("PRAGMA max_page_count = 1073741823")


def _rows(profile: Path) -> list[tuple[object, ...]]:
    with contextlib.closing(sqlite3.connect(profile / "ecovdesk.sqlite3")) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        return conn.execute("SELECT id, role, state, content FROM messages ORDER BY id").fetchall()


def test_a_full_disk_when_sending_keeps_the_question_and_says_why(
    qtbot: QtBot, driver: Driver, app: RunningApp, relay: FakeRelay, profile: Path
) -> None:
    send(qtbot, app, "第一个问题")
    finished_reply(driver, app)
    before = _rows(profile)
    driver.run(app.db.run(_fill))

    question = "第二个问题" * 2000
    send(qtbot, app, question)
    driver.until(
        lambda: "disk holding the profile is full" in app.window.statusBar().currentMessage()
    )
    # Nothing was sent, the question is back in the composer, and Send works again.
    assert app.window.composer.text() == question
    assert not app.window.composer._busy
    assert len(relay.requests_to(CHAT_PATH)) == 1
    assert _rows(profile) == before

    driver.run(app.db.run(_free))
    QTest.keyClick(app.window.composer.edit, Qt.Key.Key_Return)
    bubble = finished_reply(driver, app)
    assert bubble.message.state is MessageState.DONE
    assert len(_rows(profile)) == len(before) + 2


def test_a_disk_that_fills_during_a_reply_ends_it_clearly_and_corrupts_nothing(
    qtbot: QtBot, driver: Driver, relay: FakeRelay, profile: Path
) -> None:
    app = start_app(driver, profile, relay.base_url, key=API_KEY)
    send(qtbot, app, "第一个问题")
    finished_reply(driver, app)
    before = _rows(profile)
    relay.queue_fault(Fault.SLOW_TOKENS, path_prefix=CHAT_PATH, delay=0.02)
    send(qtbot, app, "第二个问题")
    driver.until(lambda: len(replies(app)) == 2 and len(replies(app)[-1]._parsed.answer) > 20)
    driver.run(app.db.run(_fill))

    bubble = finished_reply(driver, app)
    assert bubble.message.state is MessageState.FAILED
    assert "could not be saved" in bubble.state_label.text()
    assert bubble.message.content  # still on screen, to be read or copied
    assert "disk holding the profile is full" in app.window.statusBar().currentMessage()
    assert not app.window.composer._busy
    assert _rows(profile)[: len(before)] == before

    driver.run(app.db.run(_free))
    stop_app(driver, app)
    # The reply never finished on disk: the next start shows what was saved as interrupted.
    again = start_app(driver, profile, relay.base_url, key=API_KEY)
    try:
        rows = _rows(profile)
        assert rows[: len(before)] == before
        assert rows[-1][1:3] == ("assistant", "interrupted")
    finally:
        stop_app(driver, again)


@pytest.fixture
def no_new_log_handlers() -> Iterator[None]:
    root = logging.getLogger()
    before = list(root.handlers)
    yield
    for handler in root.handlers[len(before) :]:
        handler.close()
        root.removeHandler(handler)


def _start(driver: Driver, profile: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[int, list[str]]:
    """run_app as main() calls it: the exit code and any message box it showed. A window
    that does open is closed again at once."""
    shown: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "critical", staticmethod(lambda _parent, _title, text: shown.append(text))
    )
    monkeypatch.setenv("ECOVDESK_API_KEY", API_KEY)
    app = QApplication.instance()
    assert isinstance(app, QApplication)

    def close_windows() -> None:
        windows = [w for w in app.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]
        for window in windows:
            window.close()
        if windows:
            # What the app waits for; other tests' windows keep Qt from saying it here.
            app.lastWindowClosed.emit()
        else:
            QTimer.singleShot(50, close_windows)

    QTimer.singleShot(50, close_windows)
    args: argparse.Namespace = parse_args(["--profile-dir", str(profile)])
    code: int = driver.run(run_app(app, args, resolve_profile(str(profile))))
    return code, shown


@pytest.mark.usefixtures("no_new_log_handlers")
@pytest.mark.parametrize("what", ["database", "profile folder", "logs folder"])
def test_a_read_only_profile_is_refused_at_start_with_a_clear_message(
    qtbot: QtBot,
    driver: Driver,
    relay: FakeRelay,
    profile: Path,
    monkeypatch: pytest.MonkeyPatch,
    what: str,
) -> None:
    app = start_app(driver, profile, relay.base_url, key=API_KEY)
    send(qtbot, app, "只读之前的问题")
    finished_reply(driver, app)
    stop_app(driver, app)
    before = _rows(profile)
    target = {
        "database": profile / "ecovdesk.sqlite3",
        "profile folder": profile,
        "logs folder": profile / "logs",
    }[what]
    target.mkdir(exist_ok=True) if what == "logs folder" else None
    with unwritable(target):
        code, shown = _start(driver, profile, monkeypatch)
    if what == "logs folder":
        # Without its log file the app still starts, logging to the console instead.
        assert (code, shown) == (0, [])
    else:
        assert code == 2
        assert len(shown) == 1 and ("read-only" in shown[0] or "not writable" in shown[0])
        assert str(profile) in shown[0]
    assert _rows(profile) == before
