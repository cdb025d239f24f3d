"""The model ids the relay offers to this key."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import httpx

from ecovdesk.api.errors import ErrorKind, RelayError
from ecovdesk.api.http import request_json


def _ids(entries: list[Any]) -> list[str]:
    seen: dict[str, None] = {}
    for entry in entries:
        model_id = entry.get("id") if isinstance(entry, Mapping) else entry
        if isinstance(model_id, str) and model_id.strip():
            seen.setdefault(model_id.strip(), None)
    return list(seen)


async def list_models(client: httpx.AsyncClient) -> list[str]:
    """Ids from ``data[].id`` in relay order, without duplicates (groups may overlap)."""
    body = await request_json(client, "GET", "/v1/models")
    entries = body.get("data") if isinstance(body, Mapping) else body
    if not isinstance(entries, list):
        raise RelayError(ErrorKind.MALFORMED, detail="The model list holds no data")
    return _ids(entries)
