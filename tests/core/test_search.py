from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from ecovdesk.core import conversation_store as store
from ecovdesk.core import search_store
from ecovdesk.core.domain import ChatOptions, MessageState, Role
from ecovdesk.core.search_store import TITLE_HIT_MESSAGE_ID, fts_query, make_snippet

from .storage_helpers import fresh_connection

WEATHER = (
    "根据最新的气象预报，明天上午上海多云转晴，最高气温二十三度，下午有短时阵雨，出门记得带伞。"
)


@pytest.fixture
def conn(tmp_path: Path) -> Iterator[sqlite3.Connection]:
    connection = fresh_connection(tmp_path)
    yield connection
    connection.close()


def _chat(conn: sqlite3.Connection, title: str, *texts: str, now: float = 1.0) -> list[int]:
    cid = store.create_conversation(conn, title, "gpt-4o-mini", ChatOptions(), now).id
    return [
        store.add_message(conn, cid, Role.USER, text, now=now + i).id
        for i, text in enumerate(texts)
    ]


def _fts_integrity(conn: sqlite3.Connection) -> None:
    conn.execute("INSERT INTO messages_fts(messages_fts) VALUES ('integrity-check')")
    conn.execute("INSERT INTO conversations_fts(conversations_fts) VALUES ('integrity-check')")


def test_chinese_substring_inside_a_sentence(conn: sqlite3.Connection) -> None:
    (mid,) = _chat(conn, "出行", WEATHER)
    _chat(conn, "other", "今天北京晴朗")
    hits = store.search(conn, "上海多云")
    assert [h.message_id for h in hits] == [mid]
    assert "上海多云" in hits[0].snippet
    assert hits[0].title == "出行"


def test_two_character_chinese_query_uses_the_fallback(conn: sqlite3.Connection) -> None:
    (mid,) = _chat(conn, "出行", WEATHER)
    _chat(conn, "other", "北京晴朗")
    hits = store.search(conn, "阵雨")
    assert [h.message_id for h in hits] == [mid]
    assert "阵雨" in hits[0].snippet


def test_single_character_query(conn: sqlite3.Connection) -> None:
    (mid,) = _chat(conn, "x", "带伞")
    assert [h.message_id for h in store.search(conn, "伞")] == [mid]


def test_english_words_case_insensitive_and_all_terms_required(conn: sqlite3.Connection) -> None:
    (both,) = _chat(conn, "a", "The Python interpreter is fast enough")
    (one,) = _chat(conn, "b", "Python only")
    assert {h.message_id for h in store.search(conn, "python")} == {both, one}
    assert [h.message_id for h in store.search(conn, "PYTHON interpreter")] == [both]
    # A short term switches to LIKE, which must also require every term.
    assert [h.message_id for h in store.search(conn, "is python")] == [both]


@pytest.mark.parametrize(
    "query",
    [
        '"',
        '"unbalanced',
        "foo*",
        "*",
        "NEAR(python interpreter)",
        "NEAR",
        "python AND",
        "OR python",
        "((python",
        "python)",
        "content:python",
        "^python",
        "-python",
        "'; DROP TABLE messages; --",
        "100%",
        "snake_case",
        "back\\slash",
    ],
)
def test_query_syntax_is_never_interpreted(conn: sqlite3.Connection, query: str) -> None:
    _chat(conn, "t", "The Python interpreter is fast enough")
    # Read literally, none of these occur in the text; read as syntax they would either
    # raise or match the words inside them.
    assert store.search(conn, query) == []
    assert conn.execute("SELECT count(*) FROM messages").fetchone()[0] == 1


@pytest.mark.parametrize(
    "needle",
    ['say "hi" now', "a*b*c", "NEAR(x, y)", "(((", "100%", "snake_case", "c:\\temp", "col:val"],
)
def test_text_with_syntax_characters_is_found_literally(
    conn: sqlite3.Connection, needle: str
) -> None:
    (target,) = _chat(conn, "t", f"prefix {needle} suffix")
    _chat(conn, "decoy", "prefix nothing special suffix 100 snakeXcase abc")
    hits = store.search(conn, needle)
    assert [h.message_id for h in hits] == [target]


def test_like_wildcards_are_literal_in_short_queries(conn: sqlite3.Connection) -> None:
    _chat(conn, "t", "abc")
    assert store.search(conn, "%") == []
    assert store.search(conn, "_") == []


