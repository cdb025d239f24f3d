from __future__ import annotations

import json
from dataclasses import asdict, fields, replace
from pathlib import Path

import pytest

from ecovdesk.core.domain import (
    Attachment,
    AttachmentKind,
    ChatOptions,
    Conversation,
    Message,
    MessageState,
    Role,
    Usage,
)
from ecovdesk.core.export import (
    DEFAULT_LABELS,
    JSON_FORMAT,
    ExportLabels,
    json_export,
    markdown_export,
    write_text_atomic,
)
from ecovdesk.core.secrets import KeyStore

from .memory_keyring import MemoryKeyring

KEY = "sk-" + "Qw7" * 16


def conversation_to_markdown(
    conversation: Conversation, messages: list[Message], labels: ExportLabels | None = None
) -> str:
    return markdown_export(conversation, messages, labels).text


def conversation_to_json(conversation: Conversation, messages: list[Message]) -> str:
    return json_export(conversation, messages).text


URL = "https://api.ecovai.cn"

CONVERSATION = Conversation(
    id=7,
    title="上海天气\n查询",
    model="deepseek-r1",
    options=ChatOptions(system_prompt="你是气象助手。", temperature=0.5, max_tokens=800),
    created_at=1000.0,
    updated_at=1100.0,
)
MESSAGES = [
    Message(
        id=1,
        conversation_id=7,
        role=Role.USER,
        content="明天上海天气怎么样？",
        attachments=[Attachment(AttachmentKind.IMAGE, "https://cdn.example/sky.png", "sky")],
        created_at=1001.0,
    ),
    Message(
        id=2,
        conversation_id=7,
        role=Role.ASSISTANT,
        content="明天上海多云转晴。\n\n记得带伞。",
        reasoning="用户问天气。\n先查预报。",
        model="deepseek-r1",
        usage=Usage(10, 20, 30, 5),
        created_at=1002.0,
    ),
    Message(
        id=3,
        conversation_id=7,
        role=Role.ASSISTANT,
        content="",
        model="deepseek-r1",
        state=MessageState.FAILED,
        error_kind="quota",
        error_text="余额不足",
        created_at=1003.0,
    ),
]


def _store_key() -> KeyStore:
    keys = KeyStore(env={"ECOVDESK_API_KEY": KEY}, backend=MemoryKeyring())
    keys.set_key(URL, KEY)
    assert keys.get_key(URL) == KEY
    return keys


def test_markdown_contains_title_roles_models_reasoning_and_content() -> None:
    _store_key()
    text = conversation_to_markdown(CONVERSATION, MESSAGES)
    lines = text.splitlines()
    assert lines[0] == "# 上海天气 查询"
    assert "**User**" in lines
    assert "**Assistant · deepseek-r1**" in lines
    assert "> **Reasoning**" in lines
    assert "> 用户问天气。" in lines and "> 先查预报。" in lines
    assert "明天上海多云转晴。\n\n记得带伞。" in text
    assert "![sky](https://cdn.example/sky.png)" in lines
    assert "> 你是气象助手。" in lines
    assert "> **Error:** 余额不足" in lines
    assert KEY not in text
    assert text.endswith("\n") and not text.endswith("\n\n")


CHINESE_LABELS = ExportLabels(
    system="系统",
    user="用户",
    assistant="助手",
    model="模型",
    system_prompt="系统提示词",
    reasoning="思考",
    error="错误",
    interrupted="已中断",
    attachment="附件",
    caption="提示词：%1 · 尺寸：%2",
    sources="来源：",
)

# Every part of a conversation that has a label: a system message, a nameless attachment,
# an interrupted reply, a picture reply with its prompt and size, a reply with sources,
# besides the system prompt, reasoning and error of MESSAGES.
EVERY_PART = [
    Message(id=0, conversation_id=7, role=Role.SYSTEM, content="只用中文回答。"),
    *MESSAGES,
    Message(
        id=4,
        conversation_id=7,
        role=Role.USER,
        content="再看这个文件",
        attachments=[Attachment(AttachmentKind.FILE, "https://cdn.example/a.pdf", "")],
    ),
    Message(
        id=5, conversation_id=7, role=Role.ASSISTANT, content="半句", state=MessageState.INTERRUPTED
    ),
    Message(
        id=6,
        conversation_id=7,
        role=Role.ASSISTANT,
        content='{"prompt":"a cat","size":"1024x1024"}\n\n![cat](https://cdn.example/cat.png)',
        model="gpt-4o-all",
    ),
    Message(
        id=8,
        conversation_id=7,
        role=Role.ASSISTANT,
        content="上海多云【检索 1】\n\n【检索 1】[天气网](https://weather.example/sh)",
        model="kimi",
    ),
]


