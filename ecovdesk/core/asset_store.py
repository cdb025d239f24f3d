"""Library rows in SQLite: plain functions run on the database thread via ``Database.run``.

Rows keep paths relative to the library and thumbnail folders so that a profile can be
moved; :class:`AssetRoots` turns them back into absolute paths as rows are read.
"""

from __future__ import annotations

import json
import logging
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ecovdesk.core.domain import Asset, AssetKind, Provenance

log = logging.getLogger(__name__)

ASSET_COLUMNS = (
    "id, kind, rel_path, thumb_rel_path, mime, size, sha256, width, height, duration, "
    "prompt, model, params_json, source_url, conversation_id, message_id, job_id, created_at"
)
# SQLite's default limit on bound parameters is 999 in older builds.
_ID_BATCH = 500


@dataclass(frozen=True)
class AssetRoots:
    library_dir: Path
    thumbs_dir: Path


@dataclass(frozen=True)
class NewAsset:
    kind: AssetKind
    rel_path: str
    thumb_rel_path: str | None
    mime: str
    size: int
    sha256: str
    provenance: Provenance
    source_url: str = ""
    width: int | None = None
    height: int | None = None
    duration: float | None = None


def params_to_json(params: dict[str, object]) -> str:
    return json.dumps(params, ensure_ascii=False, sort_keys=True, default=str)


def params_from_json(text: str | None) -> dict[str, object]:
    try:
        value = json.loads(text or "{}")
    except ValueError:
        log.warning("ignoring unreadable picture parameters in the database")
        return {}
    return value if isinstance(value, dict) else {}


def asset_from_row(row: Sequence[Any], roots: AssetRoots) -> Asset:
    kind = AssetKind(row[1])
    return Asset(
        id=row[0],
        kind=kind,
        path=roots.library_dir / row[2],
        thumbnail=roots.thumbs_dir / row[3] if row[3] else None,
        mime=row[4],
        size=row[5],
        sha256=row[6],
        width=row[7],
        height=row[8],
        duration=row[9],
        provenance=Provenance(
            kind=kind,
            prompt=row[10],
            model=row[11],
            params=params_from_json(row[12]),
            conversation_id=row[14],
            message_id=row[15],
            job_id=row[16],
        ),
        source_url=row[13],
        created_at=row[17],
    )


def _existing_for_source(conn: sqlite3.Connection, new: NewAsset) -> int | None:
    """A row holding the same bytes for the same message or job: a repeated download."""
    origin = new.provenance
    if origin.message_id is None and origin.job_id is None:
        return None
    row = conn.execute(
        "SELECT id FROM assets WHERE sha256 = ? AND message_id IS ? AND job_id IS ?",
        (new.sha256, origin.message_id, origin.job_id),
    ).fetchone()
    return None if row is None else int(row[0])


def insert_asset(
    conn: sqlite3.Connection, roots: AssetRoots, new: NewAsset, now: float
) -> tuple[Asset, bool]:
    """Add a row; returns it and whether it is new (False when it was already there)."""
    existing = _existing_for_source(conn, new)
    if existing is not None:
        asset = get_asset(conn, roots, existing)
        assert asset is not None
        return asset, False
    origin = new.provenance
    cursor = conn.execute(
        f"INSERT INTO assets ({ASSET_COLUMNS}) VALUES "
        "(NULL, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            new.kind.value,
            new.rel_path,
            new.thumb_rel_path,
            new.mime,
            new.size,
            new.sha256,
            new.width,
            new.height,
            new.duration,
            origin.prompt,
            origin.model,
            params_to_json(origin.params),
            new.source_url,
            _existing_id(conn, "conversations", origin.conversation_id),
            _existing_id(conn, "messages", origin.message_id),
            origin.job_id,
            now,
        ),
    )
    asset_id = cursor.lastrowid
    assert asset_id is not None
    asset = get_asset(conn, roots, asset_id)
    assert asset is not None
    return asset, True


def _existing_id(conn: sqlite3.Connection, table: str, row_id: int | None) -> int | None:
    # A picture can finish downloading after its message was deleted; the file is still
    # worth keeping in the gallery, just without the link.
    if row_id is None:
        return None
    found = conn.execute(f"SELECT 1 FROM {table} WHERE id = ?", (row_id,)).fetchone()
    return row_id if found else None


def get_asset(conn: sqlite3.Connection, roots: AssetRoots, asset_id: int) -> Asset | None:
    row = conn.execute(f"SELECT {ASSET_COLUMNS} FROM assets WHERE id = ?", (asset_id,)).fetchone()
    return None if row is None else asset_from_row(row, roots)


