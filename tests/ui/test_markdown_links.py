"""Addresses written straight into Chinese text link to the address alone."""

from __future__ import annotations

import pytest

from ecovdesk.ui.markdown_html import MarkdownRenderer


def _html(text: str) -> str:
    return MarkdownRenderer(dark=False).render(text, complete=True)


@pytest.mark.parametrize(
    ("text", "address", "after"),
    [
        ("见 https://example.com/doc。后面的文字", "https://example.com/doc", "。后面的文字"),
        ("请看 https://example.com/p…」的回答", "https://example.com/p", "…」的回答"),
        ("地址是https://example.com/a?q=1，然后", "https://example.com/a?q=1", "，然后"),
        ("下载：https://example.com/x.zip（约 3 MB）", "https://example.com/x.zip", "（约 3 MB）"),
    ],
)
def test_an_address_ends_where_the_chinese_begins(text: str, address: str, after: str) -> None:
    html = _html(text)
    assert f'<a href="{address}">{address}</a>{after}' in html


def test_chinese_characters_inside_an_address_stay_in_it() -> None:
    html = _html("百科：https://zh.wikipedia.org/wiki/中文，很全")
    assert '<a href="https://zh.wikipedia.org/wiki/%E4%B8%AD%E6%96%87">' in html
    assert "</a>，很全" in html


def test_written_links_and_addresses_among_english_are_unchanged() -> None:
    assert '<a href="https://example.com/%E6%96%87%E6%A1%A3">文档</a>' in _html(
        "[文档](https://example.com/文档)"
    )
    assert '<a href="https://example.com/a/b">https://example.com/a/b</a> then' in _html(
        "see https://example.com/a/b then"
    )
