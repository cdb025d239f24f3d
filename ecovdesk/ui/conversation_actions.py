"""Rename, delete with undo, and export, as offered by the conversation list."""

from __future__ import annotations

from collections.abc import Callable, Coroutine
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMainWindow

from ecovdesk.core.conversation_service import ConversationService
from ecovdesk.core.export import ExportLabels
from ecovdesk.ui.conversation_list import ConversationList
from ecovdesk.ui.widgets import push_button

NOTICE_MS = 8000


class ConversationActions(QObject):
    notice = Signal(str)
    deleted = Signal(int)

    def __init__(
        self,
        conversations: ConversationService,
        conversation_list: ConversationList,
        run: Callable[[Coroutine[Any, Any, Any]], None],
        window: QMainWindow,
    ) -> None:
        super().__init__(window)
        self._conversations = conversations
        self._run = run
        self._window = window
        self._undo_id: int | None = None
        self.undo_button = push_button(self.tr("Undo"))
        self.undo_button.setVisible(False)
        self.undo_button.clicked.connect(self.undo_delete)
        window.statusBar().addPermanentWidget(self.undo_button)
        conversation_list.renameRequested.connect(lambda cid: run(self.rename(cid)))
        conversation_list.deleteRequested.connect(lambda cid: run(self.delete(cid)))
        conversation_list.exportRequested.connect(lambda cid, fmt: run(self.export(cid, fmt)))

    async def rename(self, conversation_id: int) -> None:
        conversation = await self._conversations.get(conversation_id)
        if conversation is None:
            return
        title, ok = QInputDialog.getText(
            self._window,
            self.tr("Rename conversation"),
            self.tr("Title:"),
            text=conversation.title,
        )
        if ok:
            await self._conversations.rename(conversation, title)

    async def delete(self, conversation_id: int) -> None:
        await self._conversations.delete(conversation_id)
        self.deleted.emit(conversation_id)
        self._undo_id = conversation_id
        self.undo_button.setVisible(True)
        self._window.statusBar().showMessage(self.tr("Conversation deleted."), NOTICE_MS)
        QTimer.singleShot(NOTICE_MS, self.undo_button, self.undo_button.hide)

    def undo_delete(self) -> None:
        if self._undo_id is not None:
            self._run(self._conversations.restore(self._undo_id))
            self._undo_id = None
        self.undo_button.setVisible(False)
        self._window.statusBar().clearMessage()

    def export_labels(self) -> ExportLabels:
        """The words of a Markdown export in the UI's language, every one of them."""
        return ExportLabels(
            system=self.tr("System"),
            user=self.tr("You"),
            assistant=self.tr("Assistant"),
            model=self.tr("Model"),
            system_prompt=self.tr("System prompt"),
            reasoning=self.tr("Thought process"),
            error=self.tr("Error"),
            interrupted=self.tr("Interrupted"),
            attachment=self.tr("Attachment"),
        )

    async def export(self, conversation_id: int, fmt: str) -> None:
        conversation = await self._conversations.get(conversation_id)
        if conversation is None:
            return
        suffix = ".json" if fmt == "json" else ".md"
        safe = "".join(c for c in conversation.title if c not in '\\/:*?"<>|').strip() or "chat"
        path, _ = QFileDialog.getSaveFileName(
            self._window,
            self.tr("Export conversation"),
            safe + suffix,
            self.tr("JSON (*.json)") if fmt == "json" else self.tr("Markdown (*.md)"),
        )
        if not path:
            return
        try:
            await self._conversations.export(conversation_id, Path(path), fmt, self.export_labels())
        except OSError as error:
            self.notice.emit(self.tr("Could not export: %1").replace("%1", str(error.strerror)))
            return
        self.notice.emit(self.tr("Exported to %1").replace("%1", path))
