"""Pieces the audio and video players share: times, sources, the seek slider, the audio device."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QUrl, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QSlider, QStyle, QStyleOptionSlider, QWidget

# QtMultimedia is imported where a player is used, never at start: loading it brings in the
# multimedia and network libraries, about 6 MiB that a session without playing never needs.
if TYPE_CHECKING:
    from PySide6.QtMultimedia import QAudioOutput, QMediaPlayer


def clock(milliseconds: int | float | None) -> str:
    """m:ss, or h:mm:ss from an hour on; an unknown length is 0:00."""
    total = max(0, int((milliseconds or 0) // 1000))
    hours, rest = divmod(total, 3600)
    minutes, seconds = divmod(rest, 60)
    if hours:
        return f"{hours}:{minutes:02d}:{seconds:02d}"
    return f"{minutes}:{seconds:02d}"


def media_url(source: Path | str) -> QUrl:
    """A library file or a remote stream (a clip still being generated plays from its URL)."""
    if isinstance(source, Path):
        return QUrl.fromLocalFile(str(source))
    if source.startswith(("http://", "https://", "file:")):
        return QUrl(source)
    return QUrl.fromLocalFile(source)


def local_file(source: Path | str | None) -> Path | None:
    """The file behind a source, when it is one on this computer."""
    if source is None:
        return None
    if isinstance(source, Path):
        return source if source.is_file() else None
    url = QUrl(source)
    if url.isLocalFile():
        path = Path(url.toLocalFile())
    elif url.scheme() in ("http", "https"):
        return None
    else:
        path = Path(source)
    return path if path.is_file() else None


def is_remote(source: Path | str | None) -> bool:
    """A stream from the relay rather than a file of the library."""
    return isinstance(source, str) and QUrl(source).scheme() in ("http", "https")


class SeekSlider(QSlider):
    """A position slider that jumps to where it is clicked and is not moved while held."""

    seekRequested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.setRange(0, 0)
        self.setSingleStep(1000)
        self.setPageStep(5000)
        self.sliderMoved.connect(self.seekRequested)
        self.actionTriggered.connect(self._action)

    def set_duration(self, milliseconds: int) -> None:
        self.setRange(0, max(0, milliseconds))

    def set_position(self, milliseconds: int) -> None:
        if not self.isSliderDown():
            self.blockSignals(True)
            self.setValue(milliseconds)
            self.blockSignals(False)

    def _action(self, action: int) -> None:
        if action != QSlider.SliderAction.SliderMove.value:
            # Keys and page clicks: the new value is the slider position once the action is done.
            self.seekRequested.emit(self.sliderPosition())

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self.maximum() > 0:
            option = QStyleOptionSlider()
            self.initStyleOption(option)
            groove = self.style().subControlRect(
                QStyle.ComplexControl.CC_Slider, option, QStyle.SubControl.SC_SliderGroove, self
            )
            handle = self.style().subControlRect(
                QStyle.ComplexControl.CC_Slider, option, QStyle.SubControl.SC_SliderHandle, self
            )
            if not handle.contains(event.position().toPoint()):
                span = max(1, groove.width() - handle.width())
                x = int(event.position().x()) - groove.x() - handle.width() // 2
                value = QStyle.sliderValueFromPosition(
                    self.minimum(), self.maximum(), x, span, self.invertedAppearance()
                )
                self.setValue(value)
                self.seekRequested.emit(value)
                event.accept()
                return
        super().mousePressEvent(event)


class AudioDeviceWatch(QObject):
    """Gives the player its audio output only while a device exists, following the default one.

    Without a device, Qt's FFmpeg backend keeps failing to open an audio sink and deletes it on
    its audio thread; that deletion calls into the Python-owned QAudioOutput and so needs the
    GIL, which the GUI thread holds while it waits on that thread in stop() or setSource(): the
    app hangs. With no output attached the player keeps time by the clock and plays silently.
    """

    availabilityChanged = Signal(bool)

    def __init__(
        self, player: QMediaPlayer, output: QAudioOutput, parent: QObject | None = None
    ) -> None:
        from PySide6.QtMultimedia import QMediaDevices

        super().__init__(parent)
        self._player = player
        self._output = output
        self._devices = QMediaDevices(self)
        self._devices.audioOutputsChanged.connect(self._refresh)
        self.available = bool(QMediaDevices.audioOutputs())
        self._attach()

    def _attach(self) -> None:
        from PySide6.QtMultimedia import QMediaDevices

        if self.available:
            self._output.setDevice(QMediaDevices.defaultAudioOutput())
            if self._player.audioOutput() is not self._output:
                self._player.setAudioOutput(self._output)
        elif self._player.audioOutput() is not None:
            self._player.setAudioOutput(None)  # type: ignore[arg-type]

    def _refresh(self) -> None:
        from PySide6.QtMultimedia import QMediaDevices

        available = bool(QMediaDevices.audioOutputs())
        changed = available != self.available
        self.available = available
        self._attach()
        if changed:
            self.availabilityChanged.emit(available)


def ran_out_silently(player: QMediaPlayer) -> bool:
    """Without an audio output the clock stops at the end but EndOfMedia never comes."""
    from PySide6.QtMultimedia import QMediaPlayer

    return (
        player.audioOutput() is None
        and player.playbackState() == QMediaPlayer.PlaybackState.PlayingState
        and 0 < player.duration() <= player.position()
    )


def at_end(player: QMediaPlayer) -> bool:
    from PySide6.QtMultimedia import QMediaPlayer

    return player.mediaStatus() == QMediaPlayer.MediaStatus.EndOfMedia or (
        0 < player.duration() <= player.position()
    )
