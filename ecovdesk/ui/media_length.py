"""How long a song or video file really is, as the multimedia backend reads it.

The relay's figure is not always the file's: Kling reports the length that was asked for,
Luma and Runway report none. Loading the file without playing it is enough, since the
length is known once the backend has read the file's header.
"""

from __future__ import annotations

import asyncio
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtMultimedia import QMediaPlayer

# A file that is neither loaded nor refused by then is given up on.
LENGTH_SECONDS = 10.0

_DONE = (
    QMediaPlayer.MediaStatus.LoadedMedia,
    QMediaPlayer.MediaStatus.BufferedMedia,
    QMediaPlayer.MediaStatus.InvalidMedia,
)


async def media_length(path: Path, *, timeout: float = LENGTH_SECONDS) -> float | None:
    """The file's length in seconds, or None when it cannot be read."""
    if not path.is_file():
        return None
    finished: asyncio.Future[None] = asyncio.get_running_loop().create_future()
    # No audio output: a player without one never opens an audio device (see AudioDeviceWatch).
    player = QMediaPlayer()

    def finish() -> None:
        if not finished.done():
            finished.set_result(None)

    def status_changed(status: QMediaPlayer.MediaStatus) -> None:
        if status in _DONE:
            finish()

    player.mediaStatusChanged.connect(status_changed)
    player.errorOccurred.connect(lambda *_: finish())
    player.setSource(QUrl.fromLocalFile(str(path)))
    try:
        async with asyncio.timeout(timeout):
            await finished
    except TimeoutError:
        pass
    finally:
        player.mediaStatusChanged.disconnect(status_changed)
        milliseconds = player.duration()
        player.stop()
        player.deleteLater()
    return milliseconds / 1000 if milliseconds > 0 else None
