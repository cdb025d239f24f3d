"""The video player: play, seek, step frame by frame, loop, sound, full screen and save as."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, QUrl, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QMessageBox, QStyle, QVBoxLayout, QWidget

from ecovdesk.ui.media_base import MediaPlayerBase
from ecovdesk.ui.media_common import is_remote, local_file, media_url
from ecovdesk.ui.save_copy import save_copy_as
from ecovdesk.ui.widgets import tool_button

if TYPE_CHECKING:
    from PySide6.QtMultimedia import QMediaPlayer
    from PySide6.QtMultimediaWidgets import QVideoWidget

DEFAULT_FPS = 25.0


class VideoPlayer(MediaPlayerBase):
    fullScreenChanged = Signal(bool)
    loadedChanged = Signal(bool)  # whether a video is loaded, so the page can make room for it

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.source: Path | str | None = None
        self.title = ""
        self.loop = False
        # The video widget comes with the player, when the first video is loaded: making it
        # loads QtMultimedia (see media_common). Until then the screen holds its place.
        self._video: QVideoWidget | None = None
        self._screen = QWidget()
        self._screen.setMinimumSize(320, 180)
        QVBoxLayout(self._screen).setContentsMargins(0, 0, 0, 0)
        icons = self.style()

        self.back_button = tool_button("", tooltip=self.tr("One frame back"), flat=True)
        self.back_button.setIcon(icons.standardIcon(QStyle.StandardPixmap.SP_MediaSeekBackward))
        self.forward_button = tool_button("", tooltip=self.tr("One frame forward"), flat=True)
        self.forward_button.setIcon(icons.standardIcon(QStyle.StandardPixmap.SP_MediaSeekForward))
        self.loop_button = tool_button(self.tr("Loop"), checkable=True, flat=True)
        self.full_screen_button = tool_button(
            self.tr("Full screen"), tooltip=self.tr("Full screen (F, Esc to leave)"), flat=True
        )
        self.save_button = tool_button(self.tr("Save as…"), flat=True)
        self.close_button = tool_button("", tooltip=self.tr("Close the video"), flat=True)
        self.close_button.setIcon(icons.standardIcon(QStyle.StandardPixmap.SP_DialogCloseButton))

        controls = QHBoxLayout()
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
            self.close_button,
        )
        for widget in widgets:
            controls.addWidget(widget, 1 if widget is self.seek else 0)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._screen, 1)
        layout.addLayout(controls)
        layout.addWidget(self.notice)

        self.back_button.clicked.connect(lambda: self.step_frames(-1))
        self.forward_button.clicked.connect(lambda: self.step_frames(1))
        self.loop_button.toggled.connect(self.set_loop)
        self.full_screen_button.clicked.connect(self.toggle_full_screen)
        self.save_button.clicked.connect(self.save_as)
        self.close_button.clicked.connect(self.clear)
        for keys, slot in (
            ("Space", self.toggle_play),
            (",", lambda: self.step_frames(-1)),
            (".", lambda: self.step_frames(1)),
            ("F", self.toggle_full_screen),
        ):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)
        self._show_notice()
        self._update_buttons()

    @property
    def video(self) -> QVideoWidget:
        if self._video is None:
            from PySide6.QtMultimediaWidgets import QVideoWidget

            video = self._video = QVideoWidget()
            video.installEventFilter(self)
            video.fullScreenChanged.connect(self.fullScreenChanged)
            layout = self._screen.layout()
            assert layout is not None
            layout.addWidget(video)
        return self._video

    def _created(self, player: QMediaPlayer) -> None:
        player.setVideoOutput(self.video)

    def has_media(self) -> bool:
        return self.source is not None

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
        self.loadedChanged.emit(True)
        if play:
            self.player.play()

    def clear(self) -> None:
        """Nothing loaded any more: the video closed, or its file deleted."""
        if self._video is not None:
            self._video.setFullScreen(False)
        self.source = None
        self.title = ""
        self._problem = ""
        if self._playback is not None:
            self.player.stop()
            self.player.setSource(QUrl())
        self.seek.set_duration(0)
        self._show_time()
        self._show_notice()
        self._update_buttons()
        self.loadedChanged.emit(False)

    def frame_ms(self) -> float:
        from PySide6.QtMultimedia import QMediaMetaData

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

    def _ended(self) -> None:
        if self.loop:
            self.player.setPosition(0)
            self.player.play()
        elif self.playing():
            self.player.pause()  # ran out silently: keep the last frame on screen

    def toggle_full_screen(self) -> None:
        self.video.setFullScreen(not self.video.isFullScreen())

    def save_as(self) -> Path | None:
        source = local_file(self.source)
        if source is None:
            if self.source is not None and not is_remote(self.source):
                # Deleted or moved away while loaded: said, rather than a click doing nothing.
                QMessageBox.warning(
                    self, self.tr("Save video"), self.tr("This video is no longer in the library.")
                )
                self._update_buttons()
            return None
        return save_copy_as(self, source, self.title or source.stem, self.tr("Save video"))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Checked against the widget if made: the property would make it.
        if self._video is not None and watched is self._video:
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
            self.close_button,
        ):
            button.setEnabled(loaded)
        can_save = local_file(self.source) is not None
        self.save_button.setEnabled(can_save)
        if can_save:
            tip = self.tr("Save a copy of this video")
        elif self.source is None:
            tip = ""
        elif not is_remote(self.source):
            tip = self.tr("This video is no longer in the library.")
        else:
            tip = self.tr("The video can be saved once it has finished downloading")
        self.save_button.setToolTip(tip)

    def _notice_text(self, problem: str, device_missing: bool) -> str:
        if problem:
            return self.tr("This video cannot be played: %1").replace("%1", problem)
        if device_missing:
            return self.tr("No audio output device was found; the video plays without sound.")
        return ""
