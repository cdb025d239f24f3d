"""Rename, delete with undo, and export, as offered by the conversation list."""

from __future__ import annotations

import logging
from collections.abc import Callable, Coroutine
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QDir, QObject, QStandardPaths, QTimer, Signal
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMainWindow

from ecovdesk.core.conversation_service import AssetLookup, ConversationService
from ecovdesk.core.domain import Conversation
from ecovdesk.core.export import ExportLabels
from ecovdesk.ui.conversation_list import ConversationList
from ecovdesk.ui.error_text import describe_error
from ecovdesk.ui.modal import ask_outside_tasks
from ecovdesk.ui.widgets import push_button
from ecovdesk.ui.write_failure import write_failure_reason

NOTICE_MS = 8000

log = logging.getLogger(__name__)


class ConversationActions(QObject):
    notice = Signal(str)
    deleted = Signal(int)
    # Undo brought the conversation back: the window shows it again.
    restored = Signal(int)

    def __init__(
        self,
        conversations: ConversationService,
        conversation_list: ConversationList,
        run: Callable[[Coroutine[Any, Any, Any]], None],
        window: QMainWindow,
        stop_replies: Callable[[int], None] = lambda _conversation_id: None,
        assets: AssetLookup | None = None,
    ) -> None:
        super().__init__(window)
        self._conversations = conversations
        self._assets = assets
        # Where the next export dialog opens: the folder of the last export this session.
        self._export_folder: Path | None = None
        self._run = run
        self._stop_replies = stop_replies
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
        if conversation is not None:
            ask_outside_tasks(lambda: self._ask_title(conversation))

    def _ask_title(self, conversation: Conversation) -> None:
        title, ok = QInputDialog.getText(
            self._window,
            self.tr("Rename conversation"),
            self.tr("Title:"),
            text=conversation.title,
        )
        if ok:
            self._run(self._conversations.rename(conversation, title))

    async def delete(self, conversation_id: int) -> None:
        # A reply still on its way would go on costing tokens for a conversation that is gone;
        # Undo brings back what it had written.
        self._stop_replies(conversation_id)
        await self._conversations.delete(conversation_id)
        self.deleted.emit(conversation_id)
        self._undo_id = conversation_id
        self.undo_button.setVisible(True)
        self._window.statusBar().showMessage(self.tr("Conversation deleted."), NOTICE_MS)
        QTimer.singleShot(NOTICE_MS, self.undo_button, self.undo_button.hide)

    def undo_delete(self) -> None:
        if self._undo_id is not None:
            self._run(self._restore(self._undo_id))
            self._undo_id = None
        self.undo_button.setVisible(False)
        self._window.statusBar().clearMessage()

    async def _restore(self, conversation_id: int) -> None:
        await self._conversations.restore(conversation_id)
        self.restored.emit(conversation_id)

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
            # The bubble's own words, so the export and the window describe a reply alike.
            caption=QCoreApplication.translate("MessageBubble", "Prompt: %1 · Size: %2"),
            sources=QCoreApplication.translate("MessageBubble", "Sources:"),
        )

    async def export(self, conversation_id: int, fmt: str) -> None:
        conversation = await self._conversations.get(conversation_id)
        if conversation is not None:
            ask_outside_tasks(lambda: self._ask_export_path(conversation, fmt))

    def _ask_export_path(self, conversation: Conversation, fmt: str) -> None:
        suffix = ".json" if fmt == "json" else ".md"
        safe = "".join(c for c in conversation.title if c not in '\\/:*?"<>|').strip() or "chat"
        path, _ = QFileDialog.getSaveFileName(
            self._window,
            self.tr("Export conversation"),
            str(self.export_folder() / (safe + suffix)),
            self.tr("JSON (*.json)") if fmt == "json" else self.tr("Markdown (*.md)"),
        )
        if path:
            self._export_folder = Path(path).parent
            self._run(self._export(conversation.id, Path(path), fmt))

    def export_folder(self) -> Path:
        """The folder the export dialog opens in: the last one exported to, else Documents
        (a bare file name would open the app's working folder, wherever it was started)."""
        if self._export_folder is not None and self._export_folder.is_dir():
            return self._export_folder
        documents = QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation
        )
        if documents and Path(documents).is_dir():
            return Path(documents)
        return Path(QDir.homePath())

    async def _export(self, conversation_id: int, path: Path, fmt: str) -> None:
        try:
            await self._conversations.export(
                conversation_id,
                path,
                fmt,
                self.export_labels(),
                assets=self._assets,
                explain=describe_error,
            )
        except OSError as error:
            log.warning("could not export: %s", type(error).__name__)
            self.notice.emit(
                self.tr("Could not export: %1").replace("%1", write_failure_reason(error))
            )
            return
        self.notice.emit(self.tr("Exported to %1").replace("%1", str(path)))
