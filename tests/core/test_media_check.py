from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from PIL import Image

from ecovdesk.core.domain import AssetKind
from ecovdesk.core.media_check import (
    DECOMPRESSION_BOMB,
    NOT_AN_IMAGE,
    TRUNCATED,
    TYPE_MISMATCH,
    UNSAFE_SVG,
    MediaRejected,
    check_image,
    check_media,
    extension_for,
    sniff,
)

from .library_helpers import SVG_CLEAN, picture, png_declaring, svg_with

MEDIA = Path(__file__).resolve().parent.parent / "fakerelay" / "media"


def _zip() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("a.txt", "hello")
    return out.getvalue()


def _reason(source: bytes | Path, **kwargs: object) -> str:
    with pytest.raises(MediaRejected) as caught:
        check_image(source, **kwargs)  # type: ignore[arg-type]
    return caught.value.reason


@pytest.mark.parametrize(
    ("head", "mime"),
    [
        (b"\x89PNG\r\n\x1a\n" + b"\0" * 8, "image/png"),
        (b"\xff\xd8\xff\xe0\0\x10JFIF", "image/jpeg"),
        (b"RIFF\x10\0\0\0WEBPVP8 ", "image/webp"),
        (b"GIF89a\x01\0", "image/gif"),
        (b"ID3\x04\0\0\0\0\0\0", "audio/mpeg"),
        (b"\xff\xfb\x90\x64\0\0", "audio/mpeg"),
        (b"\0\0\0\x20ftypisom\0\0\x02\0", "video/mp4"),
        (b"\0\0\0\x20ftypM4A \0\0\0\0", "audio/mp4"),
        (b"\x1a\x45\xdf\xa3\x9f\x42\x86\x81", "video/webm"),
        (b"\xef\xbb\xbf  <svg xmlns='http://www.w3.org/2000/svg'/>", "image/svg+xml"),
        (b'<?xml version="1.0"?>\n<svg>', "image/svg+xml"),
    ],
)
def test_sniff_names_the_real_type(head: bytes, mime: str) -> None:
    assert sniff(head) == mime


@pytest.mark.parametrize(
    "head",
    [b"<!DOCTYPE html><html><body>404</body></html>", b"PK\x03\x04", b"{}", b"", b"\xff\xf1\x50"],
)
def test_sniff_proves_nothing_for_other_bytes(head: bytes) -> None:
    # The last one is an AAC ADTS header, which must not pass for MP3 frame sync.
    assert sniff(head) is None


def test_sniff_knows_the_committed_media_fixtures() -> None:
    assert sniff((MEDIA / "sample.mp3").read_bytes()[:64]) == "audio/mpeg"
    assert sniff((MEDIA / "sample.mp4").read_bytes()[:64]) == "video/mp4"
    assert sniff((MEDIA / "poster.jpg").read_bytes()[:64]) == "image/jpeg"


@pytest.mark.parametrize(
    ("fmt", "mime"),
    [("PNG", "image/png"), ("WEBP", "image/webp"), ("JPEG", "image/jpeg"), ("GIF", "image/gif")],
)
def test_check_image_reports_type_and_size(fmt: str, mime: str, tmp_path: Path) -> None:
    data = picture(fmt, (321, 123))
    assert check_image(data).mime == mime
    path = tmp_path / "file.bin"
    path.write_bytes(data)
    facts = check_image(path)
    assert (facts.mime, facts.width, facts.height) == (mime, 321, 123)
    assert extension_for(facts.mime) in {"png", "webp", "jpg", "gif"}


