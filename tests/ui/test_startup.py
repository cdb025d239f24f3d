"""Start-up: the window appears before the rest of the app is loaded, then fills in."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QInputMethodEvent, QKeyEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from ecovdesk.app import RunningApp, compose, open_window, paint_first, parse_args
from ecovdesk.core.secrets import KeyStore
from ecovdesk.core.settings import Settings
from ecovdesk.paths import resolve_profile
from ecovdesk.ui.draft_box import DraftBox
from ecovdesk.ui.main_window import MainWindow
from tests.fakerelay.server import FakeRelay
from tests.fresh_imports import modules_loaded
from tests.ui.conftest import API_KEY, Driver, stop_app


def _qt_app() -> QApplication:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    return app


def _menu_actions(window: object) -> dict[str, bool]:
    assert isinstance(window, MainWindow)
    return {
        action.text().replace("&", ""): action.isEnabled()
        for menu in window.menuBar().actions()
        if menu.menu() is not None
        for action in menu.menu().actions()  # type: ignore[union-attr]
        if action.text()
    }


def test_the_window_paints_with_menus_and_a_status_before_anything_is_loaded(
    driver: Driver,
) -> None:
    settings = Settings(language="en")
    window = open_window(_qt_app(), settings)
    try:
        paint_first(window)
        assert window.isVisible()
        assert window.statusBar().currentMessage() == "Opening…"
        # Nothing to act on yet: only Quit and About work.
        actions = _menu_actions(window)
        assert actions["New conversation"] is False
        assert actions["Settings…"] is False
        assert actions["Quit"] is True
        assert actions["About ecovdesk"] is True
    finally:
        window.close()
        window.deleteLater()


def test_the_painted_window_fills_in_with_the_conversations(
    driver: Driver, relay: FakeRelay, tmp_path: Path
) -> None:
    window, _draft = _bare_window()
    running = _fill_in(driver, window, relay, tmp_path / "profile", model=None)
    try:
        assert running.window is window
        assert window.statusBar().currentMessage() == ""
        assert all(_menu_actions(window).values())
        assert [window.tabs.tabText(i) for i in range(window.tabs.count())] == [
            "Chat",
            "Gallery",
            "Music",
            "Videos",
            "Jobs",
        ]
        assert window.composer.isVisible()
    finally:
        stop_app(driver, running)


def _type(target: QWidget, text: str, *keys: Qt.Key) -> None:
    # QTest types ASCII only: characters go as the key events a keyboard sends.
    for character in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(
                target,
                QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, character),
            )
    for key in keys:
        QTest.keyClick(target, key)


def _bare_window() -> tuple[MainWindow, DraftBox]:
    window = open_window(_qt_app(), Settings(language="en"))
    paint_first(window)
    draft = window.findChild(DraftBox)
    assert draft is not None and draft.isVisible()
    return window, draft


def _fill_in(
    driver: Driver,
    window: MainWindow,
    relay: FakeRelay,
    profile: Path,
    model: str | None = "gpt-4o-mini",
) -> RunningApp:
    """Composes the app into the painted ``window`` and starts it, as ``run_app`` does."""
    profile.mkdir()
    (profile / "settings.json").write_text('{"language": "en", "first_run_done": true}', "utf-8")
    args = parse_args(["--profile-dir", str(profile), "--base-url", relay.base_url])
    keys = KeyStore(env={"ECOVDESK_API_KEY": API_KEY})
    running: RunningApp = driver.run(
        compose(_qt_app(), args, resolve_profile(str(profile)), keys, window)
    )
    driver.run(window.start(model, None))
    return running


def test_what_is_typed_while_the_window_opens_moves_to_the_message_box(
    driver: Driver, relay: FakeRelay, tmp_path: Path
) -> None:
    window, draft = _bare_window()
    _type(draft, "hellp", Qt.Key.Key_Backspace)
    _type(draft, "o there, ")
    # An input method hands over composed text rather than keys.
    composed = QInputMethodEvent()
    composed.setCommitString("你好")
    QApplication.sendEvent(draft, composed)
    assert draft.toPlainText() == "hello there, 你好"
    running = _fill_in(driver, window, relay, tmp_path / "profile")
    try:
        assert window.composer.text() == "hello there, 你好"
        assert window.composer.edit.textCursor().atEnd()
        assert relay.requests_to("/v1/chat/completions") == []
    finally:
        stop_app(driver, running)


def test_enter_pressed_while_the_window_opens_sends_once_it_can(
    driver: Driver, relay: FakeRelay, tmp_path: Path
) -> None:
    window, draft = _bare_window()
    _type(draft, "画一只猫", Qt.Key.Key_Return)
    assert draft.toPlainText() == ""
    _type(draft, "下一个问题")
    running = _fill_in(driver, window, relay, tmp_path / "profile")
    try:
        driver.until(lambda: bool(relay.requests_to("/v1/chat/completions")))
        sent = relay.requests_to("/v1/chat/completions")[-1].json
        assert sent["messages"][-1]["content"] == "画一只猫"
        # What was typed after Enter waits in the box, as it would have in the real one.
        assert window.composer.text() == "下一个问题"
        assert len(relay.requests_to("/v1/chat/completions")) == 1
    finally:
        stop_app(driver, running)


def test_the_bare_window_does_not_load_the_http_stack_or_the_pages() -> None:
    heavy = [
        "httpx", "asyncio", "qasync", "markdown_it", "pygments", "PIL", "PySide6.QtMultimedia",
        "ecovdesk.core.database", "ecovdesk.ui.composer", "ecovdesk.core.domain", "sqlite3",
    ]  # fmt: skip
    assert modules_loaded("import ecovdesk.app, ecovdesk.ui.main_window", heavy) == []


def test_the_players_load_the_multimedia_libraries_only_once_something_plays() -> None:
    code = (
        "import os\n"
        "os.environ.setdefault('QT_QPA_PLATFORM', 'offscreen')\n"
        "from PySide6.QtWidgets import QApplication\n"
        "app = QApplication([])\n"
        "from ecovdesk.ui.audio_player import AudioPlayerBar\n"
        "from ecovdesk.ui.media_controller import MediaController\n"
        "from ecovdesk.ui.video_player import VideoPlayer\n"
        "bar, video = AudioPlayerBar(), VideoPlayer()\n"
        "bar.show()\n"
        "video.show()\n"
        "app.processEvents()\n"
    )
    assert modules_loaded(code, ["PySide6.QtMultimedia", "PySide6.QtMultimediaWidgets"]) == []
