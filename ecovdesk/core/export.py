"""A conversation as Markdown for people or as JSON for programs.

Exports are built only from the conversation, its messages and their library files; the key
never reaches them because nothing here has access to it.

The Markdown reads like the conversation in the window: replies are cleaned up as their
bubbles are (see ``reply_parser``), and pictures, songs and videos come from the library,
copied beside the document, since the relay's own links expire.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from ecovdesk.core.atomic import write_text_atomic
from ecovdesk.core.domain import (
    Asset,
    AssetKind,
    Attachment,
    AttachmentKind,
    Conversation,
    Message,
    MessageState,
    Role,
)
from ecovdesk.core.export_files import ExportFile, ExportFiles
from ecovdesk.core.reply_parser import ImageCaption, ParsedReply, Source, parse_reply
from ecovdesk.core.row_codec import attachment_to_dict, usage_to_dict

__all__ = [
    "DEFAULT_LABELS",
    "JSON_FORMAT",
    "ErrorWords",
    "Export",
    "ExportLabels",
    "json_export",
    "markdown_export",
    "relay_words",
    "write_text_atomic",
]

JSON_FORMAT = "ecovdesk.conversation/1"
# Folder of the files when the caller does not say where they go.
DEFAULT_FOLDER = "files"
# A picture's description is its prompt, which can run to paragraphs.
MAX_ALT_CHARS = 80

# (error kind, relay's own words) -> what the window says about a failed reply.
ErrorWords = Callable[[str | None, str | None], str]


def relay_words(kind: str | None, relay_message: str | None) -> str:
    """For callers without the UI's explanations: the relay's words, or else the kind."""
    return relay_message or kind or ""


@dataclass(frozen=True, kw_only=True)
class ExportLabels:
    """Every word of a Markdown export that is not the conversation's own text.

    No field has a default: whoever passes labels (the UI, with its translated words) must
    give every one, so a label can be neither left out nor misnamed without a type error.
    """

    system: str
    user: str
    assistant: str
    model: str
    system_prompt: str
    reasoning: str
    error: str
    interrupted: str
    attachment: str
    # "%1" is the prompt a picture was drawn from, "%2" its size.
    caption: str
    sources: str

    def role(self, role: Role) -> str:
        return {Role.SYSTEM: self.system, Role.USER: self.user, Role.ASSISTANT: self.assistant}[
            role
        ]


# For callers that pass no labels: exports stay readable without the UI's translations.
DEFAULT_LABELS = ExportLabels(
    system="System",
    user="User",
    assistant="Assistant",
    model="Model",
    system_prompt="System prompt",
    reasoning="Reasoning",
    error="Error",
    interrupted="Interrupted",
    attachment="Attachment",
    caption="Prompt: %1 · Size: %2",
    sources="Sources:",
)


@dataclass(frozen=True)
class Export:
    """A document's text and the files it refers to, relative to the document's folder."""

    text: str
    files: list[ExportFile] = field(default_factory=list)


@dataclass(frozen=True)
class _Words:
    labels: ExportLabels
    explain: ErrorWords


def markdown_export(
    conversation: Conversation,
    messages: Iterable[Message],
    labels: ExportLabels | None = None,
    *,
    assets: Mapping[int, Sequence[Asset]] | None = None,
    folder: str = DEFAULT_FOLDER,
    explain: ErrorWords = relay_words,
) -> Export:
    """The conversation as Markdown; ``assets`` are each message's library files, which
    the document refers to inside ``folder``."""
    words = _Words(labels or DEFAULT_LABELS, explain)
    files = ExportFiles(folder)
    lines = _header_lines(conversation, words.labels)
    for message in messages:
        # A rule, not a heading, between messages: the replies' own headings keep their
        # levels under the document's title.
        lines += ["---", ""]
        lines += _message_lines(message, words, (assets or {}).get(message.id, ()), files)
    return Export("\n".join(lines).rstrip("\n") + "\n", files.files)


def _header_lines(conversation: Conversation, labels: ExportLabels) -> list[str]:
    lines = [f"# {_one_line(conversation.title)}", ""]
    lines += [f"- {labels.model}: `{conversation.model}`", ""]
    if conversation.options.system_prompt:
        lines += [f"**{labels.system_prompt}**", ""]
        lines += _quote(conversation.options.system_prompt)
        lines.append("")
    return lines


def _message_lines(
    message: Message, words: _Words, assets: Sequence[Asset], files: ExportFiles
) -> list[str]:
    lines = [f"**{_role_line(message, words.labels)}**", ""]
    if message.role is Role.ASSISTANT:
        lines += _reply_lines(message, words.labels, assets, files)
    else:
        if message.content.strip():
            lines += [message.content.rstrip("\n"), ""]
        for attachment in message.attachments:
            lines += [_attachment_markdown(attachment, words.labels.attachment, files), ""]
        lines += _asset_lines(assets, files)
    return lines + _state_lines(message, words)


def _role_line(message: Message, labels: ExportLabels) -> str:
    role = labels.role(message.role)
    # The user's turns were not written by a model, whichever one answered them.
    if message.role is Role.ASSISTANT and message.model:
        return f"{role} · {message.model}"
    return role


def _reply_lines(
    message: Message, labels: ExportLabels, assets: Sequence[Asset], files: ExportFiles
) -> list[str]:
    parsed = parse_reply(message.content, message.reasoning)
    lines: list[str] = []
    if parsed.thinking:
        lines += [f"> **{labels.reasoning}**", ">", *_quote(parsed.thinking), ""]
    if parsed.caption is not None:
        lines += [_caption_line(parsed.caption, labels), ""]
    if parsed.answer:
        lines += [parsed.answer, ""]
    lines += _asset_lines(assets, files)
    lines += _unkept_picture_lines(parsed, assets)
    if parsed.sources:
        lines += [f"**{labels.sources}**", "", *_source_lines(parsed.sources), ""]
    return lines


def _caption_line(caption: ImageCaption, labels: ExportLabels) -> str:
    values = {"1": _one_line(caption.prompt), "2": caption.size or "—"}
    # In one pass, so that a "%2" in the prompt stays as written.
    return "*" + re.sub(r"%([12])", lambda m: values[m.group(1)], labels.caption) + "*"


def _asset_lines(assets: Sequence[Asset], files: ExportFiles) -> list[str]:
    lines: list[str] = []
    for asset in assets:
        target = _target(files.add_asset(asset))
        words = _link_text(_asset_words(asset)) or asset.kind.value
        if asset.kind is AssetKind.IMAGE:
            lines += [f"![{words}]({target})", ""]
        else:
            lines += [f"[{words}]({target})", ""]
    return lines


def _asset_words(asset: Asset) -> str:
    title = asset.provenance.params.get("title")
    return title if isinstance(title, str) and title.strip() else asset.provenance.prompt


def _unkept_picture_lines(parsed: ParsedReply, assets: Sequence[Asset]) -> list[str]:
    """Pictures the library could not keep: the relay's link is all there is of them."""
    kept = {asset.source_url for asset in assets}
    return [
        line
        for url in parsed.image_urls
        if url not in kept
        for line in (f"![]({_target(url)})", "")
    ]


