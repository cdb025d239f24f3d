"""Light and dark palettes; "system" follows the platform's colour scheme."""

from __future__ import annotations

from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

from ecovdesk.ui.looks import follow_palette

DARK_BELOW = 128  # lightness of a dark window background, 0–255


# Whether the platform's own palette is dark, read once: after the first theme is applied
# the application's palette is ours, and "system" chosen later would follow the old theme.
_platform_dark: bool | None = None


def is_dark(theme: str) -> bool:
    global _platform_dark
    if theme == "dark":
        return True
    if theme == "light":
        return False
    if _platform_dark is None:
        # The platform's own palette follows its colour scheme. Asking for the scheme itself
        # (QStyleHints.colorScheme) would build PySide's whole Qt namespace, 16 ms, before the
        # window is first painted.
        lightness = QGuiApplication.palette().color(QPalette.ColorRole.Window).lightness()
        _platform_dark = lightness < DARK_BELOW
    return _platform_dark


def _dark_palette() -> QPalette:
    p = QPalette()
    roles = {
        QPalette.ColorRole.Window: "#1e1f22",
        QPalette.ColorRole.WindowText: "#e6e6e6",
        # Fusion outlines check boxes and fields with the window colour made darker, which on a
        # dark window is all but black: the fill has to stand out from the window instead.
        QPalette.ColorRole.Base: "#2d3036",
        QPalette.ColorRole.AlternateBase: "#2f3338",
        QPalette.ColorRole.Text: "#e6e6e6",
        QPalette.ColorRole.Button: "#2b2d31",
        QPalette.ColorRole.ButtonText: "#e6e6e6",
        QPalette.ColorRole.Highlight: "#3d7eff",
        QPalette.ColorRole.HighlightedText: "#ffffff",
        QPalette.ColorRole.ToolTipBase: "#2b2d31",
        QPalette.ColorRole.ToolTipText: "#e6e6e6",
        QPalette.ColorRole.PlaceholderText: "#9aa0a6",
        QPalette.ColorRole.Link: "#6ea8fe",
        QPalette.ColorRole.Mid: "#44474d",
    }
    for role, color in roles.items():
        p.setColor(role, QColor(color))
    p.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text, QColor("#777"))
    p.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.WindowText, QColor("#8a8d93"))
    p.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Base, QColor("#26282c"))
    p.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.ButtonText, QColor("#777"))
    return p


def _light_palette() -> QPalette:
    p = QApplication.style().standardPalette()
    p.setColor(QPalette.ColorRole.AlternateBase, QColor("#eef3fb"))
    p.setColor(QPalette.ColorRole.Mid, QColor("#d0d4da"))
    return p


def apply_theme(app: QApplication, theme: str) -> bool:
    """Apply the palette; returns whether it is dark. Code blocks are coloured when they are
    rendered, so whoever changes the theme later must also tell the window
    (``MainWindow.set_dark``)."""
    dark = is_dark(theme)  # before Fusion replaces the platform's palette
    app.setStyle("Fusion")
    app.setPalette(_dark_palette() if dark else _light_palette())
    follow_palette(app)
    return dark
