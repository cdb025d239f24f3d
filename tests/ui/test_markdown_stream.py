"""Streaming Markdown a block at a time: the blocks together must be the whole text's HTML."""

from __future__ import annotations

import random

from pytestqt.qtbot import QtBot

from ecovdesk.ui.markdown_html import MAX_RENDER_CHARS, MarkdownRenderer, shown_part
from ecovdesk.ui.markdown_stream import PART_CHARS, MarkdownStream
from ecovdesk.ui.rich_text_view import PartedTextView
from tests.fakerelay.chat_text import long_answer_pieces


def _same(html: str) -> str:
    return html


def _whole(text: str) -> str:
    return MarkdownRenderer().render(text, complete=True)


def _stream(text: str, step: int) -> tuple[MarkdownStream, list[str], str, int]:
    """Feeds ``text`` in random steps; returns the stream, finished HTML, open HTML, restarts."""
    stream = MarkdownStream(dark=False, words=_same)
    done: list[str] = []
    restarts = 0
    rng = random.Random(step)
    end = 0
    open_html = ""
    while end < len(text):
        end = min(len(text), end + rng.randint(1, step))
        update = stream.update(text[:end])
        restarts += update.restart
        done += [html for html, _ in update.done]
        open_html = update.open_html
    return stream, done, open_html, restarts


def test_blocks_add_up_to_the_whole_reply() -> None:
    text = "".join(long_answer_pieces(6000))
    stream, done, open_html, restarts = _stream(text, 60)
    assert open_html.startswith("<pre") or open_html.startswith("<table")
    last = stream.update(text, final=True)
    done += [html for html, _ in last.done]
    whole = MarkdownRenderer()
    assert "".join(done) + last.open_html == whole.render(text, complete=True)
    assert stream.code_blocks == whole.code_blocks
    assert restarts == 0


def test_a_code_block_is_coloured_once_it_is_finished() -> None:
    code = "def total(rows):\n    return sum(rows)"
    stream = MarkdownStream(dark=False, words=_same)
    writing = stream.update(f"说明：\n\n```python\n{code}")
    # Still being written: shown as it arrives, without colours.
    assert "def total" in writing.open_html and "<b>def" not in writing.open_html
    closed = stream.update(f"说明：\n\n```python\n{code}\n```\n\n下一段")
    finished = "".join(html for html, _ in writing.done + closed.done)
    assert finished == _whole(f"说明：\n\n```python\n{code}\n```")
    assert '<font color="#007020"><b>def' in finished


def test_the_last_code_block_is_coloured_when_the_reply_ends() -> None:
    text = "[说明][1]\n\n```python\ndef total(rows):\n    return sum(rows)\n```\n\n[1]: https://example.com"
    # Link references keep the whole reply one open block until the end.
    stream = MarkdownStream(dark=False, words=_same)
    assert "<b>def" not in stream.update(text).open_html
    last = stream.update(text, final=True)
    shown = "".join(html for html, _ in last.done) + last.open_html
    assert shown == _whole(text)
    assert "<b>def" in shown


def test_the_final_update_finishes_the_last_block() -> None:
    text = "# 标题\n\n第一段。\n\n第二段，还没有写完"
    stream = MarkdownStream(dark=False, words=_same)
    first = stream.update(text)
    last = stream.update(text + "。", final=True)
    assert last.open_html == ""
    html = "".join(h for h, _ in first.done + last.done)
    assert html == _whole(text + "。")
    assert sum(chars for _, chars in first.done + last.done) == len(text) + 1


def test_lists_and_quotes_stay_whole_across_cuts() -> None:
    item = "- 第 {} 项：一段不短的说明文字，写到足够长以便跨过切分的位置。\n"
    text = (
        "# 标题\n\n" + "".join(item.format(i) for i in range(200)) + "\n> 引用\n> 第二行\n\n结尾。"
    )
    _, done, open_html, _ = _stream(text, 60)
    assert "".join(done) + open_html == _whole(text)
    assert "".join(done).count("<ul>") == 1


def test_a_changed_beginning_starts_over_in_runs_of_bounded_size() -> None:
    stream = MarkdownStream(dark=False, words=_same)
    paragraphs = "".join(f"第 {i} 段，内容足够长，写满一行又一行。\n\n" for i in range(400))
    first = stream.update(paragraphs + "尾巴")
    assert first.done and not first.restart
    assert all(chars <= PART_CHARS for _, chars in first.done)
    again = stream.update("新的开头\n\n" + paragraphs + "尾巴")
    assert again.restart
    html = "".join(h for h, _ in again.done) + again.open_html
    assert html == _whole("新的开头\n\n" + paragraphs + "尾巴")


def test_link_references_keep_the_text_in_one_piece() -> None:
    stream = MarkdownStream(dark=False, words=_same)
    text = "见 [文档][doc]。\n\n" + "填充的段落。\n\n" * 800 + "[doc]: https://example.com\n"
    update = stream.update(text)
    assert update.done == []
    assert 'href="https://example.com"' in update.open_html


def test_copy_links_count_across_blocks() -> None:
    block = "说明。\n\n```python\nprint({})\n```\n\n"
    text = "".join(block.format(i) for i in range(300))
    stream, done, open_html, _ = _stream(text, 200)
    html = "".join(done) + open_html
    assert 'href="ecovdesk-copy:299"' in html and 'href="ecovdesk-copy:300"' not in html
    assert stream.code_blocks[299] == "print(299)"


def test_parted_view_fills_parts_of_bounded_size(qtbot: QtBot) -> None:
    view = PartedTextView(part_chars=10)
    qtbot.addWidget(view)
    view.add_done("<p>one</p>", 6)
    view.add_done("<p>two</p>", 3)
    view.add_done("<p>three</p>", 8)
    view.set_open_html("<p>four</p>")
    assert [p.toPlainText() for p in view.parts] == ["one\ntwo", "three", "four"]
    assert view.toPlainText() == "one\ntwo\nthree\nfour"
    view.set_open_html("")
    assert len(view.parts) == 2
    view.setHtml("<p>all</p>")
    assert view.toPlainText() == "all"
    assert len(view.parts) == 1


def test_a_reply_growing_past_the_shown_length_keeps_its_finished_blocks() -> None:
    # Past MAX_RENDER_CHARS a reply shows its beginning up to the last line end, which drops
    # the line end that closed the blocks already shown; that alone must not redo them all.
    paragraph = "这一段写得足够长，" * 20 + "\n\n"
    text = paragraph * (MAX_RENDER_CHARS // len(paragraph) + 5)
    stream = MarkdownStream(dark=False, words=_same)
    first = stream.update(shown_part(text[:MAX_RENDER_CHARS], complete=False)[0])
    shown, note = shown_part(text, complete=False)
    last = stream.update(shown, final=True)
    assert note and not last.restart
    assert "".join(html for html, _ in first.done + last.done) + last.open_html == _whole(shown)


def test_a_part_added_to_a_shown_view_fits_its_text_at_once(qtbot: QtBot) -> None:
    view = PartedTextView(part_chars=10)
    qtbot.addWidget(view)
    view.resize(500, 100)
    view.show()
    qtbot.waitExposed(view)
    view.add_done("<p>" + "很长的一段文字，" * 200 + "</p>", 1600)
    # No event has been handled since: the window's next repaint already sees it whole.
    part = view.parts[0]
    assert part.isVisible()
    assert part.document().textWidth() == part.viewport().width() == 500
    assert part.height() >= part.document().size().height() > 100
