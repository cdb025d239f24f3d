"""Dialogs awaited from coroutines without a nested event loop.

``QDialog.exec()`` inside a coroutine runs a second event loop while that coroutine's task
is still the one executing: any other task that wakes meanwhile (a job being polled, a reply
streaming) is refused by asyncio and dropped. Here the dialog is opened window-modal and the
coroutine waits for its ``finished`` signal instead, so everything else keeps running.
"""

from __future__ import annotations

import asyncio

from PySide6.QtWidgets import QDialog


async def accepted(dialog: QDialog) -> bool:
    """Shows ``dialog`` and waits until it is closed; True when the user accepted it. A
    cancelled wait closes the dialog."""
    done: asyncio.Future[int] = asyncio.get_running_loop().create_future()

    def finished(result: int) -> None:
        if not done.done():
            done.set_result(result)

    dialog.finished.connect(finished)
    dialog.open()
    try:
        return await done == QDialog.DialogCode.Accepted.value
    except asyncio.CancelledError:
        dialog.reject()
        raise
    finally:
        dialog.finished.disconnect(finished)
