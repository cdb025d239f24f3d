"""Is a downloaded file what it claims to be, and is it safe to open?

Links from relays and CDNs can answer with an HTML error page, a truncated body, a file of
another kind, or an image crafted to exhaust memory when decoded. Everything that enters
the library passes through here first. The type always comes from the bytes themselves;
a declared type (a Content-Type header, a hint from the API) can only cause a refusal.

These functions block (Pillow decodes the whole image); run them off the event loop.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ecovdesk.core.domain import AssetKind
from ecovdesk.core.image_ends import image_end
from ecovdesk.core.pillow import MAX_PIXELS, open_image

if TYPE_CHECKING:
    import xml.etree.ElementTree as ElementTree

    from PIL import Image

TOO_LARGE = "too_large"
NOT_AN_IMAGE = "not_an_image"
TRUNCATED = "truncated"
DECOMPRESSION_BOMB = "decompression_bomb"
UNSAFE_SVG = "unsafe_svg"
TYPE_MISMATCH = "type_mismatch"
DOWNLOAD_FAILED = "download_failed"
EXPIRED_OR_MISSING = "expired_or_missing"
SAVE_FAILED = "save_failed"
POLYGLOT = "polyglot"

SVG_MIME = "image/svg+xml"
_SNIFF_BYTES = 4096

EXTENSIONS = {
    "image/png": "png",
    "image/jpeg": "jpg",
    "image/webp": "webp",
    "image/gif": "gif",
    SVG_MIME: "svg",
    "audio/mpeg": "mp3",
    "audio/mp4": "m4a",
    "video/mp4": "mp4",
    "video/webm": "webm",
}

# Pillow is only ever allowed the decoder the magic bytes named, so a file can never be
# routed into one of Pillow's rarer (and less hardened) plugins.
_PIL_FORMATS = {"image/png": "PNG", "image/jpeg": "JPEG", "image/webp": "WEBP", "image/gif": "GIF"}


class MediaRejected(Exception):
    """A file refused for the library; ``reason`` is one of the codes above."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class ImageFacts:
    """What a checked file turned out to be; the dimensions are None for sound and video."""

    mime: str
    width: int | None = None
    height: int | None = None


def kind_of(mime: str) -> AssetKind | None:
    major = mime.split("/", 1)[0].strip().lower()
    return {"image": AssetKind.IMAGE, "audio": AssetKind.AUDIO, "video": AssetKind.VIDEO}.get(major)


def extension_for(mime: str) -> str:
    return EXTENSIONS.get(mime, "bin")


def _is_mp3_frame(head: bytes) -> bool:
    if len(head) < 3 or head[0] != 0xFF or head[1] & 0xE0 != 0xE0:
        return False
    version = (head[1] >> 3) & 0b11
    layer = (head[1] >> 1) & 0b11
    bitrate = head[2] >> 4
    # Layer 0 is AAC's ADTS header and version 1 is reserved; bitrate 15 is invalid.
    return version != 0b01 and layer != 0 and bitrate != 0b1111


_SVG_START = re.compile(rb"<svg[\s>/]", re.I)


def _looks_like_svg(head: bytes) -> bool:
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    return text.startswith(b"<") and bool(_SVG_START.search(text[:_SNIFF_BYTES]))


def sniff(head: bytes) -> str | None:
    """The MIME type the leading bytes of a file prove, or None when they prove nothing."""
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png"
    if head.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "image/webp"
    if head[:6] in (b"GIF87a", b"GIF89a"):
        return "image/gif"
    if head[4:8] == b"ftyp":
        return "audio/mp4" if head[8:12] in (b"M4A ", b"M4B ") else "video/mp4"
    if head.startswith(b"\x1a\x45\xdf\xa3"):
        return "video/webm"
    if head.startswith(b"ID3") or _is_mp3_frame(head):
        return "audio/mpeg"
    if _looks_like_svg(head):
        return SVG_MIME
    return None


