"""Showing the settings dialog and applying what the user chose."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from ecovdesk.core.preferences import Preferences
from ecovdesk.ui.i18n import install_translation, resolve_language
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
    language_changed = resolve_language(chosen.language) != resolve_language(settings.language)
    preferences.change(
        replace(
            settings,
            base_url=chosen.base_url,
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
            # Asked in the new language; until the restart the window stays in the one it
            # was built in, since widgets already shown keep their words and new ones would
            # mix the two languages.
            install_translation(app, chosen.language)
            restarting = _language_changed(parent, on_restart)
            if not restarting:
                install_translation(app, settings.language)
    return True


def _language_changed(parent: QWidget | None, on_restart: Callable[[], None] | None) -> bool:
    """Says, in the new language, that it shows after a restart, and offers ``on_restart``.
    Whether the restart is under way."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Information)
    box.setWindowTitle(QCoreApplication.translate("SettingsFlow", "Language"))
    box.setText(
        QCoreApplication.translate(
            "SettingsFlow", "ecovdesk shows the new language once it starts again."
        )
    )
    if on_restart is None:
        box.exec()
        return False
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
    if box.clickedButton() is not restart:
        return False
    on_restart()
    return True