def _source_lines(sources: Sequence[Source]) -> list[str]:
    return [f"{s.number}. [{_link_text(s.title) or s.url}]({_target(s.url)})" for s in sources]


def _state_lines(message: Message, words: _Words) -> list[str]:
    if message.state is MessageState.INTERRUPTED:
        return [f"*({words.labels.interrupted})*", ""]
    if message.state is not MessageState.FAILED:
        return []
    said = words.explain(message.error_kind, message.error_text).strip()
    if not said:
        return []
    first, _, rest = said.partition("\n")
    lines = [f"> **{words.labels.error}:** {first}"]
    if rest.strip():
        # The relay's own words, after the explanation, as the window shows them.
        lines += [">", *_quote(rest.strip())]
    return [*lines, ""]


def _attachment_markdown(attachment: Attachment, label: str, files: ExportFiles) -> str:
    name = _link_text(attachment.name) or label
    url = attachment.url
    if attachment.kind is AttachmentKind.IMAGE and url.startswith("data:"):
        # A picture the user sent is held inline; as a file the document stays readable.
        url = files.add_data_url(url, attachment.name) or url
    if attachment.kind is AttachmentKind.IMAGE:
        return f"![{name}]({_target(url)})"
    return f"[{name}]({_target(url)})"


def _link_text(text: str) -> str:
    words = _one_line(text)
    if len(words) > MAX_ALT_CHARS:
        words = words[: MAX_ALT_CHARS - 1] + "…"
    # Brackets in a name would end the link text early.
    return words.replace("[", "\\[").replace("]", "\\]")


def _target(url: str) -> str:
    """A link target that Markdown reads whole, whatever the file or folder is called."""
    if any(char in url for char in " ()<>"):
        return "<" + url.replace("<", "%3C").replace(">", "%3E") + ">"
    return url


def _quote(text: str) -> list[str]:
    return [f"> {line}".rstrip() for line in text.rstrip("\n").split("\n")]


def _one_line(text: str) -> str:
    return " ".join(text.split())


# --- JSON ---------------------------------------------------------------------------------


def json_export(
    conversation: Conversation,
    messages: Iterable[Message],
    *,
    assets: Mapping[int, Sequence[Asset]] | None = None,
    folder: str = DEFAULT_FOLDER,
) -> Export:
    """A stable, versioned document; field names change only with a new ``format``.

    Messages keep their raw content; each lists the library files copied into ``folder``.
    """
    files = ExportFiles(folder)
    document = {
        "format": JSON_FORMAT,
        "conversation": {
            "id": conversation.id,
            "title": conversation.title,
            "model": conversation.model,
            "system_prompt": conversation.options.system_prompt,
            "temperature": conversation.options.temperature,
            "max_tokens": conversation.options.max_tokens,
            "use_search": conversation.options.use_search,
            "created_at": conversation.created_at,
            "updated_at": conversation.updated_at,
        },
        "messages": [
            _message_json(message, (assets or {}).get(message.id, ()), files)
            for message in messages
        ],
    }
    return Export(json.dumps(document, ensure_ascii=False, indent=2) + "\n", files.files)


def _message_json(message: Message, assets: Sequence[Asset], files: ExportFiles) -> dict[str, Any]:
    return {
        "id": message.id,
        "role": message.role.value,
        "model": message.model,
        "state": message.state.value,
        "content": message.content,
        "reasoning": message.reasoning,
        "error_kind": message.error_kind,
        "error_text": message.error_text,
        "usage": None if message.usage is None else usage_to_dict(message.usage),
        "attachments": [attachment_to_dict(a) for a in message.attachments],
        "files": [_file_json(asset, files) for asset in assets],
        "created_at": message.created_at,
    }


def _file_json(asset: Asset, files: ExportFiles) -> dict[str, Any]:
    return {
        "kind": asset.kind.value,
        "path": files.add_asset(asset),
        "mime": asset.mime,
        "prompt": asset.provenance.prompt,
        "source_url": asset.source_url,
    }
