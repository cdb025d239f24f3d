"""Reads what chat models embed in their text: thinking, search sources, citations, pictures.

The reverse-engineered models have no structured fields for these, so each vendor's
markers are recognised here and the reply is split into parts the UI shows separately.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field

from ecovdesk.core.code_runs import Run, in_prose, joined, prose_and_code

# (opening marker, closing markers) as the vendors write them. A reply is whatever the relay
# sends, so every pattern here must stay linear in its length: a leading "\n*" may only start
# where a run of line breaks starts, or a reply of many blank lines would take minutes.
_THINKING_MARKERS: tuple[tuple[re.Pattern[str], re.Pattern[str]], ...] = (
    (re.compile(r"^\s*\[思考开始\]\n?"), re.compile(r"(?<!\n)\n*\[思考结束\]\n?")),
    (re.compile(r"^\s*开始思考\n"), re.compile(r"(?<!\n)\n*(思考完成|思考结束)\n*")),
    (re.compile(r"^\s*<think>\n?"), re.compile(r"(?<!\n)\n*</think>\n*")),
    (
        re.compile(r"^\s*<details>\s*<summary>思考过程</summary>\s*<pre>"),
        re.compile(r"</pre>\s*</details>\n*"),
    ),
)

_KIMI_SOURCE = re.compile(r"^【检索\s*(\d+)】\s*\[([^\]]*)\]\((https?://[^)\s]+)\)\s*$", re.M)
_SOURCES_HEADER = re.compile(r"(?<!\n)\n*搜索结果来自：\s*$")
# Bounded, since an unbounded lazy title between runs of spaces backtracks without end.
_DEEPSEEK_SOURCE = re.compile(
    r"^检索[ \t]{1,20}(\S.{0,500}?)[ \t]{1,20}-[ \t]{1,20}(https?://\S{1,4000})[ \t]*$", re.M
)
_KIMI_CITE = re.compile(r"【检索\s*(\d+)】")
_METASO_CITE = re.compile(r"\[\[(\d+)\]\]")
_CITATION_TAG = re.compile(r"\[citation:(\d+)\]")

# Link text holds no "[": a reply of many "[" would otherwise be scanned once per bracket.
_LINK = re.compile(r"(!?)\[([^\[\]]*)\]\((https?://[^)\s]+)\)")
_IMAGE_EXT = re.compile(r"\.(webp|png|jpe?g|gif|svg)(\?[^)\s]*)?$", re.I)
_IMAGE_HOSTS = ("filesystem.site/cdn/",)


@dataclass(frozen=True)
class Source:
    number: int
    title: str
    url: str


@dataclass(frozen=True)
class ImageCaption:
    prompt: str
    size: str


@dataclass
class ParsedReply:
    thinking: str = ""
    thinking_open: bool = False
    answer: str = ""
    sources: list[Source] = field(default_factory=list)
    image_urls: list[str] = field(default_factory=list)
    caption: ImageCaption | None = None


def split_thinking(content: str) -> tuple[str, str, bool]:
    """(thinking, answer, still_thinking) for text whose thinking is inline."""
    for opening, closing in _THINKING_MARKERS:
        start = opening.match(content)
        if not start:
            continue
        rest = content[start.end() :]
        end = closing.search(rest)
        if end is None:
            return rest.strip("\n"), "", True
        return rest[: end.start()].strip("\n"), rest[end.end() :], False
    return "", content, False


def _extract_sources(runs: list[Run]) -> tuple[list[Run], list[Source]]:
    sources = [
        Source(int(n), t, u)
        for text, code in runs
        if not code
        for n, t, u in _KIMI_SOURCE.findall(text)
    ]
    runs = in_prose(runs, lambda text: _KIMI_SOURCE.sub("", text))
    found = [
        (title, url)
        for text, code in runs
        if not code
        for title, url in _DEEPSEEK_SOURCE.findall(text)
    ]
    sources += [Source(i, t, u) for i, (t, u) in enumerate(found, start=len(sources) + 1)]
    runs = in_prose(runs, lambda text: _DEEPSEEK_SOURCE.sub("", text))
    if runs and not runs[-1][1]:
        runs[-1] = (_SOURCES_HEADER.sub("", runs[-1][0].rstrip()), False)
    return runs, sources


# Each citation repeats its source's URL, so a reply citing one long URL thousands of times
# would grow by their product; past these bounds a citation stays a plain number.
MAX_LINKED_CITATIONS = 500
MAX_CITED_URL = 2048


def _link_citations(runs: list[Run], sources: list[Source]) -> list[Run]:
    by_number = {s.number: s.url for s in sources if len(s.url) <= MAX_CITED_URL}
    linked = 0

    def replace(match: re.Match[str]) -> str:
        nonlocal linked
        number = int(match.group(1))
        url = by_number.get(number)
        if url is None or linked >= MAX_LINKED_CITATIONS:
            return f"\\[{number}\\]"
        linked += 1
        return f"[\\[{number}\\]]({url})"

    def link(text: str) -> str:
        text = _CITATION_TAG.sub("", text)
        text = _KIMI_CITE.sub(replace, text)
        return _METASO_CITE.sub(replace, text)

    return in_prose(runs, link)


# Each pass that follows the thinking and caption needs one of these to change anything.
# A streaming reply is parsed again on every redraw, and most replies hold none of them; a
# test for them costs about a twentieth of the passes.
_MARKER_TEXTS = ("检索", "搜索结果来自", "[citation:", "[[", "](http", "\n\n\n")


def is_image_url(url: str) -> bool:
    return bool(_IMAGE_EXT.search(url)) or any(h in url for h in _IMAGE_HOSTS)


def _extract_caption(text: str) -> tuple[str, ImageCaption | None]:
    """gpt-4o-all starts a picture reply with a JSON line holding the prompt and size."""
    stripped = text.lstrip()
    if not stripped.startswith("{"):
        return text, None
    line, _, rest = stripped.partition("\n")
    try:
        data = json.loads(line)
    except ValueError:
        return text, None
    if not isinstance(data, dict) or not isinstance(data.get("prompt"), str):
        return text, None
    return rest.lstrip("\n"), ImageCaption(data["prompt"], str(data.get("size", "")))


def image_links(text: str) -> list[str]:
    urls = [m.group(3) for m in _LINK.finditer(text) if m.group(1) or is_image_url(m.group(3))]
    return list(dict.fromkeys(urls))


def parse_reply(content: str, reasoning: str = "", *, streaming: bool = False) -> ParsedReply:
    """Split a reply's raw text into what the conversation pane shows."""
    thinking, answer, open_ = split_thinking(content)
    if reasoning:
        thinking = reasoning + ("\n\n" + thinking if thinking else "")
        open_ = open_ or (streaming and not answer.strip())
    answer, caption = _extract_caption(answer)
    sources: list[Source] = []
    pictures: list[str] = []
    if any(marker in answer for marker in _MARKER_TEXTS):
        answer, sources, pictures = _read_markers(answer)
    else:
        # What _read_markers would leave of a text that holds none of its markers.
        answer = answer.rstrip().strip("\n")
    if not streaming and (caption is not None or pictures):
        answer = _without_progress(answer)
    return ParsedReply(
        thinking=thinking,
        thinking_open=open_ and streaming,
        answer=answer,
        sources=sources,
        image_urls=pictures,
        caption=caption,
    )


