"""The local library: every picture, song and video the relay made, kept past its link.

Downloads stream to a ``.part`` file beside the library (so the final rename is atomic),
are checked for what they really are, and land under a content address, so the same bytes
are stored once however often they arrive. Each row remembers where its file came from.
"""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import functools
import hashlib
import logging
import re
import time
import unicodedata
from collections.abc import AsyncIterator, Callable, Iterable, Mapping
from concurrent.futures import Executor
from pathlib import Path
from types import MappingProxyType
from typing import TypeVar

import httpx

from ecovdesk.core import asset_store as rows
from ecovdesk.core.asset_store import AssetRoots, NewAsset
from ecovdesk.core.database import Database
from ecovdesk.core.domain import Asset, AssetKind, Provenance
from ecovdesk.core.events import EventSink
from ecovdesk.core.library_files import (
    append,
    content_path,
    make_thumbnail,
    new_part_file,
    place,
    remove_files,
    remove_partials,
    write_part,
)
from ecovdesk.core.media_check import (
    DOWNLOAD_FAILED,
    EXPIRED_OR_MISSING,
    SAVE_FAILED,
    TOO_LARGE,
    ImageFacts,
    MediaRejected,
    check_media,
)
from ecovdesk.core.pillow import MAX_PIXELS
from ecovdesk.core.relay_session import RelaySession
from ecovdesk.core.storage_errors import StorageError

log = logging.getLogger(__name__)

T = TypeVar("T")

MB = 1024 * 1024
DEFAULT_MAX_BYTES: Mapping[AssetKind, int] = MappingProxyType(
    {AssetKind.IMAGE: 50 * MB, AssetKind.AUDIO: 100 * MB, AssetKind.VIDEO: 500 * MB}
)
CHUNK_BYTES = 64 * 1024
# Disk writes are batched and handed to a worker, so a slow disk never stalls the loop.
FLUSH_BYTES = 1 * MB
MAX_REDIRECTS = 5
# Signed CDN links answer 403 once they expire; 404 and 410 mean the file is gone.
_GONE = frozenset({403, 404, 410})


def length_measured(asset: Asset) -> bool:
    """Whether the asset's duration was read from its file (see :meth:`Library.keep_duration`)."""
    return asset.provenance.params.get(rows.MEASURED_DURATION) is True