def test_deleted_conversations_are_not_searched(conn: sqlite3.Connection) -> None:
    (kept,) = _chat(conn, "kept", "上海多云 first")
    (gone,) = _chat(conn, "gone", "上海多云 second")
    gone_cid = store.get_message(conn, gone)
    assert gone_cid is not None
    store.soft_delete_conversation(conn, gone_cid.conversation_id, 9.0)
    assert [h.message_id for h in store.search(conn, "上海多云")] == [kept]
    assert [h.message_id for h in store.search(conn, "上海")] == [kept]
    store.purge_deleted(conn)
    _fts_integrity(conn)
    assert [h.message_id for h in store.search(conn, "上海多云")] == [kept]


def test_results_are_newest_first_and_limited(conn: sqlite3.Connection) -> None:
    ids = [_chat(conn, f"c{i}", f"needle number {i}", now=float(i))[0] for i in range(5)]
    hits = store.search(conn, "needle")
    assert [h.message_id for h in hits] == list(reversed(ids))
    assert [h.message_id for h in store.search(conn, "needle", limit=2)] == [ids[4], ids[3]]


def test_titles_are_searchable(conn: sqlite3.Connection) -> None:
    _chat(conn, "旅行计划 Japan", "nothing relevant", now=5.0)
    hits = store.search(conn, "旅行计划")
    assert len(hits) == 1
    assert hits[0].message_id == TITLE_HIT_MESSAGE_ID
    assert hits[0].snippet == "旅行计划 Japan"
    assert [h.message_id for h in store.search(conn, "旅行")] == [TITLE_HIT_MESSAGE_ID]


def test_a_conversation_whose_messages_match_gets_no_second_row_for_its_title(
    conn: sqlite3.Connection,
) -> None:
    # Titled, as new conversations are, after their first message.
    first = _chat(
        conn, "用 Python 写一个快速排序", "用 Python 写一个快速排序", "再写个快速排序的测试"
    )
    _chat(conn, "快速排序的笔记", "nothing relevant", now=9.0)
    hits = store.search(conn, "快速排序")
    assert sorted(h.message_id for h in hits if h.message_id != TITLE_HIT_MESSAGE_ID) == first
    assert [h.title for h in hits if h.message_id == TITLE_HIT_MESSAGE_ID] == ["快速排序的笔记"]


def test_index_follows_edits_renames_and_deletes(conn: sqlite3.Connection) -> None:
    (mid,) = _chat(conn, "old title", "original wording")
    message = store.get_message(conn, mid)
    assert message is not None
    store.update_message_content(conn, mid, "replacement wording")
    assert store.search(conn, "original") == []
    assert [h.message_id for h in store.search(conn, "replacement")] == [mid]

    store.rename_conversation(conn, message.conversation_id, "fresh title", 2.0)
    assert store.search(conn, "old title") == []
    assert len(store.search(conn, "fresh title")) == 1

    store.delete_messages_from(conn, message.conversation_id, mid)
    assert store.search(conn, "replacement") == []
    _fts_integrity(conn)


def test_streamed_reply_is_searchable_after_progress(conn: sqlite3.Connection) -> None:
    cid = store.create_conversation(conn, "t", "m", ChatOptions(), 1.0).id
    reply = store.add_message(conn, cid, Role.ASSISTANT, state=MessageState.STREAMING, now=1.0)
    store.update_message_progress(conn, reply.id, "partial answer about 量子计算", "")
    store.finish_message(conn, reply.id, "full answer about 量子计算机", "", MessageState.DONE)
    assert [h.message_id for h in store.search(conn, "量子计算机")] == [reply.id]
    _fts_integrity(conn)


def _indexed(conn: sqlite3.Connection, message_id: int, term: str) -> bool:
    """Whether the search index (not the text stored) holds ``term`` for the message."""
    row = conn.execute(
        "SELECT count(*) FROM messages_fts WHERE messages_fts MATCH ? AND rowid = ?",
        (fts_query([term]), message_id),
    ).fetchone()
    return bool(row[0])


def test_a_reply_is_indexed_once_it_stops_streaming(conn: sqlite3.Connection) -> None:
    cid = store.create_conversation(conn, "t", "m", ChatOptions(), 1.0).id
    reply = store.add_message(conn, cid, Role.ASSISTANT, state=MessageState.STREAMING, now=1.0)
    for part in range(1, 4):
        store.update_message_progress(conn, reply.id, "量子计算的第一部分" * part, "")
    assert not _indexed(conn, reply.id, "量子计算")
    store.finish_message(conn, reply.id, "量子计算的完整回答", "", MessageState.DONE)
    assert _indexed(conn, reply.id, "完整回答") and not _indexed(conn, reply.id, "第一部分")
    _fts_integrity(conn)
    # A job asked again turns its message back into a streaming one: out of the index until
    # it has ended again.
    conn.execute("UPDATE messages SET state = 'streaming' WHERE id = ?", (reply.id,))
    assert not _indexed(conn, reply.id, "完整回答")
    store.finish_message(conn, reply.id, "重新生成的回答", "", MessageState.FAILED)
    assert [h.message_id for h in store.search(conn, "重新生成")] == [reply.id]
    store.delete_messages_from(conn, cid, reply.id)
    assert store.search(conn, "重新生成") == []
    _fts_integrity(conn)


