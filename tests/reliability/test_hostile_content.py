"""Replies written to harm: unsafe links, raw HTML, resource loads, and sheer size.

A reply may only ever be shown. Nothing in it may load a local file or a remote URL, a link
opens only when clicked and only for http(s), and no size of reply freezes the window.
"""

from __future__ import annotations

import html
import re
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PIL import Image
from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication, QTextDocument
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from ecovdesk.app import RunningApp
from ecovdesk.core.domain import Message, MessageState, Role
from ecovdesk.ui.markdown_html import MarkdownRenderer, shown_part
from ecovdesk.ui.message_bubble import MessageBubble
from ecovdesk.ui.pictures import ThumbnailCache
from ecovdesk.ui.rich_text_view import RichTextView
from ecovdesk.ui.widgets import label, plain_tooltip
from tests.fakerelay.server import FakeRelay
from tests.reliability.helpers import finished_reply, send
from tests.ui.conftest import Driver

UNSAFE_LINKS = [
    "[click](javascript:alert(document.cookie))",
    "[click](JaVaScRiPt:alert(1))",
    "[click](&#106;avascript:alert(1))",
    "[click](java\tscript:alert(1))",
    "[click](vbscript:msgbox(1))",
    "[passwd](file:///etc/passwd)",
    "[home](file:///C:/Windows/win.ini)",
    "[data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "[mail](mailto:victim@example.com?body=secret)",
    "[proto](//evil.example/steal)",
    "[smb](smb://evil.example/share)",
    "<javascript:alert(1)>",
    "<file:///etc/passwd>",
    "[ref][x]\n\n[x]: javascript:alert(1)",
    "![pic](file:///etc/passwd)",
    "![pic](data:image/png;base64,iVBORw0KGgo=)",
]
RAW_HTML = [
    "<script>alert(1)</script>",
    "<img src=file:///etc/passwd>",
    '<img src="http://127.0.0.1:1/beacon.png">',
    '<iframe src="https://evil.example"></iframe>',
    '<a href="javascript:alert(1)">x</a>',
    "<style>body{background:url(file:///etc/passwd)}</style>",
    '<object data="file:///etc/passwd"></object>',
    '<svg onload="alert(1)"></svg>',
    '<p style="background-image:url(http://127.0.0.1:1/beacon.png)">x</p>',
]
UNSAFE_SCHEME = re.compile(r"^\s*(?!https?:)[a-z][a-z0-9+.\-]*:", re.I)


@pytest.fixture
def resource_loads(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[tuple[str, Any]]]:
    """Every resource a rich text view asks for, with what it was given."""
    calls: list[tuple[str, Any]] = []
    original = RichTextView.loadResource

    def spy(self: RichTextView, kind: int, name: QUrl | str) -> Any:
        result = original(self, kind, name)
        calls.append((name.toString() if isinstance(name, QUrl) else str(name), result))
        return result

    monkeypatch.setattr(RichTextView, "loadResource", spy)
    yield calls


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    urls: list[str] = []
    monkeypatch.setattr(
        QDesktopServices, "openUrl", staticmethod(lambda url: urls.append(url.toString()))
    )
    return urls


def bubble_for(qtbot: QtBot, content: str, reasoning: str = "") -> MessageBubble:
    message = Message(
        1, 1, Role.ASSISTANT, content=content, reasoning=reasoning, state=MessageState.DONE
    )
    bubble = MessageBubble(message, dark=False, thumbnails=ThumbnailCache())
    qtbot.addWidget(bubble)
    bubble.resize(760, 600)
    bubble.show()
    bubble.thinking_toggle.setChecked(bool(reasoning))
    QApplication.processEvents()
    return bubble


def views(bubble: MessageBubble) -> list[RichTextView]:
    return [*bubble.body.parts, bubble.thinking_view]


def anchors(document: QTextDocument) -> list[str]:
    """The href of every active link in ``document``."""
    found: list[str] = []
    block = document.begin()
    while block.isValid():
        iterator = block.begin()
        while not iterator.atEnd():
            fragment = iterator.fragment()
            if fragment.isValid() and fragment.charFormat().isAnchor():
                found.append(fragment.charFormat().anchorHref())
            iterator += 1
        block = block.next()
    return found


def html_links(markup: str) -> list[str]:
    return [html.unescape(m) for m in re.findall(r'(?:href|src)\s*=\s*"([^"]*)"', markup)]


