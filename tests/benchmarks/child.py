"""One measurement in a fresh process: ``python -m tests.benchmarks.child SCENARIO [options]``.

Each scenario prints one JSON object on its last line of output and leaves at once (skipping
interpreter teardown, which only adds noise). A fresh process per figure keeps one
measurement's memory, caches and imports out of the next one.

Top-level imports are kept to the standard library so that the start-up scenarios time what
the app imports, not what this file does.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections import Counter
from collections.abc import Callable, Coroutine
from pathlib import Path
from typing import Any

# The parent's wall clock just before it started this process, for start-up times.
LAUNCHED_ENV = "ECOVDESK_BENCH_LAUNCHED"
API_KEY = "sk-benchmark-key-0123456789"
# How long a window is left alone before its memory is read, in both the app and the baseline.
REST_SECONDS = 2.0


def _emit(result: dict[str, Any]) -> None:
    sys.stdout.write(json.dumps(result) + "\n")
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(0)


def _since_launch() -> float:
    return time.time() - float(os.environ.get(LAUNCHED_ENV, time.time()))


def rss_mib() -> float:
    import gc

    import psutil

    gc.collect()
    return float(psutil.Process().memory_info().rss) / (1024 * 1024)


# --- start-up: a bare window, and the app's --smoke-test ------------------------------------


def bare(_args: argparse.Namespace) -> None:
    """A bare QApplication and QMainWindow: the baseline for start-up time and memory."""
    from PySide6.QtCore import QTimer
    from PySide6.QtGui import QPaintEvent
    from PySide6.QtWidgets import QApplication, QMainWindow

    result: dict[str, Any] = {}
    app = QApplication(sys.argv[:1])

    def rest() -> None:
        result["rss_mib"] = rss_mib()
        app.quit()

    def painted() -> None:
        result["first_paint_s"] = _since_launch()
        QTimer.singleShot(int(REST_SECONDS * 1000), rest)

    class Window(QMainWindow):
        def paintEvent(self, event: QPaintEvent) -> None:
            super().paintEvent(event)
            if "first_paint_s" not in result:
                # A zero timer fires once this paint, its children's and the flush are done.
                QTimer.singleShot(0, painted)

    window = Window()
    window.setWindowTitle("bare")
    window.resize(1200, 800)
    window.show()
    app.exec()
    _emit(result)


def smoke(args: argparse.Namespace) -> None:
    """``ecovdesk --smoke-test`` on a profile, noting when the main window first painted and
    when it was ready to use."""
    from PySide6.QtCore import QTimer
    from PySide6.QtGui import QPaintEvent

    from ecovdesk import app as ecovdesk_app
    from ecovdesk.ui.main_window import MainWindow

    result: dict[str, Any] = {}
    original = MainWindow.paintEvent

    def paint_event(self: MainWindow, event: QPaintEvent) -> None:
        original(self, event)
        if "first_paint_s" not in result:
            result["first_paint_s"] = -1.0
            QTimer.singleShot(0, lambda: result.update(first_paint_s=_since_launch()))

    MainWindow.paintEvent = paint_event  # type: ignore[method-assign]
    original_start = MainWindow.start

    async def start(self: MainWindow, *args: Any) -> None:
        # Usable: conversations listed and the last one open, after the bare window painted.
        await original_start(self, *args)
        result["ready_s"] = _since_launch()

    MainWindow.start = start  # type: ignore[method-assign,assignment]
    argv = ["--profile-dir", args.profile, "--smoke-test"]
    if args.base_url:
        argv += ["--base-url", args.base_url]
    result["exit_code"] = ecovdesk_app.main(argv)
    result["exited_s"] = _since_launch()
    _emit(result)


# --- the composed app, driven from a coroutine ----------------------------------------------


def run_app(
    profile: str, base_url: str, scenario: Callable[[Any, Any], Coroutine[Any, Any, None]]
) -> None:
    """Builds the app as ``ecovdesk.app.main`` does and runs ``scenario(app, running)``."""
    import asyncio
    from concurrent.futures import ThreadPoolExecutor

    import qasync
    from PySide6.QtWidgets import QApplication

    from ecovdesk.app import compose, parse_args
    from ecovdesk.core.secrets import KeyStore
    from ecovdesk.paths import resolve_profile

    app = QApplication(sys.argv[:1])
    app.setQuitOnLastWindowClosed(False)
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    loop.set_default_executor(ThreadPoolExecutor(max_workers=4))

    async def body() -> None:
        args = parse_args(["--profile-dir", profile, "--base-url", base_url])
        paths = resolve_profile(profile)
        paths.ensure()
        keys = KeyStore(env={"ECOVDESK_API_KEY": API_KEY})
        running = await compose(app, args, paths, keys)
        running.window.show()
        settings = running.preferences.settings
        await running.window.start(None, settings.last_conversation_id)
        try:
            await scenario(app, running)
        finally:
            running.window.close()
            await running.aclose()

    with loop:
        loop.run_until_complete(body())


async def next_paint(widget: Any, timeout: float = 30.0) -> float:
    """Asks ``widget`` to repaint and waits until it has; returns the time it finished.

    Qt paints only after the work already queued is done, so this is also the moment
    everything asked of the window before the call shows on screen.
    """
    import asyncio

    from PySide6.QtCore import QEvent, QObject, QTimer

    done = asyncio.get_running_loop().create_future()

    class Watcher(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint and not done.done():
                QTimer.singleShot(0, lambda: done.done() or done.set_result(time.perf_counter()))
            return False

    watcher = Watcher()
    widget.installEventFilter(watcher)
    widget.update()
    try:
        return float(await asyncio.wait_for(done, timeout))
    finally:
        widget.removeEventFilter(watcher)


class StallProbe:
    """A fast timer on the UI thread; the longest gap between its ticks is the longest stall."""

    INTERVAL_MS = 5

    def __init__(self) -> None:
        from PySide6.QtCore import Qt, QTimer

        self._timer = QTimer()
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.setInterval(self.INTERVAL_MS)
        self._timer.timeout.connect(self._tick)
        self._last = 0.0
        self.gaps: list[float] = []

    def start(self) -> None:
        self.gaps = []
        self._last = time.perf_counter()
        self._timer.start()

    def _tick(self) -> None:
        now = time.perf_counter()
        self.gaps.append(now - self._last)
        self._last = now

    def stop(self) -> dict[str, float]:
        self._tick()
        self._timer.stop()
        ordered = sorted(self.gaps)
        return {
            "longest_ms": ordered[-1] * 1000,
            "p99_ms": ordered[int(len(ordered) * 0.99)] * 1000 if ordered else 0.0,
            "ticks": float(len(ordered)),
        }


def rest(args: argparse.Namespace) -> None:
    """Memory of the app left alone after start, with the newest conversation open."""
    result: dict[str, Any] = {}

    async def scenario(_app: Any, running: Any) -> None:
        import asyncio

        await asyncio.sleep(REST_SECONDS)
        result["rss_mib"] = rss_mib()
        result["conversations"] = running.window.conversation_list.list.count()

    run_app(args.profile, args.base_url, scenario)
    _emit(result)


def stream(args: argparse.Namespace) -> None:
    """A reply of N deltas at full speed in the app, next to plain httpx reading the same."""
    # CPU time of the whole process and of the window's thread, next to the wall time.
    result: dict[str, Any] = {
        "app_s": [],
        "app_cpu_s": [],
        "main_cpu_s": [],
        "raw_s": [],
        "stall": [],
    }

    async def send_and_wait(running: Any, text: str) -> float:
        import asyncio

        from PySide6.QtCore import Qt
        from PySide6.QtTest import QTest

        from ecovdesk.core.domain import MessageState, Role
        from ecovdesk.ui.markdown_html import shown_part

        window = running.window
        window.new_conversation()

        def reply_done() -> bool:
            bubbles = window.view.bubbles()
            return (
                bool(bubbles)
                and bubbles[-1].message.role is Role.ASSISTANT
                and not (bubbles[-1].streaming)
            )

        started = time.perf_counter()
        window.composer.edit.setPlainText(text)
        QTest.keyClick(window.composer.edit, Qt.Key.Key_Return)
        deadline = started + 600
        while not reply_done():
            if time.perf_counter() > deadline:
                raise TimeoutError("the reply did not finish")
            await asyncio.sleep(0.002)
        ended = await next_paint(window)
        bubble = window.view.bubbles()[-1]
        message = bubble.message
        if message.state is not MessageState.DONE:
            raise RuntimeError(f"the reply ended as {message.state.value}: {message.error_text}")
        # The time counts only if the window had drawn the whole reply by then (as much of
        # it as a reply this long shows before Show all).
        shown, _ = shown_part(message.content, complete=False)
        lines = [line.strip().strip("`#|-* ") for line in shown.splitlines()]
        counts = Counter(lines)
        last_line = next((line for line in reversed(lines) if line and counts[line] == 1), "")
        if last_line not in bubble.body.toPlainText():
            raise RuntimeError("the reply read as finished before all of it was shown")
        return ended - started

    def raw(question: str) -> float:
        import httpx

        body = {
            "model": args.model,
            "messages": [{"role": "user", "content": question}],
            "stream": True,
        }
        headers = {"Authorization": f"Bearer {API_KEY}"}
        started = time.perf_counter()
        with (
            httpx.Client(base_url=args.base_url, headers=headers, timeout=600) as client,
            client.stream("POST", "/v1/chat/completions", json=body) as response,
        ):
            for line in response.iter_lines():
                if line == "data: [DONE]":
                    break
        return time.perf_counter() - started

    async def scenario(_app: Any, running: Any) -> None:
        window = running.window
        window.picker.choose(args.model)
        # A first short reply loads the Markdown and highlighting code and opens the
        # connection, as for anyone who has already chatted since starting the app.
        await send_and_wait(running, "你好")
        question = f"写一篇很长的文章 #deltas={args.deltas}"
        probe = StallProbe()
        for _ in range(args.repeat):
            result["raw_s"].append(raw(question))
            probe.start()
            cpu, main_cpu = time.process_time(), time.thread_time()
            result["app_s"].append(await send_and_wait(running, question))
            result["app_cpu_s"].append(time.process_time() - cpu)
            result["main_cpu_s"].append(time.thread_time() - main_cpu)
            result["stall"].append(probe.stop())
        result["chars"] = len(window.view.bubbles()[-1].message.content)

    run_app(args.profile, args.base_url, scenario)
    _emit(result)


def open_long(args: argparse.Namespace) -> None:
    """Opening the long conversation: from the click until the window has painted it."""
    result: dict[str, Any] = {"open_s": []}

    async def scenario(_app: Any, running: Any) -> None:
        window = running.window
        await window.open_conversation(args.other)
        await next_paint(window)
        for _ in range(args.repeat):
            started = time.perf_counter()
            await window.open_conversation(args.conversation)
            result["open_s"].append(await next_paint(window) - started)
            result["bubbles"] = len(window.view.bubbles())
            await window.open_conversation(args.other)
            await next_paint(window)

    run_app(args.profile, args.base_url, scenario)
    _emit(result)


def search(args: argparse.Namespace) -> None:
    """Each query several times through the database thread, as the search box runs it."""
    import asyncio

    from ecovdesk.core.database import Database
    from ecovdesk.core.search_store import search as run_search
    from ecovdesk.paths import resolve_profile

    queries: list[str] = json.loads(args.queries)
    result: dict[str, Any] = {"queries": {}}

    async def body() -> None:
        paths = resolve_profile(args.profile)
        db = await Database.open(paths.database_file, paths.backups_dir)
        try:
            for query in queries:
                times, hits = [], 0
                for _ in range(args.repeat):
                    started = time.perf_counter()
                    hits = len(await db.run(run_search, query))
                    times.append(time.perf_counter() - started)
                result["queries"][query] = {"times_s": times, "hits": hits}
        finally:
            await db.close()

    asyncio.run(body())
    _emit(result)


def gallery(args: argparse.Namespace) -> None:
    """The gallery tab: its first screen of thumbnails, then memory after scrolling it all."""
    result: dict[str, Any] = {}

    async def scenario(_app: Any, running: Any) -> None:
        import asyncio

        window = running.window
        page = window.gallery
        result["rss_before_mib"] = rss_mib()
        started = time.perf_counter()
        window.tabs.setCurrentWidget(page)
        while page.model.rowCount() < args.pictures:
            await asyncio.sleep(0.001)
        await _thumbnails_shown(page)
        result["first_screen_s"] = time.perf_counter() - started
        result["rows"] = page.model.rowCount()
        bar = page.view.verticalScrollBar()
        while bar.value() < bar.maximum():
            bar.setValue(bar.value() + page.view.viewport().height())
            await _thumbnails_shown(page)
        result["scrolled_s"] = time.perf_counter() - started
        await asyncio.sleep(0.5)
        result["rss_mib"] = rss_mib()

    run_app(args.profile, args.base_url, scenario)
    _emit(result)


async def _thumbnails_shown(page: Any) -> None:
    """Waits until every picture in view has its thumbnail on screen."""
    import asyncio

    view = page.view
    deadline = time.perf_counter() + 30
    while True:
        await next_paint(view.viewport())
        if not _pending_in_view(page) or time.perf_counter() > deadline:
            return
        await asyncio.sleep(0.001)


def _pending_in_view(page: Any) -> bool:
    view = page.view
    area = view.viewport().rect()
    cache = page.model._cache
    for row in range(page.model.rowCount()):
        index = page.model.index(row, 0)
        rect = view.visualRect(index)
        if rect.top() > area.bottom():
            break
        if rect.intersects(area) and not cache.has(page.model.assets[row].id):
            return True
    return False


def jobs(args: argparse.Namespace) -> None:
    """Midjourney jobs submitted into the open conversation, then polled until they finish."""
    result: dict[str, Any] = {}

    async def scenario(_app: Any, running: Any) -> None:
        import asyncio

        window = running.window
        service = window.services.jobs
        conversation = await service.submit(None, "midjourney", "a lighthouse, job 0", {})
        await window.open_conversation(conversation.id)
        for number in range(1, args.jobs):
            await service.submit(conversation, "midjourney", f"a lighthouse, job {number}", {})
        probe = StallProbe()
        probe.start()
        started = time.perf_counter()
        deadline = started + 300
        while time.perf_counter() < deadline:
            listed = await service.list_jobs()
            if len(listed) >= args.jobs and not any(job.state.is_active for job in listed):
                break
            await asyncio.sleep(0.25)
        await next_paint(window)
        result["stall"] = probe.stop()
        result["seconds"] = time.perf_counter() - started
        listed = await service.list_jobs()
        result["states"] = sorted({job.state.value for job in listed})
        result["jobs"] = len(listed)
        result["cards"] = sum(1 for b in window.view.bubbles() if b.job_card is not None)

    run_app(args.profile, args.base_url, scenario)
    _emit(result)


SCENARIOS: dict[str, Callable[[argparse.Namespace], None]] = {
    "bare": bare,
    "smoke": smoke,
    "rest": rest,
    "stream": stream,
    "open": open_long,
    "search": search,
    "gallery": gallery,
    "jobs": jobs,
}


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m tests.benchmarks.child")
    parser.add_argument("scenario", choices=sorted(SCENARIOS))
    parser.add_argument("--profile", default="")
    parser.add_argument("--base-url", default="")
    parser.add_argument("--model", default="gpt-4o-mini")
    parser.add_argument("--deltas", type=int, default=20_000)
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--conversation", type=int, default=0)
    parser.add_argument("--other", type=int, default=0)
    parser.add_argument("--pictures", type=int, default=0)
    parser.add_argument("--queries", default="[]")
    parser.add_argument("--jobs", type=int, default=50)
    args = parser.parse_args()
    if args.profile:
        Path(args.profile).mkdir(parents=True, exist_ok=True)
    SCENARIOS[args.scenario](args)


if __name__ == "__main__":
    main()
