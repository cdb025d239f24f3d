"""Where a picture's own bytes end, found by walking its container format.

Bytes after that point are no part of the picture: a ZIP archive or a web page glued to a
valid image makes a file that is both (a polyglot), which a browser or an archiver opening
an exported copy would treat as the other thing. These functions never decode pixels; they
return None when the structure cannot be followed, and the caller then decides nothing.
"""

from __future__ import annotations

import struct

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def image_end(data: bytes, mime: str) -> int | None:
    """The offset just past the picture in ``data``, or None when it cannot be told."""
    walkers = {"image/png": _png_end, "image/gif": _gif_end, "image/webp": _webp_end}
    walker = walkers.get(mime) or (_jpeg_end if mime == "image/jpeg" else None)
    if walker is None:
        return None
    try:
        return walker(data)
    except (IndexError, ValueError, struct.error):
        return None


def _png_end(data: bytes) -> int | None:
    position = len(PNG_SIGNATURE)
    while position + 8 <= len(data):
        length, kind = struct.unpack(">I4s", data[position : position + 8])
        position += 12 + length
        if kind == b"IEND":
            return position if position <= len(data) else None
    return None


def _skip_sub_blocks(data: bytes, position: int) -> int:
    while True:
        size = data[position]
        position += 1 + size
        if size == 0:
            return position


def _gif_end(data: bytes) -> int | None:
    flags = data[10]
    position = 13 + (3 << ((flags & 7) + 1) if flags & 0x80 else 0)
    while position < len(data):
        block = data[position]
        if block == 0x3B:  # trailer
            return position + 1
        if block == 0x21:  # extension: label, then data sub-blocks
            position = _skip_sub_blocks(data, position + 2)
        elif block == 0x2C:  # image: descriptor, local colour table, LZW size, sub-blocks
            local = data[position + 9]
            position += 10 + (3 << ((local & 7) + 1) if local & 0x80 else 0)
            position = _skip_sub_blocks(data, position + 1)
        else:
            return None
    return None


def _webp_end(data: bytes) -> int | None:
    size = int(struct.unpack("<I", data[4:8])[0])
    return 8 + size + (size & 1)


# Markers that stand alone, without a length: TEM and the restart markers.
_STANDALONE = {0x01, *range(0xD0, 0xD8)}


def _jpeg_end(data: bytes) -> int | None:
    position = 2
    while position + 2 <= len(data):
        if data[position] != 0xFF:
            return None
        marker = data[position + 1]
        if marker == 0xFF:  # fill byte
            position += 1
            continue
        if marker == 0xD9:  # end of image
            return position + 2
        if marker in _STANDALONE:
            position += 2
            continue
        length = struct.unpack(">H", data[position + 2 : position + 4])[0]
        position += 2 + length
        if marker == 0xDA:  # start of scan: entropy-coded data up to the next real marker
            position = _after_scan(data, position)
    return None


def _after_scan(data: bytes, position: int) -> int:
    while True:
        position = data.index(b"\xff", position)
        following = data[position + 1]
        # FF00 is an escaped FF and FFD0-FFD7 restart markers belong to the scan.
        if following == 0 or following in _STANDALONE or following == 0xFF:
            position += 1 if following == 0xFF else 2
            continue
        return position
