"""The text of chat replies: answers, reasoning, citations, and how they are cut into deltas."""

from __future__ import annotations

import json
import math
import random
import re
from typing import Any
from urllib.parse import quote

IMAGE_WORDS_GPT4O = ("画", "draw", "图", "picture")
IMAGE_WORDS_GLM = ("画", "draw", "图")
# A question about these gets a worked answer with formulas, as deepseek and 通义千问 write.
MATH_WORDS = ("数列", "公式", "formula")

# A question containing ``#deltas=N`` gets a long Markdown answer in exactly N content deltas,
# sent without delays: the benchmarks stream a very long reply at full speed with it.
_DELTAS = re.compile(r"#deltas=(\d+)")
MAX_DELTAS = 1_000_000
_CHARS_PER_DELTA = 3


def part_text(content: Any) -> str:
    """The text of a message ``content`` (a string or a list of parts)."""
    if isinstance(content, str):
        return content
    if isinstance(content, list):
        texts = [
            str(part.get("text", ""))
            for part in content
            if isinstance(part, dict) and part.get("type") in ("text", "input_text")
        ]
        return "\n".join(t for t in texts if t)
    return ""


def user_messages(messages: list[Any]) -> list[dict[str, Any]]:
    return [m for m in messages if isinstance(m, dict) and m.get("role") == "user"]


def last_question(messages: list[Any]) -> str:
    users = user_messages(messages)
    return part_text(users[-1].get("content")).strip() if users else ""


def attachment_counts(messages: list[Any]) -> tuple[int, int]:
    """Numbers of image parts and file parts in the last user message."""
    users = user_messages(messages)
    content = users[-1].get("content") if users else None
    if not isinstance(content, list):
        return 0, 0
    kinds = [part.get("type") for part in content if isinstance(part, dict)]
    images = sum(1 for k in kinds if k in ("image_url", "input_image"))
    files = sum(1 for k in kinds if k in ("file", "file_url", "input_file"))
    return images, files


def mentions(text: str, words: tuple[str, ...]) -> bool:
    lowered = text.lower()
    return any(word in lowered for word in words)


def quote_short(question: str, limit: int = 24) -> str:
    flat = " ".join(question.split())
    return flat if len(flat) <= limit else flat[:limit] + "…"


def quote_full(question: str, limit: int = 2000) -> str:
    return question if len(question) <= limit else question[:limit] + "…"


def markdown_answer(question: str, *, turn: int = 1, images: int = 0, files: int = 0) -> str:
    """A realistic Chinese Markdown answer that quotes the question."""
    asked = quote_full(question) or "（空白问题）"
    notes = []
    if images:
        notes.append(f"我看到你附上了 {images} 张图片，已经结合图片内容一起考虑。")
    if files:
        notes.append(f"我也读取了你上传的 {files} 个文件。")
    if turn > 1:
        notes.append(f"这是我们对话的第 {turn} 轮，我会结合前面的上下文回答。")
    note = ("\n\n" + "".join(notes)) if notes else ""
    if mentions(question, MATH_WORDS):
        return math_answer(asked, note)
    return (
        f"## 关于「{quote_short(question) or '你的问题'}」的回答\n\n"
        f"你的问题是：「{asked}」。下面我分几个方面来说明。{note}\n\n"
        "### 要点\n\n"
        "- **明确目标**：先弄清楚问题真正要解决的是什么，再决定方案。\n"
        "- **拆分步骤**：把大问题拆成几个可以独立验证的小步骤。\n"
        "- **验证结果**：每完成一步都用一个简单的例子检查是否正确。\n\n"
        "### 方案对比\n\n"
        "| 方案 | 优点 | 缺点 |\n"
        "| --- | --- | --- |\n"
        "| 直接实现 | 简单、上手快 | 扩展性一般 |\n"
        "| 分层设计 | 结构清晰、易于测试 | 前期工作量稍大 |\n\n"
        "更多细节可以参考 [Python 官方文档](https://docs.python.org/zh-cn/3/)。\n\n"
        "下面是一个最小的示例：\n\n"
        "```python\n"
        "def summarize(items: list[str]) -> str:\n"
        '    """把要点合并成一句话。"""\n'
        '    return "；".join(items) + "。"\n'
        "\n"
        "\n"
        'print(summarize(["明确目标", "拆分步骤", "验证结果"]))\n'
        "```\n\n"
        "希望这些内容对你有帮助！如果还有疑问，欢迎继续追问。"
    )


def math_answer(asked: str, note: str) -> str:
    return (
        f"你的问题是：「{asked}」。{note}\n\n"
        "设等差数列的首项为 $a_1$，公差为 $d$，则第 $n$ 项为 $a_n = a_1 + (n-1)d$。\n\n"
        "前 $n$ 项和为：\n\n"
        "\\[\n"
        "S_n = \\sum_{i=1}^{n} a_i = \\frac{n(a_1 + a_n)}{2}\n"
        "\\]\n\n"
        "例如 $a_1 = 1$，$d = 2$ 时，$S_n = n^2$，且对任意 \\(n \\geq 1\\) 都有 "
        "\\(S_n \\leq n \\cdot a_n\\)。\n\n"
        "**结论**：$$S_{10} = 100$$"
    )


def brief_answer(question: str) -> str:
    asked = quote_short(question, 40) or "你的问题"
    return (
        f"关于「{asked}」，简单来说：先明确目标，再拆分步骤，最后逐一验证。"
        "如果需要更详细的说明，可以告诉我具体的使用场景。"
    )


