"""A picture's parameters in the words the options panels use, for the viewer.

Options are named and worded exactly as in the panel the user chose them in, from that
panel's translations; internal bookkeeping (task ids, roles, buttons' ids) is left out.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QCoreApplication

from ecovdesk.core.domain import Asset
from ecovdesk.ui.image_options_panel import ideogram_ratio_text

Params = Mapping[str, object]


def parameter_lines(asset: Asset) -> list[str]:
    """One line per thing worth knowing about how the picture was made, in the user's
    language; empty when there is nothing beyond the prompt, model and size."""
    params = asset.provenance.params
    lines = [line for line in (_piece(params), _button(params)) if line]
    requested = _requested_size(params.get("size"), asset.width, asset.height)
    if requested:
        lines.append(requested)
    labels, words = _labels(), _value_words()
    for key, name in labels.items():
        value = params.get(key)
        if value in (None, "", False):
            continue
        if value is True:
            lines.append(name)
            continue
        shown = _shown_value(key, value, words)
        lines.append(
            QCoreApplication.translate("PictureParams", "%1: %2")
            .replace("%1", name)
            .replace("%2", shown)
        )
    revised = params.get("revised_prompt")
    if isinstance(revised, str) and revised.strip():
        lines += [
            QCoreApplication.translate("PictureParams", "Prompt the model drew from:"),
            revised.strip(),
        ]
    return lines


def _piece(params: Params) -> str:
    grid, quadrant = params.get("from_grid"), params.get("quadrant")
    if grid in (None, "") or quadrant in (None, ""):
        return ""
    return (
        QCoreApplication.translate("PictureParams", "Picture %1 of grid #%2")
        .replace("%1", str(quadrant))
        .replace("%2", str(grid))
    )


def _button(params: Params) -> str:
    pressed = params.get("label")
    if not isinstance(pressed, str) or not pressed.strip():
        return ""
    return QCoreApplication.translate("PictureParams", "Made with the %1 button").replace(
        "%1", pressed.strip()
    )


def _requested_size(size: object, width: int | None, height: int | None) -> str:
    """The size asked for, only when the picture came out another size."""
    if not isinstance(size, str) or not size.strip():
        return ""
    asked = size.strip().lower().replace("×", "x").replace(" ", "")
    if width and height and asked == f"{width}x{height}":
        return ""
    shown = asked.replace("x", " × ") if _is_size(asked) else size.strip()
    return QCoreApplication.translate("PictureParams", "Requested size: %1").replace("%1", shown)


def _is_size(text: str) -> bool:
    wide, _, high = text.partition("x")
    return wide.isdigit() and high.isdigit()


def _shown_value(key: str, value: object, words: Mapping[str, Mapping[str, str]]) -> str:
    text = str(value)
    if key == "aspect_ratio":
        return ideogram_ratio_text(text)
    return words.get(key, {}).get(text, text)


def _labels() -> dict[str, str]:
    """Each option under the name its panel gives it, in the order shown."""
    return {
        "aspect_ratio": QCoreApplication.translate("ImageOptionsPanel", "Aspect ratio"),
        "quality": QCoreApplication.translate("ImageOptionsPanel", "Quality"),
        "style": QCoreApplication.translate("ImageOptionsPanel", "Style"),
        "substyle": QCoreApplication.translate("ImageOptionsPanel", "Substyle"),
        "style_type": QCoreApplication.translate("ImageOptionsPanel", "Style type"),
        "magic_prompt_option": QCoreApplication.translate("ImageOptionsPanel", "Magic prompt"),
        "negative_prompt": QCoreApplication.translate("ImageOptionsPanel", "Negative prompt"),
        "resolution": QCoreApplication.translate("PictureParams", "Resolution"),
        "dimensions": QCoreApplication.translate("MidjourneyOptionsPanel", "Blend shape"),
        "version": QCoreApplication.translate("MidjourneyOptionsPanel", "Version"),
        "stylize": QCoreApplication.translate("MidjourneyOptionsPanel", "Stylize"),
        "chaos": QCoreApplication.translate("MidjourneyOptionsPanel", "Chaos"),
        "weird": QCoreApplication.translate("MidjourneyOptionsPanel", "Weird"),
        "raw": QCoreApplication.translate("MidjourneyOptionsPanel", "Raw style"),
        "tile": QCoreApplication.translate("MidjourneyOptionsPanel", "Tile"),
        "no": QCoreApplication.translate("MidjourneyOptionsPanel", "Leave out (--no)"),
        "sref": QCoreApplication.translate("MidjourneyOptionsPanel", "Style reference"),
        "cref": QCoreApplication.translate("MidjourneyOptionsPanel", "Character reference"),
        "mode": QCoreApplication.translate("MidjourneyOptionsPanel", "Speed"),
        "seed": QCoreApplication.translate("ImageOptionsPanel", "Seed"),
        "title": QCoreApplication.translate("SunoOptionsPanel", "Title"),
        "tags": QCoreApplication.translate("SunoOptionsPanel", "Style"),
    }


def _value_words() -> dict[str, dict[str, str]]:
    """The words each panel shows for the values it sends."""
    return {
        "quality": {
            "standard": QCoreApplication.translate("ImageOptionsPanel", "Standard"),
            "hd": QCoreApplication.translate("ImageOptionsPanel", "HD"),
        },
        "style": {
            "vivid": QCoreApplication.translate("ImageOptionsPanel", "Vivid"),
            "natural": QCoreApplication.translate("ImageOptionsPanel", "Natural"),
            "realistic_image": QCoreApplication.translate("ImageOptionsPanel", "Realistic photo"),
            "digital_illustration": QCoreApplication.translate(
                "ImageOptionsPanel", "Digital illustration"
            ),
            "vector_illustration": QCoreApplication.translate(
                "ImageOptionsPanel", "Vector illustration"
            ),
            "icon": QCoreApplication.translate("ImageOptionsPanel", "Icon"),
            "any": QCoreApplication.translate("ImageOptionsPanel", "Any style"),
        },
        "substyle": {
            "b_and_w": QCoreApplication.translate("ImageOptionsPanel", "Black and white"),
            "hard_flash": QCoreApplication.translate("ImageOptionsPanel", "Hard flash"),
            "hdr": QCoreApplication.translate("ImageOptionsPanel", "HDR"),
            "natural_light": QCoreApplication.translate("ImageOptionsPanel", "Natural light"),
            "studio_portrait": QCoreApplication.translate("ImageOptionsPanel", "Studio portrait"),
            "enterprise": QCoreApplication.translate("ImageOptionsPanel", "Business"),
            "motion_blur": QCoreApplication.translate("ImageOptionsPanel", "Motion blur"),
            "pixel_art": QCoreApplication.translate("ImageOptionsPanel", "Pixel art"),
            "hand_drawn": QCoreApplication.translate("ImageOptionsPanel", "Hand-drawn"),
            "grain": QCoreApplication.translate("ImageOptionsPanel", "Film grain"),
            "infantile_sketch": QCoreApplication.translate("ImageOptionsPanel", "Child's drawing"),
            "2d_art_poster": QCoreApplication.translate("ImageOptionsPanel", "2D art poster"),
            "handmade_3d": QCoreApplication.translate("ImageOptionsPanel", "Handmade 3D"),
            "engraving": QCoreApplication.translate("ImageOptionsPanel", "Engraving"),
            "line_art": QCoreApplication.translate("ImageOptionsPanel", "Line art"),
        },
        "style_type": {
            "AUTO": QCoreApplication.translate("ImageOptionsPanel", "Auto"),
            "GENERAL": QCoreApplication.translate("ImageOptionsPanel", "General"),
            "REALISTIC": QCoreApplication.translate("ImageOptionsPanel", "Realistic"),
            "DESIGN": QCoreApplication.translate("ImageOptionsPanel", "Design"),
            "RENDER_3D": QCoreApplication.translate("ImageOptionsPanel", "3D render"),
            "ANIME": QCoreApplication.translate("ImageOptionsPanel", "Anime"),
        },
        "magic_prompt_option": {
            "AUTO": QCoreApplication.translate("ImageOptionsPanel", "Auto"),
            "ON": QCoreApplication.translate("ImageOptionsPanel", "On"),
            "OFF": QCoreApplication.translate("ImageOptionsPanel", "Off"),
        },
        "dimensions": {
            "SQUARE": QCoreApplication.translate("MidjourneyOptionsPanel", "Square"),
            "PORTRAIT": QCoreApplication.translate("MidjourneyOptionsPanel", "Portrait"),
            "LANDSCAPE": QCoreApplication.translate("MidjourneyOptionsPanel", "Landscape"),
        },
        "mode": {
            "fast": QCoreApplication.translate("MidjourneyOptionsPanel", "Fast"),
            "relax": QCoreApplication.translate("MidjourneyOptionsPanel", "Relaxed"),
            "turbo": QCoreApplication.translate("MidjourneyOptionsPanel", "Turbo"),
        },
    }
