"""Code blocks: coloured as Pygments' style says, and every character of the code shown."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtGui import QTextDocument

from ecovdesk.ui.markdown_html import MarkdownRenderer, highlight

# Rich text needs the application object.
pytestmark = pytest.mark.usefixtures("qapp")

SNIPPET = 'def total(rows: list[int]) -> int:\n    """求和 & <跳过> 负数"""\n    return sum(rows)\n'


def _code(html: str) -> QTextDocument:
    document = QTextDocument()
    # As in a reply: HTML drops one line end right after <pre>.
    document.setHtml(f"<pre>\n{html}</pre>")
    return document


def _plain(html: str) -> str:
    return _code(html).toPlainText()


def _colour_of(html: str, word: str) -> str:
    document = _code(html)  # kept while its cursor is read
    found = document.find(word)
    assert not found.isNull(), word
    return str(found.charFormat().foreground().color().name())


def test_python_keywords_strings_and_names_take_the_styles_colours() -> None:
    from pygments.styles import get_style_by_name
    from pygments.token import Keyword, String

    for dark, name in ((False, "friendly"), (True, "monokai")):
        style = get_style_by_name(name)
        html = highlight(SNIPPET, "python", dark=dark)
        assert _colour_of(html, "def") == "#" + style.style_for_token(Keyword)["color"].lower()
        assert _colour_of(html, "求和") == "#" + style.style_for_token(String.Doc)["color"].lower()
        assert _plain(html).rstrip("\n") == SNIPPET.rstrip("\n")


def test_a_code_block_keeps_its_label_copy_link_and_text_in_the_reply() -> None:
    renderer = MarkdownRenderer()
    document = QTextDocument()
    document.setHtml(renderer.render(f"Before\n\n```python\n{SNIPPET}```\n\nAfter"))
    text = document.toPlainText()
    assert "python" in text and "{copy}" in text
    assert SNIPPET.rstrip("\n") in text
    assert renderer.code_blocks == [SNIPPET.rstrip("\n")]


def test_blank_lines_at_the_start_of_code_are_shown() -> None:
    for language in ("python", ""):
        document = QTextDocument()
        document.setHtml(MarkdownRenderer().render(f"```{language}\n\n\nx = 1\n```"))
        assert "{copy}\n\n\nx = 1" in document.toPlainText()


@settings(max_examples=500, deadline=None)
@given(code=st.text(max_size=300), language=st.sampled_from(["python", "js", "bash", "", "nope"]))
def test_any_code_reads_back_exactly_in_any_language(code: str, language: str) -> None:
    # Qt reads a carriage return, NUL or lone surrogate as something else in any HTML, and a
    # code block's code comes without line ends at its end.
    code = "".join(c for c in code if c not in "\r\0" and not 0xD800 <= ord(c) <= 0xDFFF)
    code = code.rstrip("\n")
    shown = _plain(highlight(code, language, dark=False))
    expected = _plain(highlight(code, "", dark=False))
    assert shown == expected


def test_a_bare_web_address_becomes_a_link_and_nothing_else_does() -> None:
    from ecovdesk.ui.markdown_html import MarkdownRenderer

    html = MarkdownRenderer().render(
        "详见 https://example.com/path?q=中文&x=1 。文件 foo.py，邮箱 a@b.com，"
        "还有 javascript://alert(1) 和 file:///etc/passwd"
    )
    assert '<a href="https://example.com/path?q=%E4%B8%AD%E6%96%87&amp;x=1">' in html
    assert html.count("<a ") == 1  # not foo.py, the address, or the unsafe schemes
