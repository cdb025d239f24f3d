"""Pictures from a video file, for videos the relay sent without them (Kling's, say): its last
frame, to start the next video from, and a still to stand for it in the library.

Qt Multimedia decodes them: the player jumps to a position and plays into a video sink, with
no audio output. For the last frame it plays what is left after just before the end and keeps
the last frame that arrives; for a still, the first. The final frame a player reports at the
end of a file is an empty one, so only valid frames count.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QImage
from PySide6.QtMultimedia import QMediaPlayer, QVideoFrame, QVideoSink

# How far before the end playing starts; the decoder goes on from the key frame before it.
END_MARGIN_MS = 1
# A file that neither ends nor fails by then is given up on.
LAST_FRAME_SECONDS = 10.0
# A still comes from this far in (or the middle of a shorter video): the very first frame
# is often still dark or fading in.
STILL_AT_MS = 1000


async def last_frame(path: Path, *, timeout: float = LAST_FRAME_SECONDS) -> QImage | None:
    """The video's last frame, or None when the file cannot be decoded."""
    return await _frame(path, lambda ms: max(0, ms - END_MARGIN_MS), last=True, timeout=timeout)


async def still_frame(path: Path, *, timeout: float = LAST_FRAME_SECONDS) -> QImage | None:
    """A picture from early in the video, or None when the file cannot be decoded."""
    return await _frame(path, lambda ms: min(STILL_AT_MS, ms // 2), last=False, timeout=timeout)


async def _frame(
    path: Path, position: Callable[[int], int], *, last: bool, timeout: float
) -> QImage | None:
    """The last frame played from ``position(duration)`` on, or the first when not ``last``."""
    finished: asyncio.Future[None] = asyncio.get_running_loop().create_future()
    player = QMediaPlayer()
    sink = QVideoSink(player)
    player.setVideoSink(sink)
    kept: list[QVideoFrame] = []

    def finish() -> None:
        if not finished.done():
            finished.set_result(None)

    def frame_arrived(frame: QVideoFrame) -> None:
        if frame.isValid():
            kept[:] = [frame]
            if not last:
                finish()

    def status_changed(status: QMediaPlayer.MediaStatus) -> None:
        if status is QMediaPlayer.MediaStatus.LoadedMedia:
            player.setPosition(position(player.duration()))
            player.play()
        elif status in (QMediaPlayer.MediaStatus.EndOfMedia, QMediaPlayer.MediaStatus.InvalidMedia):
            finish()

    # Frames come from the backend's decoding thread. Queued, they are handled on this one:
    # Python run on that thread would need the GIL, which this thread holds while it waits
    # for the decoder to finish in player.stop(), and the two would wait on each other.
    sink.videoFrameChanged.connect(frame_arrived, Qt.ConnectionType.QueuedConnection)
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
    if not kept:
        return None
    image = kept[0].toImage()
    return None if image.isNull() else image
