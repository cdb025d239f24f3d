"""Dialogs asked for by coroutines, shown outside the task that wants them.

``QDialog.exec()`` runs an event loop of its own. Inside a coroutine that loop would run while
that coroutine's task is still the one executing, and asyncio refuses every other task that
wakes meanwhile (a job being polled, a reply streaming), which is then lost. Called from the Qt
loop instead, between tasks, the dialog's loop runs them as usual.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QTimer


def ask_outside_tasks(ask: Callable[[], None]) -> None:
    """Runs ``ask``, which shows a dialog and acts on the answer, once the current task has
    yielded. ``ask`` starts whatever work the answer calls for as new tasks."""
    QTimer.singleShot(0, ask)
