from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from ecovdesk.core import conversation_store as store
from ecovdesk.core.database import Database
from ecovdesk.core.domain import (
    Attachment,
    AttachmentKind,
    ChatOptions,
    MessageState,
    Role,
    Usage,
)

from .storage_helpers import fresh_connection


@pytest.fixture
def conn(tmp_path: Path) -> Iterator[sqlite3.Connection]:
    connection = fresh_connection(tmp_path)
    yield connection
    connection.close()


def _conversation(conn: sqlite3.Connection, title: str = "Chat", now: float = 100.0) -> int:
    return store.create_conversation(conn, title, "gpt-4o-mini", ChatOptions(), now).id


def test_create_and_get_round_trip_options(conn: sqlite3.Connection) -> None:
    options = ChatOptions(
        system_prompt="Be brief.", temperature=0.3, max_tokens=512, use_search=True
    )
    created = store.create_conversation(conn, "天气", "deepseek-r1", options, 10.0)
    loaded = store.get_conversation(conn, created.id)
    assert loaded == created
    assert loaded is not None
    assert loaded.options == options
    assert loaded.created_at == loaded.updated_at == 10.0
    assert store.get_conversation(conn, created.id + 1000) is None


def test_list_is_newest_activity_first_and_limited(conn: sqlite3.Connection) -> None:
    old = _conversation(conn, "old", now=1.0)
    middle = _conversation(conn, "middle", now=2.0)
    new = _conversation(conn, "new", now=3.0)
    assert [c.id for c in store.list_conversations(conn)] == [new, middle, old]
    # A new message makes a conversation the most recent one.
    store.add_message(conn, old, Role.USER, "hi", now=4.0)
    assert [c.id for c in store.list_conversations(conn)] == [old, new, middle]
    assert [c.id for c in store.list_conversations(conn, limit=2)] == [old, new]


def test_rename_and_update_settings(conn: sqlite3.Connection) -> None:
    cid = _conversation(conn, now=1.0)
    assert store.rename_conversation(conn, cid, "Renamed", 5.0)
    options = ChatOptions(system_prompt="sys", temperature=1.2, max_tokens=None, use_search=False)
    assert store.update_conversation_settings(conn, cid, "kimi", options, 6.0)
    loaded = store.get_conversation(conn, cid)
    assert loaded is not None
    assert (loaded.title, loaded.model, loaded.options, loaded.updated_at) == (
        "Renamed",
        "kimi",
        options,
        6.0,
    )
    assert not store.rename_conversation(conn, 9999, "x", 7.0)


def test_soft_delete_restore_and_purge(conn: sqlite3.Connection) -> None:
    keep = _conversation(conn, "keep", now=1.0)
    gone = _conversation(conn, "gone", now=2.0)
    store.add_message(conn, gone, Role.USER, "bye", now=3.0)

    assert store.soft_delete_conversation(conn, gone, 4.0)
    assert [c.id for c in store.list_conversations(conn)] == [keep]
    assert store.get_conversation(conn, gone) is None
    assert store.get_conversation(conn, gone, include_deleted=True) is not None

    assert store.restore_conversation(conn, gone)
    assert {c.id for c in store.list_conversations(conn)} == {keep, gone}
    assert not store.restore_conversation(conn, gone)  # nothing left to undo

    store.soft_delete_conversation(conn, gone, 5.0)
    assert store.purge_deleted(conn) == 1
    assert store.get_conversation(conn, gone, include_deleted=True) is None
    assert conn.execute("SELECT count(*) FROM messages").fetchone()[0] == 0  # cascaded
    assert store.get_conversation(conn, keep) is not None


def test_add_message_round_trips_every_field(conn: sqlite3.Connection) -> None:
    cid = _conversation(conn)
    usage = Usage(prompt_tokens=10, completion_tokens=20, total_tokens=30, reasoning_tokens=5)
    attachments = [
        Attachment(AttachmentKind.IMAGE, "https://cdn.example/a.png", "a.png"),
        Attachment(AttachmentKind.FILE, "file:///tmp/报告.pdf", "报告.pdf"),
    ]
    added = store.add_message(
        conn,
        cid,
        Role.ASSISTANT,
        "答案",
        reasoning="思考过程",
        model="deepseek-r1",
        state=MessageState.FAILED,
        error_kind="quota",
        error_text="余额不足",
        usage=usage,
        attachments=attachments,
        now=123.5,
    )
    loaded = store.get_message(conn, added.id)
    assert loaded == added
    assert loaded is not None
    assert loaded.usage == usage
    assert loaded.attachments == attachments
    row = conn.execute("SELECT role, state FROM messages WHERE id = ?", (added.id,)).fetchone()
    assert tuple(row) == ("assistant", "failed")
    assert store.get_message(conn, added.id + 1) is None


def test_message_to_missing_conversation_is_refused(conn: sqlite3.Connection) -> None:
    with pytest.raises(sqlite3.IntegrityError):
        store.add_message(conn, 4242, Role.USER, "orphan", now=1.0)


