"""What the song bar and the video player share: a player made on first use, and the
controls every player has (play, seek, time, mute, volume, a notice line)."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QSlider, QStyle, QWidget

from ecovdesk.ui import looks
from ecovdesk.ui.media_common import AudioDeviceWatch, SeekSlider, at_end, clock, ran_out_silently
from ecovdesk.ui.widgets import label, tool_button

if TYPE_CHECKING:
    from PySide6.QtMultimedia import QAudioOutput, QMediaPlayer

log = logging.getLogger(__name__)

DEFAULT_VOLUME = 80


class Playback:
    """A QMediaPlayer with its audio output and device watch, owned by ``owner``."""

    def __init__(self, owner: QWidget) -> None:
        # Imported only now (see media_common): most sessions never play anything.
        from PySide6.QtMultimedia import QAudioOutput, QMediaPlayer

        self.player = QMediaPlayer(owner)
        self.audio = QAudioOutput(owner)
        self.devices = AudioDeviceWatch(self.player, self.audio, owner)


class MediaPlayerBase(QWidget):
    """Subclasses lay the controls out, say what is loaded (``has_media``), what happens at
    the end (``_ended``) and what the notice says (``_notice_text``).

    The player itself is made the first time something is loaded or asked of it: loading
    the multimedia backend costs about 15 MiB and tens of milliseconds at start, and most
    sessions never play anything.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._playback: Playback | None = None
        self._problem = ""
        self.play_button = tool_button("", tooltip=self.tr("Play"), flat=True)
        self.seek = SeekSlider()
        self.seek.setMinimumWidth(160)
        self.time_label = label("0:00 / 0:00")
        self.mute_button = tool_button("", tooltip=self.tr("Mute"), checkable=True, flat=True)
        self.volume = QSlider(Qt.Orientation.Horizontal)
        self.volume.setRange(0, 100)
        self.volume.setValue(DEFAULT_VOLUME)
        self.volume.setMaximumWidth(100)
        self.volume.setToolTip(self.tr("Volume"))
        self.notice = label(name=looks.ERROR, wrap=True)
        self.play_button.clicked.connect(self.toggle_play)
        self.seek.seekRequested.connect(lambda position: self.player.setPosition(position))
        self.volume.valueChanged.connect(self._apply_volume)
        self.mute_button.toggled.connect(self._apply_mute)
        self._show_state()
        self._show_mute(False)

    # The player, made on first use

    @property
    def player(self) -> QMediaPlayer:
        return self._media().player

    @property
    def audio(self) -> QAudioOutput:
        return self._media().audio

    @property
    def devices(self) -> AudioDeviceWatch:
        return self._media().devices

    def _media(self) -> Playback:
        if self._playback is None:
            playback = self._playback = Playback(self)
            self._created(playback.player)
            playback.audio.setVolume(self.volume.value() / 100)
            playback.audio.setMuted(self.mute_button.isChecked())
            playback.audio.mutedChanged.connect(self._show_mute)
            playback.player.durationChanged.connect(self._duration_changed)
            playback.player.positionChanged.connect(self._position_changed)
            playback.player.playbackStateChanged.connect(self._show_state)
            playback.player.mediaStatusChanged.connect(self._status_changed)
            playback.player.errorOccurred.connect(self._error)
            playback.devices.availabilityChanged.connect(lambda _available: self._show_notice())
        return self._playback

    def _created(self, player: QMediaPlayer) -> None:
        """Called once the player exists, before anything is loaded into it."""

    # Playing

    def has_media(self) -> bool:
        raise NotImplementedError

    def play(self) -> None:
        if not self.has_media():
            return
        if at_end(self.player):
            self.player.setPosition(0)
        self.player.play()

    def pause(self) -> None:
        if self._playback is not None:
            self._playback.player.pause()

    def stop(self) -> None:
        if self._playback is not None:
            self._playback.player.stop()

    def toggle_play(self) -> None:
        if self.playing():
            self.pause()
        else:
            self.play()

    def playing(self) -> bool:
        if self._playback is None:
            return False
        from PySide6.QtMultimedia import QMediaPlayer

        state = self._playback.player.playbackState()
        return state == QMediaPlayer.PlaybackState.PlayingState

    def _ended(self) -> None:
        raise NotImplementedError

    def _status_changed(self, status: QMediaPlayer.MediaStatus) -> None:
        from PySide6.QtMultimedia import QMediaPlayer

        if status == QMediaPlayer.MediaStatus.EndOfMedia:
            self._ended()

    def _position_changed(self, position: int) -> None:
        self.seek.set_position(position)
        self._show_time()
        if ran_out_silently(self.player):
            self._ended()

    def _duration_changed(self, duration: int) -> None:
        self.seek.set_duration(duration)
        self._show_time()

    def _apply_volume(self, value: int) -> None:
        if self._playback is not None:
            self._playback.audio.setVolume(value / 100)

    def _apply_mute(self, muted: bool) -> None:
        if self._playback is not None:
            self._playback.audio.setMuted(muted)
        else:
            self._show_mute(muted)

    # What the controls show

    def _show_time(self) -> None:
        shown = self._playback is not None and self.has_media()
        position = self.player.position() if shown else 0
        duration = self.player.duration() if shown else 0
        self.time_label.setText(f"{clock(position)} / {clock(duration)}")

    def _show_state(self) -> None:
        playing = self.playing()
        icon = (
            QStyle.StandardPixmap.SP_MediaPause if playing else QStyle.StandardPixmap.SP_MediaPlay
        )
        self.play_button.setIcon(self.style().standardIcon(icon))
        self.play_button.setToolTip(self.tr("Pause") if playing else self.tr("Play"))

    def _show_mute(self, muted: bool) -> None:
        icon = (
            QStyle.StandardPixmap.SP_MediaVolumeMuted
            if muted
            else QStyle.StandardPixmap.SP_MediaVolume
        )
        self.mute_button.setIcon(self.style().standardIcon(icon))
        self.mute_button.setChecked(muted)

    def _notice_text(self, problem: str, device_missing: bool) -> str:
        raise NotImplementedError

    def _show_notice(self) -> None:
        # Whether a device exists is only known once the player has been made.
        missing = self._playback is not None and not self._playback.devices.available
        text = self._notice_text(self._problem, missing)
        self.notice.setText(text)
        self.notice.setVisible(bool(text))

    def _error(self, error: QMediaPlayer.Error, message: str) -> None:
        from PySide6.QtMultimedia import QMediaPlayer

        if error != QMediaPlayer.Error.NoError:
            # Qt's own message is English and technical: it goes to the log, the user reads
            # what kind of problem it is.
            log.info("the player refused a file: %s (%s)", error.name, message)
            self._problem = self._error_text(error)
            self._show_notice()

    def _error_text(self, error: QMediaPlayer.Error) -> str:
        from PySide6.QtMultimedia import QMediaPlayer

        words = {
            QMediaPlayer.Error.ResourceError: self.tr("the file is missing or cannot be read"),
            QMediaPlayer.Error.FormatError: self.tr("its format is not supported"),
            QMediaPlayer.Error.NetworkError: self.tr("the connection failed"),
            QMediaPlayer.Error.AccessDeniedError: self.tr("access to the file was refused"),
        }
        return words.get(error, self.tr("unknown error"))
