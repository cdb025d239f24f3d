from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from tests.offscreen import OFFSCREEN

if TYPE_CHECKING:
    import qasync
    from PySide6.QtWidgets import QApplication

# Widgets are tested without a screen; a real one is only needed to look at screenshots.
os.environ.setdefault("QT_QPA_PLATFORM", OFFSCREEN)
# Tests never see the user's key or keyring.
os.environ.pop("ECOVDESK_API_KEY", None)
os.environ["PYTHON_KEYRING_BACKEND"] = "keyring.backends.null.Keyring"

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


@pytest.fixture(scope="session")
def qt_loop(qapp: QApplication) -> Iterator[qasync.QEventLoop]:
    # As in the app, the asyncio loop counts as running for as long as Qt does: tests wait by
    # letting Qt process events (qtbot.waitUntil), which is also what runs the coroutines.
    # One loop for the whole session: every folder of Qt tests shares it, since two loops
    # claiming to be running on one thread would hand each other's futures around.
    import asyncio
    from concurrent.futures import ThreadPoolExecutor

    import qasync

    from ecovdesk.app import finalize_async_generators

    loop = qasync.QEventLoop(qapp, already_running=True)
    # Marked running only while a Qt test uses it (qt_running): plain asyncio tests that run
    # later in the session start loops of their own, which asyncio refuses while one runs.
    asyncio.events._set_running_loop(None)
    finalize_async_generators(loop)
    workers = ThreadPoolExecutor(max_workers=4, thread_name_prefix="ecovdesk-test")
    loop.set_default_executor(workers)
    yield loop
    workers.shutdown(wait=True)
    asyncio.events._set_running_loop(None)


@pytest.fixture
def qt_running(qt_loop: qasync.QEventLoop) -> Iterator[qasync.QEventLoop]:
    import asyncio

    asyncio.set_event_loop(qt_loop)
    asyncio.events._set_running_loop(qt_loop)
    yield qt_loop
    asyncio.events._set_running_loop(None)
