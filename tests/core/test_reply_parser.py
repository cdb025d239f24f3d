import json
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from ecovdesk.core.reply_parser import (
    Source,
    _extract_caption,
    _read_markers,
    image_links,
    parse_reply,
    split_thinking,
)
from tests.fakerelay.chat_text import gpt4o_image_content

EXAMPLES = Path(__file__).resolve().parent.parent / "fixtures" / "examples"


def _content(name: str) -> str:
    data = json.loads((EXAMPLES / name).read_text("utf-8"))
    return str(data["choices"][0]["message"]["content"])


def _streamed_content(name: str) -> str:
    text = []
    for line in (EXAMPLES / name).read_text("utf-8").splitlines():
        if line.startswith("data: {"):
            delta = json.loads(line[6:])["choices"]
            if delta:
                text.append(delta[0]["delta"].get("content") or "")
    return "".join(text)


def test_deepseek_thinking_markers_are_folded_out_of_the_answer() -> None:
    parsed = parse_reply(_streamed_content("chat_stream_deepseek_think.txt"))
    assert parsed.thinking == "用户问 9.11 和 9.8 哪个大，比较小数部分即可。"
    assert parsed.answer.strip() == "9.8 比 9.11 大。"
    assert "思考" not in parsed.answer


def test_thinking_still_open_while_streaming() -> None:
    thinking, answer, still = split_thinking("[思考开始]\n正在比较两个数")
    assert (thinking, answer, still) == ("正在比较两个数", "", True)
    parsed = parse_reply("[思考开始]\n正在比较两个数", streaming=True)
    assert parsed.thinking_open and parsed.answer == ""


def test_kimi_thinking_markers() -> None:
    parsed = parse_reply("开始思考\n先想一想\n思考完成\n\n答案是 42")
    assert parsed.thinking == "先想一想"
    assert parsed.answer == "答案是 42"


def test_reasoning_field_goes_to_thinking_not_answer() -> None:
    parsed = parse_reply("9.8 更大", "比较小数部分")
    assert parsed.thinking == "比较小数部分"
    assert parsed.answer == "9.8 更大"


def test_kimi_search_results_become_sources_not_answer_text() -> None:
    parsed = parse_reply(_content("chat_completion_kimi_search.json"))
    assert [s.number for s in parsed.sources] == [1, 2]
    assert parsed.sources[0].url == "https://www.weather.com.cn/weather/101020100.shtml"
    assert "【检索" not in parsed.answer
    assert "搜索结果来自" not in parsed.answer
    assert parsed.answer.startswith("今天上海多云转小雨")


def test_kimi_stream_search_lines_become_sources() -> None:
    parsed = parse_reply(_streamed_content("chat_stream_kimi_search.txt"))
    assert len(parsed.sources) == 2
    assert parsed.answer.startswith("今天上海多云转小雨")


def test_inline_kimi_citation_links_to_its_source() -> None:
    text = "【检索 1】 [天气](https://a.example/w)\n上海今天下雨【检索 1】。"
    parsed = parse_reply(text)
    assert "(https://a.example/w)" in parsed.answer


def test_metaso_markers_are_kept_as_visible_numbers() -> None:
    parsed = parse_reply(_content("chat_completion_metaso.json"))
    assert "[[1]]" not in parsed.answer
    assert "\\[1\\]" in parsed.answer


def test_gpt4o_all_picture_reply_has_caption_and_image() -> None:
    parsed = parse_reply(_content("chat_completion_gpt4o_all_image.json"))
    assert parsed.caption is not None
    assert parsed.caption.size == "1024x1024"
    assert parsed.caption.prompt.startswith("A realistic cat")
    assert not parsed.answer.lstrip().startswith("{")
    assert "下载1" not in parsed.answer and "filesystem.site" not in parsed.answer
    assert parsed.answer.startswith("这里是一只优雅的小猫")
    assert parsed.image_urls == [
        "https://filesystem.site/cdn/download/20241101/r8OQfXQsP4uuv1lzIDEBTjVj5aVap6.webp"
    ]


def test_progress_quotes_show_while_a_picture_is_drawn_and_go_once_it_is_there() -> None:
    content = gpt4o_image_content(
        '{"prompt":"a cat","size":"1024x1024"}', "https://x.test/a.webp", progress=True
    )
    assert "进度 25%" in parse_reply(content, streaming=True).answer
    finished = parse_reply(content)
    assert finished.answer.startswith("这里是一只可爱的卡通小猫")
    assert finished.image_urls == ["https://x.test/a.webp"]
    # A quote in a reply without a picture is the model's own.
    assert parse_reply("> 进度很重要\n\n正文").answer.startswith("> 进度很重要")


def test_glm_markdown_image_is_found() -> None:
    urls = image_links(_content("chat_completion_glm_image.json"))
    assert urls == ["https://sfile.chatglm.cn/testpath/5e56234b-34ae-593c-ba4e-3f7ba77b5768_0.png"]


def test_ordinary_links_are_not_pictures() -> None:
    assert image_links("见 [文档](https://example.com/docs) 和 [图](https://x.cn/a.png)") == [
        "https://x.cn/a.png"
    ]


# Whole markers and their broken pieces, so generated replies hold both.
_PIECES = [
    "a", "说", " ", "\n", "\n\n", "\n\n\n", "[", "]", "(", ")", "!", "https://x.test/a.png",
    "[t](https://x.test/p)", "![p](https://x.test/a.png)", "【", "】", "检索", " 1", "2",
    "【检索 1】", "【检索 1】 [t](https://x.test/p)", "检索 标题 - https://x.test/p",
    "搜索结果来自：", "[citation:", "[citation:1]", "[[", "]]", "[[2]]", "{", "<think>",
    "</think>", "[思考开始]", "[思考结束]", "```", "\n```\n", "`", "~~~",
]  # fmt: skip


def _every_pass(text: str) -> tuple[str, list[Source], list[str], str]:
    """What parse_reply gives when no pass is skipped."""
    thinking, answer, _open = split_thinking(text)
    answer, _caption = _extract_caption(answer)
    answer, sources, pictures = _read_markers(answer)
    return answer, sources, pictures, thinking


@settings(max_examples=800, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=30).map("".join))
def test_a_reply_without_markers_reads_as_with_every_pass(text: str) -> None:
    parsed = parse_reply(text)
    assert (parsed.answer, parsed.sources, parsed.image_urls, parsed.thinking) == _every_pass(text)


_CODE = """import numpy as np
m = np.array([[1]])  # [citation:2] 【检索 1】


print(m)  # ![图](https://x.test/a.png)
"""


def test_code_blocks_are_shown_as_written_while_the_prose_around_them_is_read() -> None:
    text = (
        "见 [[1]] 和 ![图](https://x.test/p.png)\n\n"
        f"```python\n{_CODE}```\n\n"
        "行内 `arr[[1]]` 也是代码。\n\n"
        "【检索 1】[来源](https://x.test/s)\n"
    )
    parsed = parse_reply(text)
    assert f"```python\n{_CODE}```" in parsed.answer
    assert "`arr[[1]]`" in parsed.answer
    assert "[\\[1\\]](https://x.test/s)" in parsed.answer.split("```")[0]
    assert parsed.sources == [Source(1, "来源", "https://x.test/s")]
    assert parsed.image_urls == ["https://x.test/p.png"]


def test_a_fence_still_open_while_streaming_keeps_the_rest_as_code() -> None:
    parsed = parse_reply("看代码：\n\n    ```js\n    x = a[[0]];\n\n\n", streaming=True)
    assert parsed.answer.endswith("x = a[[0]];")
    assert "\\[" not in parsed.answer
