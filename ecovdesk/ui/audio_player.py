"""The player bar for songs: a playlist with repeat, seeking, volume, lyrics and media keys."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QKeySequence, QPixmap, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QMessageBox,
    QPlainTextEdit,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from ecovdesk.ui.media_base import MediaPlayerBase
from ecovdesk.ui.media_common import is_remote, local_file, media_url
from ecovdesk.ui.save_copy import save_copy_as
from ecovdesk.ui.widgets import label, tool_button

COVER_SIDE = 56
RESTART_AFTER_MS = 3000  # "previous" past this point starts the song again instead


@dataclass(frozen=True)
class Track:
    title: str
    source: Path | str  # a library file, or the stream URL of a clip still being generated
    lyrics: str = ""
    cover: Path | None = None
    asset_id: int | None = None
    job_id: int | None = None  # the Suno job that made it, to find the song once it is kept
    clip_id: str = ""


class Repeat(enum.StrEnum):
    OFF = "off"
    ALL = "all"
    ONE = "one"


class AudioPlayerBar(MediaPlayerBase):
    trackChanged = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tracks: list[Track] = []
        self.index = -1
        self.repeat = Repeat.OFF
        icons = self.style()

        self.cover = label(align=Qt.AlignmentFlag.AlignCenter)
        self.cover.setFixedSize(COVER_SIDE, COVER_SIDE)
        self.title_label = label(self.tr("Nothing playing"))
        self.title_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.previous_button = tool_button("", tooltip=self.tr("Previous"), flat=True)
        self.previous_button.setIcon(icons.standardIcon(QStyle.StandardPixmap.SP_MediaSkipBackward))
        self.next_button = tool_button("", tooltip=self.tr("Next"), flat=True)
        self.next_button.setIcon(icons.standardIcon(QStyle.StandardPixmap.SP_MediaSkipForward))
        self.repeat_button = tool_button(self.tr("Repeat: off"), flat=True)
        self.lyrics_button = tool_button(self.tr("Lyrics"), checkable=True, flat=True)
        self.lyrics_button.setChecked(True)
        self.save_button = tool_button(self.tr("Save as…"), flat=True)
        self.lyrics_view = QPlainTextEdit()
        self.lyrics_view.setReadOnly(True)
        self.lyrics_view.setPlaceholderText(self.tr("No lyrics for this song"))
        self.lyrics_view.setMaximumHeight(140)

        top = QHBoxLayout()
        top.addWidget(self.title_label, 1)
        for button in (self.repeat_button, self.lyrics_button, self.save_button):
            top.addWidget(button)
        controls = QHBoxLayout()
        widgets: tuple[QWidget, ...] = (
            self.previous_button,
            self.play_button,
            self.next_button,
            self.seek,
            self.time_label,
            self.mute_button,
            self.volume,
        )
        for widget in widgets:
            controls.addWidget(widget, 1 if widget is self.seek else 0)
        middle = QVBoxLayout()
        middle.addLayout(top)
        middle.addLayout(controls)
        middle.addWidget(self.notice)
        self.lyrics_view.setMinimumWidth(180)
        self.lyrics_view.setMaximumWidth(360)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.addWidget(self.cover, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(middle, 2)
        layout.addWidget(self.lyrics_view, 1)

        self.previous_button.clicked.connect(self.previous)
        self.next_button.clicked.connect(self.next)
        self.repeat_button.clicked.connect(self.cycle_repeat)
        self.lyrics_button.toggled.connect(self.lyrics_view.setVisible)
        self.save_button.clicked.connect(self.save_as)
        self._shortcuts: list[QShortcut] = []
        for key, slot in (
            (Qt.Key.Key_MediaPlay, self.play),
            (Qt.Key.Key_MediaPause, self.pause),
            (Qt.Key.Key_MediaTogglePlayPause, self.toggle_play),
            (Qt.Key.Key_MediaNext, self.next),
            (Qt.Key.Key_MediaPrevious, self.previous),
        ):
            # Window-wide, so the keys work wherever the focus is in the bar's window.
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
            shortcut.activated.connect(slot)
            self._shortcuts.append(shortcut)
        self._show_notice()
        self._update_buttons()

    # The playlist

    @property
    def current(self) -> Track | None:
        return self.tracks[self.index] if 0 <= self.index < len(self.tracks) else None

    def set_playlist(self, tracks: list[Track], start: int = 0, play: bool = False) -> None:
        self.tracks = list(tracks)
        self.index = -1
        if self.tracks:
            self.select(min(max(0, start), len(self.tracks) - 1), play)
        else:
            if self._playback is not None:
                self.player.stop()
                self.player.setSource(QUrl())
            self._show_track(None)
        self._update_buttons()

    def select(self, index: int, play: bool = False) -> None:
        """Loads one track of the playlist, playing it at once when asked."""
        if not 0 <= index < len(self.tracks):
            return
        self.index = index
        track = self.tracks[index]
        self.player.stop()
        self.player.setSource(media_url(track.source))
        self._show_track(track)
        self._update_buttons()
        self.trackChanged.emit(index)
        if play:
            self.player.play()

    def replace_track(self, index: int, track: Track) -> None:
        """The same song with better details: a stream that is now a library file, a cover
        that came later. A song being played goes on from where it is."""
        if not 0 <= index < len(self.tracks):
            return
        self.tracks[index] = track
        if index != self.index:
            return
        if self.playing():
            # The stream and the file are the same song; the file takes over next time.
            self._show_details(track)
        else:
            position = self.player.position()
            self.select(index)
            self.player.setPosition(position)
        self._update_buttons()

    def forget(self, asset_ids: set[int]) -> None:
        """Library files were deleted: their songs leave the playlist. When the one loaded
        goes, the next one left takes its place, playing on if it was playing."""
        kept = [t for t in self.tracks if t.asset_id not in asset_ids]
        if len(kept) == len(self.tracks):
            return
        current = self.current
        before = sum(1 for t in self.tracks[: max(0, self.index)] if t.asset_id not in asset_ids)
        if current is not None and current.asset_id not in asset_ids:
            self.tracks, self.index = kept, before
            self._update_buttons()
            return
        playing = self.playing()
        if not kept:
            self.set_playlist([])
            return
        following = before < len(kept)
        self.tracks = kept
        self.select(min(before, len(kept) - 1), playing and following)

    def next(self) -> None:
        if self.index + 1 < len(self.tracks):
            self.select(self.index + 1, self.playing())
        elif self.tracks and self.repeat is Repeat.ALL:
            self.select(0, self.playing())

    def previous(self) -> None:
        if not self.tracks:
            return
        if self.player.position() > RESTART_AFTER_MS:
            self.player.setPosition(0)
        elif self.index > 0:
            self.select(self.index - 1, self.playing())
        elif self.repeat is Repeat.ALL:
            self.select(len(self.tracks) - 1, self.playing())
        else:
            self.player.setPosition(0)

    def set_repeat(self, repeat: Repeat) -> None:
        self.repeat = repeat
        self.repeat_button.setText(
            {
                Repeat.OFF: self.tr("Repeat: off"),
                Repeat.ALL: self.tr("Repeat: all"),
                Repeat.ONE: self.tr("Repeat: one"),
            }[repeat]
        )
        self._update_buttons()

    def cycle_repeat(self) -> None:
        order = [Repeat.OFF, Repeat.ALL, Repeat.ONE]
        self.set_repeat(order[(order.index(self.repeat) + 1) % len(order)])

    # Playing

    def has_media(self) -> bool:
        return self.current is not None

    def _ended(self) -> None:
        # Not QMediaPlayer.setLoops: once it has looped, setting it back to 1 does not stop it.
        if self.repeat is Repeat.ONE:
            self.player.setPosition(0)
            self.player.play()
        elif self.index + 1 < len(self.tracks):
            self.select(self.index + 1, play=True)
        elif self.repeat is Repeat.ALL and self.tracks:
            self.select(0, play=True)
        elif self.playing():
            self.player.pause()  # the last song ran out silently: stop at its end

    def save_as(self) -> Path | None:
        track = self.current
        if track is None:
            return None
        source = local_file(track.source)
        if source is None:
            if not is_remote(track.source):
                # Deleted or moved away while loaded: said, rather than a click doing nothing.
                QMessageBox.warning(
                    self, self.tr("Save song"), self.tr("This song is no longer in the library.")
                )
                self._update_buttons()
            return None
        return save_copy_as(self, source, track.title, self.tr("Save song"))

    # What the bar shows

    def _show_track(self, track: Track | None) -> None:
        self._show_details(track)
        self.seek.set_duration(0)
        self._show_time()
        self._problem = ""
        self._show_notice()

    def _show_details(self, track: Track | None) -> None:
        self.title_label.setText(track.title if track else self.tr("Nothing playing"))
        self.lyrics_view.setPlainText(track.lyrics if track else "")
        pixmap = QPixmap(str(track.cover)) if track and track.cover else QPixmap()
        if pixmap.isNull():
            icon = self.style().standardIcon(QStyle.StandardPixmap.SP_MediaVolume)
            pixmap = icon.pixmap(COVER_SIDE // 2, COVER_SIDE // 2)
        else:
            pixmap = pixmap.scaled(
                COVER_SIDE,
                COVER_SIDE,
                Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
        self.cover.setPixmap(pixmap)

    def _update_buttons(self) -> None:
        has_track = self.current is not None
        wraps = self.repeat is Repeat.ALL and bool(self.tracks)
        self.play_button.setEnabled(has_track)
        self.seek.setEnabled(has_track)
        self.previous_button.setEnabled(has_track)
        self.next_button.setEnabled(wraps or self.index + 1 < len(self.tracks))
        track = self.current
        self.save_button.setEnabled(track is not None and local_file(track.source) is not None)
        if self.save_button.isEnabled():
            tip = self.tr("Save a copy of this song")
        elif track is None:
            tip = ""
        elif not is_remote(track.source):
            tip = self.tr("This song is no longer in the library.")
        else:
            tip = self.tr("The song can be saved once it has finished downloading")
        self.save_button.setToolTip(tip)

    def _notice_text(self, problem: str, device_missing: bool) -> str:
        if problem:
            return self.tr("This song cannot be played: %1").replace("%1", problem)
        if device_missing:
            return self.tr("No audio output device was found; the song plays without sound.")
        return ""