def _read_head(source: bytes | Path) -> bytes:
    if isinstance(source, bytes):
        return source[:_SNIFF_BYTES]
    with source.open("rb") as handle:
        return handle.read(_SNIFF_BYTES)


def _read_all(source: bytes | Path) -> bytes:
    return source if isinstance(source, bytes) else source.read_bytes()


def _refuse_declared_mismatch(sniffed: str, declared: str) -> None:
    declared_kind = kind_of(declared)
    if declared_kind is not None and declared_kind is not kind_of(sniffed):
        raise MediaRejected(TYPE_MISMATCH)


def check_media(
    source: bytes | Path,
    kind: AssetKind,
    *,
    declared_mime: str = "",
    max_pixels: int = MAX_PIXELS,
) -> ImageFacts:
    """Check a file meant to be stored as ``kind``; raise :class:`MediaRejected` if unfit.

    Images are fully decoded; sound and video are only identified, since nothing here plays
    them and the player opens them in its own process space with its own checks.
    """
    if kind is AssetKind.IMAGE:
        return check_image(source, declared_mime=declared_mime, max_pixels=max_pixels)
    sniffed = sniff(_read_head(source))
    if sniffed is None or kind_of(sniffed) is not kind:
        raise MediaRejected(TYPE_MISMATCH)
    _refuse_declared_mismatch(sniffed, declared_mime)
    return ImageFacts(sniffed)


def check_image(
    source: bytes | Path, *, declared_mime: str = "", max_pixels: int = MAX_PIXELS
) -> ImageFacts:
    """Type, width and height of a picture that decodes completely and safely."""
    sniffed = sniff(_read_head(source))
    if sniffed is None or kind_of(sniffed) is not AssetKind.IMAGE:
        raise MediaRejected(NOT_AN_IMAGE if sniffed is None else TYPE_MISMATCH)
    _refuse_declared_mismatch(sniffed, declared_mime)
    if sniffed == SVG_MIME:
        return check_svg(_read_all(source))
    return _check_raster(source, sniffed, max_pixels)


def _check_raster(source: bytes | Path, mime: str, max_pixels: int) -> ImageFacts:
    from PIL import Image

    formats = [_PIL_FORMATS[mime]]
    try:
        with _open(source, formats) as image:
            width, height = image.size
            # The header alone gives the size, so a bomb is refused before any pixel data
            # is decompressed.
            if width <= 0 or height <= 0:
                raise MediaRejected(NOT_AN_IMAGE)
            if width * height > max_pixels:
                raise MediaRejected(DECOMPRESSION_BOMB)
            # verify() walks every chunk and checksum (PNG), catching damage that still
            # decodes to pixels; it leaves the image unusable, hence the second open.
            image.verify()
        with _open(source, formats) as image:
            image.load()
        if _is_polyglot(_read_all(source), mime):
            raise MediaRejected(POLYGLOT)
    except Image.DecompressionBombError as exc:
        raise MediaRejected(DECOMPRESSION_BOMB) from exc
    except MediaRejected:
        raise
    except (OSError, SyntaxError, ValueError, EOFError) as exc:
        # Pillow reports a cut-off file as OSError or EOFError and a corrupt one as
        # SyntaxError or ValueError; for the user both mean the picture is unusable.
        raise MediaRejected(TRUNCATED) from exc
    return ImageFacts(mime, width, height)


# Markup a web page would run, where only picture bytes belong (a GIF header followed by a
# script is a classic polyglot).
_PAGE_MARKERS = re.compile(rb"<(script|html|body|iframe|!doctype|\?php)", re.I)
_ZIP_END = b"PK\x05\x06"
_ZIP_END_SIZE = 22


