"""Where a profile lives on disk: settings, database, library, cache, logs and backups.

A profile is one folder. With ``--profile-dir`` every file the app writes goes below that
folder, which is what makes portable use and hermetic tests possible.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import platformdirs

APP_NAME = "ecovdesk"


@dataclass(frozen=True)
class ProfilePaths:
    root: Path

    @property
    def settings_file(self) -> Path:
        return self.root / "settings.json"

    @property
    def database_file(self) -> Path:
        return self.root / "ecovdesk.sqlite3"

    @property
    def library_dir(self) -> Path:
        return self.root / "library"

    @property
    def cache_dir(self) -> Path:
        return self.root / "cache"

    @property
    def logs_dir(self) -> Path:
        return self.root / "logs"

    @property
    def backups_dir(self) -> Path:
        return self.root / "backups"

    def ensure(self) -> None:
        """Create the profile folders; safe to call on every start."""
        for folder in (
            self.root,
            self.library_dir,
            self.cache_dir,
            self.logs_dir,
            self.backups_dir,
        ):
            # Only what is missing: asking a read-only folder to make what it already holds
            # fails on some systems, and the database then explains what is wrong.
            if not folder.is_dir():
                folder.mkdir(parents=True, exist_ok=True)


def resolve_profile(profile_dir: str | None) -> ProfilePaths:
    """The profile for ``--profile-dir`` or, without it, the per-user data folder.

    Nothing is created here, so resolving a profile never writes to disk; call
    :meth:`ProfilePaths.ensure` once the app has decided to start.
    """
    if profile_dir is None:
        # appauthor=False keeps Windows from nesting the folder under an author name.
        return ProfilePaths(Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)))
    if not profile_dir.strip():
        # An empty value would silently mean the current directory.
        raise ValueError("the profile directory must not be empty")
    return ProfilePaths(Path(profile_dir).expanduser().absolute())
