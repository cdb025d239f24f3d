"""Formulas in replies: ``$…$``, ``$$…$$``, ``\\(…\\)`` and ``\\[…\\]``.

Models write mathematics in LaTeX. Left to Markdown, a formula is mangled: ``a_1 + b_1``
turns into emphasis and ``\\[`` loses its backslash. Here formulas are taken out whole
(mdit-py-plugins) and written out in a line the way one would type them by hand, in a
formula's italic serif: subscripts and superscripts raised and lowered, ``\\frac{a}{b}`` as
``a/b`` (bracketed where a side has several terms), ``\\sqrt{x}`` as ``√x`` and the commonest
symbol commands (Greek letters, relations, operators, arrows) as the symbols they name.
Anything else stays as written: nothing is guessed or dropped. A dollar sign that is only
money stays text: a formula's ``$`` must touch its content and the closing one may not be
followed by a digit (``$5 and $10``).
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.token import Token

SYMBOLS = {
    # Greek
    "alpha": "α", "beta": "β", "gamma": "γ", "delta": "δ", "epsilon": "ε", "varepsilon": "ε",
    "zeta": "ζ", "eta": "η", "theta": "θ", "vartheta": "ϑ", "iota": "ι", "kappa": "κ",
    "lambda": "λ", "mu": "μ", "nu": "ν", "xi": "ξ", "pi": "π", "rho": "ρ", "sigma": "σ",
    "tau": "τ", "upsilon": "υ", "phi": "φ", "varphi": "φ", "chi": "χ", "psi": "ψ",
    "omega": "ω", "Gamma": "Γ", "Delta": "Δ", "Theta": "Θ", "Lambda": "Λ", "Xi": "Ξ",
    "Pi": "Π", "Sigma": "Σ", "Phi": "Φ", "Psi": "Ψ", "Omega": "Ω",
    # operators and relations
    "times": "×", "cdot": "·", "div": "÷", "pm": "±", "mp": "∓", "leq": "≤", "le": "≤",
    "geq": "≥", "ge": "≥", "neq": "≠", "ne": "≠", "approx": "≈", "equiv": "≡", "sim": "∼",
    "propto": "∝", "infty": "∞", "partial": "∂", "nabla": "∇", "sum": "∑", "prod": "∏",
    "int": "∫", "oint": "∮", "sqrt": "√", "in": "∈", "notin": "∉", "subset": "⊂",
    "subseteq": "⊆", "supset": "⊃", "supseteq": "⊇", "cup": "∪", "cap": "∩",
    "emptyset": "∅", "forall": "∀", "exists": "∃", "neg": "¬", "land": "∧", "lor": "∨",
    "angle": "∠", "perp": "⊥", "parallel": "∥", "circ": "∘", "ldots": "…", "cdots": "⋯",
    # arrows
    "to": "→", "rightarrow": "→", "leftarrow": "←", "leftrightarrow": "↔",
    "Rightarrow": "⇒", "Leftarrow": "⇐", "Leftrightarrow": "⇔", "implies": "⟹", "iff": "⟺",
    "mapsto": "↦",
}  # fmt: skip
# Commands that only space or size things, and those that set plain words in a formula.
SPACING = {"left": "", "right": "", "quad": "\u2003", "qquad": "\u2003\u2003"}
_WORDS = re.compile(r"\\(?:text|mathrm|operatorname|mathbf|mathit)\{([^{}]*)\}")
_SPACES = re.compile(r"\\[,;:! ]")
_COMMAND = re.compile(r"\\([A-Za-z]+)")
# Each level of nesting costs a pass over the formula; real formulas nest a few levels, and
# deeper ones (a hostile reply) keep their outer levels as written.
MAX_NESTING = 8
# Innermost groups first: what one step rewrites leaves no braces, so the next step can take
# the group around it.
_SCRIPT = re.compile(r"([_^])(?:\{([^{}]*)\}|([^\s{}\\<>&]))")
_FRACTION = re.compile(r"\\[dt]?frac\{([^{}]*)\}\{([^{}]*)\}")
_ROOT = re.compile(r"√\{([^{}]*)\}")
_SEVERAL_TERMS = re.compile(r"[\s+\-−±=/]")
_TAG = re.compile(r"<[^>]*>")
_FONT = '<font face="serif">'


def use_math(md: MarkdownIt) -> None:
    """Teaches ``md`` the four kinds of formula and how to show them."""
    from mdit_py_plugins.dollarmath import dollarmath_plugin
    from mdit_py_plugins.texmath import texmath_plugin

    md.use(dollarmath_plugin, allow_space=False, allow_digits=False, double_inline=True)
    md.use(texmath_plugin, delimiters="brackets")
    for name in ("math_inline", "math_inline_double"):
        md.add_render_rule(name, _inline)
    for name in ("math_block", "math_block_label", "math_block_eqno"):
        md.add_render_rule(name, _block)


def readable(latex: str) -> str:
    """``latex`` written out in one line of Qt rich text (see the module's description)."""
    text = _WORDS.sub(lambda m: m[1], latex.strip())
    text = _SPACES.sub(" ", text)
    text = _COMMAND.sub(lambda m: SYMBOLS.get(m[1], SPACING.get(m[1], m[0])), text)
    text = html.escape(text, quote=False)
    for _ in range(MAX_NESTING):
        step = _SCRIPT.sub(_script, text)
        step = _FRACTION.sub(lambda m: f"{_bracketed(m[1])}/{_bracketed(m[2])}", step)
        step = _ROOT.sub(lambda m: f"√{_bracketed(m[1])}", step)
        if step == text:
            break
        text = step
    return text


def _script(match: re.Match[str]) -> str:
    tag = "sub" if match[1] == "_" else "sup"
    return f"<{tag}>{match[2] if match[2] is not None else match[3]}</{tag}>"


def _bracketed(part: str) -> str:
    return f"({part})" if _SEVERAL_TERMS.search(_TAG.sub("", part)) else part


def _inline(_renderer: Any, tokens: Sequence[Token], index: int, *_: Any) -> str:
    return f"{_FONT}<i>{readable(tokens[index].content)}</i></font>"


def _block(_renderer: Any, tokens: Sequence[Token], index: int, *_: Any) -> str:
    lines = "<br>".join(readable(line) for line in tokens[index].content.strip().splitlines())
    return f'<p align="center">{_FONT}<i>{lines}</i></font></p>\n'
