"""The font Chinese text is drawn in.

Han characters are shared by Chinese and Japanese but drawn differently (骨, 直, 说). With no
font named for them, Qt takes the first CJK font the system lists, and on Linux that is
often a Japanese cut (Noto Sans CJK JP) whatever the language: replies then look Japanese.
Naming a Simplified Chinese font after the interface font fixes the forms, and spares every
Han character a search through the system's list of fallback fonts.
"""

from __future__ import annotations

from functools import lru_cache

from PySide6.QtGui import QFontDatabase, QFontInfo
from PySide6.QtWidgets import QApplication

# Windows, macOS, then the usual Linux packages; the first one installed is used.
SIMPLIFIED_CHINESE = (
    "Microsoft YaHei UI",
    "Microsoft YaHei",
    "PingFang SC",
    "Noto Sans CJK SC",
    "Noto Sans SC",
    "Source Han Sans SC",
    "Source Han Sans CN",
    "WenQuanYi Micro Hei",
    "WenQuanYi Zen Hei",
)
# Their monospaced cuts, for Chinese in code (comments, strings).
SIMPLIFIED_CHINESE_MONO = ("Noto Sans Mono CJK SC", "Sarasa Mono SC")


def _installed(names: tuple[str, ...]) -> str | None:
    return next((name for name in names if QFontDatabase.hasFamily(name)), None)


def chinese_family() -> str | None:
    return _installed(SIMPLIFIED_CHINESE)


@lru_cache(maxsize=1)
def code_style_sheet() -> str:
    """CSS for rich text documents: code in the system's monospaced font, its Han characters
    in a Simplified Chinese one (monospaced if there is one)."""
    chinese = _installed(SIMPLIFIED_CHINESE_MONO) or chinese_family()
    mono = QFontInfo(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)).family()
    if chinese is None or _private(mono):
        return ""
    return f"code, pre {{ font-family: '{mono}', '{chinese}'; }}"


def prefer_simplified_chinese(app: QApplication) -> None:
    """Han characters in every widget and document come from a Simplified Chinese font, when
    one is installed; everything else keeps the interface font."""
    chinese = chinese_family()
    if chinese is None:
        return
    font = app.font()
    # The family actually drawn: the one asked for may be an alias ("Sans Serif"), which a
    # list of families skips, leaving the Chinese font to draw Latin text too.
    interface = QFontInfo(font).family()
    if interface != chinese and not _private(interface):
        font.setFamilies([interface, chinese])
        app.setFont(font)


def _private(family: str) -> bool:
    """macOS names its system fonts privately (".AppleSystemUIFont"): named in a list they are
    not found. Its own cascade, which follows the user's preferred languages, stays in charge."""
    return family.startswith(".")
