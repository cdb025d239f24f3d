"""One message in the conversation pane: text, folded thinking, state and actions."""

from __future__ import annotations

import datetime as dt
import time

from PySide6.QtCore import QCoreApplication, QEvent, QRectF, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import (
    QDesktopServices,
    QGuiApplication,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
)
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QPlainTextEdit,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ecovdesk.core.domain import Message, MessageState, Role
from ecovdesk.core.reply_parser import ParsedReply, parse_reply
from ecovdesk.ui import looks
from ecovdesk.ui.error_text import describe_error
from ecovdesk.ui.image_strip import ImageStrip
from ecovdesk.ui.job_card import JobCard
from ecovdesk.ui.long_text_viewer import LongTextViewer
from ecovdesk.ui.markdown_html import (
    COPY_SCHEME,
    SAFE_SCHEMES,
    SHOW_ALL_SCHEME,
    MarkdownRenderer,
    shown_part,
)
from ecovdesk.ui.markdown_stream import PART_CHARS, MarkdownStream
from ecovdesk.ui.pictures import ThumbnailCache
from ecovdesk.ui.render_pacing import RenderPacing
from ecovdesk.ui.rich_text_view import PartedTextView
from ecovdesk.ui.sent_pictures import sent_pictures, shown_as_picture
from ecovdesk.ui.thinking_view import ThinkingView
from ecovdesk.ui.widgets import label, tool_button

RADIUS = 10
FOUND_WIDTH = 2

# A part's new size reaches the bubble, then the conversation and its scroll bar, one posted
# layout request at a time.
LAYOUT_DEPTH = 4


def _settle_layouts() -> None:
    """Lay the window out now, before it repaints: otherwise it paints the new text at the
    old sizes, then again once the sizes are known and again once the view has followed
    the end, three repaints a frame."""
    for _ in range(LAYOUT_DEPTH):
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)


