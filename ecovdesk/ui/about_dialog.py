"""About: version, Qt and Python versions, where the profile lives, bundled licences."""

from __future__ import annotations

import platform
from pathlib import Path

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QCoreApplication, qVersion
from PySide6.QtWidgets import QMessageBox, QWidget

from ecovdesk import __version__

LICENCES = (
    ("Qt / PySide6", "LGPL-3.0"),
    ("qasync", "BSD-2-Clause"),
    ("httpx, httpcore", "BSD-3-Clause"),
    ("httpx-sse", "MIT"),
    ("Pillow", "MIT-CMU"),
    ("markdown-it-py", "MIT"),
    ("Pygments", "BSD-2-Clause"),
    ("keyring", "MIT"),
    ("platformdirs", "MIT"),
)


def show_about(parent: QWidget, profile: Path) -> None:
    licences = "".join(f"<li>{name}: {licence}</li>" for name, licence in LICENCES)
    summary = QCoreApplication.translate(
        "About", "A desktop client for the ecovai relay and OpenAI-compatible relays."
    )
    profile_label = QCoreApplication.translate("About", "Profile folder:")
    libraries = QCoreApplication.translate("About", "Bundled libraries:")
    text = (
        f"<h3>ecovdesk {__version__}</h3><p>{summary}</p>"
        f"<p>Qt {qVersion()} · PySide6 {pyside_version} · Python {platform.python_version()}</p>"
        f"<p>{profile_label} {profile}</p><p>{libraries}</p><ul>{licences}</ul>"
    )
    QMessageBox.about(parent, QCoreApplication.translate("About", "About ecovdesk"), text)