def test_markdown_uses_the_labels_it_is_given() -> None:
    text = conversation_to_markdown(CONVERSATION, EVERY_PART, labels=CHINESE_LABELS)
    lines = text.splitlines()
    assert "- 模型: `deepseek-r1`" in lines
    assert "**系统提示词**" in lines
    assert "**系统**" in lines and "**用户**" in lines
    assert "**助手 · deepseek-r1**" in lines
    assert "*提示词：a cat · 尺寸：1024x1024*" in lines
    assert "**来源：**" in lines
    assert "1. [天气网](https://weather.example/sh)" in lines
    assert "> **思考**" in lines
    assert "> **错误:** 余额不足" in lines
    assert "*(已中断)*" in lines
    assert "[附件](https://cdn.example/a.pdf)" in lines


def test_every_label_is_used_and_no_default_is_left() -> None:
    # A label the core wrote from somewhere else than ExportLabels would keep its English.
    marked = ExportLabels(**{f.name: f"<{f.name}>" for f in fields(ExportLabels)})
    text = conversation_to_markdown(CONVERSATION, EVERY_PART, labels=marked)
    for name, value in asdict(marked).items():
        assert value in text, name
    for value in asdict(DEFAULT_LABELS).values():
        assert value not in text
    english = conversation_to_markdown(CONVERSATION, EVERY_PART)
    # The caption's placeholders are filled in: its words before them are what shows.
    assert all(value.split("%1")[0] in english for value in asdict(DEFAULT_LABELS).values())


def test_labels_are_given_in_full_or_not_at_all() -> None:
    with pytest.raises(TypeError):
        ExportLabels(user="用户", assistant="助手")  # type: ignore[call-arg]
    with pytest.raises(TypeError):
        replace(CHINESE_LABELS, thinking="思考")  # type: ignore[call-arg]
    assert conversation_to_markdown(CONVERSATION, MESSAGES, None) == conversation_to_markdown(
        CONVERSATION, MESSAGES, DEFAULT_LABELS
    )


def test_interrupted_reply_is_marked() -> None:
    cut = Message(
        id=9, conversation_id=7, role=Role.ASSISTANT, content="半句", state=MessageState.INTERRUPTED
    )
    assert "*(Interrupted)*" in conversation_to_markdown(CONVERSATION, [cut])


def test_json_has_stable_schema_and_every_message() -> None:
    _store_key()
    text = conversation_to_json(CONVERSATION, MESSAGES)
    data = json.loads(text)
    assert data["format"] == JSON_FORMAT == "ecovdesk.conversation/1"
    assert data["conversation"] == {
        "id": 7,
        "title": "上海天气\n查询",
        "model": "deepseek-r1",
        "system_prompt": "你是气象助手。",
        "temperature": 0.5,
        "max_tokens": 800,
        "use_search": False,
        "created_at": 1000.0,
        "updated_at": 1100.0,
    }
    assert [m["id"] for m in data["messages"]] == [1, 2, 3]
    assistant = data["messages"][1]
    assert assistant["role"] == "assistant"
    assert assistant["reasoning"] == "用户问天气。\n先查预报。"
    assert assistant["usage"] == {
        "prompt_tokens": 10,
        "completion_tokens": 20,
        "total_tokens": 30,
        "reasoning_tokens": 5,
    }
    assert data["messages"][0]["attachments"] == [
        {"kind": "image", "url": "https://cdn.example/sky.png", "name": "sky"}
    ]
    assert data["messages"][2]["state"] == "failed"
    assert "明天上海多云转晴" in text  # readable, not \u-escaped
    assert KEY not in text
    assert "key" not in {k.lower() for k in data} | {k.lower() for k in data["conversation"]}


def test_write_text_atomic_writes_exactly_and_leaves_no_temporary(tmp_path: Path) -> None:
    path = tmp_path / "export.md"
    text = conversation_to_markdown(CONVERSATION, MESSAGES)
    write_text_atomic(path, text)
    write_text_atomic(path, text + "more\n")
    assert path.read_bytes() == (text + "more\n").encode("utf-8")
    assert [p.name for p in tmp_path.iterdir()] == ["export.md"]
