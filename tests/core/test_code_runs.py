from hypothesis import given, settings
from hypothesis import strategies as st

from ecovdesk.core.code_runs import joined, prose_and_code


def _code(text: str) -> list[str]:
    return [run for run, code in prose_and_code(text) if code]


def test_fenced_blocks_and_inline_code_are_code() -> None:
    text = "先看 `a[0]` 和 ``b`c``：\n\n~~~\nx\n```\ny\n~~~\n之后是文字\n"
    assert _code(text) == ["`a[0]`", "``b`c``", "~~~\nx\n```\ny\n~~~\n"]


def test_a_closing_fence_must_be_as_long_and_bare() -> None:
    text = "````md\n```\ninner\n```\n```` still\n````\nafter\n"
    assert _code(text) == ["````md\n```\ninner\n```\n```` still\n````\n"]


def test_an_indented_fence_in_a_list_item_is_code() -> None:
    text = "1. 安装：\n\n        ```bash\n        pip install x\n        ```\n2. 完成\n"
    assert _code(text) == ["        ```bash\n        pip install x\n        ```\n"]


def test_backticks_without_a_closing_run_as_long_are_prose() -> None:
    # Not a fence (its info holds a backtick), and no run of three closes the first.
    assert _code("``` a`b\ntext\n") == []
    assert _code("a ``` b ` c `` d") == []


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(["a", "`", "```", "~~~", "\n", " ", "[[1]]", "\r\n"])).map("".join))
def test_the_runs_put_together_are_the_text(text: str) -> None:
    assert joined(prose_and_code(text)) == text