class Library:
    def __init__(
        self,
        db: Database,
        library_dir: Path,
        thumbs_dir: Path,
        relay: RelaySession,
        sink: EventSink,
        *,
        clock: Callable[[], float] = time.time,
        max_bytes: Mapping[AssetKind, int] = DEFAULT_MAX_BYTES,
        max_pixels: int = MAX_PIXELS,
        executor: Executor | None = None,
    ) -> None:
        self._db = db
        self._roots = AssetRoots(library_dir, thumbs_dir)
        self._relay = relay
        self._sink = sink
        self._clock = clock
        self._max_bytes = {**DEFAULT_MAX_BYTES, **max_bytes}
        self._max_pixels = max_pixels
        self._executor = executor
        # Placing a file and adding its row must not interleave with deleting the last row
        # for the same file, or a fresh row could end up pointing at a removed file.
        self._files_lock = asyncio.Lock()

    @property
    def library_dir(self) -> Path:
        return self._roots.library_dir

    @property
    def thumbs_dir(self) -> Path:
        return self._roots.thumbs_dir

    # --- adding --------------------------------------------------------------------------

    async def fetch(
        self, url: str, provenance: Provenance, *, duration: float | None = None
    ) -> Asset:
        """Download ``url`` into the library; raises :class:`MediaRejected` when refused.
        ``duration`` is the length in seconds the relay gave for a song or video."""
        cap = self._max_bytes[provenance.kind]
        part = await self._blocking(new_part_file, self.library_dir)
        try:
            sha256, size, declared = await self._download(url, part, cap)
            return await self._ingest(part, sha256, size, provenance, url, declared, duration)
        finally:
            part.unlink(missing_ok=True)

    async def add_bytes(
        self, data: bytes, provenance: Provenance, *, source_url: str = "", mime_hint: str = ""
    ) -> Asset:
        """Store bytes that arrived inline (base64 answers), with the same checks as fetch."""
        if len(data) > self._max_bytes[provenance.kind]:
            raise MediaRejected(TOO_LARGE)
        part, sha256 = await self._blocking(write_part, self.library_dir, data)
        try:
            return await self._ingest(part, sha256, len(data), provenance, source_url, mime_hint)
        finally:
            part.unlink(missing_ok=True)

    async def _download(self, url: str, part: Path, cap: int) -> tuple[str, int, str]:
        hasher = hashlib.sha256()
        size = 0
        try:
            async with self._response(url) as response:
                declared_length = response.headers.get("content-length", "")
                if declared_length.isdigit() and int(declared_length) > cap:
                    raise MediaRejected(TOO_LARGE)
                with part.open("wb") as out:
                    pending = bytearray()
                    async for chunk in response.aiter_bytes(CHUNK_BYTES):
                        size += len(chunk)
                        if size > cap:
                            raise MediaRejected(TOO_LARGE)
                        pending += chunk
                        if len(pending) >= FLUSH_BYTES:
                            await self._blocking(append, out, hasher, bytes(pending))
                            pending.clear()
                    if pending:
                        await self._blocking(append, out, hasher, bytes(pending))
                return hasher.hexdigest(), size, response.headers.get("content-type", "")
        except (httpx.HTTPError, httpx.InvalidURL) as exc:
            log.info("download failed: %s", type(exc).__name__)
            raise MediaRejected(DOWNLOAD_FAILED) from exc
        except OSError as exc:
            log.warning("could not write a download to %s: %s", part.parent, exc)
            raise MediaRejected(SAVE_FAILED) from exc

    @contextlib.asynccontextmanager
    async def _response(self, url: str) -> AsyncIterator[httpx.Response]:
        """The successful answer for ``url``, following redirects by hand.

        The relay's client never follows redirects (its key must not travel), so each hop
        picks its client again: only a hop on the relay's own origin carries the key.
        """
        for _ in range(MAX_REDIRECTS + 1):
            if httpx.URL(url).scheme not in ("http", "https"):
                raise MediaRejected(DOWNLOAD_FAILED)
            client = self._relay.client_for(url)
            async with client.stream("GET", url) as response:
                location = response.headers.get("location")
                if response.is_redirect and location:
                    url = str(response.url.join(location))
                    continue
                if response.status_code in _GONE:
                    raise MediaRejected(EXPIRED_OR_MISSING)
                if not response.is_success:
                    raise MediaRejected(DOWNLOAD_FAILED)
                yield response
                return
        raise MediaRejected(DOWNLOAD_FAILED)

    async def _ingest(
        self,
        part: Path,
        sha256: str,
        size: int,
        provenance: Provenance,
        source_url: str,
        declared_mime: str,
        duration: float | None = None,
    ) -> Asset:
        check = functools.partial(
            check_media,
            part,
            provenance.kind,
            declared_mime=declared_mime,
            max_pixels=self._max_pixels,
        )
        facts = await self._blocking(check)
        rel_path = content_path(provenance.kind, sha256, facts.mime)
        new = NewAsset(
            kind=provenance.kind,
            rel_path=rel_path,
            thumb_rel_path=None,
            mime=facts.mime,
            size=size,
            sha256=sha256,
            provenance=provenance,
            source_url=source_url,
            width=facts.width,
            height=facts.height,
            duration=duration if duration and duration > 0 else None,
        )
        try:
            async with self._files_lock:
                thumb = await self._blocking(self._place, part, new, facts)
                new = dataclasses.replace(new, thumb_rel_path=thumb)
                asset, added = await self._db.run(
                    rows.insert_asset, self._roots, new, self._clock()
                )
        except (OSError, StorageError) as exc:
            log.warning("could not store a library file: %s", exc)
            raise MediaRejected(SAVE_FAILED) from exc
        # A repeated download for the same message is already on screen.
        if added:
            self._sink.asset_ready(asset)
        return asset

    async def keep_still(self, asset: Asset, png: bytes) -> Asset | None:
        """``png``, a picture the window took from a video the relay sent no poster with
        (Kling's), kept as that video's thumbnail. None when it is no picture it can read,
        or the video is gone."""

        def make() -> str | None:
            part, _sha = write_part(self.thumbs_dir, png)
            try:
                # Named after the video, so that deleting the video removes it too.
                return make_thumbnail(part, "image/png", self.thumbs_dir, asset.sha256)
            finally:
                part.unlink(missing_ok=True)

        try:
            async with self._files_lock:
                made = await self._blocking(make)
                if made is None:
                    return None
                return await self._db.run(rows.set_thumbnail, self._roots, asset.id, made)
        except (OSError, StorageError) as exc:
            log.warning("could not keep a still of a video: %s", exc)
            return None

    async def keep_duration(self, asset: Asset, seconds: float) -> Asset | None:
        """``seconds``, the length the window read from a song's or video's own file, kept in
        place of the relay's figure. None when it is no length, or the asset is gone."""
        if not seconds > 0:
            return None
        try:
            return await self._db.run(rows.set_measured_duration, self._roots, asset.id, seconds)
        except StorageError as exc:
            log.warning("could not keep the length of a file: %s", exc)
            return None

    def _place(self, part: Path, new: NewAsset, facts: ImageFacts) -> str | None:
        place(part, self.library_dir, new.rel_path, new.size)
        if new.kind is not AssetKind.IMAGE:
            return None
        return make_thumbnail(
            self.library_dir / new.rel_path, facts.mime, self.thumbs_dir, new.sha256
        )

    # --- reading -------------------------------------------------------------------------

    async def list_images(
        self,
        *,
        model: str | None = None,
        text: str = "",
        limit: int | None = None,
        offset: int = 0,
    ) -> list[Asset]:
        """Pictures newest first; ``text`` matches the prompt, ignoring case."""
        return await self.list_kind(
            AssetKind.IMAGE, model=model, text=text, limit=limit, offset=offset
        )

    async def list_kind(
        self,
        kind: AssetKind,
        *,
        model: str | None = None,
        text: str = "",
        limit: int | None = None,
        offset: int = 0,
    ) -> list[Asset]:
        """Files of one kind newest first; ``text`` matches the prompt, ignoring case."""
        return await self._db.run(
            rows.list_assets,
            self._roots,
            kind,
            model=model,
            text=text,
            limit=limit,
            offset=offset,
        )

    async def models(self, kind: AssetKind) -> list[str]:
        return await self._db.run(rows.distinct_models, kind)

    async def for_messages(self, message_ids: Iterable[int]) -> dict[int, list[Asset]]:
        """The files of each message, oldest first; messages without any are left out."""
        return await self._db.run(rows.assets_for_messages, self._roots, list(message_ids))

    async def get(self, asset_id: int) -> Asset | None:
        return await self._db.run(rows.get_asset, self._roots, asset_id)

    # --- removing ------------------------------------------------------------------------

    async def delete(self, asset_ids: Iterable[int]) -> None:
        """Forget rows; a file goes only when no remaining row shares it."""
        ids = list(asset_ids)
        async with self._files_lock:
            orphans = await self._db.run(rows.delete_assets, ids)
            await self._blocking(remove_files, self.library_dir, orphans.files)
            await self._blocking(remove_files, self.thumbs_dir, orphans.thumbnails)

    async def cleanup_partial_files(self) -> int:
        """Remove ``.part`` files left by an earlier run; call it before any download starts."""
        return await self._blocking(remove_partials, [self.library_dir, self.thumbs_dir])

    async def _blocking(self, fn: Callable[..., T], *args: object) -> T:
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._executor, functools.partial(fn, *args))