@pytest.mark.parametrize("text", UNSAFE_LINKS + RAW_HTML)
def test_the_rendered_html_holds_no_unsafe_link_and_no_markup_from_the_reply(text: str) -> None:
    markup = MarkdownRenderer().render(f"before {text} after")
    for link in html_links(markup):
        assert not UNSAFE_SCHEME.match(link) or link.startswith("ecovdesk-"), link
    lowered = markup.lower()
    for tag in ("<script", "<iframe", "<object", "<svg", "<style", '<img src="file'):
        assert tag not in lowered
    assert not re.search(r"<[^>]*\son\w+\s*=", lowered)
    if text in RAW_HTML:
        # Shown as the characters it is, not interpreted.
        assert "<img" not in lowered and "&lt;" in markup


def test_hostile_replies_load_nothing_and_open_links_only_on_a_click_for_the_web(
    qtbot: QtBot,
    resource_loads: list[tuple[str, Any]],
    opened: list[str],
    tmp_path: Path,
) -> None:
    picture = tmp_path / "secret.png"
    Image.new("RGB", (400, 400), (200, 0, 0)).save(picture)
    beacon = "http://127.0.0.1:9/beacon.png"
    hostile = [
        *UNSAFE_LINKS,
        *RAW_HTML,
        f"![local]({picture.as_uri()})",
        f"![remote]({beacon})",
        "[safe](https://example.com/page)",
        "<https://example.com/auto>",
    ]
    text = "\n\n".join(hostile)
    bubble = bubble_for(qtbot, text, reasoning=text)
    assert not opened, "rendering alone must open nothing"

    hrefs = [href for view in views(bubble) for href in anchors(view.document())]
    assert "https://example.com/page" in hrefs and "https://example.com/auto" in hrefs
    assert all(not UNSAFE_SCHEME.match(h) or h.startswith("ecovdesk-") for h in hrefs), hrefs
    # Whatever the documents asked for, they were given nothing.
    assert all(result is None for _, result in resource_loads), resource_loads
    for view in views(bubble):
        assert view.document().size().height() < 3000

    for href in [*hrefs, "javascript:alert(1)", "file:///etc/passwd", "mailto:a@b.c"]:
        bubble.body.anchorClicked.emit(QUrl(href))
    web = [h for h in hrefs if h.startswith(("http://", "https://"))]
    assert opened == web
    # The two links, and web addresses written out in the reply's text (shown as text, the
    # raw HTML among them): those open on a click like any link, never by themselves.
    assert {"https://example.com/page", "https://example.com/auto"} <= set(opened)
    assert set(opened) - {"https://example.com/page", "https://example.com/auto"} <= {
        "https://evil.example",
        "http://127.0.0.1:1/beacon.png",
        "http://127.0.0.1:1/beacon.png)",
    }


def test_markup_in_a_prompt_caption_is_shown_as_text_not_drawn(
    qtbot: QtBot, tmp_path: Path
) -> None:
    picture = tmp_path / "secret.png"
    Image.new("RGB", (400, 400), (200, 0, 0)).save(picture)
    tag = f'<img src="{picture.as_uri()}" width="400" height="400">'
    caption = '{"prompt": "' + tag.replace('"', '\\"') + '", "size": "1024x1024"}'
    bubble = bubble_for(qtbot, caption + "\n\n![x](https://cdn.example/a.png)")
    assert bubble.caption.isVisibleTo(bubble)
    assert tag in bubble.caption.text()
    # Drawn as rich text the label would be at least 400 pixels tall.
    assert bubble.caption.sizeHint().height() < 100

    for widget_text in (tag, f"Relay says: {tag}", f"x {tag}"):
        shown = label(widget_text, wrap=True)
        qtbot.addWidget(shown)
        assert shown.sizeHint().height() < 100
        tip = QLabel(plain_tooltip(widget_text))
        qtbot.addWidget(tip)
        # A tooltip is rich text (Qt decides by its first line); escaped, the tag stays text.
        assert tip.sizeHint().height() < 100 and "secret.png" in tip.text()


