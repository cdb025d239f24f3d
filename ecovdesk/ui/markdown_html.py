"""Markdown to the HTML subset Qt's rich text understands, with highlighted code blocks.

Raw HTML in replies is never passed through: it is shown as text, so a reply cannot load
local files or remote images behind the user's back.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from functools import lru_cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.token import Token

COPY_SCHEME = "ecovdesk-copy"
SHOW_ALL_SCHEME = "ecovdesk-show-all"
# Only web links are made clickable: the rest (mailto:, file:, custom schemes) would hand a
# reply's words to another program.
SAFE_SCHEMES = ("http://", "https://")
# Parsing costs up to ~10 µs a character for hostile Markdown, and Qt needs seconds to lay out
# a million characters of code, so a very long reply shows its beginning until the user asks
# for all of it; a code block shows a part, while Copy code still copies every character.
MAX_RENDER_CHARS = 50_000
# Markup characters cost the parser, and the tags they make cost Qt's layout, far more than
# prose: a reply that is mostly "*", "[" or "|" shows this many of them at most.
MAX_RENDER_MARKUP = 8_000
_MARKUP = re.compile(r"[*_\[\]`<>|~!\\]")
MAX_CODE_SHOWN_CHARS = 20_000
# Highlighted HTML is about eight times the size of the code and Pygments is slow past this.
MAX_HIGHLIGHT_CHARS = 10_000


@lru_cache(maxsize=1)
def markdown_parser() -> MarkdownIt:
    # Imported on first use: markdown-it and Pygments are not needed to show the window.
    from markdown_it import MarkdownIt

    md = MarkdownIt("commonmark", {"html": False, "linkify": False, "breaks": True})
    md.enable("table")
    md.enable("strikethrough")
    md.validateLink = _is_safe_link  # type: ignore[method-assign]
    return md


def _is_safe_link(url: str) -> bool:
    return url.lower().startswith(SAFE_SCHEMES) or url.startswith("#")


@lru_cache(maxsize=2)
def _formatter(dark: bool) -> Any:
    from pygments.formatters import HtmlFormatter

    style = "monokai" if dark else "friendly"
    return HtmlFormatter(noclasses=True, nowrap=True, style=style)


def highlight(code: str, language: str, *, dark: bool) -> str:
    if len(code) > MAX_HIGHLIGHT_CHARS:
        return html.escape(code)
    from pygments import highlight as pyg_highlight

    lexer = _lexer(language.lower()) if language else None
    if lexer is None:
        return html.escape(code)
    return str(pyg_highlight(code, lexer, _formatter(dark)))


@lru_cache(maxsize=64)
def _lexer(language: str) -> Any:
    # Looking a lexer up by name searches Pygments' whole registry; replies name few languages.
    from pygments.lexers import get_lexer_by_name
    from pygments.util import ClassNotFound

    try:
        return get_lexer_by_name(language)
    except ClassNotFound:
        return None


def _beginning(text: str, limit: int) -> str:
    """At most ``limit`` characters of ``text``, ending with a whole line where one fits."""
    end = text.rfind("\n", limit // 2, limit)
    return text[: end if end > 0 else limit]


_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})(.*)$")


def _open_fence(text: str) -> str | None:
    """The marker of a top-level fenced code block still open at the end of ``text``."""
    marker: str | None = None
    for line in text.split("\n"):
        found = _FENCE.match(line)
        if found is None:
            continue
        fence, rest = found.groups()
        if marker is None:
            # An info string after backticks may not hold a backtick (CommonMark).
            if not (fence[0] == "`" and "`" in rest):
                marker = fence
        elif fence[0] == marker[0] and len(fence) >= len(marker) and not rest.strip():
            marker = None
    return marker


def shown_part(text: str, *, complete: bool) -> tuple[str, str]:
    """The part of ``text`` to render, and the HTML that says what was left out, if anything."""
    if complete or (
        len(text) <= MAX_RENDER_CHARS and len(_MARKUP.findall(text)) <= MAX_RENDER_MARKUP
    ):
        return text, ""
    shown = _beginning(text, MAX_RENDER_CHARS)
    for count, found in enumerate(_MARKUP.finditer(shown)):
        if count == MAX_RENDER_MARKUP:
            shown = _beginning(shown, found.start())
            break
    marker = _open_fence(shown)
    if marker is not None:
        # A code block cut in two would copy only its first part, so it is kept whole: it
        # shows a part of itself anyway, and a fence costs the parser little.
        close = re.compile(rf"^ {{0,3}}{re.escape(marker[0])}{{{len(marker)},}}[ \t]*$", re.M)
        end = close.search(text, len(shown))
        shown = text[: end.end() if end else len(text)]
    if len(shown) == len(text):
        return text, ""
    note = f'<p><i>{{more}}</i>&nbsp;&nbsp;<a href="{SHOW_ALL_SCHEME}:">{{show_all}}</a></p>'
    return shown, note


class MarkdownRenderer:
    """Renders one message; remembers its code blocks so the copy links can find them.

    The HTML holds placeholders for the caller's translated words: ``{copy}`` (the copy link of
    a code block), ``{shortened}`` (a code block shown in part) and ``{more}`` / ``{show_all}``
    (the end of a reply shown in part, with the link that shows it all).
    """

    def __init__(self, *, dark: bool = False) -> None:
        self.dark = dark
        self.code_blocks: list[str] = []

    def render(self, text: str, *, complete: bool = False) -> str:
        text, hidden = shown_part(text, complete=complete)
        return self.render_tokens(markdown_parser().parse(text)) + hidden

    def render_tokens(self, tokens: Sequence[Token]) -> str:
        """HTML for tokens the parser made; the code blocks are numbered from zero."""
        self.code_blocks = []
        parser = markdown_parser()
        parts: list[str] = []
        plain = 0
        for index, token in enumerate(tokens):
            if token.type in ("fence", "code_block"):
                special = self._code_block(token.content, token.info.strip())
            elif token.type == "table_open":
                special = '<table border="1" cellspacing="0" cellpadding="6" width="100%">'
            else:
                continue
            # Runs of ordinary tokens go to markdown-it in one call rather than one by one.
            if plain < index:
                parts.append(parser.renderer.render(tokens[plain:index], parser.options, {}))
            parts.append(special)
            plain = index + 1
        if plain < len(tokens):
            parts.append(parser.renderer.render(tokens[plain:], parser.options, {}))
        return "".join(parts)

    def _code_block(self, code: str, info: str) -> str:
        language = info.split()[0] if info else ""
        number = len(self.code_blocks)
        code = code.rstrip("\n")
        self.code_blocks.append(code)
        shortened = ""
        if len(code) > MAX_CODE_SHOWN_CHARS:
            code = _beginning(code, MAX_CODE_SHOWN_CHARS)
            shortened = '<tr><td><i style="color:#8b949e;">{shortened}</i></td></tr>'
        body = highlight(code, language, dark=self.dark)
        background = "#272822" if self.dark else "#f6f8fa"
        foreground = "#f8f8f2" if self.dark else "#24292f"
        label = html.escape(language or "code")
        return (
            f'<table width="100%" cellspacing="0" cellpadding="8" '
            f'style="background-color:{background}; margin-top:4px; margin-bottom:4px;">'
            f'<tr><td><span style="color:#8b949e;">{label}</span>'
            f'&nbsp;&nbsp;<a href="{COPY_SCHEME}:{number}">{{copy}}</a></td></tr>'
            f'<tr><td><pre style="color:{foreground}; white-space:pre-wrap;">{body}</pre>'
            f"</td></tr>{shortened}</table>"
        )
