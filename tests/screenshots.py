"""Screenshots of the running app against the fake relay, for the README and for review.

xvfb-run -a python -m tests.screenshots packaging/screenshots [--language zh_CN] [--theme dark]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import qasync
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from ecovdesk.app import RunningApp, compose, parse_args
from ecovdesk.core.domain import Role
from ecovdesk.core.secrets import KeyStore
from ecovdesk.paths import resolve_profile
from tests.fakerelay.server import FakeRelay

KEY = "sk-screenshot-key"


async def until(predicate: Callable[[], bool], timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise TimeoutError
        await asyncio.sleep(0.05)


def replies_done(running: RunningApp, count: int) -> bool:
    bubbles = [b for b in running.window.view.bubbles() if b.message.role is Role.ASSISTANT]
    return len(bubbles) >= count and not bubbles[-1].streaming


async def ask(running: RunningApp, model: str, text: str, count: int) -> None:
    window = running.window
    window.picker.choose(model)
    window.composer.edit.insertPlainText(text)
    QTest.keyClick(window.composer.edit, Qt.Key.Key_Return)
    await until(lambda: replies_done(running, count))
    await asyncio.sleep(0.6)


async def media_job(running: RunningApp, model: str, text: str) -> None:
    window = running.window
    window.picker.choose(model)
    window.composer.edit.insertPlainText(text)
    QTest.keyClick(window.composer.edit, Qt.Key.Key_Return)

    def finished() -> bool:
        cards = [b.job_card for b in window.view.bubbles() if b.job_card is not None]
        return bool(cards) and cards[-1].job.state.is_final

    await until(finished, timeout=60)
    await asyncio.sleep(1.5)


async def shoot(app: QApplication, out: Path, language: str, theme: str) -> None:
    suffix = f"{'zh' if language == 'zh_CN' else 'en'}-{theme}"
    with FakeRelay(api_key=KEY, token_delay=0.001) as relay, tempfile.TemporaryDirectory() as tmp:
        profile = Path(tmp)
        (profile / "settings.json").write_text(
            json.dumps({"language": language, "theme": theme, "first_run_done": True}), "utf-8"
        )
        args = parse_args(["--profile-dir", tmp, "--base-url", relay.base_url])
        running = await compose(
            app, args, resolve_profile(tmp), KeyStore(env={"ECOVDESK_API_KEY": KEY})
        )
        window = running.window
        window.resize(1280, 860)
        window.show()
        await window.start(None, None)
        await ask(running, "deepseek-reasoner", "9.11 和 9.8 哪个大？", 1)
        await ask(running, "gpt-4o-mini", "用 Python 写一个快速排序，并解释复杂度", 2)
        window.grab().save(str(out / f"chat-{suffix}.png"))
        window.new_conversation()
        await ask(running, "qwen", "等差数列求和公式是什么？", 1)
        window.grab().save(str(out / f"formulas-{suffix}.png"))
        window.new_conversation()
        await ask(running, "gpt-4o-all", "画一只坐在窗台上的橘猫", 1)
        await asyncio.sleep(1.5)
        window.grab().save(str(out / f"pictures-{suffix}.png"))
        window.tabs.setCurrentWidget(window.gallery)
        await asyncio.sleep(1.0)
        window.grab().save(str(out / f"gallery-{suffix}.png"))
        window.tabs.setCurrentIndex(0)
        window.new_conversation()
        relay.poll_steps = 2
        await media_job(running, "midjourney", "a lighthouse at dawn, watercolor")
        window.options_button.setChecked(True)
        await asyncio.sleep(1.0)
        window.grab().save(str(out / f"midjourney-{suffix}.png"))
        window.options_button.setChecked(False)
        window.new_conversation()
        await media_job(running, "chirp-v4", "一首关于夏天海边的轻快流行歌")
        window.tabs.setCurrentWidget(window.music_page)
        await asyncio.sleep(1.0)
        songs = window.music_page.model.assets
        if songs:
            window.music_page.playRequested.emit(songs[0], songs)
        await asyncio.sleep(0.5)
        window.grab().save(str(out / f"music-{suffix}.png"))
        window.tabs.setCurrentIndex(0)
        window.new_conversation()
        await media_job(running, "luma", "海浪拍打礁石，慢镜头")
        window.tabs.setCurrentWidget(window.videos_tab)
        await asyncio.sleep(1.0)
        videos = window.video_page.model.assets
        if videos:
            window.video_page.playRequested.emit(videos[0], videos)
        await asyncio.sleep(1.0)
        window.grab().save(str(out / f"videos-{suffix}.png"))
        window.tabs.setCurrentWidget(window.jobs_panel)
        await asyncio.sleep(0.5)
        window.grab().save(str(out / f"jobs-{suffix}.png"))
        window.tabs.setCurrentIndex(0)
        window.conversation_list.search.setText("快速排序")
        await asyncio.sleep(1.0)
        window.grab().save(str(out / f"search-{suffix}.png"))
        window.conversation_list.search.clear()
        await asyncio.sleep(0.5)
        window.picker.open_popup()
        await asyncio.sleep(0.3)
        window.picker.popup.grab().save(str(out / f"picker-{suffix}.png"))
        window.picker.popup.hide()
        window.close()
        await running.aclose()


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("out", type=Path)
    parser.add_argument("--language", default="en")
    parser.add_argument("--theme", default="light")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    app = QApplication(sys.argv[:1])
    app.setQuitOnLastWindowClosed(False)
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    with loop:
        loop.run_until_complete(shoot(app, args.out, args.language, args.theme))
    return 0


if __name__ == "__main__":
    sys.exit(main())
