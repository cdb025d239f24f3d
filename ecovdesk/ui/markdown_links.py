"""Web addresses written straight into Chinese text end at the Chinese punctuation after them.

Chinese prose puts no space after an address: "见 https://example.com/doc。然后…". The address
finder reads any non-space character as part of an address, so the link would take in the
full stop and the words after it, and point nowhere. Chinese characters themselves do appear
in addresses as people write them (https://zh.wikipedia.org/wiki/中文), but full-width and
CJK punctuation does not: a found address is cut at the first such mark, and the rest goes
back to being text.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.rules_core import StateCore

# CJK punctuation, full-width forms (，（）：！？), curly quotes, "—" and "…".
_NOT_IN_ADDRESSES = re.compile("[\u2014\u2018-\u201f\u2026\u3000-\u303f\ufe30-\ufe4f\uff00-\uffef]")


def use_cjk_link_ends(md: MarkdownIt) -> None:
    """Cut found addresses at the first CJK punctuation mark; needs linkify enabled."""
    md.core.ruler.after("linkify", "cjk_link_ends", _cut_links)


def _cut_links(state: StateCore) -> None:
    from markdown_it.token import Token

    for block in state.tokens:
        children = block.children
        if block.type != "inline" or not children:
            continue
        index = 0
        while index + 2 < len(children):
            opening, text, closing = children[index : index + 3]
            index += 1
            if not (
                opening.type == "link_open"
                and opening.markup == "linkify"
                and text.type == "text"
                and closing.type == "link_close"
            ):
                continue
            found = _NOT_IN_ADDRESSES.search(text.content)
            if found is None or found.start() == 0:
                continue
            address, rest = text.content[: found.start()], text.content[found.start() :]
            href = state.md.normalizeLink(address)
            if not state.md.validateLink(href):
                continue
            opening.attrSet("href", href)
            text.content = address
            after = Token("text", "", 0)
            after.content = rest
            children.insert(index + 2, after)
