from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest

from ecovdesk.core.atomic import write_text_atomic
from ecovdesk.core.settings import Settings, check_no_secrets, load_settings, save_settings


def test_missing_file_gives_defaults(tmp_path: Path) -> None:
    assert load_settings(tmp_path / "settings.json") == Settings()
    assert not (tmp_path / "settings.json").exists()


def test_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    settings = Settings(
        base_url="https://relay.example",
        proxy="http://127.0.0.1:7890",
        timeout=12.5,
        theme="dark",
        language="zh_CN",
        last_conversation_id=42,
        default_model="deepseek-chat",
        window_geometry="AdnQywADAAAAAAB/",
        splitter_state="AAAA/wAAAAEAAAAC",
        first_run_done=True,
        mj_mode="fast",
        key_in_session_only=True,
    )
    save_settings(path, settings)
    assert load_settings(path) == settings
    assert json.loads(path.read_text(encoding="utf-8"))["language"] == "zh_CN"


def test_corrupt_file_gives_defaults_and_is_kept_aside(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text('{"theme": "dark", ', encoding="utf-8")
    assert load_settings(path) == Settings()
    bad = tmp_path / "settings.json.bad"
    assert bad.read_text(encoding="utf-8") == '{"theme": "dark", '
    assert not path.exists()


def test_non_object_json_counts_as_corrupt(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text("[1, 2, 3]", encoding="utf-8")
    assert load_settings(path) == Settings()
    assert (tmp_path / "settings.json.bad").exists()


def test_unknown_keys_ignored_and_wrong_types_fall_back_per_field(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text(
        json.dumps(
            {
                "base_url": "https://other.example",
                "from_the_future": {"x": 1},
                "timeout": "fast",
                "theme": "purple",
                "first_run_done": "yes",
                "last_conversation_id": True,
                "language": "en",
                "default_model": 5,
            }
        ),
        encoding="utf-8",
    )
    loaded = load_settings(path)
    defaults = Settings()
    assert loaded.base_url == "https://other.example"
    assert loaded.language == "en"
    assert loaded.timeout == defaults.timeout
    assert loaded.theme == defaults.theme
    assert loaded.first_run_done is False
    assert loaded.last_conversation_id is None
    assert loaded.default_model == defaults.default_model
    assert not (tmp_path / "settings.json.bad").exists()


def test_integer_timeout_accepted_and_non_positive_rejected(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text('{"timeout": 30}', encoding="utf-8")
    assert load_settings(path).timeout == 30.0
    path.write_text('{"timeout": 0}', encoding="utf-8")
    assert load_settings(path).timeout == Settings().timeout


def test_atomic_save_leaves_no_temporary_files(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    for i in range(3):
        save_settings(path, Settings(last_conversation_id=i))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["settings.json"]
    assert load_settings(path).last_conversation_id == 2


def test_failed_write_keeps_old_file_and_cleans_up(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    save_settings(path, Settings(theme="light"))
    # A lone surrogate cannot be encoded, so the write fails partway, like a disk error.
    with pytest.raises(UnicodeEncodeError):
        write_text_atomic(path, "ok \ud800 broken")
    assert load_settings(path).theme == "light"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["settings.json"]


def test_settings_has_no_key_field() -> None:
    names = {f.name for f in dataclasses.fields(Settings)}
    assert not {n for n in names if "key" in n and n != "key_in_session_only"}


@pytest.mark.parametrize("name", ["api_key", "apikey", "key", "relay_secret", "access_token"])
def test_credential_named_fields_are_refused(name: str) -> None:
    with pytest.raises(ValueError, match=name):
        check_no_secrets({"theme": "dark", name: "whatever"})


def test_key_like_values_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    key = "sk-" + "A1b2C3d4" * 6
    with pytest.raises(ValueError):
        save_settings(path, Settings(proxy=key))
    assert not path.exists()


def test_ordinary_names_are_allowed() -> None:
    check_no_secrets({"max_tokens": 100, "key_in_session_only": True, "monkey": "x"})
