"""The files an export carries beside its document.

The relay's links to pictures, songs and videos expire within hours, so an export that only
linked to them would soon show nothing. The copies kept in the library (and the pictures the
user sent, which the database holds inline) are written to a folder next to the document and
referenced by relative paths.
"""

from __future__ import annotations

import base64
import binascii
import re
import shutil
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from ecovdesk.core.atomic import write_text_atomic
from ecovdesk.core.domain import Asset
from ecovdesk.core.library import safe_file_name

# Long enough to recognise a prompt in a file listing, short enough for deep folders.
NAME_CHARS = 40
_DATA_URL = re.compile(r"^data:([\w.+-]+/[\w.+-]+)?((?:;[^;,]*)*),(.*)$", re.S)
_MIME_EXTENSIONS = {
    "image/jpeg": "jpg",
    "image/png": "png",
    "image/gif": "gif",
    "image/webp": "webp",
    "image/svg+xml": "svg",
    "image/bmp": "bmp",
}


@dataclass(frozen=True)
class ExportFile:
    """One file to write into the export's folder: a library copy or bytes held inline."""

    name: str
    source: Path | None = None
    data: bytes | None = None


def files_folder(document: Path) -> str:
    """The folder beside ``document`` that holds its files, as a browser saves a page."""
    return document.stem + "_files"


@dataclass
class ExportFiles:
    """Names the files of one export as the document refers to them.

    Each name starts with a running number, so two pictures of the same prompt never
    overwrite each other, and the folder lists them in conversation order.
    """

    folder: str
    files: list[ExportFile] = field(default_factory=list)

    def add_asset(self, asset: Asset) -> str:
        title = asset.provenance.params.get("title")
        words = title if isinstance(title, str) and title.strip() else asset.provenance.prompt
        return self._add(words or asset.kind.value, asset.path.suffix, source=asset.path)

    def add_data_url(self, url: str, words: str) -> str | None:
        """A picture the user sent, as a file; None when ``url`` holds no readable bytes."""
        decoded = data_url_bytes(url)
        if decoded is None:
            return None
        data, mime = decoded
        return self._add(words or "picture", _MIME_EXTENSIONS.get(mime, "bin"), data=data)

    def _add(
        self, words: str, extension: str, *, source: Path | None = None, data: bytes | None = None
    ) -> str:
        stem = safe_file_name(words, "", max_len=NAME_CHARS).replace(" ", "-")
        name = f"{len(self.files) + 1:02d}-{stem}.{extension.lstrip('.') or 'bin'}"
        self.files.append(ExportFile(name, source, data))
        return f"{self.folder}/{name}"


def data_url_bytes(url: str) -> tuple[bytes, str] | None:
    """(bytes, mime) of a base64 ``data:`` URL."""
    match = _DATA_URL.match(url)
    if match is None or ";base64" not in match.group(2).lower():
        return None
    try:
        data = base64.b64decode(match.group(3), validate=False)
    except (binascii.Error, ValueError):
        return None
    return data, (match.group(1) or "").lower()


def existing(assets: dict[int, list[Asset]]) -> dict[int, list[Asset]]:
    """The assets whose files are still in the library: a link to a missing copy would
    show a broken picture, where leaving it out lets the relay's link stand in."""
    return {mid: [a for a in found if a.path.is_file()] for mid, found in assets.items()}


def write_export(document: Path, text: str, files: Iterable[ExportFile], folder: str) -> None:
    """The files first, then the document, so that a document that exists shows them."""
    files = list(files)
    if files:
        target = document.parent / folder
        target.mkdir(exist_ok=True)
        for file in files:
            _write_file(target / file.name, file)
    write_text_atomic(document, text)


def _write_file(path: Path, file: ExportFile) -> None:
    if file.data is not None:
        path.write_bytes(file.data)
    elif file.source is not None:
        shutil.copyfile(file.source, path)