def test_streaming_progress_and_finish(conn: sqlite3.Connection) -> None:
    cid = _conversation(conn)
    reply = store.add_message(conn, cid, Role.ASSISTANT, state=MessageState.STREAMING, now=1.0)
    assert store.update_message_progress(conn, reply.id, "Hel", "thinking")
    partial = store.get_message(conn, reply.id)
    assert partial is not None
    assert (partial.content, partial.reasoning, partial.state) == (
        "Hel",
        "thinking",
        MessageState.STREAMING,
    )
    usage = Usage(1, 2, 3)
    finished = store.finish_message(
        conn, reply.id, "Hello", "thinking done", MessageState.DONE, None, None, usage
    )
    assert finished is not None
    assert (finished.content, finished.reasoning, finished.state, finished.usage) == (
        "Hello",
        "thinking done",
        MessageState.DONE,
        usage,
    )
    assert store.get_message(conn, reply.id) == finished


def test_list_messages_pages_backwards_in_ascending_order(conn: sqlite3.Connection) -> None:
    cid = _conversation(conn)
    other = _conversation(conn, "other")
    ids = [store.add_message(conn, cid, Role.USER, f"m{i}", now=float(i)).id for i in range(10)]
    store.add_message(conn, other, Role.USER, "elsewhere", now=5.5)

    assert [m.id for m in store.list_messages(conn, cid)] == ids
    newest = store.list_messages(conn, cid, limit=4)
    assert [m.id for m in newest] == ids[6:]
    older = store.list_messages(conn, cid, limit=4, before_id=newest[0].id)
    assert [m.id for m in older] == ids[2:6]
    oldest = store.list_messages(conn, cid, limit=4, before_id=older[0].id)
    assert [m.id for m in oldest] == ids[:2]
    assert store.list_messages(conn, cid, limit=4, before_id=ids[0]) == []
    assert [m.id for m in store.list_messages(conn, cid, before_id=ids[3])] == ids[:3]
    assert store.count_messages(conn, cid) == 10
    assert store.count_messages(conn, other) == 1


def test_delete_messages_from_removes_that_message_and_later_ones(
    conn: sqlite3.Connection,
) -> None:
    cid = _conversation(conn)
    other = _conversation(conn, "other")
    ids = [store.add_message(conn, cid, Role.USER, f"m{i}", now=float(i)).id for i in range(5)]
    later_elsewhere = store.add_message(conn, other, Role.USER, "keep me", now=9.0)

    assert store.delete_messages_from(conn, cid, ids[2]) == 3
    assert [m.id for m in store.list_messages(conn, cid)] == ids[:2]
    assert store.get_message(conn, later_elsewhere.id) is not None


def test_update_message_content(conn: sqlite3.Connection) -> None:
    cid = _conversation(conn)
    message = store.add_message(conn, cid, Role.USER, "draft", now=1.0)
    assert store.update_message_content(conn, message.id, "final")
    loaded = store.get_message(conn, message.id)
    assert loaded is not None and loaded.content == "final"
    assert not store.update_message_content(conn, message.id + 99, "nothing")


def test_mark_interrupted_streams_only_touches_streaming(conn: sqlite3.Connection) -> None:
    cid = _conversation(conn)
    done = store.add_message(conn, cid, Role.ASSISTANT, "ok", now=1.0)
    cut = [
        store.add_message(conn, cid, Role.ASSISTANT, "half", state=MessageState.STREAMING, now=2.0)
        for _ in range(2)
    ]
    assert store.mark_interrupted_streams(conn) == 2
    for message in cut:
        loaded = store.get_message(conn, message.id)
        assert loaded is not None
        assert loaded.state is MessageState.INTERRUPTED
        assert loaded.content == "half"
    kept = store.get_message(conn, done.id)
    assert kept is not None and kept.state is MessageState.DONE
    assert store.mark_interrupted_streams(conn) == 0


def test_kv_get_set_overwrite_delete(conn: sqlite3.Connection) -> None:
    assert store.kv_get(conn, "models") is None
    store.kv_set(conn, "models", '{"ids": ["a"]}')
    store.kv_set(conn, "models", '{"ids": ["b"]}')
    assert store.kv_get(conn, "models") == '{"ids": ["b"]}'
    assert store.kv_delete(conn, "models")
    assert store.kv_get(conn, "models") is None


def test_damaged_json_columns_do_not_make_a_message_unreadable(conn: sqlite3.Connection) -> None:
    cid = _conversation(conn)
    message = store.add_message(conn, cid, Role.USER, "text", now=1.0)
    conn.execute(
        "UPDATE messages SET usage_json = '{broken', attachments_json = "
        """'[{"kind": "hologram", "url": "x"}, {"kind": "image", "url": "u"}]' WHERE id = ?""",
        (message.id,),
    )
    loaded = store.get_message(conn, message.id)
    assert loaded is not None
    assert loaded.usage is None
    assert loaded.attachments == [Attachment(AttachmentKind.IMAGE, "u")]


@pytest.mark.asyncio
async def test_store_functions_run_through_database(tmp_path: Path) -> None:
    db = await Database.open(tmp_path / "ecovdesk.sqlite3", tmp_path / "backups")
    try:
        conversation = await db.run(store.create_conversation, "t", "m", ChatOptions(), 1.0)
        await db.run(store.add_message, conversation.id, Role.USER, "hello", now=2.0)
        messages = await db.run(store.list_messages, conversation.id, limit=10)
    finally:
        await db.close()
    assert [m.content for m in messages] == ["hello"]
    reopened = fresh_connection(tmp_path)
    try:
        loaded = store.get_conversation(reopened, conversation.id)
        assert loaded is not None and loaded.updated_at == 2.0
    finally:
        reopened.close()
