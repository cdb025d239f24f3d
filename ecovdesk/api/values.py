"""Lenient readers for relay JSON, where numbers arrive as strings and fields go missing."""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

_EMPTY: Mapping[str, Any] = {}


def mapping(value: Any) -> Mapping[str, Any]:
    """``value`` if it is a JSON object, else an empty one, so lookups can be chained."""
    return value if isinstance(value, Mapping) else _EMPTY


def objects(value: Any) -> list[Mapping[str, Any]]:
    """The JSON objects of a list; anything else in it is dropped."""
    if not isinstance(value, list):
        return []
    return [item for item in value if isinstance(item, Mapping)]


def text(value: Any) -> str:
    """A string field, or "" for null and non-strings; numbers become their decimal text."""
    if isinstance(value, str):
        return value
    if isinstance(value, bool) or value is None:
        return ""
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return ""


def number(value: Any) -> float | None:
    """A finite number from an int, a float or a numeric string."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, (int, float)):
        result = float(value)
    elif isinstance(value, str):
        try:
            result = float(value.strip())
        except ValueError:
            return None
    else:
        return None
    return result if math.isfinite(result) else None


def integer(value: Any) -> int | None:
    result = number(value)
    return int(result) if result is not None else None