# gpt-4o-all reports its progress in quotes before the picture ("> 排队中…", "> 进度 25%..").
# They are worth reading while it draws; once the picture is there they say nothing. Only
# quotes that open a picture reply are read this way, so a quote written on purpose stays.
_PROGRESS_LINE = re.compile(
    r"^>[^\n]{0,12}?(排队|正在生成|生成中|进度|生成完成|queu|generat|progress|\d+\s*%)",
    re.IGNORECASE,
)


def _without_progress(answer: str) -> str:
    lines = answer.split("\n")
    start = 0
    while start < len(lines) and (not lines[start].strip() or _PROGRESS_LINE.match(lines[start])):
        start += 1
    return "\n".join(lines[start:]).strip("\n")


def _read_markers(answer: str) -> tuple[str, list[Source], list[str]]:
    """(answer, sources, pictures): the vendors' markup read out of the prose. Code is left
    as written, since it is shown and copied as the model wrote it."""
    runs, sources = _extract_sources(prose_and_code(answer))
    runs = _link_citations(runs, sources)
    pictures = [url for text, code in runs if not code for url in image_links(text)]
    shown = joined(in_prose(runs, _without_picture_links)).rstrip().strip("\n")
    return shown, sources, list(dict.fromkeys(pictures))


def _without_picture_links(text: str) -> str:
    """The pictures are shown as thumbnails from the library, so their links go."""

    def keep(match: re.Match[str]) -> str:
        return "" if match.group(1) or is_image_url(match.group(3)) else match.group(0)

    return re.sub(r"\n{3,}", "\n\n", _LINK.sub(keep, text))
