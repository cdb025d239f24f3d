"""Formulas in replies are shown as written, not read as Markdown; money stays text."""

from __future__ import annotations

from PySide6.QtGui import QTextDocument

from ecovdesk.ui.markdown_html import MarkdownRenderer
from ecovdesk.ui.markdown_math import MAX_NESTING, readable
from ecovdesk.ui.markdown_stream import MarkdownStream

# The way deepseek and 通义千问 write a worked answer.
ANSWER = r"""解：设 $a_1 + b_1 = 2$，且 \(\alpha \leq \beta\)。

由等差数列求和公式：

\[
\sum_{i=1}^{n} a_i = \frac{n(a_1 + a_n)}{2}
\]

所以 $$S_n = n^2$$，门票 $5 和 $10 不变。
"""


def _shown(html: str) -> str:
    document = QTextDocument()
    document.setHtml(html)
    return document.toPlainText()


def test_formulas_are_not_read_as_markdown() -> None:
    html = MarkdownRenderer().render(ANSWER)
    # Markdown alone read "_1 + b_" as emphasis and dropped the backslash of "\[".
    assert "<em>" not in html
    text = _shown(html)
    assert "\\[" not in text and "$$" not in text and "\\(" not in text


def test_a_formula_is_written_out_with_raised_and_lowered_scripts() -> None:
    html = MarkdownRenderer().render(ANSWER)
    assert "a<sub>1</sub> + b<sub>1</sub> = 2" in html
    assert (
        "∑<sub>i=1</sub><sup>n</sup> a<sub>i</sub> = (n(a<sub>1</sub> + a<sub>n</sub>))/2" in html
    )
    assert "S<sub>n</sub> = n<sup>2</sup>" in html
    # Qt shows them lowered and raised, not as tags.
    assert "∑i=1n ai = (n(a1 + an))/2" in _shown(html)


def test_symbol_commands_show_as_symbols_and_others_as_written() -> None:
    text = _shown(MarkdownRenderer().render(r"$\alpha \leq \beta \times \infty$ 与 $\foo{x}$"))
    assert "α ≤ β × ∞" in text
    assert "\\foo{x}" in text


def test_fractions_roots_and_words_read_as_typed_by_hand() -> None:
    html = MarkdownRenderer().render(
        r"$\frac{a+b}{c} + \frac{x^{2}}{y} + \sqrt{x^2 + y^2} + \sqrt{2}$，"
        r"$v = 60\,\text{公里}/\text{小时}$"
    )
    assert "(a+b)/c + x<sup>2</sup>/y + √(x<sup>2</sup> + y<sup>2</sup>) + √2" in html
    assert "v = 60 公里/小时" in html


def test_money_is_not_a_formula() -> None:
    for line in ("门票 $5 和 $10 不变", "it costs $5, or $6 in total", "$ x $ is not one"):
        assert _shown(MarkdownRenderer().render(line)).strip() == line


def test_a_display_formula_is_a_centred_block_of_its_own() -> None:
    html = MarkdownRenderer().render(ANSWER)
    assert '<p align="center"><font face="serif"><i>∑<sub>i=1</sub>' in html


def test_a_streamed_formula_renders_as_in_the_whole_reply() -> None:
    stream = MarkdownStream(dark=False, words=lambda html: html)
    done: list[str] = []
    for end in range(1, len(ANSWER) + 1, 7):
        done += [html for html, _ in stream.update(ANSWER[:end]).done]
    update = stream.update(ANSWER, final=True)
    done += [html for html, _ in update.done]
    assert "".join(done) + update.open_html == MarkdownRenderer().render(ANSWER, complete=True)


def test_deeply_nested_scripts_keep_their_outer_levels_as_written() -> None:
    # A hostile reply nests thousands deep; each level would cost a pass over all of it.
    formula = "a^{" * 2000 + "x" + "}" * 2000
    shown = readable(formula)
    assert shown.startswith("a^{a^{") and shown.count("<sup>") == MAX_NESTING
