"""Access to the reference example payloads in ``tests/fixtures/examples``."""

from __future__ import annotations

import copy
import json
from functools import cache
from pathlib import Path
from typing import Any

EXAMPLES_DIR = Path(__file__).resolve().parent.parent / "fixtures" / "examples"


@cache
def _load_text(name: str) -> str:
    return (EXAMPLES_DIR / name).read_text(encoding="utf-8")


def load(name: str) -> Any:
    """Return a fresh (mutable) copy of the JSON example ``name``."""
    return copy.deepcopy(_parsed(name))


@cache
def _parsed(name: str) -> Any:
    return json.loads(_load_text(name))


def load_bytes(name: str) -> bytes:
    """Return the example file ``name`` exactly as stored."""
    return _load_text(name).encode("utf-8")