# --- save-as names ---------------------------------------------------------------------------

_RESERVED_NAMES = frozenset(
    {"CON", "PRN", "AUX", "NUL"}
    | {f"COM{i}" for i in range(10)}
    | {f"LPT{i}" for i in range(10)}
    | {"COM¹", "COM²", "COM³", "LPT¹", "LPT²", "LPT³"}
)
_FORBIDDEN_CHARS = frozenset('<>:"/\\|?*')
_MAX_NAME_BYTES = 255
_EXTENSION = re.compile(r"[^0-9a-z]")


def _name_char(char: str) -> str:
    # Control, format (bidi overrides), private-use and unassigned characters can hide what
    # a name really says; separators other than a plain space look like one.
    category = unicodedata.category(char)
    if char in _FORBIDDEN_CHARS or category.startswith("C") or category.startswith("Z"):
        return " "
    return char


def _reserved(stem: str) -> bool:
    return stem.split(".", 1)[0].strip().upper() in _RESERVED_NAMES


def _fit(stem: str, max_chars: int, max_bytes: int) -> str:
    stem = stem[:max_chars]
    while len(stem.encode("utf-8")) > max_bytes:
        stem = stem[:-1]
    # Windows drops trailing dots and spaces, and a leading dot hides a file elsewhere.
    return stem.strip(" .") or "picture"[:max_chars]


def safe_file_name(prompt: str, ext: str, max_len: int = 80) -> str:
    """A save-as name from a prompt that stays inside whatever folder it is joined to."""
    clean_ext = _EXTENSION.sub("", ext.lower())[:10]
    suffix = f".{clean_ext}" if clean_ext else ""
    text = "".join(_name_char(c) for c in unicodedata.normalize("NFC", prompt))
    max_chars = max(1, max_len - len(suffix))
    max_bytes = _MAX_NAME_BYTES - len(suffix)
    stem = _fit(" ".join(text.split()), max_chars, max_bytes)
    if _reserved(stem):
        stem = _fit("_" + stem, max_chars, max_bytes)
    return stem + suffix
