"""Previews are checked and decoded off the window's thread, to fit the square they fill."""

from __future__ import annotations

import io

from PIL import Image

from ecovdesk.core.job_preview import decode_preview


def _encoded(size: tuple[int, int], fmt: str, color: str = "teal") -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, color).save(out, format=fmt)
    return out.getvalue()


def test_a_preview_is_scaled_to_fill_its_square_keeping_its_shape() -> None:
    wide = decode_preview(_encoded((1000, 400), "JPEG"), 256)
    assert wide is not None and (wide.width, wide.height) == (256, 102)
    assert len(wide.rgba) == 256 * 102 * 4
    # A small picture grows to fill the square, as the card has always shown it.
    small = decode_preview(_encoded((64, 128), "PNG"), 256)
    assert small is not None and (small.width, small.height) == (128, 256)


def test_the_pixels_are_the_picture_s_own() -> None:
    pixels = decode_preview(_encoded((300, 300), "PNG", "#ff0000"), 256)
    assert pixels is not None
    middle = (128 * 256 + 128) * 4
    assert pixels.rgba[middle : middle + 4] == b"\xff\x00\x00\xff"


def test_what_is_not_a_safe_raster_picture_is_not_decoded() -> None:
    page = b"<!DOCTYPE html><html><body>502</body></html>"
    svg = b'<svg xmlns="http://www.w3.org/2000/svg" width="8" height="8"></svg>'
    truncated = _encoded((200, 200), "PNG")[:300]
    for data in (page, svg, truncated, b""):
        assert decode_preview(data, 256) is None
