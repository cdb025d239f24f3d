"""Markdown exports read like the window: cleaned-up replies, explained failures, and the
library's pictures copied beside the document, so it still shows them once the relay's links
have expired."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from ecovdesk.core import conversation_store as store
from ecovdesk.core.conversation_service import ConversationService
from ecovdesk.core.database import Database
from ecovdesk.core.domain import (
    Asset,
    AssetKind,
    Attachment,
    AttachmentKind,
    ChatOptions,
    Conversation,
    Message,
    MessageState,
    Provenance,
    Role,
)
from ecovdesk.core.export import markdown_export
from ecovdesk.core.export_files import write_export
from ecovdesk.core.relay_session import RelaySession
from tests.fakerelay.chat_text import gpt4o_image_content, gpt4o_image_prompt

from .conftest import MakeLibrary
from .library_helpers import RecordingSink, picture

RELAY_PICTURE = "https://filesystem.site/cdn/20250101/cat.png"
CAT = Conversation(id=1, title="画猫", model="gpt-4o-all")
PICTURE_REPLY = gpt4o_image_content(gpt4o_image_prompt("画一只猫"), RELAY_PICTURE, progress=True)
_LOCAL_LINK = re.compile(r"!\[[^\]]*\]\(<?([^)>]+)>?\)")


def _cat_messages() -> list[Message]:
    return [
        Message(1, 1, Role.USER, "画一只猫", model="gpt-4o-all"),
        Message(2, 1, Role.ASSISTANT, PICTURE_REPLY, model="gpt-4o-all"),
    ]


def _kept_picture(folder: Path, message_id: int = 2) -> Asset:
    path = folder / "library" / "ab" / "abcdef.png"
    path.parent.mkdir(parents=True)
    path.write_bytes(picture())
    return Asset(
        id=1,
        kind=AssetKind.IMAGE,
        path=path,
        mime="image/png",
        size=path.stat().st_size,
        sha256="abcdef",
        provenance=Provenance(AssetKind.IMAGE, prompt="画一只猫", message_id=message_id),
        source_url=RELAY_PICTURE,
    )


def _pictures_shown(document: Path) -> list[Path]:
    text = document.read_text("utf-8")
    return [document.parent / target for target in _LOCAL_LINK.findall(text)]


def test_a_picture_reply_shows_the_librarys_copy_and_not_the_relays_output(
    tmp_path: Path,
) -> None:
    asset = _kept_picture(tmp_path)
    document = tmp_path / "out" / "画猫.md"
    document.parent.mkdir()
    export = markdown_export(CAT, _cat_messages(), assets={2: [asset]}, folder="画猫_files")
    write_export(document, export.text, export.files, "画猫_files")

    shown = _pictures_shown(document)
    assert len(shown) == 1
    assert shown[0].is_file() and shown[0].parent == document.parent / "画猫_files"
    assert shown[0].read_bytes() == asset.path.read_bytes()
    text = document.read_text("utf-8")
    # What the bubble shows: the drawn prompt and size as a caption, then the answer.
    assert '{"prompt"' not in text and '"size"' not in text
    assert "*Prompt: A cute cartoon cat" in text and "· Size: 1024x1024*" in text
    assert "这里是一只可爱的卡通小猫" in text
    assert not [line for line in text.splitlines() if re.search("排队|进度|生成完成", line)]
    assert "filesystem.site" not in text and "下载1" not in text


def test_a_picture_the_library_does_not_have_keeps_the_relays_link() -> None:
    text = markdown_export(CAT, _cat_messages()).text
    assert f"![]({RELAY_PICTURE})" in text.splitlines()
    assert '{"prompt"' not in text and "> 排队中…" not in text


def test_a_quote_that_opens_an_ordinary_reply_stays() -> None:
    reply = Message(2, 1, Role.ASSISTANT, "> 进度 50%\n\n这是引用。", model="gpt-4o-mini")
    assert "> 进度 50%" in markdown_export(CAT, [reply]).text


def test_a_failed_reply_is_explained_as_in_the_window_then_quotes_the_relay() -> None:
    failed = Message(
        2,
        1,
        Role.ASSISTANT,
        model="gpt-4o-mini",
        state=MessageState.FAILED,
        error_kind="bad_key",
        error_text="无效的令牌",
    )

    def explain(kind: str | None, relay: str | None) -> str:
        assert (kind, relay) == ("bad_key", "无效的令牌")
        return "中转站不接受该 API 密钥。\n中转站说：无效的令牌"

    lines = markdown_export(CAT, [failed], explain=explain).text.splitlines()
    at = lines.index("> **Error:** 中转站不接受该 API 密钥。")
    assert lines[at + 1 : at + 3] == [">", "> 中转站说：无效的令牌"]
    assert not any("bad_key" in line for line in lines)


def test_roles_are_lines_so_the_replys_own_headings_keep_their_levels() -> None:
    messages = [
        Message(1, 1, Role.USER, "介绍一下", model="gpt-4o-mini"),
        Message(2, 1, Role.ASSISTANT, "## 第一部分\n\n内容\n\n### 细节", model="gpt-4o-mini"),
    ]
    lines = markdown_export(CAT, messages).text.splitlines()
    assert [line for line in lines if line.startswith("#")] == [
        "# 画猫",
        "## 第一部分",
        "### 细节",
    ]
    # The user's turn names no model; the reply names the one that wrote it.
    assert "**User**" in lines and "**Assistant · gpt-4o-mini**" in lines
    assert not any(line.startswith("**User ·") for line in lines)
    # A rule between messages, each after a blank line so that no text above turns into a
    # heading.
    rules = [i for i, line in enumerate(lines) if line == "---"]
    assert len(rules) == 2 and all(lines[i - 1] == "" for i in rules)


def test_a_picture_the_user_sent_becomes_a_file(tmp_path: Path) -> None:
    sent = Attachment(AttachmentKind.IMAGE, "data:image/png;base64,iVBORw0KGgo=", "草图")
    message = Message(1, 1, Role.USER, "照这个画", attachments=[sent])
    document = tmp_path / "sketch.md"
    export = markdown_export(CAT, [message], folder="sketch_files")
    write_export(document, export.text, export.files, "sketch_files")
    assert "base64" not in export.text
    (shown,) = _pictures_shown(document)
    assert shown.read_bytes() == b"\x89PNG\r\n\x1a\n"


@pytest.mark.asyncio
async def test_the_service_copies_the_library_files_for_markdown_and_json(
    db: Database, make_library: MakeLibrary, sink: RecordingSink, tmp_path: Path
) -> None:
    library = make_library(RelaySession())
    conversation = await db.run(store.create_conversation, "画猫", "gpt-4o-all", ChatOptions(), 1.0)
    await db.run(store.add_message, conversation.id, Role.USER, "画一只猫", now=2.0)
    reply = await db.run(
        store.add_message,
        conversation.id,
        Role.ASSISTANT,
        PICTURE_REPLY,
        model="gpt-4o-all",
        now=3.0,
    )
    provenance = Provenance(
        AssetKind.IMAGE, prompt="画一只猫", conversation_id=conversation.id, message_id=reply.id
    )
    kept = await library.add_bytes(picture(), provenance, source_url=RELAY_PICTURE)
    service = ConversationService(db, sink)
    exports = tmp_path / "exports"
    exports.mkdir()

    markdown = exports / "猫 的对话.md"
    await service.export(conversation.id, markdown, "md", assets=library.for_messages)
    (shown,) = _pictures_shown(markdown)
    assert shown.is_file() and shown.read_bytes() == kept.path.read_bytes()
    assert shown.parent.name == "猫 的对话_files"

    document = exports / "cat.json"
    await service.export(conversation.id, document, "json", assets=library.for_messages)
    data = json.loads(document.read_text("utf-8"))
    files = data["messages"][1]["files"]
    assert [f["kind"] for f in files] == ["image"]
    assert (exports / files[0]["path"]).read_bytes() == kept.path.read_bytes()
    # Raw, as the relay sent it: a program reading the JSON may want all of it.
    assert data["messages"][1]["content"] == PICTURE_REPLY


def test_a_prompt_is_written_as_drawn_even_with_a_placeholder_in_it() -> None:
    reply = Message(2, 1, Role.ASSISTANT, '{"prompt":"100%2 cat","size":""}\n\n好的', model="m")
    assert "*Prompt: 100%2 cat · Size: —*" in markdown_export(CAT, [reply]).text.splitlines()
