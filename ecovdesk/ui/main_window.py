"""The main window: conversations on the left, the conversation and composer in the middle."""

from __future__ import annotations

from collections.abc import Coroutine
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QMainWindow

from ecovdesk.ui.draft_box import DraftBox, draft_area, send_first
from ecovdesk.ui.window_menus import MenuCommands, build_menus
from ecovdesk.ui.window_state import first_size, geometry_text, splitter_text

# The core's names are imported where they are used, once the window is filled in: the
# domain's dataclasses, sqlite3 and json would take about 20 ms before the first paint.
if TYPE_CHECKING:
    from PySide6.QtGui import QCloseEvent, QPaintEvent

    from ecovdesk.core.domain import Attachment, ChatOptions, Conversation
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
        # Typing can start at once, into a stand-in for the message box that does not exist yet.
        self._draft = DraftBox()
        self._to_send = ""
        self.setWindowTitle("ecovdesk")
        self.resize(first_size())
        self._content_actions = build_menus(
            self,
            MenuCommands(
                new_conversation=self.new_conversation,
                search=lambda: self.conversation_list.focus_search(),
                settings=self.settingsRequested.emit,
                about=self.aboutRequested.emit,
            ),
        )
        self.statusBar().showMessage(self.tr("Opening…"))
        self.setCentralWidget(draft_area(self._draft))
        self._draft.setFocus()

    def attach(self, services: Services, sink: QtEventSink) -> None:
        """Fills the window once the services are ready."""
        self.services = services
        self._build(self._dark)
        # Replaced by the page, the stand-in is deleted later, not yet: its text moves over.
        self._to_send = self._draft.move_to(self.composer.edit)
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

    # -- layout ----------------------------------------------------------------------------
    def _build(self, dark: bool) -> None:
        # Imported only now, after the window has painted: these pages and what they load
        # (Markdown, highlighting, multimedia) are most of the start-up time.
        from PySide6.QtWidgets import QTabWidget

        from ecovdesk.core.domain import AssetKind
        from ecovdesk.ui.audio_player import AudioPlayerBar
        from ecovdesk.ui.chat_page import ChatPage
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
        from ecovdesk.ui.open_conversation import OpenConversation
        from ecovdesk.ui.pending_attachments import PendingAttachments
        from ecovdesk.ui.picture_controller import PictureController
        from ecovdesk.ui.video_player import VideoPlayer
        from ecovdesk.ui.window_layout import one_above_the_other, side_by_side, with_bar_below

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
        center = ChatPage(self.picker, self.view, self.composer)
        self.options_button = center.options_button
        self.options_button.toggled.connect(self._show_side_panel)
        self.settings_button = center.settings_button
        self.settings_button.clicked.connect(self.settingsRequested)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(center, self.tr("Chat"))
        self.tabs.addTab(self.gallery, self.tr("Gallery"))
        self.tabs.addTab(self.music_page, self.tr("Music"))
        self.videos_tab = one_above_the_other(self.video_player, self.video_page)
        self.tabs.addTab(self.videos_tab, self.tr("Videos"))
        self.tabs.addTab(self.jobs_panel, self.tr("Jobs"))
        self.tabs.currentChanged.connect(self._tab_changed)
        self.splitter = side_by_side(self.conversation_list, self.tabs, self.side_panel)
        self.setCentralWidget(with_bar_below(self.splitter, self.audio_bar))

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
        self.conversation_actions = ConversationActions(
            self.services.conversations,
            self.conversation_list,
            self._run,
            self,
            stop_replies=self._stop_replies,
            assets=self.services.library.for_messages,
        )
        self.conversation_actions.notice.connect(self.show_notice)
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
        self.conversation = OpenConversation(
            self.services,
            self.view,
            self.conversation_list,
            self.pictures,
            self.jobs,
            self._run,
            self,
        )
        self.conversation.shown.connect(self._conversation_shown)
        self.view.regenerateRequested.connect(
            lambda mid: self._run(
                self.conversation.regenerate(mid, self.picker.current, self.side_panel.outgoing())
            )
        )
        self.conversation.replyFinished.connect(lambda: self.composer.set_busy(False))
        self.conversation_actions.deleted.connect(self.conversation.deleted)
        self.conversation_actions.restored.connect(
            lambda cid: self._run(self.conversation.open(cid))
        )
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
            models=self.services.models,
            current_model=lambda: self.picker.current,
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
        self.conversation.listen(sink)
        sink.noticeRaised.connect(lambda _level, text: self.show_notice(text))
        sink.assetReady.connect(self.pictures.asset_ready)
        sink.assetFailed.connect(self.pictures.asset_failed)
        sink.jobUpdated.connect(self.jobs.job_updated)
        sink.assetReady.connect(self.media.asset_ready)

    def _run(self, coro: Coroutine[Any, Any, Any]) -> None:
        self.services.scope.start(coro)

    def set_dark(self, dark: bool) -> None:
        """The theme changed: code blocks in the replies shown and in those to come take
        the new theme's colours."""
        if dark == self._dark:
            return
        self._dark = dark
        if self._attached:
            self.view.dark = dark
            for bubble in self.view.bubbles():
                bubble.set_dark(dark)

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
        if self._to_send:
            # Without a key the first-run settings come next; the question waits in the box.
            ready = self.services.preferences.ready
            send_first(self._to_send, self.composer.edit, self._send_clicked if ready else None)
        if self.services.preferences.ready and self.services.models.cache_is_stale:
            await self.refresh_models(quiet=True)

    def settings_saved(self) -> None:
        self._run(self.refresh_models(quiet=True))

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
        self.conversation.new()

    async def open_conversation(self, conversation_id: int) -> None:
        await self.conversation.open(conversation_id)

    def _conversation_shown(self, conversation: Conversation | None) -> None:
        from ecovdesk.core.domain import ChatOptions

        if conversation is None:
            self.side_panel.chat.set_options(ChatOptions())
            self.composer.set_busy(False)
            self.composer.edit.setFocus()
            return
        self.picker.set_current(conversation.model)
        self.side_panel.chat.set_options(conversation.options)
        self._model_capabilities()
        self.composer.set_busy(self.conversation.is_streaming())

    # -- composing -------------------------------------------------------------------------
    def _model_chosen(self, model: str) -> None:
        self._model_capabilities()
        if (conversation := self.conversation.current) is not None:
            self._run(
                self.services.conversations.update_settings(
                    conversation, model, self.side_panel.chat.options()
                )
            )

    def _options_changed(self, options: ChatOptions) -> None:
        if (conversation := self.conversation.current) is not None:
            self._run(
                self.services.conversations.update_settings(
                    conversation, self.picker.current, options
                )
            )

    def _model_capabilities(self) -> None:
        info = self.services.models.info(self.picker.current)
        self.composer.set_capabilities(vision=info.vision, documents=info.documents)
        self.attachments.keep_only(images=info.vision, documents=info.documents)
        self.side_panel.show_for(info)
        self.composer.set_send_label(
            self.tr("Send") if info.family.is_chat else self.tr("Generate")
        )

    def _send_clicked(self) -> None:
        text = self.composer.text().strip()
        if not text:
            return
        refusal = self.side_panel.refusal()
        if refusal:
            # Something the request needs is missing: nothing is sent, the text stays, and
            # the options say what to do.
            self.options_button.setChecked(True)
            self.show_notice(refusal)
            return
        if not self.services.preferences.ready:
            self.show_notice(self.tr("Enter your API key in Settings first."))
            # The dialog is modal: it has closed when this returns, and with a key given the
            # message goes out as the user meant it to, without a second Send.
            self.settingsRequested.emit()
            if not self.services.preferences.ready:
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
            await self.conversation.follow(
                self.services.router.send(
                    self.conversation.current, model, text, attachments, outgoing
                )
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

    def stop(self) -> None:
        self.conversation.stop()

    def _stop_replies(self, conversation_id: int) -> None:
        self.services.chat.stop(conversation_id)
        self.services.images.stop(conversation_id)

    def _show_side_panel(self) -> None:
        # The options belong to the composer: on the other tabs they would only take room from
        # the gallery and the tables, with no Options button there to put them away.
        self.side_panel.setVisible(
            self.options_button.isChecked() and self.tabs.currentIndex() == 0
        )

    def _tab_changed(self, index: int) -> None:
        self._show_side_panel()
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
        self.picker.choose(model)
        self.options_button.setChecked(True)
        self.composer.edit.setFocus()

    async def _write_lyrics(self, prompt: str) -> None:
        suno = self.side_panel.suno
        suno.set_lyrics_busy(True)
        try:
            await self.conversation.follow(
                self.services.jobs.submit(
                    self.conversation.current, self.picker.current, prompt, {"task": "lyrics"}
                )
            )
        finally:
            suno.set_lyrics_busy(False)

    # -- window state ----------------------------------------------------------------------
    def closeEvent(self, event: QCloseEvent) -> None:
        if self._attached:
            settings = self.services.preferences.settings
            settings.window_geometry = geometry_text(self)
            settings.splitter_state = splitter_text(self.splitter)
        super().closeEvent(event)
