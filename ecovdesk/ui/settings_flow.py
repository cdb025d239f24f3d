"""Showing the settings dialog and applying what the user chose."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from ecovdesk.core.preferences import Preferences
from ecovdesk.ui.i18n import install_translation
from ecovdesk.ui.settings_dialog import SettingsDialog, SettingsValues
from ecovdesk.ui.theme import apply_theme


def edit_settings(
    parent: QWidget | None,
    preferences: Preferences,
    *,
    first_run: bool,
    on_dark: Callable[[bool], None] | None = None,
    on_restart: Callable[[], None] | None = None,
) -> bool:
    """Shows the dialog and applies what was chosen; ``on_dark`` is told whether the theme
    now in force is dark, so that what is already shown can be coloured for it. A new
    language offers ``on_restart``, which starts ecovdesk again to show all of it."""
    settings = preferences.settings
    values = SettingsValues(
        base_url=settings.base_url,
        api_key=preferences.api_key(),
        key_session_only=settings.key_in_session_only,
        proxy=settings.proxy,
        timeout=settings.timeout,
        theme=settings.theme,
        language=settings.language,
    )
    dialog = SettingsDialog(
        values,
        keyring_available=preferences.keys.keyring_available(),
        key_from_environment=preferences.keys.key_source(settings.base_url) == "env",
        tester=preferences.test_connection,
        first_run=first_run,
        parent=parent,
    )
    if not dialog.exec():
        return False
    chosen = dialog.values()
    language_changed = chosen.language != settings.language
    preferences.change(
        replace(
            settings,
            base_url=chosen.base_url or settings.base_url,
            proxy=chosen.proxy,
            timeout=chosen.timeout,
            theme=chosen.theme,
            language=chosen.language,
        ),
        chosen.api_key,
        key_session_only=chosen.key_session_only,
    )
    app = QApplication.instance()
    if isinstance(app, QApplication):
        dark = apply_theme(app, chosen.theme)
        if on_dark is not None:
            on_dark(dark)
        if language_changed:
            install_translation(app, chosen.language)
            _language_changed(parent, on_restart)
    return True


def _language_changed(parent: QWidget | None, on_restart: Callable[[], None] | None) -> None:
    """Says, in the new language, what it changes at once, and offers ``on_restart``."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Information)
    box.setWindowTitle(QCoreApplication.translate("SettingsFlow", "Language"))
    box.setText(
        QCoreApplication.translate(
            "SettingsFlow",
            "The new language is used for everything opened from now on; "
            "restart ecovdesk to switch the whole window.",
        )
    )
    if on_restart is None:
        box.exec()
        return
    box.setInformativeText(
        QCoreApplication.translate(
            "SettingsFlow",
            "A reply still being written stops where it is and is kept; picture, music and "
            "video jobs already sent go on after the restart.",
        )
    )
    restart = box.addButton(
        QCoreApplication.translate("SettingsFlow", "Restart now"),
        QMessageBox.ButtonRole.AcceptRole,
    )
    box.addButton(
        QCoreApplication.translate("SettingsFlow", "Later"), QMessageBox.ButtonRole.RejectRole
    )
    box.setDefaultButton(restart)
    box.exec()
    if box.clickedButton() is restart:
        on_restart()