def reasoning_text(question: str) -> str:
    asked = quote_short(question, 40) or "这个问题"
    return (
        f"嗯，用户问的是「{asked}」。我需要先弄清楚他真正关心的是什么。"
        "可能是想要一个概括性的说明，也可能需要具体的例子。"
        "我可以先列出几个要点，再用一个表格比较不同的方案，"
        "最后给出一段简短的 Python 代码作为示例。这样回答既有结构又实用。"
    )


def kimi_search_results(question: str) -> list[tuple[str, str]]:
    topic = quote_short(question, 16) or "搜索"
    slug = quote(topic.rstrip("…"))
    return [
        (f"{topic} - 百度百科", f"https://baike.baidu.com/item/{slug}"),
        (f"{topic}_知乎专栏", f"https://zhuanlan.zhihu.com/p/682{len(question):04d}1937"),
        (f"关于{topic}的最新资讯 - 新浪新闻", "https://news.sina.com.cn/"),
    ]


def kimi_search_lines(question: str) -> list[str]:
    return [
        f"【检索 {n}】 [{title}]({url})\n"
        for n, (title, url) in enumerate(kimi_search_results(question), start=1)
    ]


def kimi_sources_suffix(question: str) -> str:
    lines = [
        f"【检索 {n}】 [{title}]({url})\n\n"
        for n, (title, url) in enumerate(kimi_search_results(question), start=1)
    ]
    return "\n\n搜索结果来自：\n" + "".join(lines)


def metaso_answer(question: str) -> str:
    asked = quote_short(question, 40) or "这个问题"
    return (
        f"关于「{asked}」，综合多方资料可以概括为三点：首先，相关概念最早在学术界提出，"
        "并逐渐形成了较为完整的理论体系[[1]]；其次，随着技术进步，实际应用不断扩展，"
        "在教育、医疗和工业领域都有落地案例[[2]]；最后，业内普遍认为未来仍有较大的发展空间，"
        "但也需要关注安全与伦理问题[[3]]。\n"
    )


def gpt4o_image_prompt(question: str) -> str:
    english = (
        question
        if question.isascii() and question
        else (
            "A cute cartoon cat with big round eyes sitting on a soft pastel background, "
            "clean outlines, warm lighting, high detail"
        )
    )
    return json.dumps(
        {"prompt": english, "size": "1024x1024"}, ensure_ascii=False, separators=(",", ":")
    )


def gpt4o_image_content(prompt_line: str, url: str, *, progress: bool) -> str:
    steps = (
        "> 排队中…\n\n> 正在生成图片…\n\n> 进度 25%..50%..75%..100%\n\n> 生成完成 ✅\n\n"
        if progress
        else ""
    )
    return (
        f"{prompt_line}\n\n\n\n{steps}[下载1]({url})\n\n"
        "这里是一只可爱的卡通小猫，圆圆的大眼睛和柔和的背景让画面显得温馨、生动。"
    )


def glm_image_content(url: str) -> str:
    return (
        f"好的，我为你画了一只可爱的猫：\n![图像]({url})\n\n"
        "这只小猫有着柔软的毛发和圆圆的大眼睛，背景是柔和的浅色。"
    )


def estimate_tokens(text: str) -> int:
    wide = sum(1 for ch in text if ord(ch) >= 0x2E80)
    return max(1, wide + math.ceil((len(text) - wide) / 4))


def prompt_tokens(messages: list[Any]) -> int:
    total = 3
    for message in messages:
        if isinstance(message, dict):
            total += 4 + estimate_tokens(part_text(message.get("content")) or " ")
    return total


def split_deltas(text: str, target: int, seed: str) -> list[str]:
    """Cut ``text`` into about ``target`` pieces of varying length (never empty)."""
    if not text:
        return []
    rng = random.Random(seed)
    base = max(1, round(len(text) / max(1, target)))
    pieces: list[str] = []
    position = 0
    while position < len(text):
        size = max(1, base + rng.randint(-(base // 2), base // 2 + 1))
        pieces.append(text[position : position + size])
        position += size
    return pieces


def requested_deltas(question: str) -> int | None:
    match = _DELTAS.search(question)
    if match is None or int(match.group(1)) == 0:
        return None
    return min(int(match.group(1)), MAX_DELTAS)


def _long_section(number: int) -> str:
    return (
        f"## 第 {number} 部分：Section {number}\n\n"
        f"在第 {number} 部分里，我们继续讨论缓存、索引和渲染的取舍。The point of part {number} "
        "is that a cache only helps when the working set fits; otherwise it adds latency.\n\n"
        "- **读多写少**：优先考虑缓存，命中率越高越划算。\n"
        "- **写多读少**：把写入合并成批次，减少磁盘同步的次数。\n"
        f"- *Measure first*: profile part {number} before changing anything.\n\n"
        "| 指标 | 之前 | 之后 |\n| --- | --- | --- |\n"
        f"| 延迟 | {100 + number} ms | {40 + number % 7} ms |\n\n"
        "```python\n"
        f"def part_{number}(rows: list[int]) -> int:\n"
        '    """求和，跳过负数。"""\n'
        "    return sum(r for r in rows if r >= 0)\n"
        "```\n\n"
    )


def long_answer_pieces(count: int) -> list[str]:
    """A long Markdown answer cut into exactly ``count`` non-empty pieces."""
    sections: list[str] = []
    length, number = 0, 1
    while length < count * _CHARS_PER_DELTA:
        section = _long_section(number)
        sections.append(section)
        length += len(section)
        number += 1
    full = "".join(sections)
    cuts = [round(i * len(full) / count) for i in range(count + 1)]
    return [full[cuts[i] : cuts[i + 1]] for i in range(count)]