@pytest.mark.parametrize("fmt", ["PNG", "JPEG", "WEBP"])
def test_a_cut_off_picture_is_refused_as_truncated(fmt: str) -> None:
    data = picture(fmt, (400, 300))
    assert _reason(data[: len(data) * 2 // 3]) == TRUNCATED
    assert _reason(data[:40]) == TRUNCATED


def test_a_png_with_a_damaged_chunk_is_refused() -> None:
    data = bytearray(picture("PNG"))
    data[len(data) // 2] ^= 0xFF
    assert _reason(bytes(data)) == TRUNCATED


def test_html_and_zip_bytes_are_not_pictures_whatever_was_declared() -> None:
    html = b"<!DOCTYPE html><html><head><title>Error</title></head><body>expired</body></html>"
    assert _reason(html, declared_mime="image/png") == NOT_AN_IMAGE
    assert _reason(_zip(), declared_mime="image/webp") == NOT_AN_IMAGE
    assert _reason(b"<html><body><svg></svg></body></html>") == NOT_AN_IMAGE


def test_sound_declared_as_a_picture_is_a_type_mismatch() -> None:
    mp3 = (MEDIA / "sample.mp3").read_bytes()
    assert _reason(mp3, declared_mime="image/png") == TYPE_MISMATCH


def test_a_picture_declared_as_sound_is_a_type_mismatch() -> None:
    assert _reason(picture("PNG"), declared_mime="audio/mpeg") == TYPE_MISMATCH


def test_a_png_declared_as_jpeg_is_accepted_as_png() -> None:
    # CDNs often get the subtype wrong; only a different kind of media is suspicious.
    assert check_image(picture("PNG"), declared_mime="image/jpeg").mime == "image/png"


def test_a_png_header_claiming_a_huge_canvas_is_a_decompression_bomb() -> None:
    assert _reason(png_declaring(9_000, 9_000)) == DECOMPRESSION_BOMB
    assert _reason(png_declaring(50_000, 50_000)) == DECOMPRESSION_BOMB


def test_the_pixel_limit_is_adjustable() -> None:
    data = picture("PNG", (300, 300))
    assert check_image(data, max_pixels=90_000).width == 300
    assert _reason(data, max_pixels=89_999) == DECOMPRESSION_BOMB


def test_a_jpeg_wrapped_around_a_zip_that_does_not_decode_is_refused() -> None:
    jpeg = picture("JPEG", (200, 200))
    polyglot = jpeg[:200] + _zip() + jpeg[200:400]
    assert _reason(polyglot) == TRUNCATED


def test_a_clean_svg_is_accepted_with_its_size() -> None:
    facts = check_image(SVG_CLEAN, declared_mime="image/svg+xml")
    assert (facts.mime, facts.width, facts.height) == ("image/svg+xml", 300, 200)
    assert check_image(svg_with(b"<rect/>")).width == 10


@pytest.mark.parametrize(
    "svg",
    [
        svg_with(b'<image href="file:///etc/passwd"/>'),
        svg_with(b'<image xlink:href="http://evil.example/x.png"/>'),
        svg_with(b'<use href="https://evil.example/sprite.svg#a"/>'),
        svg_with(b'<image src="//evil.example/x.png"/>'),
        svg_with(b"<script>alert(1)</script>"),
        svg_with(b'<script xlink:href="#x"/>'),
        svg_with(b"<foreignObject><div>hi</div></foreignObject>"),
        svg_with(b'<rect onclick="alert(1)"/>'),
        svg_with(b'<rect style="fill: url(http://evil.example/p)"/>'),
        svg_with(b"<style>@import url(https://evil.example/a.css);</style>"),
        svg_with(b"<rect/>", prefix=b'<!DOCTYPE svg [<!ENTITY x "y">]>'),
        svg_with(b"<rect/>", prefix=b'<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "x.dtd">'),
        svg_with(b"<rect/>", prefix=b'<?xml-stylesheet href="http://evil.example/a.css"?>'),
    ],
)
def test_an_svg_that_can_reach_out_or_run_code_is_unsafe(svg: bytes) -> None:
    assert _reason(svg) == UNSAFE_SVG


def test_an_svg_that_is_not_well_formed_is_not_a_picture() -> None:
    assert _reason(b'<svg xmlns="http://www.w3.org/2000/svg"><rect>') == NOT_AN_IMAGE


def test_check_media_identifies_sound_and_video(tmp_path: Path) -> None:
    mp3 = check_media(MEDIA / "sample.mp3", AssetKind.AUDIO)
    mp4 = check_media(MEDIA / "sample.mp4", AssetKind.VIDEO)
    assert (mp3.mime, mp3.width) == ("audio/mpeg", None)
    assert mp4.mime == "video/mp4"
    with pytest.raises(MediaRejected) as caught:
        check_media(MEDIA / "sample.mp3", AssetKind.VIDEO)
    assert caught.value.reason == TYPE_MISMATCH
    with pytest.raises(MediaRejected) as caught:
        check_media(b"<html>gone</html>", AssetKind.AUDIO)
    assert caught.value.reason == TYPE_MISMATCH


def test_check_media_decodes_pictures() -> None:
    data = picture("PNG")
    assert check_media(data, AssetKind.IMAGE).width == 640
    with pytest.raises(MediaRejected) as caught:
        check_media(data[:-300], AssetKind.IMAGE)
    assert caught.value.reason == TRUNCATED


def test_an_animated_gif_is_accepted() -> None:
    frames = [Image.new("RGB", (50, 40), (i * 40, 0, 0)) for i in range(4)]
    out = io.BytesIO()
    frames[0].save(out, format="GIF", save_all=True, append_images=frames[1:], duration=50)
    facts = check_image(out.getvalue())
    assert (facts.mime, facts.width, facts.height) == ("image/gif", 50, 40)
