"""The last picture of a video file, for videos the relay sent without one (Kling's, say).

Qt Multimedia decodes it: the player jumps to just before the end and plays what is left into
a video sink, with no audio output, and the last frame that arrives is kept. The final frame
a player reports at the end of a file is an empty one, so only valid frames count.
"""

from __future__ import annotations

import asyncio
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QImage
from PySide6.QtMultimedia import QMediaPlayer, QVideoFrame, QVideoSink

# How far before the end playing starts; the decoder goes on from the key frame before it.
END_MARGIN_MS = 1
# A file that neither ends nor fails by then is given up on.
LAST_FRAME_SECONDS = 10.0


async def last_frame(path: Path, *, timeout: float = LAST_FRAME_SECONDS) -> QImage | None:
    """The video's last frame, or None when the file cannot be decoded."""
    finished: asyncio.Future[None] = asyncio.get_running_loop().create_future()
    player = QMediaPlayer()
    sink = QVideoSink(player)
    player.setVideoSink(sink)
    last: list[QVideoFrame] = []

    def finish() -> None:
        if not finished.done():
            finished.set_result(None)

    def frame_arrived(frame: QVideoFrame) -> None:
        if frame.isValid():
            last[:] = [frame]

    def status_changed(status: QMediaPlayer.MediaStatus) -> None:
        if status is QMediaPlayer.MediaStatus.LoadedMedia:
            player.setPosition(max(0, player.duration() - END_MARGIN_MS))
            player.play()
        elif status in (QMediaPlayer.MediaStatus.EndOfMedia, QMediaPlayer.MediaStatus.InvalidMedia):
            finish()

    sink.videoFrameChanged.connect(frame_arrived)
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
        sink.videoFrameChanged.disconnect(frame_arrived)
        player.stop()
        player.deleteLater()
    if not last:
        return None
    image = last[0].toImage()
    return None if image.isNull() else image
