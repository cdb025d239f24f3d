"""Suno options: a song from a description, from your own lyrics, or continuing another song."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from ecovdesk.ui import looks
from ecovdesk.ui.flow_layout import FlowLayout
from ecovdesk.ui.media_common import clock
from ecovdesk.ui.widgets import label, push_button, tool_button

MODES = ("inspiration", "custom", "continue")
# Suno v4 songs run to eight minutes.
MAX_SONG_SECONDS = 480.0
# Suno reads its style tags in English, so these stay as they are in every language.
TAG_SUGGESTIONS = (
    "pop",
    "rock",
    "lo-fi",
    "electronic",
    "acoustic",
    "jazz",
    "hip hop",
    "cinematic",
    "female vocals",
    "male vocals",
)
SECTION_MARKERS = ("[Verse]", "[Chorus]", "[Bridge]", "[Intro]", "[Outro]")


class SunoOptionsPanel(QWidget):
    optionsChanged = Signal(object)
    lyricsRequested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.continue_clip_id = ""
        # The Suno task that made the clip: the relay reads the song it continues from it.
        self.continue_task_id = ""
        self._lyrics_busy = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        heading = label(self.tr("Song options"))
        font = heading.font()
        font.setBold(True)
        heading.setFont(font)
        layout.addWidget(heading)

        switch = FlowLayout()
        self.mode_group = QButtonGroup(self)
        self.mode_buttons = {
            "inspiration": tool_button(self.tr("Inspiration"), checkable=True),
            "custom": tool_button(self.tr("Custom"), checkable=True),
            "continue": tool_button(self.tr("Continue"), checkable=True),
        }
        for number, mode in enumerate(MODES):
            self.mode_group.addButton(self.mode_buttons[mode], number)
            switch.addWidget(self.mode_buttons[mode])
        layout.addLayout(switch)

        self.inspiration_hint = label(
            self.tr(
                "Describe the song in the message box; Suno writes the lyrics, title and style."
            ),
            name=looks.DIMMED,
            wrap=True,
        )
        layout.addWidget(self.inspiration_hint)

        self.continuation = QGroupBox(self.tr("Continue a song"))
        continuation_form = QFormLayout(self.continuation)
        self.continue_title = label(
            self.tr("Pick a song in the music library and choose “Continue this song”."),
            wrap=True,
        )
        self.continue_at = QDoubleSpinBox()
        self.continue_at.setDecimals(1)
        self.continue_at.setSuffix(self.tr(" s"))
        self.continue_at.setRange(0, 0)
        self.song_missing = label(name=looks.ERROR, wrap=True)
        self.song_missing.hide()
        continuation_form.addRow(self.tr("Song"), self.continue_title)
        continuation_form.addRow(self.tr("From second"), self.continue_at)
        continuation_form.addRow(self.song_missing)
        layout.addWidget(self.continuation)

        self.custom = QWidget()
        form = QFormLayout(self.custom)
        form.setContentsMargins(0, 0, 0, 0)
        self.title = QLineEdit()
        self.title.setPlaceholderText(self.tr("Song title"))
        self.tags = QLineEdit()
        self.tags.setPlaceholderText(self.tr("Style, e.g. emotional punk"))
        suggestions = FlowLayout()
        self.suggestion_buttons = []
        for tag in TAG_SUGGESTIONS:
            button = tool_button(tag, tooltip=self.tr("Add this style"))
            button.clicked.connect(lambda _checked=False, t=tag: self.add_tag(t))
            suggestions.addWidget(button)
            self.suggestion_buttons.append(button)
        self.negative_tags = QLineEdit()
        self.negative_tags.setPlaceholderText(self.tr("Styles to avoid"))
        markers = FlowLayout()
        self.marker_buttons = []
        for marker in SECTION_MARKERS:
            button = tool_button(marker, tooltip=self.tr("Insert a section marker"))
            button.clicked.connect(lambda _checked=False, m=marker: self.insert_marker(m))
            markers.addWidget(button)
            self.marker_buttons.append(button)
        self.lyrics = QPlainTextEdit()
        self.lyrics.setPlaceholderText(self.tr("[Verse]\nYour lyrics…"))
        self.lyrics.setMinimumHeight(140)
        writer = QHBoxLayout()
        self.lyrics_prompt = QLineEdit()
        self.lyrics_prompt.setPlaceholderText(self.tr("What the lyrics should be about"))
        self.write_lyrics_button = push_button(self.tr("Write lyrics for me"))
        self.write_lyrics_button.clicked.connect(self._request_lyrics)
        writer.addWidget(self.lyrics_prompt, 1)
        writer.addWidget(self.write_lyrics_button)
        self.lyrics_error = label(name=looks.ERROR, wrap=True)
        self.lyrics_error.hide()
        form.addRow(self.tr("Title"), self.title)
        form.addRow(self.tr("Style"), self.tags)
        form.addRow("", suggestions)
        form.addRow(self.tr("Avoid"), self.negative_tags)
        form.addRow(self.tr("Lyrics"), markers)
        form.addRow(self.lyrics)
        form.addRow(writer)
        form.addRow(self.lyrics_error)
        layout.addWidget(self.custom)

        self.instrumental = QCheckBox(self.tr("Instrumental (no vocals)"))
        layout.addWidget(self.instrumental)
        layout.addStretch(1)

        self.mode_group.idToggled.connect(self._mode_toggled)
        for line in (self.title, self.tags, self.negative_tags):
            line.textChanged.connect(self._changed)
        self.lyrics.textChanged.connect(self._changed)
        self.lyrics_prompt.textChanged.connect(self._update_writer)
        self.title.textChanged.connect(self._update_writer)
        self.tags.textChanged.connect(self._update_writer)
        self.instrumental.toggled.connect(self._show_instrumental)
        self.continue_at.valueChanged.connect(self._changed)
        self.set_mode("inspiration")

    # Modes

    def mode(self) -> str:
        return MODES[max(0, self.mode_group.checkedId())]

    def set_mode(self, mode: str) -> None:
        self.mode_buttons[mode if mode in MODES else "inspiration"].setChecked(True)
        self._show_mode()

    def _mode_toggled(self, _id: int, checked: bool) -> None:
        if checked:
            self._show_mode()
            self._changed()

    def _show_mode(self) -> None:
        mode = self.mode()
        self.inspiration_hint.setVisible(mode == "inspiration")
        self.continuation.setVisible(mode == "continue")
        self.song_missing.hide()
        # A continuation takes lyrics, style and title for the part it adds.
        self.custom.setVisible(mode != "inspiration")
        self._update_writer()

    # Continuation

    def set_continuation(
        self,
        clip_id: str,
        title: str,
        duration: float | None,
        task_id: str = "",
        tags: str = "",
    ) -> None:
        """Continues this clip, from its end unless the user picks an earlier second.

        The part added keeps the song's title and style unless the user gives it others.
        """
        self.continue_clip_id = clip_id
        self.continue_task_id = task_id
        length = max(0.0, duration or 0.0)
        name = title or self.tr("Untitled song")
        self.continue_title.setText(f"{name} ({clock(length * 1000)})" if length else name)
        if title:
            self.title.setText(title)
        if tags:
            self.tags.setText(tags)
        self.continue_at.blockSignals(True)
        # A song kept before its length was recorded: any second up to Suno's longest song.
        self.continue_at.setRange(0.0, length or MAX_SONG_SECONDS)
        self.continue_at.setValue(length)
        self.continue_at.blockSignals(False)
        self.set_mode("continue")
        self._changed()

    def clear_continuation(self) -> None:
        self.continue_clip_id = ""
        self.continue_task_id = ""
        self.continue_title.setText(
            self.tr("Pick a song in the music library and choose “Continue this song”.")
        )
        self.continue_at.setRange(0, 0)
        if self.mode() == "continue":
            self.set_mode("inspiration")
        self._changed()

    def refusal(self) -> str:
        """Why Generate has to wait, which the panel shows as well; empty when it need not."""
        if self.mode() != "continue" or self.continue_clip_id:
            return ""
        reason = self.tr("Choose a song to continue in the Music tab first.")
        self.song_missing.setText(reason)
        self.song_missing.show()
        return reason

    # Style tags and lyrics

    def add_tag(self, tag: str) -> None:
        present = [t.strip() for t in self.tags.text().split(",") if t.strip()]
        if tag.lower() not in (t.lower() for t in present):
            self.tags.setText(", ".join([*present, tag]))

    def insert_marker(self, marker: str) -> None:
        """Puts the marker on a line of its own at the cursor, with the cursor after it."""
        cursor = self.lyrics.textCursor()
        cursor.beginEditBlock()
        if cursor.atBlockStart():
            cursor.insertText(marker + "\n")
        else:
            # After the line the cursor is in, never splitting it.
            cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock)
            if cursor.atEnd():
                cursor.insertText("\n" + marker + "\n")
            else:
                cursor.insertText("\n" + marker)
                cursor.movePosition(QTextCursor.MoveOperation.NextBlock)
        cursor.endEditBlock()
        self.lyrics.setTextCursor(cursor)
        self.lyrics.setFocus()

    def lyrics_prompt_text(self) -> str:
        for field in (self.lyrics_prompt, self.title, self.tags):
            text = field.text().strip()
            if text:
                return text
        return ""

    def _request_lyrics(self) -> None:
        prompt = self.lyrics_prompt_text()
        if prompt and not self._lyrics_busy:
            self.set_lyrics_busy(True)
            self.lyricsRequested.emit(prompt)

    def set_lyrics_busy(self, busy: bool) -> None:
        self._lyrics_busy = busy
        self.lyrics.setReadOnly(busy)
        self.write_lyrics_button.setText(
            self.tr("Writing lyrics…") if busy else self.tr("Write lyrics for me")
        )
        if busy:
            self.lyrics_error.hide()
        self._update_writer()

    def set_lyrics(self, text: str, title: str = "") -> None:
        """The written lyrics replace the editor's; a suggested title fills an empty title."""
        self.set_lyrics_busy(False)
        self.lyrics.setPlainText(text)
        if title and not self.title.text().strip():
            self.title.setText(title)

    def show_lyrics_error(self, message: str) -> None:
        self.set_lyrics_busy(False)
        self.lyrics_error.setText(
            self.tr("The lyrics could not be written: %1").replace("%1", message)
        )
        self.lyrics_error.show()

    def _show_instrumental(self, instrumental: bool) -> None:
        for widget in (self.lyrics, *self.marker_buttons, self.lyrics_prompt):
            widget.setEnabled(not instrumental)
        self._update_writer()
        self._changed()

    def _update_writer(self) -> None:
        ready = (
            bool(self.lyrics_prompt_text())
            and not self._lyrics_busy
            and not self.instrumental.isChecked()
        )
        self.write_lyrics_button.setEnabled(ready)
        self.write_lyrics_button.setToolTip(
            ""
            if ready or self._lyrics_busy
            else self.tr("Type what the lyrics should be about, or a title or style first")
        )

    # The request

    def params(self) -> dict[str, object]:
        """What the song request takes in this mode; empty fields are left out."""
        mode = self.mode()
        values: dict[str, object] = {"mode": mode}
        if self.instrumental.isChecked():
            values["instrumental"] = True
        if mode != "inspiration":
            values["title"] = self.title.text().strip()
            values["tags"] = self.tags.text().strip()
            values["negative_tags"] = self.negative_tags.text().strip()
            if not self.instrumental.isChecked():
                values["lyrics"] = self.lyrics.toPlainText().strip()
        if mode == "continue" and self.continue_clip_id:
            values["continue_clip_id"] = self.continue_clip_id
            values["continue_task_id"] = self.continue_task_id
            values["continue_at"] = round(self.continue_at.value(), 1)
        return {k: v for k, v in values.items() if v not in ("", None)}

    def _changed(self) -> None:
        self.optionsChanged.emit(self.params())
