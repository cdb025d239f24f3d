"""The side list: conversations newest first, and search over every message."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ecovdesk.core.domain import Conversation, SearchHit
from ecovdesk.core.search_store import TITLE_HIT_MESSAGE_ID
from ecovdesk.ui.search_hit_rows import HIT_ROLE, SearchHitRows
from ecovdesk.ui.widgets import plain_tooltip

ID_ROLE = Qt.ItemDataRole.UserRole
MESSAGE_ROLE = Qt.ItemDataRole.UserRole + 1
SEARCH_DELAY_MS = 200


class ConversationList(QWidget):
    conversationChosen = Signal(int)
    # A search hit: the conversation, and the message in it that matched.
    messageChosen = Signal(int, int)
    newRequested = Signal()
    searchRequested = Signal(str)
    renameRequested = Signal(int)
    deleteRequested = Signal(int)
    exportRequested = Signal(int, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 4, 8)
        self.new_button = QPushButton(self.tr("New conversation"))
        self.new_button.setToolTip("Ctrl+N")
        self.new_button.clicked.connect(self.newRequested)
        self.search = QLineEdit(
            placeholderText=self.tr("Search all messages"), clearButtonEnabled=True
        )
        self.search.setToolTip("Ctrl+F")
        # Esc empties the search and brings the conversations back, as in any search box.
        self.search.installEventFilter(self)
        self.list = QListWidget()
        self.list.setWordWrap(True)
        # Search results have a delegate of their own; the conversations keep Qt's, since
        # a delegate written in Python is asked for the size of every one of thousands of
        # rows whenever the list is filled.
        self._listing_rows = self.list.itemDelegate()
        self._hit_rows = SearchHitRows(self.list)
        # Titles often share their beginning ("翻译…", "帮我写…"): a word too long for a line
        # keeps both ends in sight.
        self.list.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.list.customContextMenuRequested.connect(self._context_menu)
        self.list.itemClicked.connect(self._item_chosen)
        self.list.itemActivated.connect(self._item_chosen)
        layout.addWidget(self.new_button)
        layout.addWidget(self.search)
        layout.addWidget(self.list, 1)
        self._search_timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(lambda: self.searchRequested.emit(self.query()))
        self.search.textChanged.connect(lambda _t: self._search_timer.start())
        self._conversations: list[Conversation] = []
        self._current: int | None = None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.search
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Escape
            and self.search.text()
        ):
            if event.type() == QEvent.Type.ShortcutOverride:
                # Taken from the window's Esc (stop the reply) while there is a search to end.
                event.accept()
                return True
            if event.type() == QEvent.Type.KeyPress:
                self.search.clear()
                return True
        return super().eventFilter(watched, event)

    def query(self) -> str:
        return self.search.text().strip()

    def set_conversations(self, conversations: list[Conversation]) -> None:
        self._conversations = conversations
        if not self.query():
            self._show_conversations()

    def upsert(self, conversation: Conversation) -> None:
        rest = [c for c in self._conversations if c.id != conversation.id]
        self.set_conversations(
            [conversation, *rest]
            if conversation.updated_at >= max((c.updated_at for c in rest), default=0)
            else sorted([conversation, *rest], key=lambda c: -c.updated_at)
        )

    def remove(self, conversation_id: int) -> None:
        self.set_conversations([c for c in self._conversations if c.id != conversation_id])

    def set_current(self, conversation_id: int | None) -> None:
        self._current = conversation_id
        for row in range(self.list.count()):
            item = self.list.item(row)
            if item.data(ID_ROLE) == conversation_id:
                self.list.setCurrentItem(item)
                return
        self.list.clearSelection()

    def _show_conversations(self) -> None:
        self.list.clear()
        self.list.setItemDelegate(self._listing_rows)
        for conversation in self._conversations:
            title = conversation.title or self.tr("New conversation")
            item = QListWidgetItem(title)
            item.setData(ID_ROLE, conversation.id)
            item.setToolTip(plain_tooltip(f"{title}\n{conversation.model}"))
            self.list.addItem(item)
        self.set_current(self._current)

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def show_search_results(self, query: str, hits: list[SearchHit]) -> None:
        if query != self.query():
            return
        if not query:
            self._show_conversations()
            return
        self.list.clear()
        self.list.setItemDelegate(self._hit_rows)
        if not hits:
            item = QListWidgetItem(self.tr("No messages match."))
            item.setFlags(Qt.ItemFlag.NoItemFlags)
            self.list.addItem(item)
        terms = query.split()
        for hit in hits:
            title_only = hit.message_id == TITLE_HIT_MESSAGE_ID
            item = QListWidgetItem(hit.title if title_only else f"{hit.title}\n{hit.snippet}")
            item.setData(HIT_ROLE, (hit.title, "" if title_only else hit.snippet, terms))
            item.setData(ID_ROLE, hit.conversation_id)
            # A hit in the title has no message to go to: the conversation opens at its end.
            if hit.message_id != TITLE_HIT_MESSAGE_ID:
                item.setData(MESSAGE_ROLE, hit.message_id)
            self.list.addItem(item)

    def _item_chosen(self, item: QListWidgetItem) -> None:
        conversation_id = item.data(ID_ROLE)
        message_id = item.data(MESSAGE_ROLE)
        if conversation_id is not None and message_id is not None:
            self.messageChosen.emit(int(conversation_id), int(message_id))
        elif conversation_id is not None:
            self.conversationChosen.emit(int(conversation_id))

    def _context_menu(self, position: QPoint) -> None:
        item = self.list.itemAt(position)
        if item is None or item.data(ID_ROLE) is None:
            return
        conversation_id = int(item.data(ID_ROLE))
        menu = QMenu(self)
        menu.addAction(self.tr("Rename…"), lambda: self.renameRequested.emit(conversation_id))
        menu.addAction(
            self.tr("Export as Markdown…"), lambda: self.exportRequested.emit(conversation_id, "md")
        )
        menu.addAction(
            self.tr("Export as JSON…"), lambda: self.exportRequested.emit(conversation_id, "json")
        )
        menu.addSeparator()
        menu.addAction(self.tr("Delete"), lambda: self.deleteRequested.emit(conversation_id))
        menu.exec(self.list.viewport().mapToGlobal(position))
