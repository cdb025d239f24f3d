"""The frozen app: build it with packaging/build.py, then start it as a user would."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import tarfile
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]
EXE = "ecovdesk.exe" if sys.platform == "win32" else "ecovdesk"
SMOKE_LINE = re.compile(r"^smoke: ([\w-]+): (ok|FAILED) \((.*)\)$", re.MULTILINE)
CHECKS = (
    "profile",
    "window",
    "translations",
    "language",
    "icon",
    "webp-pillow",
    "webp-qt",
    "media",
    "http",
    "keyring",
)
# Parts of Qt the app never loads; any of these in the folder means the excludes have slipped.
UNUSED_QT = re.compile(
    r"WebEngine|Qt6?3D|Designer|Charts|DataVisualization|Qt6?Pdf|Bluetooth|Sensors|Quick3D"
    r"|VirtualKeyboard|Qt6?Location|TextToSpeech|SerialPort|QtQml\.|QtQuick\.",
    re.IGNORECASE,
)
# Beyond this the folder has grown by something that ought to be looked at.
MAX_FOLDER_MIB = 320


@dataclass(frozen=True)
class Build:
    folder: Path
    dist: Path

    @property
    def binary(self) -> Path:
        return self.folder / EXE

    def tarball(self) -> Path:
        found = sorted(self.dist.glob("ecovdesk-*-linux-*.tar.gz"))
        assert len(found) == 1, found
        return found[0]


@pytest.fixture(scope="module")
def build(tmp_path_factory: pytest.TempPathFactory) -> Build:
    out = tmp_path_factory.mktemp("frozen")
    command = [sys.executable, str(ROOT / "packaging" / "build.py")]
    command += ["--dist", str(out / "dist"), "--work", str(out / "work")]
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=1500)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-6000:]
    built = Build(out / "dist" / "ecovdesk", out / "dist")
    assert built.binary.is_file()
    return built


def _environment(language: str) -> dict[str, str]:
    # LC_* outrank LANG when Qt works out the system language, so none may leak in.
    env = {k: v for k, v in os.environ.items() if not k.startswith("LC_")}
    env.pop("ECOVDESK_API_KEY", None)
    env.update(
        QT_QPA_PLATFORM="offscreen",
        LANG=f"{language}.UTF-8",
        LANGUAGE=language,
        PYTHON_KEYRING_BACKEND="keyring.backends.null.Keyring",
    )
    return env


def run_smoke(
    binary: Path, profile: Path, language: str = "en_US"
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(binary), "--smoke-test", "--profile-dir", str(profile)],
        env=_environment(language),
        capture_output=True,
        text=True,
        timeout=120,
    )


def smoke_results(result: subprocess.CompletedProcess[str]) -> dict[str, tuple[str, str]]:
    return {name: (status, detail) for name, status, detail in SMOKE_LINE.findall(result.stdout)}


def assert_passed(result: subprocess.CompletedProcess[str]) -> dict[str, tuple[str, str]]:
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    results = smoke_results(result)
    assert sorted(results) == sorted(CHECKS), output
    assert all(status == "ok" for status, _ in results.values()), output
    assert "smoke: all checks passed" in result.stdout
    return results


def _has_cjk(text: str) -> bool:
    return any(unicodedata.name(ch, "").startswith("CJK") for ch in text)


def test_smoke_test_passes_in_english(build: Build, tmp_path: Path) -> None:
    results = assert_passed(run_smoke(build.binary, tmp_path / "profile", "en_US"))
    language = results["language"][1]
    assert language.startswith("en [")
    assert "File" in language and "Gallery" in language
    assert not _has_cjk(language)
    assert results["profile"][1] == str(tmp_path / "profile")
    assert (tmp_path / "profile" / "ecovdesk.sqlite3").is_file()


def test_starts_in_chinese_on_a_chinese_system(build: Build, tmp_path: Path) -> None:
    results = assert_passed(run_smoke(build.binary, tmp_path / "profile", "zh_CN"))
    language = results["language"][1]
    assert language.startswith("zh_CN [")
    assert "文件" in language and "图库" in language


def test_language_setting_outranks_the_system(build: Build, tmp_path: Path) -> None:
    profile = tmp_path / "profile"
    profile.mkdir()
    (profile / "settings.json").write_text(json.dumps({"language": "en"}), "utf-8")
    results = assert_passed(run_smoke(build.binary, profile, "zh_CN"))
    assert results["language"][1].startswith("en [File")


@pytest.fixture
def crippled_copy(build: Build, tmp_path: Path) -> Iterator[Path]:
    """The app folder without its webp plugin, linked rather than copied to stay cheap."""
    copy = tmp_path / "ecovdesk"
    shutil.copytree(build.folder, copy, symlinks=True, copy_function=os.link)
    plugins = list(copy.rglob("plugins/imageformats/*qwebp*"))
    assert plugins, "the webp plugin is not where Qt looks for it"
    for plugin in plugins:
        plugin.unlink()
    yield copy


def test_smoke_test_names_what_is_missing(crippled_copy: Path, tmp_path: Path) -> None:
    result = run_smoke(crippled_copy / EXE, tmp_path / "profile")
    assert result.returncode != 0
    results = smoke_results(result)
    assert results["webp-qt"][0] == "FAILED"
    assert results["webp-pillow"][0] == "ok"
    assert "smoke test failed: webp-qt" in result.stderr


def test_folder_has_what_the_app_loads_and_no_unused_qt(build: Build) -> None:
    files = [p for p in build.folder.rglob("*") if p.is_file() or p.is_symlink()]
    relative = [p.relative_to(build.folder).as_posix() for p in files]
    unused = [name for name in relative if UNUSED_QT.search(name)]
    assert not unused, unused
    for wanted in (
        "ecovdesk/resources/catalogue.json",
        "ecovdesk/resources/i18n/ecovdesk_zh_CN.qm",
        "ecovdesk/resources/i18n/ecovdesk_en.qm",
        "ecovdesk/resources/icons/ecovdesk.svg",
        "/plugins/imageformats/",
        "/plugins/multimedia/",
        "/plugins/iconengines/",
        "translations/qtbase_zh_CN.qm",
    ):
        assert any(wanted in name for name in relative), wanted
    assert any(re.search(r"keyring-[\d.]+\.dist-info/entry_points\.txt$", n) for n in relative)
    assert not any(name.endswith(".ts") for name in relative)
    size = sum(p.stat().st_size for p in files if not p.is_symlink())
    assert size < MAX_FOLDER_MIB * 2**20, f"{size / 2**20:.0f} MiB"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the tarball is for Linux")
def test_tarball_installs_a_working_app_with_menu_entry(build: Build, tmp_path: Path) -> None:
    tarball = build.tarball()
    top = tarball.name.removesuffix(".tar.gz")
    with tarfile.open(tarball) as tar:
        names = set(tar.getnames())
        for member in (
            f"{top}/ecovdesk/ecovdesk",
            f"{top}/ecovdesk.desktop",
            f"{top}/install.sh",
            f"{top}/icons/hicolor/256x256/apps/ecovdesk.png",
            f"{top}/icons/hicolor/scalable/apps/ecovdesk.svg",
        ):
            assert member in names, member
        assert all(name == top or name.startswith(f"{top}/") for name in names)
        tar.extractall(tmp_path / "unpacked", filter="tar")

    prefix = tmp_path / "prefix"
    env = dict(os.environ, PREFIX=str(prefix), HOME=str(tmp_path))
    install = tmp_path / "unpacked" / top / "install.sh"
    subprocess.run([str(install)], env=env, check=True, capture_output=True, timeout=120)

    desktop = prefix / "share" / "applications" / "ecovdesk.desktop"
    entry = desktop.read_text("utf-8")
    exec_line = re.search(r'^Exec="([^"]+)"$', entry, re.MULTILINE)
    assert exec_line is not None, entry
    assert os.access(exec_line.group(1), os.X_OK)
    assert "Icon=ecovdesk" in entry
    assert (prefix / "share/icons/hicolor/48x48/apps/ecovdesk.png").is_file()
    # The unpacked copy moves away; the installed one must not need it.
    (tmp_path / "unpacked" / top / "ecovdesk").rename(tmp_path / "unpacked" / top / "moved")
    assert_passed(run_smoke(prefix / "bin" / "ecovdesk", tmp_path / "profile"))

    subprocess.run([str(install), "--uninstall"], env=env, check=False, timeout=60)
    assert not desktop.exists()
    assert not (prefix / "lib" / "ecovdesk").exists()
    assert not (prefix / "bin" / "ecovdesk").exists()


@pytest.mark.skipif(shutil.which("desktop-file-validate") is None, reason="installed by .ci/run")
def test_desktop_entry_is_valid() -> None:
    result = subprocess.run(
        ["desktop-file-validate", str(ROOT / "packaging" / "linux" / "ecovdesk.desktop")],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0 and not result.stdout.strip(), result.stdout
