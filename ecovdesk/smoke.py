"""``--smoke-test``: prove that a build carries everything the app loads at run time.

A frozen app that lacks a Qt plugin, a translation or a keyring backend starts fine and fails
later, in front of a user. These checks touch each of those once, print one line per check
(``smoke: NAME: ok (DETAIL)``), and raise :class:`SmokeTestFailed` naming the ones that failed.
The lines also go to the log, since a windowed Windows build has no console to print to.
"""

from __future__ import annotations

import asyncio
import atexit
import importlib
import io
import logging
import shutil
import sys
import tempfile
import unicodedata
from collections.abc import Callable
from importlib import metadata, resources

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QTranslator
from PySide6.QtGui import QColor, QIcon, QImageReader
from PySide6.QtWidgets import QApplication, QMainWindow, QTabWidget

from ecovdesk.paths import ProfilePaths
from ecovdesk.ui.i18n import resolve_language

log = logging.getLogger(__name__)

# The keyring backend each platform's users rely on: entry point, class, and the module it
# needs when the backend itself cannot be asked (see check_keyring).
_NATIVE_KEYRING = {
    "linux": ("SecretService", "Keyring", "secretstorage"),
    "win32": ("Windows", "WinVaultKeyring", ""),
    "darwin": ("macOS", "Keyring", ""),
}


class SmokeTestFailed(Exception):
    pass


class _CheckFailed(Exception):
    pass


def temporary_profile() -> str:
    """A fresh profile folder that is removed when the process ends."""
    folder = tempfile.mkdtemp(prefix="ecovdesk-smoke-")
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    return folder


def _report(line: str) -> None:
    log.info("%s", line)
    print(line, flush=True)


def _has_cjk(text: str) -> bool:
    return any(unicodedata.name(ch, "").startswith("CJK") for ch in text)


def visible_texts(window: QMainWindow) -> list[str]:
    """Menu titles and tab labels: fixed words that are translated in every language."""
    texts = [action.text() for action in window.menuBar().actions()]
    for tabs in window.findChildren(QTabWidget):
        texts.extend(tabs.tabText(i) for i in range(tabs.count()))
    return [text.replace("&", "") for text in texts if text]


def check_profile(paths: ProfilePaths) -> str:
    if not paths.database_file.is_file():
        raise _CheckFailed(f"no database in {paths.root}")
    return str(paths.root)


def check_translations() -> str:
    folder = resources.files("ecovdesk.resources").joinpath("i18n")
    for language in ("zh_CN", "en"):
        qm = folder.joinpath(f"ecovdesk_{language}.qm")
        translator = QTranslator()
        if not qm.is_file() or not translator.load(str(qm)) or translator.isEmpty():
            raise _CheckFailed(f"ecovdesk_{language}.qm is missing or empty")
    return "ecovdesk_zh_CN.qm, ecovdesk_en.qm"


def check_language(window: QMainWindow, setting: str) -> str:
    """The window speaks the language the system (or the setting) asks for."""
    language = resolve_language(setting)
    texts = visible_texts(window)
    if not texts:
        raise _CheckFailed("the window shows no menu or tab titles")
    chinese = any(_has_cjk(text) for text in texts)
    if chinese != (language == "zh_CN"):
        raise _CheckFailed(f"expected {language}, the window shows {' | '.join(texts)}")
    return f"{language} [{' | '.join(texts)}]"


# Two halves of known colours, lossless, so both decoders can be held to exact pixels.
# Qt's webp reader rejects lossless files under about 40 bytes, hence not a 1x1 picture.
_WEBP_SIZE = (32, 24)
_LEFT, _RIGHT = (200, 30, 60), (20, 90, 220)