@pytest.mark.parametrize("scan", [True, False], ids=["scan", "index"])
@pytest.mark.parametrize("query", ["带伞", "伞", "记得带伞"])
def test_every_search_finds_a_reply_once_it_has_finished(
    conn: sqlite3.Connection, monkeypatch: pytest.MonkeyPatch, scan: bool, query: str
) -> None:
    if not scan:
        monkeypatch.setattr(search_store, "_within", lambda _conn, _seconds, _query: None)
    cid = store.create_conversation(conn, "t", "m", ChatOptions(), 1.0).id
    reply = store.add_message(conn, cid, Role.ASSISTANT, state=MessageState.STREAMING, now=1.0)
    store.update_message_progress(conn, reply.id, "出门记得带伞", "")
    assert store.search(conn, query) == []
    store.finish_message(conn, reply.id, "出门记得带伞", "", MessageState.DONE)
    assert [h.message_id for h in store.search(conn, query)] == [reply.id]


def test_empty_query_finds_nothing(conn: sqlite3.Connection) -> None:
    _chat(conn, "t", "anything")
    assert store.search(conn, "") == []
    assert store.search(conn, "   ") == []
    assert store.search(conn, "anything", limit=0) == []


def test_fts_query_quotes_every_term() -> None:
    assert fts_query(['a"b', "NEAR(x"]) == '"a""b" "NEAR(x"'


def test_snippet_is_short_one_line_and_around_the_hit() -> None:
    text = "开头" * 50 + "\n关键字 在这里\n" + "结尾" * 50
    snippet = make_snippet(text, "关键字")
    assert "关键字" in snippet
    assert "\n" not in snippet
    assert snippet.startswith("…") and snippet.endswith("…")
    assert len(snippet) <= 62
    assert make_snippet("short text", "text") == "short text"


def test_snippet_leaves_out_markdown_marks_but_keeps_names() -> None:
    text = "## 要点\n\n> 引用\n这是 **重点**，用 `snake_case_name` 和 __init__ 写。"
    assert make_snippet(text, "重点") == "要点 引用 这是 重点，用 snake_case_name 和 init 写。"


@pytest.fixture
def index_only(monkeypatch: pytest.MonkeyPatch) -> None:
    """Short terms go straight to the index, as when the LIKE scan runs out of time."""
    monkeypatch.setattr(search_store, "_within", lambda _conn, _seconds, _query: None)


@pytest.mark.parametrize(
    ("text", "query"),
    [
        (WEATHER, "阵雨"),
        ("出门记得带伞", "带伞"),
        ("带伞", "带伞"),
        ("带伞", "伞"),
        ("一把伞。", "伞"),
        ("伞", "伞"),
        ("The Python interpreter is OK", "ok"),
        ("all ok", "OK"),
        ("snake_case", "_c"),
    ],
)
def test_the_index_finds_short_terms_wherever_they_are(
    conn: sqlite3.Connection, index_only: None, text: str, query: str
) -> None:
    (mid,) = _chat(conn, "t", text)
    _chat(conn, "decoy", "完全无关的内容 nothing here")
    assert [h.message_id for h in store.search(conn, query)] == [mid]


def test_the_index_requires_every_term_and_leaves_out_the_bin(
    conn: sqlite3.Connection, index_only: None
) -> None:
    (both,) = _chat(conn, "a", "上海明天有雨 python")
    _chat(conn, "b", "上海明天晴")
    (gone,) = _chat(conn, "c", "有雨 python")
    message = store.get_message(conn, gone)
    assert message is not None
    store.soft_delete_conversation(conn, message.conversation_id, 9.0)
    assert [h.message_id for h in store.search(conn, "有雨 python")] == [both]
    assert [h.message_id for h in store.search(conn, "雨 上海")] == [both]
    assert store.search(conn, "%") == []
    assert store.search(conn, "qz") == []


def test_a_scan_out_of_time_is_interrupted(conn: sqlite3.Connection) -> None:
    endless = "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n) SELECT max(i) FROM n"
    assert search_store._within(conn, 0.0, lambda: conn.execute(endless).fetchall()) is None
    assert search_store._within(conn, 5.0, lambda: 42) == 42
    # The handler is gone afterwards: a long statement runs to its end.
    count = "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 200000) "
    assert conn.execute(count + "SELECT count(*) FROM n").fetchone()[0] == 200000