class MessageBubble(QFrame):
    regenerateRequested = Signal(int)
    editSubmitted = Signal(int, str)

    def __init__(
        self,
        message: Message,
        *,
        dark: bool,
        thumbnails: ThumbnailCache,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.message = message
        self._renderer = MarkdownRenderer(dark=dark)
        self._parsed = ParsedReply()
        # Set for a reply that streams into this bubble; it renders the reply from then on.
        self._stream: MarkdownStream | None = None
        # The whole text of a reply too long to render, once the user asked to see it.
        self.long_text_viewer: LongTextViewer | None = None
        self._render_timer = QTimer(self, singleShot=True)
        self._render_timer.timeout.connect(self._render)
        self._pacing = RenderPacing()
        self._content_parts: list[str] = [message.content]
        self._reasoning_parts: list[str] = [message.reasoning]
        is_user = message.role is Role.USER
        # Outlined for a moment when a search leads here.
        self._found = False
        self._build(is_user, thumbnails)
        self._render()

    def _build(self, is_user: bool, thumbnails: ThumbnailCache) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.setSpacing(4)
        header = QHBoxLayout()
        self.header = label(name=looks.DIMMED)
        header.addWidget(self.header)
        header.addStretch(1)
        self.copy_button = self._action(self.tr("Copy"), self._copy_all)
        header.addWidget(self.copy_button)
        if is_user:
            self.edit_button = self._action(self.tr("Edit"), self._start_edit)
            header.addWidget(self.edit_button)
        else:
            self.regenerate_button = self._action(
                self.tr("Regenerate"), lambda: self.regenerateRequested.emit(self.message.id)
            )
            header.addWidget(self.regenerate_button)
        layout.addLayout(header)

        self.thinking_toggle = tool_button("", checkable=True, flat=True, name=looks.DIMMED)
        self.thinking_toggle.toggled.connect(self._show_thinking)
        layout.addWidget(self.thinking_toggle)
        # The thinking view and the editor are made when first needed: most bubbles never
        # show either, and a conversation opens with dozens of bubbles at once.
        self._thinking_view: ThinkingView | None = None
        self._editor: QPlainTextEdit | None = None

        self.caption = label(name=looks.DIMMED, wrap=True)
        self.caption.setVisible(False)
        layout.addWidget(self.caption)

        self.body = PartedTextView(PART_CHARS)
        self.body.anchorClicked.connect(self._link_clicked)
        layout.addWidget(self.body)
        self.job_card: JobCard | None = None
        self.images = ImageStrip(thumbnails)
        layout.addWidget(self.images)
        if is_user:
            pictures = sent_pictures(self.message.attachments)
            if pictures is not None:
                layout.addWidget(pictures)

        self.edit_bar = QWidget()
        self.edit_bar.setVisible(False)
        layout.addWidget(self.edit_bar)

        state_row = QHBoxLayout()
        self.state_label = label(name=looks.ERROR, wrap=True)
        self.retry_button = QPushButton(self.tr("Retry"))
        self.retry_button.clicked.connect(lambda: self.regenerateRequested.emit(self.message.id))
        state_row.addWidget(self.state_label, 1)
        state_row.addWidget(self.retry_button)
        layout.addLayout(state_row)
        self.footer = label(name=looks.DIMMED)
        layout.addWidget(self.footer)

    def _action(self, text: str, slot: object) -> QToolButton:
        button = tool_button(text, flat=True)
        button.clicked.connect(slot)
        return button

    def attach_job_card(self, card: JobCard) -> None:
        """Show the media job this reply stands for, just above its pictures."""
        self.job_card = card
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.insertWidget(layout.indexOf(self.images), card)
        self._render()

    # -- updates -------------------------------------------------------------------------
    def append_delta(self, content: str, reasoning: str) -> None:
        self._content_parts.append(content)
        self._reasoning_parts.append(reasoning)
        delay = self._pacing.delay_ms(len(content) + len(reasoning))
        if not self._render_timer.isActive() or delay < self._render_timer.remainingTime():
            self._render_timer.start(delay)

    def finish(self, message: Message) -> None:
        self.message = message
        self._content_parts = [message.content]
        self._reasoning_parts = [message.reasoning]
        self._render_timer.stop()
        self._render()

    def set_dark(self, dark: bool) -> None:
        """Renders the message again, its code blocks and thinking in the new theme's colours."""
        if self._thinking_view is not None:
            self._thinking_view.follow_theme()
        if dark == self._renderer.dark:
            return
        self._renderer.dark = dark
        if self._stream is not None:
            # Its finished blocks keep the HTML they were rendered with: render them all again.
            self._stream = MarkdownStream(dark=dark, words=self._translate)
            self.body.clear_parts()
        self._render()

    @property
    def found(self) -> bool:
        return self._found

    def set_found(self, found: bool) -> None:
        self._found = found
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        # A rounded card in the theme's colours: the user's tinted, the reply's outlined.
        palette = self.palette()
        user = self.message.role is Role.USER
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        fill = QPalette.ColorRole.AlternateBase if user else QPalette.ColorRole.Base
        painter.setBrush(palette.color(fill))
        if self._found:
            pen = QPen(palette.color(QPalette.ColorRole.Highlight), FOUND_WIDTH)
        elif user:
            pen = QPen(Qt.PenStyle.NoPen)
        else:
            pen = QPen(palette.color(QPalette.ColorRole.Mid), 1)
        painter.setPen(pen)
        inset = pen.widthF() / 2 if pen.style() != Qt.PenStyle.NoPen else 0.0
        painter.drawRoundedRect(
            QRectF(self.rect()).adjusted(inset, inset, -inset, -inset), RADIUS, RADIUS
        )

    @property
    def streaming(self) -> bool:
        return self.message.state is MessageState.STREAMING

    def _render(self) -> None:
        started = time.perf_counter()
        chars = self._pacing.take_pending()
        content = "".join(self._content_parts)
        reasoning = "".join(self._reasoning_parts)
        self._content_parts = [content]
        self._reasoning_parts = [reasoning]
        message = self.message
        if message.role is Role.USER:
            self._parsed = ParsedReply(answer=content)
        else:
            self._parsed = parse_reply(content, reasoning, streaming=self.streaming)
        self._render_header()
        self._render_thinking()
        caption = self._parsed.caption
        self.caption.setVisible(caption is not None)
        if caption is not None:
            self.caption.setText(
                self.tr("Prompt: %1 · Size: %2")
                .replace("%1", caption.prompt)
                .replace("%2", caption.size or "—")
            )
        answer = self._parsed.answer
        if self._parsed.sources:
            answer += (
                "\n\n"
                + self.tr("Sources:")
                + "\n"
                + "\n".join(
                    f"{s.number}. [{s.title or s.url}]({s.url})" for s in self._parsed.sources
                )
            )
        if message.role is Role.USER:
            answer = answer + "".join(
                f"\n\n📎 {a.name or a.kind.value}"
                for a in message.attachments
                if not shown_as_picture(a)
            )
        if self.streaming and self._stream is None:
            self._stream = MarkdownStream(dark=self._renderer.dark, words=self._translate)
        waiting = self.streaming and not answer.strip() and not self._parsed.thinking
        if waiting and self.job_card is None:
            waiting_words = self.tr("Waiting for the reply…")
            self.body.setHtml(f"<p><i>{waiting_words}</i></p>")
        elif self._stream is not None:
            self._render_parts(answer)
        else:
            self.body.setHtml(self._html(self._renderer, answer, complete=False))
        # An empty text would still take a line's height between the header and what
        # follows (a failure, a job's card).
        self.body.setVisible(bool(answer.strip()) or (waiting and self.job_card is None))
        self._render_state()
        if self.isVisible():
            _settle_layouts()
        self._pacing.frame_done((time.perf_counter() - started) * 1000, chars)

    def _render_parts(self, answer: str) -> None:
        """Renders only what changed at the end of a streamed reply (see markdown_stream)."""
        assert self._stream is not None
        text, note = shown_part(answer, complete=False)
        if not self.streaming and len(text) <= PART_CHARS:
            # A short reply ends up as one document, so all of it can be selected at once.
            self._stream = None
            self.body.setHtml(self._html(self._renderer, answer, complete=False))
            return
        update = self._stream.update(text, final=not self.streaming)
        if update.restart:
            self.body.clear_parts()
        for html, chars in update.done:
            self.body.add_done(html, chars)
        self.body.set_open_html(update.open_html + self._translate(note))
        # The copy links are numbered across all parts, as the stream numbers them.
        self._renderer.code_blocks = self._stream.code_blocks

    def _render_header(self) -> None:
        message = self.message
        when = (
            dt.datetime.fromtimestamp(message.created_at).strftime("%H:%M")
            if message.created_at
            else ""
        )
        who = (
            self.tr("You") if message.role is Role.USER else (message.model or self.tr("Assistant"))
        )
        self.header.setText(f"{who}  ·  {when}" if when else who)

    def _render_thinking(self) -> None:
        thinking = self._parsed.thinking
        self.thinking_toggle.setVisible(bool(thinking))
        if not thinking:
            return
        label = self.tr("Thinking…") if self._parsed.thinking_open else self.tr("Thought process")
        arrow = "▾" if self.thinking_toggle.isChecked() else "▸"
        self.thinking_toggle.setText(f"{arrow} {label}")
        if self._thinking_view is not None and self._thinking_view.isVisible():
            self._thinking_view.setHtml(self._thinking_html(thinking))

    def _thinking_html(self, thinking: str) -> str:
        return self._html(MarkdownRenderer(dark=self._renderer.dark), thinking, complete=False)

    def _html(self, renderer: MarkdownRenderer, text: str, *, complete: bool) -> str:
        return self._translate(renderer.render(text, complete=complete))

    def _translate(self, html: str) -> str:
        words = {
            "{copy}": self.tr("Copy code"),
            "{shortened}": self.tr("Shortened for display; Copy code copies all of it."),
            "{more}": self.tr("This reply is long; only its beginning is shown."),
            "{show_all}": self.tr("Show all"),
        }
        for placeholder, word in words.items():
            html = html.replace(placeholder, word)
        return html

    @property
    def thinking_view(self) -> ThinkingView:
        if self._thinking_view is None:
            self._thinking_view = ThinkingView()
            self._thinking_view.setVisible(False)
            layout = self.layout()
            assert isinstance(layout, QVBoxLayout)
            layout.insertWidget(layout.indexOf(self.thinking_toggle) + 1, self._thinking_view)
        return self._thinking_view

    def _show_thinking(self, shown: bool) -> None:
        self.thinking_view.setVisible(shown)
        self._render_thinking()

    def _render_state(self) -> None:
        message = self.message
        failed = message.state in (MessageState.FAILED, MessageState.INTERRUPTED)
        # A media job's card shows its own state, reason and Retry.
        own_state = self.job_card is None
        self.state_label.setVisible(failed and own_state)
        self.retry_button.setVisible(failed and message.role is Role.ASSISTANT and own_state)
        if failed:
            self.state_label.setText(describe_error(message.error_kind, message.error_text))
        if self.job_card is not None:
            self.job_card.set_reason_words(
                describe_error(message.error_kind, None) if failed else ""
            )
        busy = self.streaming
        if message.role is Role.ASSISTANT:
            self.regenerate_button.setVisible(not busy and not failed and own_state)
        # A reply that failed before any text came has nothing to copy.
        self.copy_button.setVisible(not busy and bool(self._copy_text().strip()))
        usage = message.usage
        if usage is not None and not busy:
            text = self.tr("Tokens: %1 in · %2 out · %3 total")
            text = (
                text.replace("%1", str(usage.prompt_tokens))
                .replace("%2", str(usage.completion_tokens))
                .replace("%3", str(usage.total_tokens))
            )
            if usage.reasoning_tokens:
                text += self.tr(" (%1 thinking)").replace("%1", str(usage.reasoning_tokens))
            self.footer.setText(text)
        self.footer.setVisible(usage is not None and not busy)

    # -- actions -------------------------------------------------------------------------
    def _copy_text(self) -> str:
        return self._parsed.answer if self.message.role is Role.ASSISTANT else self.message.content

    def _copy_all(self) -> None:
        QGuiApplication.clipboard().setText(self._copy_text())

    def _link_clicked(self, url: QUrl) -> None:
        text = url.toString()
        if text.startswith(COPY_SCHEME + ":"):
            index = int(text.split(":", 1)[1])
            if 0 <= index < len(self._renderer.code_blocks):
                QGuiApplication.clipboard().setText(self._renderer.code_blocks[index])
            return
        if text.startswith(SHOW_ALL_SCHEME + ":"):
            self.long_text_viewer = LongTextViewer(self._parsed.answer, self.window())
            self.long_text_viewer.show()
            return
        if text.lower().startswith(SAFE_SCHEMES):
            QDesktopServices.openUrl(url)

    @property
    def editor(self) -> QPlainTextEdit:
        if self._editor is None:
            self._editor = QPlainTextEdit()
            self._editor.setVisible(False)
            layout = self.layout()
            assert isinstance(layout, QVBoxLayout)
            layout.insertWidget(layout.indexOf(self.edit_bar), self._editor)
            edit_layout = QHBoxLayout(self.edit_bar)
            edit_layout.setContentsMargins(0, 0, 0, 0)
            edit_layout.addStretch(1)
            cancel = QPushButton(self.tr("Cancel"))
            cancel.clicked.connect(self._end_edit)
            resend = QPushButton(self.tr("Save and resend"))
            resend.clicked.connect(self._submit_edit)
            edit_layout.addWidget(cancel)
            edit_layout.addWidget(resend)
        return self._editor

    def _start_edit(self) -> None:
        self.editor.setPlainText(self.message.content)
        self.body.setVisible(False)
        self.editor.setVisible(True)
        self.edit_bar.setVisible(True)
        self.editor.setFocus()

    def _end_edit(self) -> None:
        self.body.setVisible(True)
        self.edit_bar.setVisible(False)
        if self._editor is not None:
            self._editor.setVisible(False)

    def _submit_edit(self) -> None:
        text = self.editor.toPlainText().strip()
        self._end_edit()
        if text and text != self.message.content:
            self.editSubmitted.emit(self.message.id, text)