def _tiny_webp() -> bytes:
    from PIL import Image

    picture = Image.new("RGB", _WEBP_SIZE, _LEFT)
    picture.paste(_RIGHT, (_WEBP_SIZE[0] // 2, 0, *_WEBP_SIZE))
    out = io.BytesIO()
    picture.save(out, format="WEBP", lossless=True)
    return out.getvalue()


def check_webp_pillow() -> str:
    from PIL import Image, features

    if not features.check("webp"):
        raise _CheckFailed("Pillow was built without WebP")
    with Image.open(io.BytesIO(_tiny_webp())) as picture:
        rgb = picture.convert("RGB")
    pixels = (rgb.getpixel((2, 2)), rgb.getpixel((_WEBP_SIZE[0] - 2, 2)))
    if rgb.size != _WEBP_SIZE or pixels != (_LEFT, _RIGHT):
        raise _CheckFailed(f"decoded {rgb.size} with pixels {pixels}")
    return "{}x{} decoded".format(*_WEBP_SIZE)


def check_webp_qt() -> str:
    if b"webp" not in {bytes(f.data()) for f in QImageReader.supportedImageFormats()}:
        raise _CheckFailed("Qt has no webp image plugin")
    data = QByteArray(_tiny_webp())
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    reader = QImageReader(buffer, QByteArray(b"webp"))
    image = reader.read()
    if image.isNull():
        raise _CheckFailed(f"QImageReader: {reader.errorString()}")
    pixels = (QColor(image.pixel(2, 2)), QColor(image.pixel(_WEBP_SIZE[0] - 2, 2)))
    rgb = tuple((color.red(), color.green(), color.blue()) for color in pixels)
    if (image.width(), image.height()) != _WEBP_SIZE or rgb != (_LEFT, _RIGHT):
        raise _CheckFailed(f"decoded {image.width()}x{image.height()} with pixels {rgb}")
    return "{}x{} decoded".format(*_WEBP_SIZE)


def check_icon() -> str:
    svg = resources.files("ecovdesk.resources").joinpath("icons", "ecovdesk.svg")
    if not svg.is_file():
        raise _CheckFailed("icons/ecovdesk.svg is missing")
    if QIcon(str(svg)).pixmap(64, 64).isNull():
        raise _CheckFailed("the SVG icon does not render (Qt svg plugin missing?)")
    return "svg renders"


def check_media() -> str:
    """QtMultimedia imports and finds its backend; a machine without speakers is fine."""
    try:
        from PySide6.QtMultimedia import QAudioOutput, QMediaPlayer
    except ImportError as error:
        raise _CheckFailed(f"QtMultimedia: {error}") from error
    player = QMediaPlayer()
    output = QAudioOutput()
    player.setAudioOutput(output)
    available = player.isAvailable()
    player.deleteLater()
    output.deleteLater()
    if not available:
        raise _CheckFailed("QMediaPlayer has no backend (multimedia plugin missing)")
    return "QMediaPlayer with QAudioOutput"


def check_http() -> str:
    """A bundle without aiohttp's compiled HTTP parser still works, on its pure-Python
    fallback, at several times the cost of reading a fast reply."""
    from aiohttp import http_parser

    if http_parser.HttpResponseParser is http_parser.HttpResponseParserPy:
        raise _CheckFailed("aiohttp's compiled HTTP parser is missing")
    return "aiohttp with its compiled parser"


def check_keyring() -> str:
    """keyring finds its backends through entry points, which a bundle can easily lose."""
    names = sorted(ep.name for ep in metadata.entry_points(group="keyring.backends"))
    native = _NATIVE_KEYRING.get(sys.platform)
    if native is None:
        return ", ".join(names)
    entry_point, backend_class, needs = native
    if entry_point not in names:
        raise _CheckFailed(f"no {entry_point} backend among {names}")
    module = importlib.import_module(
        metadata.entry_points(group="keyring.backends")[entry_point].value
    )
    if needs:
        # Usable only with a D-Bus session, which a build machine may not have; the library
        # it talks through must be bundled all the same.
        importlib.import_module(needs)
    else:
        # The priority is computed by the backend itself, and it refuses when its system
        # libraries (pywin32-ctypes, the Security framework) cannot be loaded.
        priority = getattr(module, backend_class).priority
        if priority <= 0:
            raise _CheckFailed(f"{entry_point} backend not usable (priority {priority})")
    return ", ".join(names)


async def run_checks(
    app: QApplication, window: QMainWindow, paths: ProfilePaths, language_setting: str
) -> None:
    """Run every check against the shown window; raises SmokeTestFailed if any fails."""
    # Let the window be laid out and painted once, as a user would first see it.
    await asyncio.sleep(0.2)
    checks: list[tuple[str, Callable[[], str]]] = [
        ("profile", lambda: check_profile(paths)),
        ("window", lambda: "shown" if window.isVisible() else _fail("the window is not visible")),
        ("translations", check_translations),
        ("language", lambda: check_language(window, language_setting)),
        ("icon", check_icon),
        ("webp-pillow", check_webp_pillow),
        ("webp-qt", check_webp_qt),
        ("media", check_media),
        ("http", check_http),
        ("keyring", check_keyring),
    ]
    failed = []
    for name, check in checks:
        try:
            _report(f"smoke: {name}: ok ({check()})")
        except Exception as error:
            failed.append(name)
            _report(f"smoke: {name}: FAILED ({error})")
    app.processEvents()
    if failed:
        raise SmokeTestFailed(f"smoke test failed: {', '.join(failed)}")
    _report("smoke: all checks passed")


def _fail(reason: str) -> str:
    raise _CheckFailed(reason)
