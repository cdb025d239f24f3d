"""Chinese in replies, code included, is drawn in Simplified Chinese forms, not Japanese ones."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtGui import QFont, QTextBlock, QTextDocument, QTextFragment, QTextLayout
from PySide6.QtWidgets import QApplication

from ecovdesk.ui.fonts import SIMPLIFIED_CHINESE_MONO, chinese_family, prefer_simplified_chinese
from ecovdesk.ui.markdown_html import MarkdownRenderer
from ecovdesk.ui.rich_text_view import RichTextView

# Drawn differently in Chinese and Japanese fonts.
HAN = "骨直说"


@pytest.fixture
def chinese_font(qapp: QApplication) -> Iterator[str]:
    family = chinese_family()
    if family is None:
        pytest.skip("no Simplified Chinese font installed (Debian: fonts-noto-cjk)")
    before = qapp.font()
    prefer_simplified_chinese(qapp)
    yield family
    qapp.setFont(before)


def _drawn_in(text: str, font: QFont) -> dict[str, int]:
    """How many glyphs of ``text`` each font family draws."""
    layout = QTextLayout(text, font)
    layout.beginLayout()
    layout.createLine().setLineWidth(1000)
    layout.endLayout()
    glyphs: dict[str, int] = {}
    for run in layout.glyphRuns():
        family = run.rawFont().familyName()
        glyphs[family] = glyphs.get(family, 0) + len(run.glyphIndexes())
    return glyphs


def _blocks(document: QTextDocument) -> Iterator[QTextBlock]:
    block = document.begin()
    while block.isValid():
        yield block
        block = block.next()


def _fragments(block: QTextBlock) -> Iterator[QTextFragment]:
    found = block.begin()
    while not found.atEnd():
        yield found.fragment()
        found += 1


def test_han_characters_come_from_the_chinese_font_and_latin_from_the_interface_font(
    chinese_font: str,
) -> None:
    drawn = _drawn_in(f"Copy {HAN}", QApplication.font())
    # The Han characters in the Chinese font, the rest (and the space) in another.
    assert drawn.pop(chinese_font) == len(HAN)
    assert sum(drawn.values()) == len("Copy ")


def test_han_characters_in_code_come_from_a_chinese_font(chinese_font: str) -> None:
    view = RichTextView()
    view.setHtml(MarkdownRenderer().render(f"```python\nx = 1  # {HAN}\n```\n"))
    document: QTextDocument = view.document()
    code = next(
        fragment
        for block in _blocks(document)
        for fragment in _fragments(block)
        if HAN in fragment.text()
    )
    drawn = _drawn_in(code.text(), code.charFormat().font())
    chinese = [family for family in drawn if family in {chinese_font, *SIMPLIFIED_CHINESE_MONO}]
    assert len(chinese) == 1 and drawn.pop(chinese[0]) == len(HAN)
    assert sum(drawn.values()) == len(code.text()) - len(HAN)
