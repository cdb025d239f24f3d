"""Opening pictures with Pillow, imported with the first picture rather than at start.

Pillow costs about 3.5 MiB and 10 ms to import, and many sessions never handle a picture.
Every picture the core decodes is opened here, so the app's decompression-bomb limit is in
force before any picture is read, whichever module reads first.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PIL.Image import Image

# 64 megapixels is above any picture model's output (the largest are about 16 MP) and keeps
# a decoded RGBA frame near 256 MB. The library refuses pictures above it from their header;
# Pillow itself raises DecompressionBombError above twice as many.
MAX_PIXELS = 64_000_000


def open_image(source: bytes | Path, formats: list[str] | None = None) -> Image:
    """``source`` opened lazily by Pillow, as ``PIL.Image.open`` does (pixels load on use)."""
    from PIL import Image as pil_image

    pil_image.MAX_IMAGE_PIXELS = MAX_PIXELS
    fp = io.BytesIO(source) if isinstance(source, bytes) else source
    return pil_image.open(fp, formats=formats)
