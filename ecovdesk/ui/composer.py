"""The message box: Enter sends, Shift+Enter adds a line; images and document links attach."""

from __future__ import annotations

from PySide6.QtCore import QMimeData, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QImage, QKeyEvent
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from ecovdesk.ui import looks
from ecovdesk.ui.widgets import push_button, sends, size_message_box, tool_button

IMAGE_FILTER = "*.png *.jpg *.jpeg *.webp *.gif *.bmp"


class MessageEdit(QPlainTextEdit):
    submitted = Signal()
    imagePasted = Signal(QImage)
    filesDropped = Signal(list)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if sends(event):
            self.submitted.emit()
            return
        super().keyPressEvent(event)

    def canInsertFromMimeData(self, source: QMimeData) -> bool:
        return source.hasImage() or source.hasUrls() or super().canInsertFromMimeData(source)

    def insertFromMimeData(self, source: QMimeData) -> None:
        if source.hasImage():
            image = QImage(source.imageData())
            if not image.isNull():
                self.imagePasted.emit(image)
                return
        local = [u.toLocalFile() for u in source.urls() if u.isLocalFile()]
        if local:
            self.filesDropped.emit(local)
            return
        super().insertFromMimeData(source)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls() or event.mimeData().hasImage():
            event.acceptProposedAction()
            return
        super().dragEnterEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:
        self.insertFromMimeData(event.mimeData())
        event.acceptProposedAction()


class Composer(QWidget):
    sendRequested = Signal()
    stopRequested = Signal()
    imageFilesChosen = Signal(list)
    imagePasted = Signal(QImage)
    documentUrlChosen = Signal(str)
    attachmentRemoved = Signal(int)
    # A picture was pasted or dropped while the model chosen cannot see pictures.
    picturesRefused = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._busy = False
        self._vision = True
        self._send_label = self.tr("Send")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 6, 12, 10)
        self.attachments_row = QHBoxLayout()
        self.attachments_row.addStretch(1)
        layout.addLayout(self.attachments_row)
        row = QHBoxLayout()
        self.edit = MessageEdit()
        # Tab moves on to the buttons, as in any form; a tab character in a chat message is
        # rarely meant, and code pasted in keeps its own.
        self.edit.setTabChangesFocus(True)
        self.edit.setPlaceholderText(
            self.tr("Type a message. Enter sends, Shift+Enter adds a line.")
        )
        size_message_box(self.edit)
        self.edit.setAcceptDrops(True)
        self.edit.submitted.connect(self._on_enter)
        self.edit.imagePasted.connect(self._pasted)
        self.edit.filesDropped.connect(self._dropped)
        row.addWidget(self.edit, 1)
        buttons = QVBoxLayout()
        self.attach_image = tool_button(self.tr("Image…"))
        self.attach_image.setToolTip(self.tr("Attach an image for models that can see"))
        self.attach_image.clicked.connect(self._choose_images)
        self.attach_document = tool_button(self.tr("Document URL…"))
        self.attach_document.setToolTip(self.tr("Attach a document link for document models"))
        self.attach_document.clicked.connect(self._choose_document)
        self.send_button = push_button(self.tr("Send"), name=looks.PRIMARY)
        self.send_button.clicked.connect(self._on_submit)
        buttons.addWidget(self.attach_image)
        buttons.addWidget(self.attach_document)
        buttons.addWidget(self.send_button)
        row.addLayout(buttons)
        layout.addLayout(row)

    def text(self) -> str:
        return self.edit.toPlainText()

    def clear_text(self) -> None:
        self.edit.clear()

    def set_capabilities(self, *, vision: bool, documents: bool) -> None:
        self._vision = vision
        self.attach_image.setVisible(vision)
        self.attach_document.setVisible(documents)

    # Pasted and dropped pictures go where the Image… button would take them, and only there.
    def _pasted(self, image: QImage) -> None:
        if self._vision:
            self.imagePasted.emit(image)
        else:
            self.picturesRefused.emit()

    def _dropped(self, files: list[str]) -> None:
        if self._vision:
            self.imageFilesChosen.emit(files)
        else:
            self.picturesRefused.emit()

    def set_send_label(self, text: str) -> None:
        self._send_label = text
        if not self._busy:
            self.send_button.setText(text)

    def set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.send_button.setText(self.tr("Stop") if busy else self._send_label)

    def set_attachments(self, names: list[str]) -> None:
        while self.attachments_row.count() > 1:
            item = self.attachments_row.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        for index, name in enumerate(names):
            chip = tool_button(f"📎 {name}  ✕", flat=True)
            chip.setToolTip(self.tr("Remove this attachment"))
            chip.clicked.connect(lambda _=False, i=index: self.attachmentRemoved.emit(i))
            self.attachments_row.insertWidget(index, chip)

    def _on_enter(self) -> None:
        if not self._busy and self.text().strip():
            self.sendRequested.emit()

    def _on_submit(self) -> None:
        if self._busy:
            self.stopRequested.emit()
        elif self.text().strip():
            self.sendRequested.emit()

    def _choose_images(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(
            self, self.tr("Attach images"), "", self.tr("Images (%1)").replace("%1", IMAGE_FILTER)
        )
        if files:
            self.imageFilesChosen.emit(files)

    def _choose_document(self) -> None:
        url, ok = QInputDialog.getText(
            self, self.tr("Attach a document"), self.tr("Document URL (https://…):")
        )
        url = url.strip()
        if ok and url:
            self.documentUrlChosen.emit(url)