def set_thumbnail(
    conn: sqlite3.Connection, roots: AssetRoots, asset_id: int, thumb_rel_path: str
) -> Asset | None:
    """Gives an asset that has no thumbnail one (a still of a video); None when it is gone."""
    conn.execute(
        "UPDATE assets SET thumb_rel_path = ? WHERE id = ? AND thumb_rel_path IS NULL",
        (thumb_rel_path, asset_id),
    )
    return get_asset(conn, roots, asset_id)


# Set in an asset's parameters once its length was read from the file itself, which is
# what it really is; the relay's figure can be the length that was asked for.
MEASURED_DURATION = "duration_from_file"


def set_measured_duration(
    conn: sqlite3.Connection, roots: AssetRoots, asset_id: int, seconds: float
) -> Asset | None:
    """Keeps the length read from the asset's file; None when the asset is gone."""
    row = conn.execute("SELECT params_json FROM assets WHERE id = ?", (asset_id,)).fetchone()
    if row is None:
        return None
    params = {**params_from_json(row[0]), MEASURED_DURATION: True}
    conn.execute(
        "UPDATE assets SET duration = ?, params_json = ? WHERE id = ?",
        (seconds, params_to_json(params), asset_id),
    )
    return get_asset(conn, roots, asset_id)


def _like_pattern(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def list_assets(
    conn: sqlite3.Connection,
    roots: AssetRoots,
    kind: AssetKind,
    *,
    model: str | None = None,
    text: str = "",
    limit: int | None = None,
    offset: int = 0,
) -> list[Asset]:
    """Newest first; ``text`` matches the prompt (LIKE ignores case for ASCII letters)."""
    where = ["kind = ?"]
    params: list[Any] = [kind.value]
    if model is not None:
        where.append("model = ?")
        params.append(model)
    if text.strip():
        where.append("prompt LIKE ? ESCAPE '\\'")
        params.append(_like_pattern(text.strip()))
    params += [-1 if limit is None else max(0, limit), max(0, offset)]
    rows = conn.execute(
        f"SELECT {ASSET_COLUMNS} FROM assets WHERE {' AND '.join(where)} "
        "ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?",
        params,
    )
    return [asset_from_row(row, roots) for row in rows]


def distinct_models(conn: sqlite3.Connection, kind: AssetKind) -> list[str]:
    rows = conn.execute(
        "SELECT DISTINCT model FROM assets WHERE kind = ? AND model != '' ORDER BY model",
        (kind.value,),
    )
    return [row[0] for row in rows]


def _batches(ids: Iterable[int]) -> Iterable[list[int]]:
    unique = list(dict.fromkeys(ids))
    for start in range(0, len(unique), _ID_BATCH):
        yield unique[start : start + _ID_BATCH]


def assets_for_messages(
    conn: sqlite3.Connection, roots: AssetRoots, message_ids: Iterable[int]
) -> dict[int, list[Asset]]:
    result: dict[int, list[Asset]] = {}
    for batch in _batches(message_ids):
        marks = ", ".join("?" * len(batch))
        rows = conn.execute(
            f"SELECT {ASSET_COLUMNS} FROM assets WHERE message_id IN ({marks}) ORDER BY id",
            batch,
        )
        for row in rows:
            asset = asset_from_row(row, roots)
            assert asset.provenance.message_id is not None
            result.setdefault(asset.provenance.message_id, []).append(asset)
    return result


@dataclass(frozen=True)
class Orphans:
    """Files no row points at any more, relative to their folders."""

    files: list[str]
    thumbnails: list[str]


def delete_assets(conn: sqlite3.Connection, asset_ids: Iterable[int]) -> Orphans:
    """Remove rows; returns the files and thumbnails that no remaining row uses."""
    removed: set[tuple[str, str, str | None]] = set()
    for batch in _batches(asset_ids):
        marks = ", ".join("?" * len(batch))
        rows = conn.execute(
            f"SELECT sha256, rel_path, thumb_rel_path FROM assets WHERE id IN ({marks})", batch
        ).fetchall()
        conn.execute(f"DELETE FROM assets WHERE id IN ({marks})", batch)
        removed.update((row[0], row[1], row[2]) for row in rows)

    # Files are named by their hash, so the sha256 index finds every other user quickly.
    def unused(column: str, sha: str, rel: str) -> bool:
        sql = f"SELECT 1 FROM assets WHERE sha256 = ? AND {column} = ?"
        return conn.execute(sql, (sha, rel)).fetchone() is None

    files = {rel for sha, rel, _ in removed if unused("rel_path", sha, rel)}
    thumbs = {t for sha, _, t in removed if t and unused("thumb_rel_path", sha, t)}
    return Orphans(sorted(files), sorted(thumbs))
