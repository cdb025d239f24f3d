"""Loading the translation for the system language or the one chosen in Settings."""

from __future__ import annotations

from importlib import resources

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

_installed: list[QTranslator] = []


def resolve_language(setting: str, system: QLocale | None = None) -> str:
    if setting in ("zh_CN", "en"):
        return setting
    locale = system or QLocale.system()
    return "zh_CN" if locale.language() == QLocale.Language.Chinese else "en"


def install_translation(app: QApplication, setting: str) -> str:
    """Install the app's and Qt's own translations; returns the language in use."""
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    language = resolve_language(setting)
    # English is the source language, but its plural forms come from its own catalogue.
    qm = resources.files("ecovdesk.resources").joinpath("i18n", f"ecovdesk_{language}.qm")
    own = QTranslator(app)
    if qm.is_file() and own.load(str(qm)):
        app.installTranslator(own)
        _installed.append(own)
    if language == "en":
        return language
    qt = QTranslator(app)
    if qt.load(
        QLocale(language),
        "qtbase",
        "_",
        QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath),
    ):
        app.installTranslator(qt)
        _installed.append(qt)
    return language
