"""The library's blocking file work: temporary files, content-addressed placement,
thumbnails and removal. Every function here runs on a worker thread, never on the loop."""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import BinaryIO, Protocol

from ecovdesk.core.domain import AssetKind
from ecovdesk.core.media_check import SVG_MIME, extension_for
from ecovdesk.core.pillow import open_image

log = logging.getLogger(__name__)

PART_SUFFIX = ".part"
THUMB_SIZE = 320
_THUMB_FORMATS = {
    "image/png": "PNG",
    "image/jpeg": "JPEG",
    "image/webp": "WEBP",
    "image/gif": "GIF",
}


def new_part_file(folder: Path) -> Path:
    """An empty temporary file in ``folder``; on the same disk, so renaming it is atomic."""
    folder.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(prefix="download-", suffix=PART_SUFFIX, dir=folder)
    os.close(fd)
    return Path(name)


class Hasher(Protocol):
    def update(self, data: bytes, /) -> None: ...


def append(out: BinaryIO, hasher: Hasher, data: bytes) -> None:
    hasher.update(data)
    out.write(data)


def write_part(folder: Path, data: bytes) -> tuple[Path, str]:
    """Bytes already in memory, written like a download: a ``.part`` file and its hash."""
    part = new_part_file(folder)
    try:
        part.write_bytes(data)
    except BaseException:
        part.unlink(missing_ok=True)
        raise
    return part, hashlib.sha256(data).hexdigest()


def content_path(kind: AssetKind, sha256: str, mime: str) -> str:
    """Where a file lives, relative to the library: identical bytes share one file."""
    return f"{kind.value}/{sha256[:2]}/{sha256}.{extension_for(mime)}"


def place(part: Path, library_dir: Path, rel_path: str, size: int) -> None:
    """Move a checked temporary file to its content address, or drop it if already there."""
    target = library_dir / rel_path
    if target.is_file() and target.stat().st_size == size:
        part.unlink(missing_ok=True)
        return
    target.parent.mkdir(parents=True, exist_ok=True)
    os.replace(part, target)


def make_thumbnail(source: Path, mime: str, thumbs_dir: Path, sha256: str) -> str | None:
    """A PNG of at most THUMB_SIZE pixels a side, shared by every copy of the same bytes.

    SVG gets none: Pillow cannot draw it, and the UI renders vector files at any size.
    """
    pil_format = _THUMB_FORMATS.get(mime)
    if pil_format is None or mime == SVG_MIME:
        return None
    rel_path = f"{sha256}.png"
    target = thumbs_dir / rel_path
    if target.is_file():
        return rel_path
    thumbs_dir.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(prefix="thumb-", suffix=PART_SUFFIX, dir=thumbs_dir)
    os.close(fd)
    partial = Path(name)
    from PIL import ImageOps

    try:
        with open_image(source, formats=[pil_format]) as image:
            # draft() lets the JPEG decoder scale while decoding, much cheaper than resizing.
            image.draft("RGB", (THUMB_SIZE, THUMB_SIZE))
            upright = ImageOps.exif_transpose(image)
            upright.thumbnail((THUMB_SIZE, THUMB_SIZE))
            if upright.mode not in ("RGB", "RGBA", "L", "LA"):
                alpha = "A" in upright.getbands() or "transparency" in upright.info
                upright = upright.convert("RGBA" if alpha else "RGB")
            upright.save(partial, format="PNG")
        os.replace(partial, target)
    except (OSError, ValueError) as exc:
        # The picture itself was already checked; a missing thumbnail only costs the UI a
        # scaled copy of the full file.
        log.warning("could not make a thumbnail for %s: %s", source.name, exc)
        return None
    finally:
        partial.unlink(missing_ok=True)
    return rel_path


def _inside(root: Path, rel_path: str) -> Path | None:
    path = (root / rel_path).resolve()
    return path if path.is_relative_to(root.resolve()) else None


def remove_files(root: Path, rel_paths: Iterable[str]) -> None:
    """Delete files named relative to ``root``; a name pointing outside it is ignored."""
    for rel_path in rel_paths:
        path = _inside(root, rel_path)
        if path is None:
            log.warning("not removing %r: it is outside %s", rel_path, root)
            continue
        try:
            path.unlink(missing_ok=True)
        except OSError as exc:
            log.warning("could not remove %s: %s", path, exc)
            continue
        with contextlib.suppress(OSError):
            # Only succeeds when the hash-prefix folder is now empty.
            if path.parent != root.resolve():
                path.parent.rmdir()


def remove_partials(folders: Iterable[Path]) -> int:
    """Delete leftover ``.part`` files, which only an interrupted run leaves behind."""
    removed = 0
    for folder in folders:
        if not folder.is_dir():
            continue
        for part in folder.rglob(f"*{PART_SUFFIX}"):
            try:
                part.unlink()
                removed += 1
            except OSError as exc:
                log.warning("could not remove the partial file %s: %s", part, exc)
    return removed
