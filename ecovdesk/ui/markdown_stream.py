"""Markdown that grows at its end, rendered a block at a time while a reply streams.

Rendering a whole reply again for every few deltas costs time in proportion to its length,
so a reply of tens of thousands of characters would take longer to show than to arrive and
freeze the window while doing it. Here the text is cut at top-level block boundaries: a
block is finished once the parser has started the next one, and a finished block renders
exactly as it would inside the whole text, so its HTML is made once and kept. Only the block
still being written is rendered on every update.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ecovdesk.ui.markdown_html import COPY_SCHEME, MarkdownRenderer, parser_for

if TYPE_CHECKING:
    from markdown_it.token import Token

# Finished blocks are shown in parts of about this much Markdown, each its own document; a
# part is laid out again whenever a block joins it, so a part stays small.
PART_CHARS = 3000
_COPY_LINK = re.compile(rf'href="{COPY_SCHEME}:(\d+)"')


def normalize(text: str) -> str:
    """Line ends and NULs as the Markdown parser sees them, so that offsets agree with it."""
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\0", "\ufffd")


@dataclass(frozen=True)
class Parsed:
    tokens: list[Token]
    # (index of its first token, offset in the text) for each top-level block.
    heads: list[tuple[int, int]]
    # Link reference definitions apply to the whole text, so such a text is never cut.
    cuttable: bool


def parse(text: str) -> Parsed:
    env: dict[str, Any] = {}
    tokens = parser_for(text).parse(text, env) if text else []
    line_offsets = [0, *(match.end() for match in re.finditer("\n", text))]
    heads = [
        (index, line_offsets[token.map[0]] if token.map[0] < len(line_offsets) else len(text))
        for index, token in enumerate(tokens)
        if token.level == 0 and token.nesting >= 0 and token.map
    ]
    return Parsed(tokens, heads, not env.get("references"))


@dataclass
class StreamUpdate:
    """What changed: blocks finished by this update, and the open block's new HTML."""

    # (HTML, length of its Markdown) for each run of newly finished blocks, in order.
    done: list[tuple[str, int]] = field(default_factory=list)
    open_html: str = ""
    # The text no longer begins with what was finished: the view must drop those blocks.
    restart: bool = False


class MarkdownStream:
    """The blocks of one streaming reply. ``words`` fills in the renderer's placeholders."""

    def __init__(self, *, dark: bool, words: Callable[[str], str]) -> None:
        self._dark = dark
        self._words = words
        self._done_text = ""
        self._done_code: list[str] = []
        self._open_code: list[str] = []
        self._cuttable = True

    @property
    def code_blocks(self) -> list[str]:
        """Every code block so far, numbered as the copy links in the HTML are."""
        return self._done_code + self._open_code

    def update(self, text: str, *, final: bool = False) -> StreamUpdate:
        """Renders what ``text`` added; with ``final`` its last block counts as finished too."""
        text = normalize(text)
        update = StreamUpdate()
        if not _continues(text, self._done_text):
            # Parsing an earlier part again gave different Markdown (a link completed into a
            # picture, say): start over rather than show stale blocks.
            update.restart = True
            self._done_text, self._done_code = "", []
        rest = text[len(self._done_text) :]
        parsed = parse(rest)
        if not parsed.cuttable and self._cuttable:
            self._cuttable = False
            if self._done_text:
                update.restart = True
                self._done_text, self._done_code = "", []
                rest = text
                parsed = parse(rest)
        heads = parsed.heads if self._cuttable else []
        if final and rest:
            heads = [*heads, (len(parsed.tokens), len(rest))]
        last_index, last_offset = heads[-1] if len(heads) >= 2 else (0, 0)
        index, offset = 0, 0
        while offset < last_offset:
            end_index, end = _run_end(heads, offset, last_offset)
            html, code = self._render(parsed.tokens[index:end_index])
            update.done.append((html, end - offset))
            self._done_text += rest[offset:end]
            self._done_code += code
            index, offset = end_index, end
        # The open block is drawn again with every update until it is finished, and colouring
        # a code block that grows costs more each time: its code is coloured once, finished.
        update.open_html, self._open_code = self._render(
            parsed.tokens[last_index:], colour_code=final
        )
        return update

    def _render(
        self, tokens: Sequence[Token], *, colour_code: bool = True
    ) -> tuple[str, list[str]]:
        if not tokens:
            return "", []
        renderer = MarkdownRenderer(dark=self._dark, colour_code=colour_code)
        html = renderer.render_tokens(tokens)
        first = len(self._done_code)
        if first and renderer.code_blocks:
            # Each run numbers its code blocks from zero; the copy links count from the
            # first code block of the whole reply.
            html = _COPY_LINK.sub(lambda m: f'href="{COPY_SCHEME}:{first + int(m[1])}"', html)
        return self._words(html), renderer.code_blocks


def _continues(text: str, done: str) -> bool:
    """Whether ``text`` still begins with the finished blocks ``done``. A reply that grows
    past the length shown ends at the last line end before that length, which may be the
    one that closed the last finished block: losing only line ends changes no block."""
    if text.startswith(done):
        return True
    return done.startswith(text) and not done[len(text) :].strip("\n")


def _run_end(heads: list[tuple[int, int]], offset: int, last: int) -> tuple[int, int]:
    """The next run of finished blocks from ``offset``: as many whole blocks as fit in
    PART_CHARS (at least one), never past ``last``."""
    after = [head for head in heads if offset < head[1] <= last]
    fitting = [head for head in after if head[1] - offset <= PART_CHARS]
    return max(fitting, key=lambda head: head[1]) if fitting else after[0]
