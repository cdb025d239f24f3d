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
