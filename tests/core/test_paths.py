from __future__ import annotations

from pathlib import Path

import platformdirs
import pytest

from ecovdesk.paths import ProfilePaths, resolve_profile


def test_profile_dir_places_every_file_under_root(tmp_path: Path) -> None:
    profile = resolve_profile(str(tmp_path / "portable"))
    root = tmp_path / "portable"
    assert profile.root == root
    assert profile.settings_file == root / "settings.json"
    assert profile.database_file == root / "ecovdesk.sqlite3"
    assert profile.library_dir == root / "library"
    assert profile.cache_dir == root / "cache"
    assert profile.logs_dir == root / "logs"
    assert profile.backups_dir == root / "backups"


def test_resolving_creates_nothing_and_ensure_creates_only_under_root(tmp_path: Path) -> None:
    profile = resolve_profile(str(tmp_path / "p"))
    assert list(tmp_path.iterdir()) == []
    profile.ensure()
    profile.ensure()  # idempotent
    assert [p.name for p in tmp_path.iterdir()] == ["p"]
    assert sorted(p.name for p in profile.root.iterdir()) == [
        "backups",
        "cache",
        "library",
        "logs",
    ]


def test_relative_profile_dir_is_made_absolute(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert resolve_profile("rel").root == tmp_path / "rel"


def test_default_profile_is_the_user_data_dir() -> None:
    expected = Path(platformdirs.user_data_dir("ecovdesk", appauthor=False))
    assert resolve_profile(None) == ProfilePaths(expected)


def test_empty_profile_dir_is_refused() -> None:
    with pytest.raises(ValueError):
        resolve_profile("  ")
