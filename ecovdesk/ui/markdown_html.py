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


@lru_cache(maxsize=2)
def markdown_parser(links: bool = False) -> MarkdownIt:
    """The parser; with ``links``, bare web addresses in the text become links too."""
    # Imported on first use: markdown-it and Pygments are not needed to show the window.
    from markdown_it import MarkdownIt

    from ecovdesk.ui.markdown_links import use_cjk_link_ends
    from ecovdesk.ui.markdown_math import use_math

    md = MarkdownIt("commonmark", {"html": False, "linkify": links, "breaks": True})
    md.enable("table")
    md.enable("strikethrough")
    use_math(md)
    if links and md.linkify is not None:
        md.enable("linkify")
        use_cjk_link_ends(md)
        # Only what is plainly an address: "foo.py" or "a@b.c" in prose stay words.
        md.linkify.set({"fuzzy_link": False, "fuzzy_email": False, "fuzzy_ip": False})
    md.validateLink = _is_safe_link  # type: ignore[method-assign]
    return md


def parser_for(text: str) -> MarkdownIt:
    """Looking for addresses costs a pass over every word; text without "://" skips it."""
    return markdown_parser(links="://" in text)


def _is_safe_link(url: str) -> bool:
    return url.lower().startswith(SAFE_SCHEMES) or url.startswith("#")


def highlight(code: str, language: str, *, dark: bool) -> str:
    """``code`` as HTML coloured by Pygments' lexer and style.

    The HTML is written here rather than by Pygments' own formatter, which puts every colour
    in a CSS ``style`` attribute: Qt's rich text reads ``<font>``, ``<b>`` and ``<i>`` much
    faster, and a long reply's code is read again each time a part of it is shown.
    """
    if len(code) > MAX_HIGHLIGHT_CHARS:
        return html.escape(code, quote=False)
    lexer = _lexer(language.lower()) if language else None
    if lexer is None:
        return html.escape(code, quote=False)
    tokens = list(lexer.get_tokens(code))
    if tokens and not code.endswith("\n") and tokens[-1][1].endswith("\n"):
        # The lexer ends what it reads with a line end; shown, it would be an empty line.
        tokens[-1] = (tokens[-1][0], tokens[-1][1][:-1])
    parts: list[str] = []
    shown: tuple[str, str] = ("", "")
    for kind, value in tokens:
        if not value:
            continue
        if value.isspace():
            # Spaces look the same in any colour: left in the run around them, they do not
            # cut it in two, and each run is a fragment for Qt to lay out.
            parts.append(value)
            continue
        wanted = _TAGS.get((dark, kind))
        if wanted is None:
            wanted = _TAGS[dark, kind] = _tags_for(kind, dark)
        if wanted != shown:
            parts.append(shown[1])
            parts.append(wanted[0])
            shown = wanted
        parts.append(html.escape(value, quote=False))
    parts.append(shown[1])
    return "".join(parts)


# The opening and closing tags of each (theme, token kind) met so far.
_TAGS: dict[tuple[bool, Any], tuple[str, str]] = {}


def _tags_for(kind: Any, dark: bool) -> tuple[str, str]:
    style = _style(dark).style_for_token(kind)
    opening, closing = "", ""
    if style["color"]:
        opening, closing = f'<font color="#{style["color"]}">', "</font>"
    if style["bold"]:
        opening, closing = opening + "<b>", "</b>" + closing
    if style["italic"]:
        opening, closing = opening + "<i>", "</i>" + closing
    return opening, closing


@lru_cache(maxsize=2)
def _style(dark: bool) -> Any:
    # Imported on first use, like the parser.
    from pygments.styles import get_style_by_name

    return get_style_by_name("monokai" if dark else "friendly")


@lru_cache(maxsize=64)
def _lexer(language: str) -> Any:
    # Looking a lexer up by name searches Pygments' whole registry; replies name few languages.
    from pygments.lexers import get_lexer_by_name
    from pygments.util import ClassNotFound

    try:
        # Blank lines at either end of the code are shown as written.
        return get_lexer_by_name(language, stripnl=False)
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

    def __init__(self, *, dark: bool = False, colour_code: bool = True) -> None:
        self.dark = dark
        self.colour_code = colour_code
        self.code_blocks: list[str] = []

    def render(self, text: str, *, complete: bool = False) -> str:
        text, hidden = shown_part(text, complete=complete)
        return self.render_tokens(parser_for(text).parse(text)) + hidden

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
            shortened = '<p><i><font color="#8b949e">{shortened}</font></i></p>'
        body = (
            highlight(code, language, dark=self.dark)
            if self.colour_code
            else html.escape(code, quote=False)
        )
        background = "#272822" if self.dark else "#f6f8fa"
        foreground = "#f8f8f2" if self.dark else "#24292f"
        label = html.escape(language or "code")
        # One cell for the label and the code: Qt lays out every table cell as a frame of its
        # own, and a reply may hold dozens of code blocks.
        return (
            f'<table width="100%" cellspacing="0" cellpadding="8" '
            f'style="background-color:{background}; margin-top:4px; margin-bottom:4px;">'
            f'<tr><td><p style="margin-bottom:8px;"><font color="#8b949e">{label}</font>'
            f'&nbsp;&nbsp;<a href="{COPY_SCHEME}:{number}">{{copy}}</a></p>'
            # A line end right after <pre> is dropped by HTML, so one goes before the code: a
            # blank first line of the code stays.
            f'<pre style="color:{foreground}; white-space:pre-wrap;">\n{body}</pre>'
            f"{shortened}</td></tr></table>"
        )
