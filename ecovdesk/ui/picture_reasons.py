"""Why a picture was refused, in plain words."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

# What the file itself is decides these: fetching the same link again gets the same answer.
_FINAL = frozenset({"too_large", "decompression_bomb", "unsafe_svg", "type_mismatch", "polyglot"})


def can_retry(reason: str) -> bool:
    """Whether fetching the link again may end differently (a broken or interrupted
    download), as opposed to a file refused for what it is."""
    return reason not in _FINAL


def describe_refusal(reason: str) -> str:
    texts = {
        "too_large": QCoreApplication.translate("PictureReasons", "The file is too large."),
        "not_an_image": QCoreApplication.translate(
            "PictureReasons", "The link did not return a picture."
        ),
        "truncated": QCoreApplication.translate(
            "PictureReasons", "The picture is incomplete or damaged."
        ),
        "decompression_bomb": QCoreApplication.translate(
            "PictureReasons", "The picture is far too large to open safely."
        ),
        "unsafe_svg": QCoreApplication.translate(
            "PictureReasons", "The vector picture refers to outside files or scripts."
        ),
        "type_mismatch": QCoreApplication.translate(
            "PictureReasons", "The file is not the kind of picture it claims to be."
        ),
        "download_failed": QCoreApplication.translate(
            "PictureReasons", "The picture could not be downloaded."
        ),
        "expired_or_missing": QCoreApplication.translate(
            "PictureReasons", "The picture's link has expired or no longer exists."
        ),
        "polyglot": QCoreApplication.translate(
            "PictureReasons", "The file is a picture and also something else, such as a web page."
        ),
    }
    return texts.get(
        reason, QCoreApplication.translate("PictureReasons", "The picture could not be stored.")
    )
