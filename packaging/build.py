"""Build the one-folder app with PyInstaller and, on Linux, the release tarball.

python packaging/build.py                  # packaging/dist/ecovdesk/ (+ the tarball on Linux)
python packaging/build.py --dist D --work W --no-archive

The tarball ``ecovdesk-VERSION-linux-ARCH.tar.gz`` holds one folder with the app, the menu
entry, the icons and install.sh. Windows and macOS installers are made from the same folder by
packaging/windows/ecovdesk.iss and packaging/macos/build_dmg.sh.
"""

from __future__ import annotations

import argparse
import platform
import shutil
import subprocess
import sys
import tarfile
import time
from pathlib import Path

import prepare

HERE = Path(__file__).resolve().parent
SPEC = HERE / "ecovdesk.spec"
LINUX = HERE / "linux"
HICOLOR_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def run_pyinstaller(dist: Path, work: Path, clean: bool) -> Path:
    command = [
        sys.executable,
        "-m",
        "PyInstaller",
        "--noconfirm",
        "--log-level",
        "WARN",
        "--distpath",
        str(dist),
        "--workpath",
        str(work),
    ]
    if clean:
        command.append("--clean")
    subprocess.run([*command, str(SPEC)], check=True)
    return dist / "ecovdesk"


def _arch() -> str:
    machine = platform.machine().lower()
    return {"amd64": "x86_64", "arm64": "aarch64"}.get(machine, machine)


def linux_tarball(app: Path, icons: prepare.Icons, dist: Path) -> Path:
    """The app folder, the .desktop entry, the hicolor icons and install.sh, under one folder."""
    name = f"ecovdesk-{prepare.version()}-linux-{_arch()}"
    tarball = dist / f"{name}.tar.gz"

    def normalized(info: tarfile.TarInfo) -> tarfile.TarInfo:
        # Who built it does not belong in the archive.
        info.uid = info.gid = 0
        info.uname = info.gname = ""
        return info

    def add(tar: tarfile.TarFile, path: Path, arcname: str, mode: int | None = None) -> None:
        info = normalized(tar.gettarinfo(str(path), f"{name}/{arcname}"))
        if mode is not None:
            info.mode = mode
        with path.open("rb") as handle:
            tar.addfile(info, handle)

    # Level 6 is nearly as small as 9 for Qt's libraries and twice as fast.
    with tarfile.open(tarball, "w:gz", compresslevel=6) as tar:
        tar.add(str(app), f"{name}/ecovdesk", filter=normalized)
        add(tar, LINUX / "ecovdesk.desktop", "ecovdesk.desktop", 0o644)
        add(tar, LINUX / "install.sh", "install.sh", 0o755)
        for size in HICOLOR_SIZES:
            add(tar, icons.png(size), f"icons/hicolor/{size}x{size}/apps/ecovdesk.png", 0o644)
        add(tar, prepare.ICON_SVG, "icons/hicolor/scalable/apps/ecovdesk.svg", 0o644)
    return tarball


def folder_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dist", type=Path, default=HERE / "dist", help="where the app lands")
    parser.add_argument("--work", type=Path, default=HERE / "build", help="PyInstaller's cache")
    parser.add_argument("--clean", action="store_true", help="ignore PyInstaller's cache")
    parser.add_argument("--no-archive", action="store_true", help="the folder only")
    args = parser.parse_args()
    dist, work = args.dist.resolve(), args.work.resolve()

    started = time.monotonic()
    app = run_pyinstaller(dist, work, args.clean)
    built = time.monotonic()
    print(f"app folder: {app} ({folder_size(app) / 2**20:.0f} MiB, {built - started:.0f} s)")
    if sys.platform.startswith("linux") and not args.no_archive:
        # The spec rendered the icons into its work folder; asking again only reuses them.
        icons = prepare.render_icons(work / "ecovdesk" / "icons")
        tarball = linux_tarball(app, icons, dist)
        size = tarball.stat().st_size / 2**20
        print(f"tarball: {tarball} ({size:.0f} MiB, {time.monotonic() - built:.0f} s)")
    return 0


if __name__ == "__main__":
    if shutil.which("ldd") is None and sys.platform.startswith("linux"):
        raise SystemExit("build.py: PyInstaller needs ldd (libc-bin) and objdump (binutils)")
    sys.exit(main())
