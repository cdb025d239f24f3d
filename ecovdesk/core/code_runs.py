"""A reply cut into runs of prose and of code, so that what rewrites prose leaves code alone.

Citation markers, source lists and picture links are vendor markup in prose; inside a code
block the same characters are code (``arr[[1]]``, a URL in a script, blank lines that matter),
and changing them would show and copy code that is not what the model wrote. The fences are
found as a Markdown parser finds them, except that a fence may be indented any amount, since
models put code blocks inside list items of every depth; a fence left open runs to the end, as
it does while the reply streams.
"""

from __future__ import annotations

import re
from collections.abc import Callable

# (text, is_code)
Run = tuple[str, bool]

_FENCE = re.compile(r"[ \t]*(`{3,}|~{3,})(.*)")
# Inline code: a run of one or two backticks, closed by a run as long, on the same line. Every
# match attempt stops at the next run like its own, so a reply of many backticks stays linear.
_INLINE = re.compile(r"(?<!`)``(?!`)(?:[^`\n]|`(?!`))+``(?!`)|(?<!`)`(?!`)[^`\n]+`(?!`)")


def prose_and_code(text: str) -> list[Run]:
    """``text`` as consecutive runs; joined, the runs give ``text`` back."""
    runs: list[Run] = []
    prose: list[str] = []
    code: list[str] = []
    marker = ""
    for line in text.splitlines(keepends=True):
        found = _FENCE.fullmatch(line.rstrip("\r\n"))
        if not marker:
            if found and not (found[1][0] == "`" and "`" in found[2]):
                marker = found[1]
                runs += _inline_runs("".join(prose))
                prose, code = [], [line]
            else:
                prose.append(line)
            continue
        code.append(line)
        if (
            found
            and found[1][0] == marker[0]
            and len(found[1]) >= len(marker)
            and not found[2].strip()
        ):
            runs.append(("".join(code), True))
            code, marker = [], ""
    runs += _inline_runs("".join(prose))
    if code:
        runs.append(("".join(code), True))
    return [run for run in runs if run[0]]


def _inline_runs(text: str) -> list[Run]:
    runs: list[Run] = []
    start = 0
    for match in _INLINE.finditer(text):
        runs.append((text[start : match.start()], False))
        runs.append((match[0], True))
        start = match.end()
    runs.append((text[start:], False))
    return runs


def in_prose(runs: list[Run], change: Callable[[str], str]) -> list[Run]:
    """``runs`` with ``change`` applied to each run of prose."""
    return [(text, True) if code else (change(text), False) for text, code in runs]


def joined(runs: list[Run]) -> str:
    return "".join(text for text, _ in runs)
