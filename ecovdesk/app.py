"""Composition root: the QApplication, one qasync loop, the services and the window.

Only what the bare window needs is imported at the top: asyncio, the HTTP stack, the store
and the pages are imported once the window has painted (see ``paint_first``).
"""

from __future__ import annotations

import argparse
import gc
import logging
import signal
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QEventLoop, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from ecovdesk import __version__
from ecovdesk.core.settings import Settings, load_settings
from ecovdesk.paths import ProfilePaths, resolve_profile

if TYPE_CHECKING:
    import asyncio

    from ecovdesk.core.database import Database
    from ecovdesk.core.preferences import Preferences
    from ecovdesk.core.relay_session import RelaySession
    from ecovdesk.core.secrets import KeyStore
    from ecovdesk.core.services import Services
    from ecovdesk.ui.main_window import MainWindow

log = logging.getLogger("ecovdesk")

# How long start-up waits for the window to appear before loading the rest regardless (a
# window that starts minimised is never painted).
FIRST_PAINT_WAIT_MS = 2000


# What run_app returns when the window was closed to start ecovdesk again; main() starts the
# new process once this one has let go of the profile.
RESTART = -1


def _edit_settings(running: RunningApp, *, first_run: bool) -> None:
    from ecovdesk.ui.settings_flow import edit_settings

    window = running.window
    if edit_settings(
        window,
        running.preferences,
        first_run=first_run,
        on_dark=window.set_dark,
        on_restart=running.restart,
    ):
        # A new relay or key may offer other models: the picker learns them now.
        window.settings_saved()


