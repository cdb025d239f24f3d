"""Media the relay serves under ``/files``: drawn images, an SVG and committed fixtures."""

from __future__ import annotations

import colorsys
import io
import threading
import zipfile
import zlib
from collections.abc import Callable
from pathlib import Path, PurePosixPath

from PIL import Image, ImageDraw, ImageFilter, ImageFont

from .context import Ctx, Route, route

MEDIA_DIR = Path(__file__).resolve().parent / "media"

CONTENT_TYPES = {
    ".png": "image/png",
    ".webp": "image/webp",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".gif": "image/gif",
    ".svg": "image/svg+xml",
    ".mp3": "audio/mpeg",
    ".mp4": "video/mp4",
}
PIL_FORMATS = {".png": "PNG", ".webp": "WEBP", ".jpg": "JPEG", ".jpeg": "JPEG", ".gif": "GIF"}


def _font(size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    try:
        return ImageFont.load_default(size=size)
    except (TypeError, OSError):
        return ImageFont.load_default()


def _palette(seed: int) -> tuple[tuple[int, int, int], tuple[int, int, int]]:
    """A fur colour and a pale background colour derived from ``seed``."""
    hue = (seed % 360) / 360.0
    fur = colorsys.hsv_to_rgb(hue, 0.65, 0.95)
    back = colorsys.hsv_to_rgb((hue + 0.5) % 1.0, 0.18, 0.98)
    return (
        tuple(int(c * 255) for c in fur),  # type: ignore[return-value]
        tuple(int(c * 255) for c in back),
    )


def draw_cat(size: int, seed: int, label: str) -> Image.Image:
    """A cartoon cat on a soft background, with ``label`` written underneath."""
    fur, back = _palette(seed)
    image = Image.new("RGB", (size, size), back)
    draw = ImageDraw.Draw(image)
    for row in range(size):
        shade = int(40 * row / size)
        draw.line([(0, row), (size, row)], fill=tuple(max(0, c - shade) for c in back))

    def box(x0: float, y0: float, x1: float, y1: float) -> tuple[int, int, int, int]:
        return (int(x0 * size), int(y0 * size), int(x1 * size), int(y1 * size))

    def pts(*coords: float) -> list[tuple[int, int]]:
        pairs = zip(coords[0::2], coords[1::2], strict=True)
        return [(int(x * size), int(y * size)) for x, y in pairs]

    dark = tuple(int(c * 0.55) for c in fur)
    outline = (50, 40, 40)
    line = max(2, size // 128)
    draw.arc(box(0.55, 0.45, 0.95, 0.85), 200, 340, fill=dark, width=max(6, size // 24))
    draw.ellipse(box(0.28, 0.48, 0.72, 0.86), fill=fur, outline=outline, width=line)
    draw.polygon(pts(0.30, 0.30, 0.33, 0.10, 0.46, 0.24), fill=fur, outline=outline)
    draw.polygon(pts(0.70, 0.30, 0.67, 0.10, 0.54, 0.24), fill=fur, outline=outline)
    draw.polygon(pts(0.33, 0.27, 0.345, 0.15, 0.42, 0.24), fill=(245, 170, 180))
    draw.polygon(pts(0.67, 0.27, 0.655, 0.15, 0.58, 0.24), fill=(245, 170, 180))
    draw.ellipse(box(0.27, 0.18, 0.73, 0.56), fill=fur, outline=outline, width=line)
    for cx in (0.41, 0.59):
        draw.ellipse(box(cx - 0.05, 0.30, cx + 0.05, 0.40), fill=(255, 255, 255), outline=outline)
        draw.ellipse(box(cx - 0.022, 0.32, cx + 0.022, 0.39), fill=(20, 20, 20))
    draw.polygon(pts(0.47, 0.43, 0.53, 0.43, 0.50, 0.465), fill=(240, 120, 140))
    draw.arc(box(0.44, 0.44, 0.50, 0.50), 20, 160, fill=outline, width=line)
    draw.arc(box(0.50, 0.44, 0.56, 0.50), 20, 160, fill=outline, width=line)
    for dy in (-0.02, 0.01, 0.04):
        draw.line(pts(0.40, 0.45 + dy, 0.22, 0.43 + dy * 2), fill=outline, width=max(1, line // 2))
        draw.line(pts(0.60, 0.45 + dy, 0.78, 0.43 + dy * 2), fill=outline, width=max(1, line // 2))
    font = _font(max(10, size // 18))
    draw.rectangle(box(0.0, 0.89, 1.0, 1.0), fill=(255, 255, 255))
    draw.text((size // 2, int(size * 0.945)), label[:40], fill=(30, 30, 30), font=font, anchor="mm")
    return image


def draw_grid(size: int, seed: int, label: str) -> Image.Image:
    """A 2x2 Midjourney-style grid of four cats numbered 1 to 4."""
    grid = Image.new("RGB", (size, size), (255, 255, 255))
    half = size // 2
    for index in range(4):
        tile = draw_cat(half, seed + index * 70, f"{index + 1} {label}")
        grid.paste(tile, ((index % 2) * half, (index // 2) * half))
    return grid


def svg_cat(seed: int, label: str) -> bytes:
    fur, back = _palette(seed)
    fill = "#{:02x}{:02x}{:02x}".format(*fur)
    bg = "#{:02x}{:02x}{:02x}".format(*back)
    line = 'stroke="#333" stroke-width="8"'
    text = "".join(c for c in label[:40] if c.isalnum() or c in " -_.")
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" width="1024" height="1024" '
        'viewBox="0 0 1024 1024">'
        f'<rect width="1024" height="1024" fill="{bg}"/>'
        f'<ellipse cx="512" cy="690" rx="225" ry="195" fill="{fill}" {line}/>'
        f'<polygon points="307,307 338,102 471,245" fill="{fill}" {line}/>'
        f'<polygon points="717,307 686,102 553,245" fill="{fill}" {line}/>'
        f'<circle cx="512" cy="378" r="236" fill="{fill}" {line}/>'
        '<circle cx="420" cy="358" r="46" fill="#fff"/><circle cx="420" cy="362" r="22"/>'
        '<circle cx="604" cy="358" r="46" fill="#fff"/><circle cx="604" cy="362" r="22"/>'
        '<polygon points="481,440 543,440 512,476" fill="#f07890"/>'
        f'<text x="512" y="980" font-size="48" text-anchor="middle">{text}</text>'
        "</svg>"
    ).encode()


class MediaStore:
    """Generates each image once and keeps the bytes; reads fixtures from ``media/``."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._cache: dict[str, bytes] = {}

    def fixture(self, name: str) -> bytes:
        return self._cached(f"fixture:{name}", lambda: (MEDIA_DIR / name).read_bytes())

    def image(self, name: str, *, fmt: str = "PNG", kind: str | None = None) -> bytes:
        """Encoded image for a file called ``name`` (kind: grid, preview, large, single)."""
        stem = PurePosixPath(name).stem
        kind = kind or _image_kind(stem)
        return self._cached(f"{kind}:{fmt}:{stem}", lambda: _render(stem, fmt, kind))

    def body(self, name: str) -> bytes | None:
        """Bytes served for ``/files/<name>``, or None when no such media exists."""
        suffix = PurePosixPath(name).suffix.lower()
        stem = PurePosixPath(name).stem.lower()
        if name.startswith("broken/"):
            return self._cached(f"broken:{name}", lambda: broken_file(stem))
        if stem.startswith("animated"):
            return self._cached(f"animated:{name}", lambda: animated_webp(stem))
        if suffix == ".mp3":
            return self.fixture("sample.mp3")
        if suffix == ".mp4":
            return self.fixture("sample.mp4")
        if suffix == ".svg":
            seed = zlib.crc32(name.encode())
            return self._cached(f"svg:{name}", lambda: svg_cat(seed, stem))
        if suffix in (".jpg", ".jpeg") and any(k in stem for k in ("poster", "thumb", "frame")):
            return self.fixture("poster.jpg")
        if suffix in PIL_FORMATS:
            return self.image(name, fmt=PIL_FORMATS[suffix])
        return None

    def _cached(self, key: str, make: Callable[[], bytes]) -> bytes:
        with self._lock:
            data = self._cache.get(key)
        if data is None:
            data = make()
            with self._lock:
                self._cache[key] = data
        return data


def broken_file(stem: str) -> bytes | None:
    """The bad answers a CDN really gives: gone, cut short, an error page, a pixel bomb."""
    if stem == "truncated":
        whole = _render("truncated", "WEBP", "single")
        return whole[: len(whole) // 2]
    if stem == "page":
        return b"<!DOCTYPE html><html><body><h1>502 Bad Gateway</h1></body></html>"
    if stem == "bomb":
        return _png_declaring(40_000, 40_000)
    if stem == "polyglot":
        return _gif_with_zip()
    if stem == "scripted":
        return (
            b'<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" '
            b'width="64" height="64"><image xlink:href="https://tracker.example/p.png"/>'
            b"<script>alert(1)</script></svg>"
        )
    return None


def _gif_with_zip() -> bytes:
    """A GIF that decodes, with a ZIP archive holding a web page glued after it."""
    out = io.BytesIO()
    Image.new("RGB", (64, 64), (200, 80, 40)).save(out, format="GIF")
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w") as bundle:
        bundle.writestr("index.html", "<script>alert(document.domain)</script>")
    return out.getvalue() + archive.getvalue()


def _png_declaring(width: int, height: int) -> bytes:
    """A small PNG whose header claims a huge size (what decompression bombs look like)."""
    small = io.BytesIO()
    Image.new("L", (1, 1)).save(small, format="PNG")
    data = bytearray(small.getvalue())
    data[16:24] = width.to_bytes(4, "big") + height.to_bytes(4, "big")
    crc = zlib.crc32(bytes(data[12:29])) & 0xFFFFFFFF
    data[29:33] = crc.to_bytes(4, "big")
    return bytes(data)


def animated_webp(stem: str) -> bytes:
    seed = zlib.crc32(stem.encode())
    frames = [draw_cat(256, seed + i, f"frame {i + 1}") for i in range(3)]
    out = io.BytesIO()
    frames[0].save(
        out, format="WEBP", save_all=True, append_images=frames[1:], duration=200, loop=0
    )
    return out.getvalue()


def _image_kind(stem: str) -> str:
    lowered = stem.lower()
    for kind in ("grid", "preview", "large"):
        if kind in lowered:
            return kind
    return "single"


def _render(stem: str, fmt: str, kind: str) -> bytes:
    seed = zlib.crc32(stem.encode())
    label = f"ecovai fake {stem[:18]}"
    if kind == "grid":
        image = draw_grid(1024, seed, "fake")
    elif kind == "preview":
        image = draw_grid(512, seed, "").filter(ImageFilter.GaussianBlur(6))
    elif kind == "large":
        image = draw_cat(1024, seed, label)
    else:
        image = draw_cat(512, seed, label)
    out = io.BytesIO()
    options: dict[str, object] = {"quality": 80} if fmt in ("WEBP", "JPEG") else {}
    image.save(out, format=fmt, **options)
    return out.getvalue()


def parse_range(header: str | None, size: int) -> tuple[int, int] | None:
    """Inclusive byte range for a single-range ``Range`` header.

    Returns None when the header is absent or not a single byte range (serve the
    whole file); raises ValueError when the range cannot be satisfied.
    """
    if not header or not header.strip().lower().startswith("bytes="):
        return None
    spec = header.strip()[6:]
    if "," in spec or "-" not in spec:
        return None
    first, _, last = (part.strip() for part in spec.partition("-"))
    try:
        if not first:
            length = int(last)
            if length <= 0:
                raise ValueError("empty suffix range")
            return max(0, size - length), size - 1
        start = int(first)
        end = int(last) if last else size - 1
    except ValueError as exc:
        raise ValueError(f"bad range {header!r}") from exc
    if start >= size or end < start:
        raise ValueError(f"unsatisfiable range {header!r}")
    return start, min(end, size - 1)


def serve_file(ctx: Ctx) -> None:
    name = ctx.params["name"]
    body = ctx.relay.media.body(name)
    if body is None:
        ctx.wire.send_bytes(404, b"Not Found", "text/plain; charset=utf-8")
        return
    suffix = PurePosixPath(name).suffix.lower()
    content_type = CONTENT_TYPES.get(suffix, "application/octet-stream")
    headers = {
        "Accept-Ranges": "bytes",
        "Cache-Control": "public, max-age=86400",
        "ETag": f'"{zlib.crc32(body):08x}"',
    }
    try:
        span = parse_range(ctx.req.headers.get("range"), len(body))
    except ValueError:
        headers["Content-Range"] = f"bytes */{len(body)}"
        ctx.wire.send_bytes(416, b"", content_type, headers)
        return
    if span is None:
        ctx.wire.send_bytes(200, body, content_type, headers)
        return
    start, end = span
    headers["Content-Range"] = f"bytes {start}-{end}/{len(body)}"
    ctx.wire.send_bytes(206, body[start : end + 1], content_type, headers)


def redirect_to_media(ctx: Ctx) -> None:
    """A link on the relay's own address that sends the client on to the media host."""
    location = ctx.file_url(ctx.params["name"])
    ctx.wire.send_bytes(302, b"", "text/plain", {"Location": location})


def routes() -> list[Route]:
    return [
        route("GET|HEAD", r"/files/(?P<name>.+)", serve_file, auth=False),
        route("GET|HEAD", r"/moved/(?P<name>.+)", redirect_to_media, auth=False),
    ]
