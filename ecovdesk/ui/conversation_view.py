"""The conversation pane: a column of message bubbles, newest at the bottom.

Only the most recent messages are built as widgets; older ones are added a page at a time
when the user asks for them, so long conversations open as fast as short ones.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QPushButton, QScrollArea, QVBoxLayout, QWidget
from shiboken6 import isValid

from ecovdesk.core.domain import Message
from ecovdesk.ui import looks
from ecovdesk.ui.message_bubble import MessageBubble
from ecovdesk.ui.pictures import ThumbnailCache
from ecovdesk.ui.widgets import label

# How long the view keeps a message in place while the ones around it settle.
HOLD_MS = 500
# A revealed message: space kept above it, and how long it stays outlined.
REVEAL_MARGIN = 8
FOUND_MS = 2500


class ConversationView(QScrollArea):
    regenerateRequested = Signal(int)
    editSubmitted = Signal(int, str)
    loadEarlierRequested = Signal()
    pictureOpened = Signal(object, list)
    pictureRetryRequested = Signal(int, str)
    mediaPlayRequested = Signal(object, list)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.dark = False
        self.thumbnails = ThumbnailCache()
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._column = QWidget()
        self._layout = QVBoxLayout(self._column)
        self._layout.setContentsMargins(16, 12, 16, 12)
        self._layout.setSpacing(10)
        self.load_earlier = QPushButton(self.tr("Show earlier messages"))
        self.load_earlier.setVisible(False)
        self.load_earlier.clicked.connect(self.loadEarlierRequested)
        self._layout.addWidget(self.load_earlier, 0, Qt.AlignmentFlag.AlignHCenter)
        self.empty_hint = label(
            self.tr("Pick a model above, type a message below and press Enter."),
            name=looks.DIMMED,
            align=Qt.AlignmentFlag.AlignCenter,
        )
        self._layout.addWidget(self.empty_hint, 1)
        self._layout.addStretch(0)
        self.setWidget(self._column)
        self._bubbles: dict[int, MessageBubble] = {}
        self._follow = True
        self.verticalScrollBar().valueChanged.connect(self._remember_follow)
        self.verticalScrollBar().rangeChanged.connect(self._keep_following)

    # -- content ---------------------------------------------------------------------------
    def clear(self) -> None:
        for bubble in self._bubbles.values():
            bubble.deleteLater()
        self._bubbles.clear()
        self.load_earlier.setVisible(False)
        self.empty_hint.setVisible(True)

    def show_messages(self, messages: list[Message], *, has_earlier: bool) -> None:
        self.clear()
        self.setUpdatesEnabled(False)
        for message in messages:
            self._append(message)
        self.setUpdatesEnabled(True)
        self.load_earlier.setVisible(has_earlier)
        self._follow = True
        self._scroll_to_end()

    def prepend_messages(self, messages: list[Message], *, has_earlier: bool) -> None:
        """Earlier messages above, the one being read staying where it is on screen."""
        bar = self.verticalScrollBar()
        shown = self.bubbles()
        anchor = shown[0] if shown else None
        above = anchor.y() - bar.value() if anchor is not None else 0
        for offset, message in enumerate(messages):
            self._insert(1 + offset, message)
        self.load_earlier.setVisible(has_earlier)
        if anchor is not None:
            self._hold(anchor, above)

    def reveal(self, message_id: int) -> None:
        """Scrolls ``message_id`` to the top and outlines it for a moment (a search hit)."""
        bubble = self._bubbles.get(message_id)
        if bubble is None:
            return
        self._follow = False
        self._hold(bubble, REVEAL_MARGIN)
        bubble.set_found(True)
        QTimer.singleShot(FOUND_MS, bubble, lambda: bubble.set_found(False))

    def add_message(self, message: Message) -> None:
        if message.id in self._bubbles:
            return
        self._append(message)
        self._follow = True
        self._scroll_to_end()

    def append_delta(self, message_id: int, content: str, reasoning: str) -> None:
        bubble = self._bubbles.get(message_id)
        if bubble is not None:
            bubble.append_delta(content, reasoning)

    def finish_message(self, message: Message) -> None:
        bubble = self._bubbles.get(message.id)
        if bubble is not None:
            bubble.finish(message)

    def bubble(self, message_id: int) -> MessageBubble | None:
        return self._bubbles.get(message_id)

    def bubbles(self) -> list[MessageBubble]:
        return sorted(self._bubbles.values(), key=lambda b: b.message.id)

    def oldest_id(self) -> int | None:
        return min(self._bubbles) if self._bubbles else None

    def _append(self, message: Message) -> None:
        self._insert(self._layout.count() - 1, message)

    def _insert(self, index: int, message: Message) -> None:
        bubble = MessageBubble(message, dark=self.dark, thumbnails=self.thumbnails)
        bubble.images.openRequested.connect(
            lambda asset, b=bubble: self.pictureOpened.emit(asset, list(b.images.assets))
        )
        bubble.images.playRequested.connect(
            lambda asset, b=bubble: self.mediaPlayRequested.emit(asset, list(b.images.media))
        )
        bubble.images.retryRequested.connect(
            lambda url, mid=message.id: self.pictureRetryRequested.emit(mid, url)
        )
        bubble.regenerateRequested.connect(self.regenerateRequested)
        bubble.editSubmitted.connect(self.editSubmitted)
        self._bubbles[message.id] = bubble
        self.empty_hint.setVisible(False)
        self._layout.insertWidget(index, bubble)

    # -- scrolling -------------------------------------------------------------------------
    def _remember_follow(self, value: int) -> None:
        self._follow = value >= self.verticalScrollBar().maximum() - 40

    def _keep_following(self, _minimum: int, maximum: int) -> None:
        if self._follow:
            self.verticalScrollBar().setValue(maximum)

    def _hold(self, bubble: MessageBubble, above: int) -> None:
        """Keeps ``bubble`` ``above`` pixels below the top of the view while the bubbles
        around it settle: their heights arrive over several layout passes, each moving it."""
        bar = self.verticalScrollBar()

        def place() -> None:
            if isValid(bubble):
                bar.setValue(max(0, bubble.y() - above))

        bar.rangeChanged.connect(place)
        QTimer.singleShot(0, bar, place)
        QTimer.singleShot(HOLD_MS, bar, lambda: bar.rangeChanged.disconnect(place))

    def _scroll_to_end(self) -> None:
        bar = self.verticalScrollBar()
        QTimer.singleShot(0, bar, lambda: bar.setValue(bar.maximum()))