def parse_args(argv: Sequence[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="ecovdesk", description="Desktop client for AI relays")
    parser.add_argument("--profile-dir", help="keep settings, database, library and cache here")
    parser.add_argument("--base-url", help="relay address, e.g. https://api.ecovai.cn")
    parser.add_argument("--model", help="model to start with (any id the relay knows)")
    parser.add_argument(
        "--smoke-test", action="store_true", help="open the profile, show the window and exit"
    )
    parser.add_argument("--version", action="version", version=f"ecovdesk {__version__}")
    return parser.parse_args(list(argv))


def _app_icon() -> QIcon:
    icon = resources.files("ecovdesk.resources").joinpath("icons", "ecovdesk.svg")
    return QIcon(str(icon)) if icon.is_file() else QIcon()


@dataclass
class RunningApp:
    """Everything built at start, so that it can all be shut down in order."""

    window: MainWindow
    services: Services
    preferences: Preferences
    db: Database
    relay: RelaySession
    restart_requested: bool = False

    def restart(self) -> None:
        """Close the window the normal way, then start ecovdesk again (see ``main``)."""
        self.restart_requested = True
        QTimer.singleShot(0, self.window.close)

    async def aclose(self) -> None:
        await self.services.scope.aclose()
        await self.relay.aclose()
        self.preferences.save()
        await self.db.close()


def open_window(app: QApplication, settings: Settings) -> MainWindow:
    """The bare main window in the user's language, theme and place, not yet shown."""
    from ecovdesk.ui.fonts import prefer_simplified_chinese
    from ecovdesk.ui.i18n import install_translation
    from ecovdesk.ui.main_window import MainWindow
    from ecovdesk.ui.theme import apply_theme
    from ecovdesk.ui.window_state import restore_geometry

    install_translation(app, settings.language)
    prefer_simplified_chinese(app)
    dark = apply_theme(app, settings.theme)
    window = MainWindow(dark=dark)
    restore_geometry(window, settings.window_geometry)
    return window


def paint_first(window: MainWindow) -> None:
    """Shows the window and lets it paint before the services and pages are loaded."""
    waiting = QEventLoop()
    window.firstPainted.connect(waiting.quit)
    QTimer.singleShot(FIRST_PAINT_WAIT_MS, waiting, waiting.quit)
    window.show()
    waiting.exec()


async def compose(
    app: QApplication,
    args: argparse.Namespace,
    paths: ProfilePaths,
    keys: KeyStore,
    window: MainWindow | None = None,
) -> RunningApp:
    """Build the services for one profile and fill ``window`` (a new one if not given) with
    them; raises StorageError."""
    # Imported here rather than at the top: the HTTP stack, the store and every page take
    # most of the start-up time, and the window is painted before any of it is needed.
    from ecovdesk.core.catalogue import Catalogue, Family
    from ecovdesk.core.chat_service import ChatService
    from ecovdesk.core.conversation_service import ConversationService
    from ecovdesk.core.database import Database
    from ecovdesk.core.image_service import ImageService
    from ecovdesk.core.job_service import JobService
    from ecovdesk.core.library import Library
    from ecovdesk.core.model_service import ModelService
    from ecovdesk.core.preferences import Preferences
    from ecovdesk.core.relay_session import RelaySession
    from ecovdesk.core.send_router import SendRouter
    from ecovdesk.core.services import Services
    from ecovdesk.core.storage_errors import StorageError
    from ecovdesk.core.task_scope import TaskScope
    from ecovdesk.ui.about_dialog import show_about
    from ecovdesk.ui.bridge import QtEventSink
    from ecovdesk.ui.error_text import describe_storage_error
    from ecovdesk.ui.tray import make_tray, show_running_count
    from ecovdesk.ui.window_state import restore_splitter

    settings = load_settings(paths.settings_file)
    if args.base_url:
        settings.base_url = args.base_url.rstrip("/")
    if window is None:
        window = open_window(app, settings)
    db = await Database.open(paths.database_file, paths.backups_dir)
    sink = QtEventSink()
    relay = RelaySession()
    preferences = Preferences(paths.settings_file, settings, keys, relay)
    preferences.connect()

    def report(error: BaseException) -> None:
        text = QCoreApplication.translate("App", "Something went wrong; details are in the log.")
        if isinstance(error, StorageError):
            text = describe_storage_error(error.kind.value)
        sink.noticeRaised.emit("error", text)

    scope = TaskScope(on_error=report)
    catalogue = Catalogue.load_default()
    library = Library(db, paths.library_dir, paths.cache_dir / "thumbs", relay, sink)
    await library.cleanup_partial_files()
    images = ImageService(db, relay, library, sink, scope, catalogue)
    jobs = JobService(db, relay, library, sink, scope, catalogue)
    chat = ChatService(
        db, relay, sink, scope, catalogue, on_reply_finished=images.fetch_reply_pictures
    )
    services = Services(
        chat=chat,
        conversations=ConversationService(db, sink),
        models=ModelService(db, relay, catalogue, tuple(Family)),
        preferences=preferences,
        scope=scope,
        library=library,
        images=images,
        jobs=jobs,
        router=SendRouter(catalogue, chat, images, jobs),
    )
    await services.conversations.recover_after_start()
    await jobs.start()
    window.attach(services, sink)
    restore_splitter(window.splitter, settings.splitter_state)
    shown = window
    running = RunningApp(window, services, preferences, db, relay)
    window.settingsRequested.connect(lambda: _edit_settings(running, first_run=False))
    window.aboutRequested.connect(lambda: show_about(shown, paths.root))
    tray = make_tray(window, _app_icon())
    window.jobs.tray = tray
    window.jobs.runningCountChanged.connect(lambda count: show_running_count(tray, count))
    if tray is not None:
        tray.messageClicked.connect(window.jobs.open_last_notified)
    # What start-up built lives as long as the app. Left in the collector's care, it made each
    # of its full passes take 30-75 ms, a stall that a streaming reply hit every few replies.
    gc.freeze()
    return running


def _close_on_termination(window: MainWindow) -> None:
    """SIGTERM (logout, shutdown, ``kill``) closes the window the normal way, saving state."""
    signal.signal(signal.SIGTERM, lambda _signo, _frame: QTimer.singleShot(0, window.close))
    # Python only sees a signal when it next runs; this timer makes sure it does.
    ticker = QTimer(window)
    ticker.timeout.connect(lambda: None)
    ticker.start(300)


async def run_app(
    app: QApplication,
    args: argparse.Namespace,
    paths: ProfilePaths,
    window: MainWindow | None = None,
) -> int:
    """Runs the app until its window is closed; ``window`` is the one ``main`` already
    showed."""
    import asyncio

    from ecovdesk.core.log_setup import setup_logging
    from ecovdesk.core.secrets import KeyStore
    from ecovdesk.core.storage_errors import StorageError

    if window is None:
        window = open_window(app, load_settings(paths.settings_file))
        window.show()
    keys = KeyStore()
    setup_logging(paths.logs_dir, lambda: keys.get_key(load_settings(paths.settings_file).base_url))
    closed = asyncio.Event()
    app.lastWindowClosed.connect(closed.set)
    try:
        running = await compose(app, args, paths, keys, window)
    except StorageError as error:
        from PySide6.QtWidgets import QMessageBox

        from ecovdesk.ui.error_text import describe_storage_error

        window.hide()
        # The user's words first, then SQLite's own account (with the path) for a helper.
        QMessageBox.critical(
            None, "ecovdesk", f"{describe_storage_error(error.kind.value)}\n\n{error}"
        )
        return 2
    preferences = running.preferences
    settings = preferences.settings
    _close_on_termination(window)
    try:
        await window.start(args.model, settings.last_conversation_id)
        if args.smoke_test:
            from ecovdesk.smoke import run_checks

            await run_checks(app, window, paths, settings.language)
            window.close()
        elif not preferences.ready or (not settings.first_run_done and not args.base_url):
            QTimer.singleShot(0, lambda: _edit_settings(running, first_run=True))
        await closed.wait()
    finally:
        await running.aclose()
    return RESTART if running.restart_requested else 0


def finalize_async_generators(loop: asyncio.AbstractEventLoop) -> None:
    """Close abandoned async generators in a task on ``loop``, as asyncio's own loops do.

    qasync installs no such hook, so the garbage collector closed them on the spot, outside
    any task: httpx's body generators then marked a response closed without closing its
    connection, which stayed busy in the pool for good after every download or answer that
    was refused half-way (too large, not JSON).
    """

    def finalizer(generator: Any) -> None:
        if not loop.is_closed():
            loop.call_soon_threadsafe(loop.create_task, generator.aclose())

    sys.set_asyncgen_hooks(finalizer=finalizer)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    if args.smoke_test and args.profile_dir is None:
        from ecovdesk.smoke import temporary_profile

        args.profile_dir = temporary_profile()
    paths = resolve_profile(args.profile_dir)
    paths.ensure()
    app = QApplication.instance() or QApplication([sys.argv[0]])
    assert isinstance(app, QApplication)
    app.setApplicationName("ecovdesk")
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("ecovdesk")
    app.setQuitOnLastWindowClosed(False)
    app.setWindowIcon(_app_icon())
    window = open_window(app, load_settings(paths.settings_file))
    paint_first(window)
    import asyncio
    from concurrent.futures import ThreadPoolExecutor

    import qasync

    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    finalize_async_generators(loop)
    # Plain worker threads for file I/O and Pillow; Qt threads are not needed for that.
    workers = ThreadPoolExecutor(max_workers=4, thread_name_prefix="ecovdesk-work")
    loop.set_default_executor(workers)
    code = 1
    try:
        with loop:
            code = int(loop.run_until_complete(run_app(app, args, paths, window)))
    except Exception as error:  # the last line of defence: say why, never a traceback
        log.exception("ecovdesk stopped")
        print(f"ecovdesk: {error}", file=sys.stderr)
    finally:
        workers.shutdown(wait=False, cancel_futures=True)
    if code == RESTART:
        start_again(sys.argv[1:] if argv is None else argv)
        code = 0
    return code


def relaunch_command(args: Sequence[str]) -> list[str]:
    """The command that starts this ecovdesk again with the same arguments: the installed
    program itself, or the interpreter running the package."""
    if getattr(sys, "frozen", False):
        return [sys.executable, *args]
    return [sys.executable, "-m", "ecovdesk", *args]


def start_again(args: Sequence[str]) -> None:
    from PySide6.QtCore import QProcess

    program, *arguments = relaunch_command(args)
    started, _pid = QProcess.startDetached(program, arguments)
    if not started:
        log.warning("could not start ecovdesk again")


if __name__ == "__main__":
    sys.exit(main())