def test_hostile_words_from_the_relay_in_the_window_stay_text(
    qtbot: QtBot,
    driver: Driver,
    app: RunningApp,
    relay: FakeRelay,
    resource_loads: list[tuple[str, Any]],
    opened: list[str],
) -> None:
    # The fake relay quotes the question in its answer, so the reply carries the payload.
    beacon = f"{relay.media_base_url}/files/beacon.png"
    picture = f"{relay.media_base_url}/files/picture.png"
    payload = (
        f"[x](javascript:alert(1)) <img src={beacon}> ![b]({picture}) "
        "<script>alert(1)</script> [y](file:///etc/passwd)"
    )
    send(qtbot, app, payload)
    bubble = finished_reply(driver, app)
    assert bubble.message.state is MessageState.DONE
    assert "<script>alert(1)</script>" in bubble.body.toPlainText()
    hrefs = [href for view in views(bubble) for href in anchors(view.document())]
    assert not [h for h in hrefs if UNSAFE_SCHEME.match(h) and not h.startswith("ecovdesk-")]
    # The Markdown picture goes the library's way: downloaded once, checked, without the key.
    driver.until(lambda: len(bubble.images.assets) == 1)
    fetched = [r for r in relay.requests if r.path.startswith("/files/")]
    assert [r.path for r in fetched] == ["/files/picture.png"]
    assert not any(r.has_authorization for r in fetched)
    assert all(result is None for _, result in resource_loads)
    assert not opened


def _time_bubble(qtbot: QtBot, content: str) -> tuple[MessageBubble, float]:
    started = time.perf_counter()
    bubble = bubble_for(qtbot, content)
    QApplication.processEvents()
    return bubble, time.perf_counter() - started


MILLION_LINES = "".join(f"value_{i} = compute({i}) * 2  # step {i}\n" for i in range(30_000))


def test_a_million_character_code_block_renders_fast_and_copies_whole(qtbot: QtBot) -> None:
    code = (MILLION_LINES * 2)[:1_000_000].rstrip("\n")
    content = f"Here it is:\n\n```python\n{code}\n```\n\nThat was all."
    MarkdownRenderer().render(content)  # the parser and lexers load once per process
    started = time.perf_counter()
    MarkdownRenderer().render(content)
    render_seconds = time.perf_counter() - started
    bubble, shown_seconds = _time_bubble(qtbot, content)
    assert render_seconds < 0.2, f"rendering took {render_seconds:.3f} s"
    # Parsing the reply, rendering and Qt's layout together; it took 9 s before.
    assert shown_seconds < 0.6, f"showing took {shown_seconds:.3f} s"

    shown = bubble.body.toPlainText()
    assert "Copy code copies all of it" in shown and "only its beginning is shown" in shown
    assert len(shown) < 30_000
    assert bubble._renderer.code_blocks == [code]
    bubble._link_clicked(QUrl("ecovdesk-copy:0"))
    assert QGuiApplication.clipboard().text() == code
    bubble.copy_button.click()
    assert QGuiApplication.clipboard().text() == content


@pytest.mark.parametrize(
    "content",
    [
        pytest.param("a" * 1_000_000, id="one-enormous-line"),
        pytest.param("word " * 200_000, id="a-million-character-paragraph"),
        pytest.param("".join("  " * i + "- item\n" for i in range(400)), id="nested-list"),
        pytest.param(">" * 5000 + " deep", id="nested-quote"),
        pytest.param("".join(">" * i + " x\n" for i in range(300)), id="quote-ladder"),
        pytest.param("[" * 300_000 + "x" + "]" * 300_000, id="brackets"),
        pytest.param("*a" * 300_000, id="emphasis"),
        pytest.param("|a|b|\n|-|-|\n" + "|x|y|\n" * 100_000, id="huge-table"),
        pytest.param("`" * 200_000, id="backticks"),
        pytest.param("\u202e" * 10_000 + "\u0000" * 10_000 + "🙂" * 100_000, id="odd-chars"),
    ],
)
def test_huge_or_deep_replies_do_not_freeze_the_window(qtbot: QtBot, content: str) -> None:
    bubble, seconds = _time_bubble(qtbot, content)
    assert seconds < 1.5, f"showing took {seconds:.3f} s"
    if shown_part(content, complete=False)[0] != content:
        assert "only its beginning is shown" in bubble.body.toPlainText()
        started = time.perf_counter()
        bubble._link_clicked(QUrl("ecovdesk-show-all:"))
        viewer = bubble.long_text_viewer
        assert viewer is not None
        qtbot.addWidget(viewer)
        QApplication.processEvents()
        assert time.perf_counter() - started < 1.5
        assert viewer.view.toPlainText() == bubble._parsed.answer
        viewer.copy_button.click()
        assert QGuiApplication.clipboard().text() == bubble._parsed.answer
    bubble.copy_button.click()
    assert QGuiApplication.clipboard().text() == bubble._parsed.answer
