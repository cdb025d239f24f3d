"""Cutting a Midjourney 2×2 grid into its four pictures locally, without paying for upscales."""

from __future__ import annotations

import asyncio
import io

from ecovdesk.core.domain import Asset, AssetKind, Provenance
from ecovdesk.core.library import Library
from ecovdesk.core.pillow import open_image


def quadrants(data: bytes) -> list[bytes]:
    """The four quarters of a grid, top left first, as PNG."""
    with open_image(data) as grid:
        grid.load()
        width, height = grid.size
        half_w, half_h = width // 2, height // 2
        boxes = [(0, 0), (half_w, 0), (0, half_h), (half_w, half_h)]
        result = []
        for left, top in boxes:
            out = io.BytesIO()
            grid.crop((left, top, left + half_w, top + half_h)).save(out, "PNG")
            result.append(out.getvalue())
        return result


async def split_grid(library: Library, grid: Asset) -> list[Asset]:
    data = await asyncio.to_thread(grid.path.read_bytes)
    parts = await asyncio.to_thread(quadrants, data)
    source = grid.provenance
    stored = []
    for number, part in enumerate(parts, start=1):
        provenance = Provenance(
            kind=AssetKind.IMAGE,
            prompt=source.prompt,
            model=source.model,
            params={**source.params, "quadrant": number, "from_grid": grid.id},
            conversation_id=source.conversation_id,
            message_id=source.message_id,
            job_id=source.job_id,
        )
        stored.append(await library.add_bytes(part, provenance, mime_hint="image/png"))
    return stored


def _piece(asset: Asset) -> tuple[str, int] | None:
    """Which grid a piece was cut from and which quarter it is; None for other pictures."""
    params = asset.provenance.params
    grid, quadrant = params.get("from_grid"), params.get("quadrant")
    if grid in (None, "") or not str(quadrant).isdigit():
        return None
    return str(grid), int(str(quadrant))


def in_reading_order(assets: list[Asset]) -> list[Asset]:
    """Newest first, except that the pieces of a split grid read 1, 2, 3, 4.

    The four pieces are stored one after another, so newest first alone would show them
    backwards; each run of one grid's pieces is put back in quarter order."""
    ordered: list[Asset] = []
    start = 0
    while start < len(assets):
        piece = _piece(assets[start])
        end = start + 1
        while piece is not None and end < len(assets) and _same_grid(assets[end], piece[0]):
            end += 1
        ordered += sorted(assets[start:end], key=lambda a: (_piece(a) or ("", 0))[1])
        start = end
    return ordered


def arrival_row(assets: list[Asset], new: Asset) -> int:
    """Where a picture that just arrived goes in a newest-first list: at the top, or, for a
    piece, after the pieces of its grid that come before it."""
    piece = _piece(new)
    if piece is None:
        return 0
    row = 0
    while row < len(assets):
        other = _piece(assets[row])
        if other is None or other[0] != piece[0] or other[1] > piece[1]:
            break
        row += 1
    return row


def _same_grid(asset: Asset, grid: str) -> bool:
    piece = _piece(asset)
    return piece is not None and piece[0] == grid
