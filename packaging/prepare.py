"""Inputs for the PyInstaller spec: a staged copy of the package and the rendered app icons.

The package is staged because ``ecovdesk.resources`` is mapped from the top-level
``resources/`` folder by pyproject.toml; PyInstaller only sees that layout in a real tree, and
an editable install of the project would otherwise decide which files end up in the bundle.

python packaging/prepare.py icons OUT_DIR   # render the icon set (needs PySide6)
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ICON_SVG = ROOT / "resources" / "icons" / "ecovdesk.svg"
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512, 1024)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
APP_ID = "cn.ecovai.ecovdesk"

# Translator sources and caches stay out of the bundle; everything else in resources/ goes in.
_SKIP_RESOURCES = ("*.ts", "__pycache__", "*.pyc")


@dataclass(frozen=True)
class Icons:
    folder: Path

    def png(self, size: int) -> Path:
        return self.folder / f"ecovdesk-{size}.png"

    @property
    def ico(self) -> Path:
        return self.folder / "ecovdesk.ico"

    @property
    def icns(self) -> Path:
        return self.folder / "ecovdesk.icns"


def version() -> str:
    text = (ROOT / "ecovdesk" / "__init__.py").read_text("utf-8")
    found = re.search(r'^__version__ = "([^"]+)"', text, re.MULTILINE)
    if found is None:
        raise SystemExit("ecovdesk/__init__.py has no __version__")
    return found.group(1)


def stage_sources(dest: Path) -> Path:
    """Copy the package with its resources in place; returns the folder to put on the path."""
    if dest.exists():
        shutil.rmtree(dest)
    package = dest / "ecovdesk"
    shutil.copytree(ROOT / "ecovdesk", package, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(
        ROOT / "resources", package / "resources", ignore=shutil.ignore_patterns(*_SKIP_RESOURCES)
    )
    return dest


def resource_datas(staged: Path) -> list[tuple[str, str]]:
    """(source, destination folder) pairs for every non-Python file under ecovdesk/resources."""
    resources = staged / "ecovdesk" / "resources"
    datas = []
    for path in sorted(resources.rglob("*")):
        if path.is_file() and path.suffix not in (".py", ".pyc"):
            datas.append((str(path), str(path.parent.relative_to(staged))))
    return datas


def macos_localizations(folder: Path) -> list[tuple[str, str]]:
    """Empty-but-present .lproj folders: macOS offers an app only the languages it finds there.

    Without a zh-Hans.lproj a Chinese macOS runs the bundle as an English app, whatever Qt
    would load, and the system's own parts (menu services, file dialogs) stay in English.
    """
    datas = []
    for language in ("en", "zh-Hans"):
        lproj = folder / f"{language}.lproj"
        lproj.mkdir(parents=True, exist_ok=True)
        strings = lproj / "InfoPlist.strings"
        strings.write_text('"CFBundleDisplayName" = "ecovdesk";\n', "utf-8")
        datas.append((str(strings), lproj.name))
    return datas


def render_icons(folder: Path) -> Icons:
    """Render the SVG at every size the platforms ask for, in a child process with Qt offscreen."""
    icons = Icons(folder)
    outputs = [*(icons.png(size) for size in PNG_SIZES), icons.ico, icons.icns]
    if all(p.is_file() and p.stat().st_mtime >= ICON_SVG.stat().st_mtime for p in outputs):
        return icons
    folder.mkdir(parents=True, exist_ok=True)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    subprocess.run([sys.executable, __file__, "icons", str(folder)], env=env, check=True)
    return icons


def _render_icons_here(folder: Path) -> None:
    from PIL import Image
    from PySide6.QtCore import QRectF, Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    app = QGuiApplication([sys.argv[0]])
    renderer = QSvgRenderer(str(ICON_SVG))
    if not renderer.isValid():
        raise SystemExit(f"cannot read {ICON_SVG}")
    icons = Icons(folder)
    for size in PNG_SIZES:
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter, QRectF(0, 0, size, size))
        painter.end()
        if not image.save(str(icons.png(size)), "PNG"):
            raise SystemExit(f"cannot write {icons.png(size)}")
    del app
    largest = Image.open(icons.png(1024))
    largest.save(icons.ico, sizes=[(s, s) for s in ICO_SIZES])
    # Pillow builds the .icns from the 1024 px picture, scaling down for the smaller slots.
    largest.save(icons.icns)


if __name__ == "__main__":
    if len(sys.argv) != 3 or sys.argv[1] != "icons":
        raise SystemExit(__doc__)
    _render_icons_here(Path(sys.argv[2]))
