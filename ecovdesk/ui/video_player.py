"""The video player: play, seek, step frame by frame, loop, sound, full screen and save as."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt, QUrl, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtMultimedia import QAudioOutput, QMediaMetaData, QMediaPlayer
from PySide6.QtMultimediaWidgets import QVideoWidget
from PySide6.QtWidgets import QHBoxLayout, QSlider, QStyle, QVBoxLayout, QWidget

from ecovdesk.ui.media_common import (
    AudioDeviceWatch,
    SeekSlider,
    at_end,
    clock,
    local_file,
    media_url,
    ran_out_silently,
    save_copy_as,
)
from ecovdesk.ui.widgets import label, tool_button

DEFAULT_FPS = 25.0


class VideoPlayer(QWidget):
    fullScreenChanged = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.source: Path | str | None = None
        self.title = ""
        self._problem = ""
        self.loop = False
        self.player = QMediaPlayer(self)
        self.audio = QAudioOutput(self)
        self.video = QVideoWidget()
        self.video.setMinimumSize(320, 180)
        self.video.installEventFilter(self)
        self.player.setVideoOutput(self.video)
        self.devices = AudioDeviceWatch(self.player, self.audio, self)
        icons = self.style()

        self.play_button = tool_button("", tooltip=self.tr("Play"), flat=True)
        self.back_button = tool_button("", tooltip=self.tr("One frame back"), flat=True)
        self.back_button.setIcon(icons.standardIcon(QStyle.StandardPixmap.SP_MediaSeekBackward))
        self.forward_button = tool_button("", tooltip=self.tr("One frame forward"), flat=True)
        self.forward_button.setIcon(icons.standardIcon(QStyle.StandardPixmap.SP_MediaSeekForward))
        self.seek = SeekSlider()
        self.time_label = label("0:00 / 0:00")
        self.loop_button = tool_button(self.tr("Loop"), checkable=True, flat=True)
        self.mute_button = tool_button("", tooltip=self.tr("Mute"), checkable=True, flat=True)
        self.volume = QSlider(Qt.Orientation.Horizontal)
        self.volume.setRange(0, 100)
        self.volume.setValue(80)
        self.volume.setMaximumWidth(100)
        self.volume.setToolTip(self.tr("Volume"))
        self.full_screen_button = tool_button(
            self.tr("Full screen"), tooltip=self.tr("Full screen (F, Esc to leave)"), flat=True
        )
        self.save_button = tool_button(self.tr("Save as…"), flat=True)
        self.notice = label(name="errorBanner", wrap=True)

        controls = QHBoxLayout()
        self.seek.setMinimumWidth(160)
        widgets: tuple[QWidget, ...] = (
            self.play_button,
            self.back_button,
            self.forward_button,
            self.seek,
            self.time_label,
            self.loop_button,
            self.mute_button,
            self.volume,
            self.full_screen_button,
            self.save_button,
        )
        for widget in widgets:
            controls.addWidget(widget, 1 if widget is self.seek else 0)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.video, 1)
        layout.addLayout(controls)
        layout.addWidget(self.notice)

        self.play_button.clicked.connect(self.toggle_play)
        self.back_button.clicked.connect(lambda: self.step_frames(-1))
        self.forward_button.clicked.connect(lambda: self.step_frames(1))
        self.seek.seekRequested.connect(self.player.setPosition)
        self.loop_button.toggled.connect(self.set_loop)
        self.volume.valueChanged.connect(lambda v: self.audio.setVolume(v / 100))
        self.mute_button.toggled.connect(self.audio.setMuted)
        self.audio.mutedChanged.connect(self._show_mute)
        self.full_screen_button.clicked.connect(self.toggle_full_screen)
        self.save_button.clicked.connect(self.save_as)
        self.video.fullScreenChanged.connect(self.fullScreenChanged)
        self.player.durationChanged.connect(self._duration_changed)
        self.player.positionChanged.connect(self._position_changed)
        self.player.playbackStateChanged.connect(self._show_state)
        self.player.errorOccurred.connect(self._error)
        self.player.mediaStatusChanged.connect(self._status_changed)
        self.devices.availabilityChanged.connect(lambda _available: self._show_notice())
        self.audio.setVolume(0.8)
        for keys, slot in (
            ("Space", self.toggle_play),
            (",", lambda: self.step_frames(-1)),
            (".", lambda: self.step_frames(1)),
            ("F", self.toggle_full_screen),
        ):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)
        self._show_state()
        self._show_mute(False)
        self._show_notice()
        self._update_buttons()

    def load(self, source: Path | str, title: str = "", play: bool = False) -> None:
        """A library file or a remote URL; the title names the file offered by save as."""
        self.source = source
        self.title = title
        self._problem = ""
        self.player.stop()
        self.player.setSource(media_url(source))
        self.seek.set_duration(0)
        self._show_time()
        self._show_notice()
        self._update_buttons()
        if play:
            self.player.play()

    def clear(self) -> None:
        self.source = None
        self.player.stop()
        self.player.setSource(QUrl())
        self._update_buttons()

    def play(self) -> None:
        if self.source is None:
            return
        if at_end(self.player):
            self.player.setPosition(0)
        self.player.play()

    def pause(self) -> None:
        self.player.pause()

    def toggle_play(self) -> None:
        if self.player.playbackState() == QMediaPlayer.PlaybackState.PlayingState:
            self.pause()
        else:
            self.play()

    def frame_ms(self) -> float:
        rate = self.player.metaData().value(QMediaMetaData.Key.VideoFrameRate)
        fps = float(rate) if isinstance(rate, int | float) and rate > 0 else DEFAULT_FPS
        return 1000.0 / fps

    def step_frames(self, frames: int) -> None:
        """Pauses, then moves by whole frames, staying inside the video."""
        if self.source is None:
            return
        self.player.pause()
        target = self.player.position() + round(frames * self.frame_ms())
        end = self.player.duration()
        if end > 0:
            target = min(target, end - 1)
        self.player.setPosition(max(0, target))

    def set_loop(self, loop: bool) -> None:
        # Not QMediaPlayer.setLoops: once it has looped, setting it back to 1 does not stop it.
        self.loop = loop
        if self.loop_button.isChecked() != loop:
            self.loop_button.setChecked(loop)

    def _status_changed(self, status: QMediaPlayer.MediaStatus) -> None:
        if status == QMediaPlayer.MediaStatus.EndOfMedia:
            self._ended()

    def _ended(self) -> None:
        if self.loop:
            self.player.setPosition(0)
            self.player.play()
        elif self.player.playbackState() == QMediaPlayer.PlaybackState.PlayingState:
            self.player.pause()  # ran out silently: keep the last frame on screen

    def toggle_full_screen(self) -> None:
        self.video.setFullScreen(not self.video.isFullScreen())

    def save_as(self) -> Path | None:
        source = local_file(self.source)
        if source is None:
            return None
        return save_copy_as(self, source, self.title or source.stem, self.tr("Save video"))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.video:
            if event.type() == QEvent.Type.MouseButtonDblClick:
                self.toggle_full_screen()
                return True
            full_screen_keys: dict[Qt.Key, Callable[[], None]] = {
                # In full screen the video is a window of its own, out of the shortcuts' reach.
                Qt.Key.Key_Escape: lambda: self.video.setFullScreen(False),
                Qt.Key.Key_F: lambda: self.video.setFullScreen(False),
                Qt.Key.Key_Space: self.toggle_play,
                Qt.Key.Key_Comma: lambda: self.step_frames(-1),
                Qt.Key.Key_Period: lambda: self.step_frames(1),
            }
            if (
                isinstance(event, QKeyEvent)
                and event.type() == QEvent.Type.KeyPress
                and self.video.isFullScreen()
                and event.key() in full_screen_keys
            ):
                full_screen_keys[Qt.Key(event.key())]()
                return True
        return super().eventFilter(watched, event)

    def _update_buttons(self) -> None:
        loaded = self.source is not None
        for button in (
            self.play_button,
            self.back_button,
            self.forward_button,
            self.seek,
            self.full_screen_button,
        ):
            button.setEnabled(loaded)
        can_save = local_file(self.source) is not None
        self.save_button.setEnabled(can_save)
        self.save_button.setToolTip(
            self.tr("Save a copy of this video")
            if can_save
            else self.tr("The video can be saved once it has finished downloading")
        )

    def _show_state(self) -> None:
        playing = self.player.playbackState() == QMediaPlayer.PlaybackState.PlayingState
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

    def _show_notice(self) -> None:
        if self._problem:
            text = self.tr("This video cannot be played: %1").replace("%1", self._problem)
        elif not self.devices.available:
            text = self.tr("No audio output device was found; the video plays without sound.")
        else:
            text = ""
        self.notice.setText(text)
        self.notice.setVisible(bool(text))

    def _error(self, error: QMediaPlayer.Error, message: str) -> None:
        if error != QMediaPlayer.Error.NoError:
            self._problem = message or self.tr("unknown error")
            self._show_notice()

    def _duration_changed(self, duration: int) -> None:
        self.seek.set_duration(duration)
        self._show_time()

    def _position_changed(self, position: int) -> None:
        self.seek.set_position(position)
        self._show_time()
        if ran_out_silently(self.player):
            self._ended()

    def _show_time(self) -> None:
        loaded = self.source is not None
        position = self.player.position() if loaded else 0
        duration = self.player.duration() if loaded else 0
        self.time_label.setText(f"{clock(position)} / {clock(duration)}")
