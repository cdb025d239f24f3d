"""User settings in ``settings.json``, read forgivingly and written atomically.

The API key is deliberately not a setting: it lives in the OS keyring (see
``ecovdesk.core.secrets``), and :func:`save_settings` refuses anything that looks like one.
"""

from __future__ import annotations

import contextlib
import dataclasses
import json
import logging
import os
import re
import types
import typing
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ecovdesk.core.atomic import write_text_atomic

log = logging.getLogger(__name__)

THEMES = ("system", "light", "dark")
LANGUAGES = ("system", "zh_CN", "en")


@dataclass
class Settings:
    base_url: str = "https://api.ecovai.cn"
    proxy: str = ""
    timeout: float = 60.0
    theme: str = "system"
    language: str = "system"
    last_conversation_id: int | None = None
    default_model: str = "gpt-4o-mini"
    # Base64 of the bytes Qt's saveGeometry()/saveState() return.
    window_geometry: str = ""
    splitter_state: str = ""
    first_run_done: bool = False
    mj_mode: str = ""
    key_in_session_only: bool = False


_CHOICES: dict[str, tuple[str, ...]] = {"theme": THEMES, "language": LANGUAGES}

# Field names that would hold a credential. Matched on whole name parts, so a future
# "max_tokens" setting is fine while "api_key" or "access_token" is not.
_SECRET_NAME = re.compile(r"(^|_)(api_?key|key|secret|password|passwd|token)$", re.IGNORECASE)
# What relay keys look like (new-api / one-api issue "sk-" followed by 48 characters).
_SECRET_VALUE = re.compile(r"\bsk-[A-Za-z0-9]{20,}")
# Marks a value that does not fit its field; None cannot, since some fields accept it.
_INVALID = object()


def load_settings(path: Path) -> Settings:
    """Settings from ``path``; defaults when it is missing or unreadable.

    A file that is not valid JSON is moved aside to ``settings.json.bad`` so the user's
    next save does not destroy what might still be recovered by hand. A single value of
    the wrong type falls back to its default alone; unknown keys are ignored so that an
    older version can read a newer version's file.
    """
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return Settings()
    except (OSError, UnicodeDecodeError) as exc:
        log.warning("could not read settings %s (%s); using defaults", path, exc)
        return Settings()
    try:
        data = json.loads(text)
        if not isinstance(data, dict):
            raise ValueError("settings must be a JSON object")
    except ValueError as exc:
        _keep_aside(path, exc)
        return Settings()
    return settings_from_dict(data)


def settings_from_dict(data: Mapping[str, Any]) -> Settings:
    hints = typing.get_type_hints(Settings)
    values: dict[str, Any] = {}
    for field in dataclasses.fields(Settings):
        if field.name not in data:
            continue
        value = _coerce(data[field.name], hints[field.name])
        if value is _INVALID or (field.name in _CHOICES and value not in _CHOICES[field.name]):
            log.warning("ignoring an invalid value for setting %r", field.name)
            continue
        values[field.name] = value
    settings = Settings(**values)
    if settings.timeout <= 0:
        settings.timeout = Settings().timeout
    return settings


def save_settings(path: Path, settings: Settings) -> None:
    data = dataclasses.asdict(settings)
    check_no_secrets(data)
    write_text_atomic(path, json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def check_no_secrets(data: Mapping[str, Any]) -> None:
    """Raise ValueError if ``data`` holds a credential-named field or a key-like value."""
    for name, value in data.items():
        if _SECRET_NAME.search(name):
            raise ValueError(f"refusing to write the credential field {name!r} to settings")
        if isinstance(value, str) and _SECRET_VALUE.search(value):
            raise ValueError(f"refusing to write a key-like value in setting {name!r}")


def _coerce(value: Any, hint: Any) -> Any:
    """``value`` if it fits the annotation ``hint``, else ``_INVALID``."""
    is_union = typing.get_origin(hint) in (typing.Union, types.UnionType)
    options = typing.get_args(hint) if is_union else (hint,)
    for option in options:
        if option is type(None) and value is None:
            return None
        # bool is a subclass of int in Python, but true/false is never a number here.
        if option is bool and isinstance(value, bool):
            return value
        if option is int and isinstance(value, int) and not isinstance(value, bool):
            return value
        if option is float and isinstance(value, int | float) and not isinstance(value, bool):
            return float(value)
        if option is str and isinstance(value, str):
            return value
    return _INVALID


def _keep_aside(path: Path, reason: Exception) -> None:
    bad = path.with_name(path.name + ".bad")
    log.warning("settings file %s is damaged (%s); kept as %s", path, reason, bad.name)
    with contextlib.suppress(OSError):
        os.replace(path, bad)
