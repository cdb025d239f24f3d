"""The main window: conversations on the left, the conversation and composer in the middle."""

from __future__ import annotations

from collections.abc import Awaitable, Coroutine
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QByteArray, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QMainWindow

from ecovdesk.ui.type_ahead import TypeAhead

# The core's names are imported where they are used, once the window is filled in: the
# domain's dataclasses, sqlite3 and json would take about 20 ms before the first paint.
if TYPE_CHECKING:
    from PySide6.QtGui import QAction, QCloseEvent, QKeyEvent, QPaintEvent

    from ecovdesk.core.domain import Attachment, ChatOptions, Conversation, Message
    from ecovdesk.core.services import Services
    from ecovdesk.ui.bridge import QtEventSink

NOTICE_MS = 8000


class MainWindow(QMainWindow):
    settingsRequested = Signal()
    aboutRequested = Signal()

    firstPainted = Signal()
    services: Services

    def __init__(self, *, dark: bool) -> None:
        """The bare window: menus and a status line, shown and painted before the rest of
        the app is even imported, since that is most of the start-up time."""
        super().__init__()
        self._dark = dark
        self._painted = False
        self._attached = False
        self._conversation: Conversation | None = None
        self._adopt_new_conversation = False
        self._type_ahead: TypeAhead | None = TypeAhead()
        self.setWindowTitle("ecovdesk")
        self.resize(1200, 800)
        self._content_actions: list[QAction] = []
        self._shortcuts()
        self.statusBar().showMessage(self.tr("Opening…"))

    def attach(self, services: Services, sink: QtEventSink) -> None:
        """Fills the window once the services are ready."""
        self.services = services
        self._build(self._dark)
        self._connect_sink(sink)
        for action in self._content_actions:
            action.setEnabled(True)
        QShortcut(QKeySequence("Escape"), self, self.stop)
        self._attached = True
        self.statusBar().clearMessage()

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            self.firstPainted.emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self._type_ahead is not None and self._type_ahead.keep(event):
            event.accept()
            return
        super().keyPressEvent(event)

    # -- layout ----------------------------------------------------------------------------
    def _build(self, dark: bool) -> None:
        # Imported only now, after the window has painted: these pages and what they load
        # (Markdown, highlighting, multimedia) are most of the start-up time.
        from PySide6.QtCore import Qt
        from PySide6.QtWidgets import (
            QHBoxLayout,
            QLabel,
            QSplitter,
            QTabWidget,
            QVBoxLayout,
            QWidget,
        )

        from ecovdesk.core.domain import AssetKind
        from ecovdesk.ui.audio_player import AudioPlayerBar
        from ecovdesk.ui.composer import Composer
        from ecovdesk.ui.conversation_actions import ConversationActions
        from ecovdesk.ui.conversation_list import ConversationList
        from ecovdesk.ui.conversation_view import ConversationView
        from ecovdesk.ui.family_panels import FamilyPanels
        from ecovdesk.ui.gallery import GalleryPage
        from ecovdesk.ui.job_controller import JobController
        from ecovdesk.ui.jobs_panel import JobsPanel
        from ecovdesk.ui.media_controller import MediaController
        from ecovdesk.ui.media_handoff import MediaHandoff
        from ecovdesk.ui.media_library import MediaLibraryPage
        from ecovdesk.ui.model_picker import ModelPicker
        from ecovdesk.ui.pending_attachments import PendingAttachments
        from ecovdesk.ui.picture_controller import PictureController
        from ecovdesk.ui.video_player import VideoPlayer
        from ecovdesk.ui.widgets import tool_button

        self.conversation_list = ConversationList()
        self.view = ConversationView()
        self.view.dark = dark
        self.composer = Composer()
        self.picker = ModelPicker()
        self.side_panel = FamilyPanels()
        self.side_panel.setVisible(False)
        self.gallery = GalleryPage(self.view.thumbnails)
        self.jobs_panel = JobsPanel()
        self.music_page = MediaLibraryPage(AssetKind.AUDIO)
        self.video_page = MediaLibraryPage(AssetKind.VIDEO)
        self.audio_bar = AudioPlayerBar()
        self.audio_bar.setVisible(False)
        self.video_player = VideoPlayer()
        top = QHBoxLayout()
        top.setContentsMargins(12, 8, 12, 0)
        top.addWidget(QLabel(self.tr("Model:")))
        top.addWidget(self.picker)
        top.addStretch(1)
        self.options_button = tool_button(self.tr("Options"), checkable=True)
        self.options_button.toggled.connect(self.side_panel.setVisible)
        self.settings_button = tool_button(self.tr("Settings"))
        self.settings_button.setToolTip("Ctrl+,")
        self.settings_button.clicked.connect(self.settingsRequested)
        top.addWidget(self.options_button)
        top.addWidget(self.settings_button)
        center = QWidget()
        center_layout = QVBoxLayout(center)
        center_layout.setContentsMargins(0, 0, 0, 0)
        center_layout.addLayout(top)
        center_layout.addWidget(self.view, 1)
        center_layout.addWidget(self.composer)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(center, self.tr("Chat"))
        self.tabs.addTab(self.gallery, self.tr("Gallery"))
        self.tabs.addTab(self.music_page, self.tr("Music"))
        videos = QSplitter(Qt.Orientation.Vertical)
        videos.addWidget(self.video_player)
        videos.addWidget(self.video_page)
        self.videos_tab = videos
        self.tabs.addTab(videos, self.tr("Videos"))
        self.tabs.addTab(self.jobs_panel, self.tr("Jobs"))
        self.tabs.currentChanged.connect(self._tab_changed)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.conversation_list)
        self.splitter.addWidget(self.tabs)
        self.splitter.addWidget(self.side_panel)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([240, 760, 260])
        central = QWidget()
        central_layout = QVBoxLayout(central)
        central_layout.setContentsMargins(0, 0, 0, 0)
        central_layout.addWidget(self.splitter, 1)
        central_layout.addWidget(self.audio_bar)
        self.setCentralWidget(central)

        self.composer.sendRequested.connect(self._send_clicked)
        self.composer.stopRequested.connect(self.stop)
        self.attachments = PendingAttachments(self.composer)
        self.attachments.notice.connect(self.show_notice)
        self.composer.imageFilesChosen.connect(
            lambda files: self._run(self.attachments.add_files(files))
        )
        self.picker.modelChosen.connect(self._model_chosen)
        self.picker.refreshRequested.connect(lambda: self._run(self.refresh_models()))
        self.side_panel.chat.optionsChanged.connect(self._options_changed)
        self.conversation_list.conversationChosen.connect(
            lambda cid: self._run(self.open_conversation(cid))
        )
        self.conversation_list.newRequested.connect(self.new_conversation)
        self.conversation_list.searchRequested.connect(lambda q: self._run(self._search(q)))
        self.conversation_actions = ConversationActions(
            self.services.conversations, self._run, self
        )
        self.conversation_actions.notice.connect(self.show_notice)
        self.conversation_actions.deleted.connect(self._conversation_deleted)
        self.conversation_list.renameRequested.connect(
            lambda cid: self._run(self.conversation_actions.rename(cid))
        )
        self.conversation_list.deleteRequested.connect(
            lambda cid: self._run(self.conversation_actions.delete(cid))
        )
        self.conversation_list.exportRequested.connect(
            lambda cid, fmt: self._run(self.conversation_actions.export(cid, fmt))
        )
        self.view.regenerateRequested.connect(lambda mid: self._run(self._regenerate(mid)))
        self.view.editSubmitted.connect(lambda mid, text: self._run(self._edit(mid, text)))
        self.view.loadEarlierRequested.connect(lambda: self._run(self._load_earlier()))
        self.pictures = PictureController(
            self.services.library, self.services.images, self.view, self.gallery, self._run, self
        )
        self.pictures.openConversationRequested.connect(self._open_from_gallery)
        self.pictures.referenceReady.connect(self._add_reference)
        self.pictures.notice.connect(self.show_notice)
        self.jobs = JobController(
            self.services.jobs,
            self.services.library,
            self.view,
            self.jobs_panel,
            self._run,
            self,
        )
        self.jobs.openConversationRequested.connect(self._open_from_gallery)
        self.media = MediaController(
            self.services.library,
            self.music_page,
            self.video_page,
            self.audio_bar,
            self.video_player,
            self._run,
            self,
        )
        self.media.openConversationRequested.connect(self._open_from_gallery)
        self.media.notice.connect(self.show_notice)
        self.handoff = MediaHandoff(
            use_model=self._use_model,
            notice=self.show_notice,
            panels=self.side_panel,
            composer=self.composer,
            attachments=self.attachments,
            tabs=self.tabs,
            videos_tab=self.videos_tab,
            media=self.media,
        )
        self.view.mediaPlayRequested.connect(self.handoff.play)
        self.jobs.listenRequested.connect(self.media.play_stream)
        self.jobs.promptChosen.connect(self.handoff.reuse_prompt)
        self.jobs.notice.connect(self.show_notice)
        self.jobs.lyricsReady.connect(self.side_panel.suno.set_lyrics)
        self.side_panel.suno.lyricsRequested.connect(
            lambda prompt: self._run(self._write_lyrics(prompt))
        )

    def _connect_sink(self, sink: QtEventSink) -> None:
        sink.conversationChanged.connect(self._on_conversation_changed)
        sink.conversationRemoved.connect(self.conversation_list.remove)
        sink.messageAdded.connect(self._on_message_added)
        sink.textDelta.connect(self.view.append_delta)
        sink.messageFinished.connect(self._on_message_finished)
        sink.noticeRaised.connect(lambda _level, text: self.show_notice(text))
        sink.assetReady.connect(self.pictures.asset_ready)
        sink.assetFailed.connect(self.pictures.asset_failed)
        sink.jobUpdated.connect(self.jobs.job_updated)
        sink.assetReady.connect(self.media.asset_ready)

    def _shortcuts(self) -> None:
        menu = self.menuBar().addMenu(self.tr("&File"))
        self._content_actions = [
            menu.addAction(
                self.tr("New conversation"), QKeySequence("Ctrl+N"), self.new_conversation
            ),
            menu.addAction(self.tr("Search messages"), QKeySequence("Ctrl+F"), self._focus_search),
            menu.addAction(
                self.tr("Settings…"), QKeySequence("Ctrl+,"), self.settingsRequested.emit
            ),
        ]
        menu.addSeparator()
        menu.addAction(self.tr("Quit"), QKeySequence("Ctrl+Q"), self.close)
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        help_menu.addAction(self.tr("About ecovdesk"), self.aboutRequested.emit)
        for action in self._content_actions:
            action.setEnabled(False)

    def _run(self, coro: Coroutine[Any, Any, Any]) -> None:
        self.services.scope.start(coro)

    def show_notice(self, text: str) -> None:
        self.statusBar().showMessage(text, NOTICE_MS)

    # -- start -----------------------------------------------------------------------------
    async def start(self, model: str | None, last_conversation_id: int | None) -> None:
        models = await self.services.models.load_cached()
        self.picker.set_models(models)
        self.picker.set_current(model or self.services.preferences.settings.default_model)
        self._model_capabilities()
        conversations = await self.services.conversations.all()
        self.conversation_list.set_conversations(conversations)
        if last_conversation_id is not None and model is None:
            await self.open_conversation(last_conversation_id)
        self.composer.edit.setFocus()
        if self._type_ahead is not None:
            typed, self._type_ahead = self._type_ahead, None
            typed.replay(self.composer.edit)
        if self.services.preferences.ready and self.services.models.cache_is_stale:
            await self.refresh_models(quiet=True)

    async def refresh_models(self, quiet: bool = False) -> None:
        from ecovdesk.api.errors import RelayError
        from ecovdesk.ui.error_text import describe_error

        try:
            models = await self.services.models.refresh()
        except RelayError as error:
            if not quiet:
                self.show_notice(
                    self.tr("Could not refresh the model list: %1").replace(
                        "%1", describe_error(error.kind.value, error.message)
                    )
                )
            return
        self.picker.set_models(models)
        if not quiet:
            self.show_notice(self.tr("Model list updated."))

    # -- conversations ---------------------------------------------------------------------
    def new_conversation(self) -> None:
        from ecovdesk.core.domain import ChatOptions

        self._conversation = None
        self.view.clear()
        self.conversation_list.set_current(None)
        self.side_panel.chat.set_options(ChatOptions())
        self.composer.set_busy(False)
        self.composer.edit.setFocus()

    async def open_conversation(self, conversation_id: int) -> None:
        page = await self.services.conversations.open(conversation_id)
        if page is None:
            return
        self._conversation = page.conversation
        self.view.show_messages(page.messages, has_earlier=page.has_earlier)
        await self.pictures.show_for_visible_messages()
        await self.jobs.show_for_visible_messages()
        self.conversation_list.set_current(conversation_id)
        self.picker.set_current(page.conversation.model)
        self.side_panel.chat.set_options(page.conversation.options)
        self._model_capabilities()
        self.composer.set_busy(self.services.chat.is_streaming(conversation_id))
        self.services.preferences.settings.last_conversation_id = conversation_id

    async def _load_earlier(self) -> None:
        oldest = self.view.oldest_id()
        if self._conversation is None or oldest is None:
            return
        messages, more = await self.services.conversations.earlier(self._conversation.id, oldest)
        self.view.prepend_messages(messages, has_earlier=more)
        await self.pictures.show_for_visible_messages()
        await self.jobs.show_for_visible_messages()

    async def _search(self, query: str) -> None:
        hits = await self.services.conversations.search(query)
        self.conversation_list.show_search_results(query, hits)

    def _conversation_deleted(self, conversation_id: int) -> None:
        if self._conversation is not None and self._conversation.id == conversation_id:
            self.new_conversation()

    def _focus_search(self) -> None:
        self.conversation_list.search.setFocus()
        self.conversation_list.search.selectAll()

    # -- composing -------------------------------------------------------------------------
    def _model_chosen(self, model: str) -> None:
        self._model_capabilities()
        if self._conversation is not None:
            self._run(
                self.services.conversations.update_settings(
                    self._conversation, model, self.side_panel.chat.options()
                )
            )

    def _options_changed(self, options: ChatOptions) -> None:
        if self._conversation is not None:
            self._run(
                self.services.conversations.update_settings(
                    self._conversation, self.picker.current, options
                )
            )

    def _model_capabilities(self) -> None:
        info = self.services.models.info(self.picker.current)
        self.composer.set_capabilities(vision=info.vision, documents=info.documents)
        self.side_panel.show_for(info)
        self.composer.set_send_label(
            self.tr("Send") if info.family.is_chat else self.tr("Generate")
        )

    def _send_clicked(self) -> None:
        text = self.composer.text().strip()
        if not text:
            return
        if not self.services.preferences.ready:
            self.show_notice(self.tr("Enter your API key in Settings first."))
            self.settingsRequested.emit()
            return
        attachments = self.attachments.take()
        self.composer.clear_text()
        self.composer.set_busy(True)
        self._run(self._send(text, attachments))

    async def _send(self, text: str, attachments: list[Attachment]) -> None:
        from ecovdesk.core.storage_errors import StorageError

        model = self.picker.current
        outgoing = self.side_panel.outgoing()
        self.side_panel.extra = {}
        try:
            await self._into_conversation(
                self.services.router.send(self._conversation, model, text, attachments, outgoing)
            )
        except StorageError:
            # Nothing was sent: the question goes back to the composer instead of being lost.
            self.composer.set_busy(False)
            if not self.composer.text().strip():
                self.composer.edit.setPlainText(text)
            for attachment in attachments:
                self.attachments.add(attachment)
            raise
        if self.services.router.runs_as_job(model):
            # A job runs for minutes and is followed in its card; the composer is free again.
            self.composer.set_busy(False)

    async def _into_conversation(self, sending: Awaitable[Conversation]) -> None:
        """Awaits a send that starts a new conversation when none is open. That one becomes
        the open conversation as soon as it exists: its first messages arrive before the send
        returns."""
        self._adopt_new_conversation = self._conversation is None
        try:
            conversation = await sending
        finally:
            self._adopt_new_conversation = False
        self._conversation = conversation
        self.services.preferences.settings.last_conversation_id = conversation.id

    def stop(self) -> None:
        if self._conversation is not None:
            self.services.chat.stop(self._conversation.id)

    async def _regenerate(self, message_id: int) -> None:
        if self._conversation is not None:
            bubble = self.view.bubble(message_id)
            model = bubble.message.model if bubble is not None else self.picker.current
            await self.services.router.regenerate(
                self._conversation, message_id, model, self.side_panel.outgoing()
            )
            await self.open_conversation(self._conversation.id)

    async def _edit(self, message_id: int, text: str) -> None:
        if self._conversation is not None:
            await self.services.chat.edit_and_resend(self._conversation, message_id, text)
            await self.open_conversation(self._conversation.id)

    def _tab_changed(self, index: int) -> None:
        if self.tabs.widget(index) is self.gallery:
            self._run(self.pictures.reload_gallery())
        elif self.tabs.widget(index) is self.jobs_panel:
            self._run(self.jobs.load())
        elif self.tabs.widget(index) is self.music_page:
            self._run(self.media.reload(self.music_page.kind))
        elif self.tabs.widget(index) is self.videos_tab:
            self._run(self.media.reload(self.video_page.kind))

    def _open_from_gallery(self, conversation_id: int) -> None:
        self.tabs.setCurrentIndex(0)
        self._run(self.open_conversation(conversation_id))

    def _add_reference(self, attachment: Attachment) -> None:
        self.tabs.setCurrentIndex(0)
        self.attachments.add(attachment)
        if not self.services.models.info(self.picker.current).vision:
            self.show_notice(self.tr("Pick a model that can see pictures to use this reference."))

    # -- songs and videos ------------------------------------------------------------------
    def _use_model(self, model: str) -> None:
        self.tabs.setCurrentIndex(0)
        self.picker.set_current(model)
        self._model_chosen(model)
        self.options_button.setChecked(True)
        self.composer.edit.setFocus()

    async def _write_lyrics(self, prompt: str) -> None:
        suno = self.side_panel.suno
        suno.set_lyrics_busy(True)
        try:
            await self._into_conversation(
                self.services.jobs.submit(
                    self._conversation, self.picker.current, prompt, {"task": "lyrics"}
                )
            )
        finally:
            suno.set_lyrics_busy(False)

    # -- events from the core --------------------------------------------------------------
    def _on_conversation_changed(self, conversation: Conversation) -> None:
        self.conversation_list.upsert(conversation)
        if self._adopt_new_conversation and self._conversation is None:
            self._conversation = conversation
            self.conversation_list.set_current(conversation.id)

    def _is_current(self, message: Message) -> bool:
        return self._conversation is not None and message.conversation_id == self._conversation.id

    def _on_message_added(self, message: Message) -> None:
        if self._is_current(message):
            self.view.add_message(message)

    def _on_message_finished(self, message: Message) -> None:
        if self._is_current(message):
            self.view.finish_message(message)
            self.composer.set_busy(False)

    # -- window state ----------------------------------------------------------------------
    def restore_geometry(self, geometry: str) -> None:
        if geometry:
            self.restoreGeometry(QByteArray.fromBase64(geometry.encode("ascii")))

    def restore_splitter(self, splitter: str) -> None:
        if splitter:
            self.splitter.restoreState(QByteArray.fromBase64(splitter.encode("ascii")))

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._attached:
            settings = self.services.preferences.settings
            geometry = self.saveGeometry().toBase64().data()
            settings.window_geometry = bytes(geometry).decode("ascii")
            splitter = self.splitter.saveState().toBase64().data()
            settings.splitter_state = bytes(splitter).decode("ascii")
        super().closeEvent(event)