def _is_polyglot(data: bytes, mime: str) -> bool:
    """Whether a decodable picture is also something else: a web page or a ZIP archive
    inside it, or any bytes glued after its end (other than padding, or a phone's second
    JPEG picture, which the Multi-Picture Format appends)."""
    if _PAGE_MARKERS.search(data, 0, 1024):
        return True
    # A ZIP is read from its end record, whose comment reaches exactly to the end of file.
    found = data.rfind(_ZIP_END, max(0, len(data) - 65_557))
    if found >= 0 and found + _ZIP_END_SIZE <= len(data):
        comment = int.from_bytes(data[found + 20 : found + 22], "little")
        if found + _ZIP_END_SIZE + comment == len(data):
            return True
    end = image_end(data, mime)
    if end is None:
        return False
    rest = data[end:]
    if mime == "image/jpeg" and rest.startswith(b"\xff\xd8\xff"):
        return False
    return bool(rest.strip(b"\x00 \t\r\n"))


def _open(source: bytes | Path, formats: list[str]) -> Image.Image:
    from PIL import UnidentifiedImageError

    try:
        return open_image(source, formats)
    except UnidentifiedImageError as exc:
        # The magic bytes already named the format, so a header Pillow cannot read means a
        # damaged or cut-off file rather than some other kind of file.
        raise MediaRejected(TRUNCATED) from exc


# --- SVG -----------------------------------------------------------------------------------

_SVG_NS = "{http://www.w3.org/2000/svg}"
# Declarations are where entity expansion and external entities live; a drawing needs none.
_DECLARATION = re.compile(rb"<!\s*(DOCTYPE|ENTITY|ELEMENT|ATTLIST)", re.I)
_STYLESHEET_PI = re.compile(rb"<\?xml-stylesheet", re.I)
_FORBIDDEN_ELEMENTS = {"script", "foreignobject", "iframe", "embed", "object", "handler"}
_LINK_ATTRIBUTES = {"href", "src"}
_CSS_URL = re.compile(r"url\(\s*['\"]?\s*([^'\")\s]*)", re.I)
_CSS_IMPORT = re.compile(r"@import", re.I)
_LENGTH = re.compile(r"^\s*([0-9]*\.?[0-9]+)\s*(px)?\s*$")


def _local(name: str) -> str:
    return name.rsplit("}", 1)[-1].lower()


def _internal(reference: str) -> bool:
    value = reference.strip().lower()
    return value.startswith("#") or value.startswith("data:")


def _unsafe_text(value: str) -> bool:
    """CSS in a style attribute or element that would load something from outside."""
    if _CSS_IMPORT.search(value):
        return True
    return any(not _internal(target) for target in _CSS_URL.findall(value) if target)


def _unsafe_element(element: ElementTree.Element) -> bool:
    if _local(element.tag) in _FORBIDDEN_ELEMENTS:
        return True
    for name, value in element.attrib.items():
        local = _local(name)
        if local.startswith("on"):
            return True
        if local in _LINK_ATTRIBUTES and not _internal(value):
            return True
        if _unsafe_text(value):
            return True
    return _local(element.tag) == "style" and _unsafe_text(element.text or "")


def _length(value: str | None) -> int | None:
    match = _LENGTH.match(value or "")
    return round(float(match.group(1))) if match else None


def _svg_size(root: ElementTree.Element) -> tuple[int | None, int | None]:
    width, height = _length(root.get("width")), _length(root.get("height"))
    if width is None or height is None:
        box = (root.get("viewBox") or "").replace(",", " ").split()
        if len(box) == 4:
            width = width if width is not None else _length(box[2])
            height = height if height is not None else _length(box[3])
    return width, height


def check_svg(data: bytes) -> ImageFacts:
    """Accept an SVG only if showing it can neither run code nor reach outside the file."""
    if _DECLARATION.search(data) or _STYLESHEET_PI.search(data):
        raise MediaRejected(UNSAFE_SVG)
    import xml.etree.ElementTree as ElementTree

    try:
        root = ElementTree.fromstring(data)
    except ElementTree.ParseError as exc:
        raise MediaRejected(NOT_AN_IMAGE) from exc
    if root.tag not in (f"{_SVG_NS}svg", "svg"):
        raise MediaRejected(NOT_AN_IMAGE)
    if any(_unsafe_element(element) for element in root.iter()):
        raise MediaRejected(UNSAFE_SVG)
    width, height = _svg_size(root)
    return ImageFacts(SVG_MIME, width, height)
