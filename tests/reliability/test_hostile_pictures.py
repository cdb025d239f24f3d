"""Pictures that lie, explode, reach out or are two files at once: refused with a reason.

Each file goes the whole download path (HTTP answer, part file, checks, content address) and
must leave nothing behind: no library file, no part file, no row.
"""

from __future__ import annotations

import io
import os
import sqlite3
import zipfile
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PIL import Image
from pytestqt.qtbot import QtBot

from ecovdesk.app import RunningApp
from ecovdesk.core.database import Database
from ecovdesk.core.domain import AssetKind, MessageState, Provenance
from ecovdesk.core.library import Library, safe_file_name
from ecovdesk.core.media_check import (
    DECOMPRESSION_BOMB,
    NOT_AN_IMAGE,
    POLYGLOT,
    TOO_LARGE,
    TRUNCATED,
    TYPE_MISMATCH,
    UNSAFE_SVG,
    MediaRejected,
)
from tests.core.library_helpers import RecordingSink, ScriptedSession, picture, png_declaring
from tests.fakerelay.server import FakeRelay
from tests.reliability.helpers import finished_reply, send
from tests.ui.conftest import Driver

URL = "https://cdn.example.test/pictures/cat.png"
PROVENANCE = Provenance(AssetKind.IMAGE, prompt="a cat", model="gpt-4o-all")
MP3 = (Path(__file__).resolve().parents[1] / "fakerelay" / "media" / "sample.mp3").read_bytes()


def _zip() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as bundle:
        bundle.writestr("index.html", "<script>alert(document.domain)</script>")
    return out.getvalue()


def _gif_declaring(width: int, height: int) -> bytes:
    data = bytearray(picture("GIF", (8, 8)))
    data[6:10] = width.to_bytes(2, "little") + height.to_bytes(2, "little")
    return bytes(data)


def _solid_png(side: int) -> bytes:
    """A real compression bomb: a few hundred kilobytes that decode to ``side``² pixels."""
    out = io.BytesIO()
    Image.new("L", (side, side), 0).save(out, format="PNG", optimize=True)
    return out.getvalue()


def _svg(inner: str, prefix: str = "") -> bytes:
    return (
        f'{prefix}<svg xmlns="http://www.w3.org/2000/svg" '
        f'xmlns:xlink="http://www.w3.org/1999/xlink" width="10" height="10">{inner}</svg>'
    ).encode()


PNG = picture("PNG", (120, 90))
JPEG = picture("JPEG", (120, 90))
WEBP = picture("WEBP", (120, 90))
GIF = picture("GIF", (120, 90))

CASES: list[tuple[str, bytes, str, set[str]]] = [
    ("png-header-bomb", png_declaring(40_000, 40_000), "image/png", {DECOMPRESSION_BOMB}),
    ("gif-header-bomb", _gif_declaring(65_535, 65_535), "image/gif", {DECOMPRESSION_BOMB}),
    ("png-compression-bomb", _solid_png(9_000), "image/png", {DECOMPRESSION_BOMB}),
    ("html-as-png", b"<!DOCTYPE html><html><body>403</body></html>", "image/png", {NOT_AN_IMAGE}),
    ("json-as-webp", b'{"error": "expired"}', "image/webp", {NOT_AN_IMAGE}),
    ("empty", b"", "image/png", {NOT_AN_IMAGE}),
    ("mp3-as-jpeg", MP3, "image/jpeg", {TYPE_MISMATCH}),
    ("png-as-sound", PNG, "audio/mpeg", {TYPE_MISMATCH}),
    ("png-cut", PNG[: len(PNG) // 2], "image/png", {TRUNCATED}),
    ("jpeg-cut", JPEG[: len(JPEG) // 2], "image/jpeg", {TRUNCATED}),
    ("webp-cut", WEBP[: len(WEBP) // 2], "image/webp", {TRUNCATED}),
    ("gif-cut", GIF[: len(GIF) // 2], "image/gif", {TRUNCATED}),
    ("svg-external-image", _svg('<image href="https://t.example/p.png"/>'), "image/svg+xml",
     {UNSAFE_SVG}),
    ("svg-xlink-use", _svg('<use xlink:href="https://t.example/s.svg#a"/>'), "image/svg+xml",
     {UNSAFE_SVG}),
    ("svg-script", _svg("<script>alert(1)</script>"), "image/svg+xml", {UNSAFE_SVG}),
    ("svg-onload", _svg('<rect onload="alert(1)" width="1" height="1"/>'), "image/svg+xml",
     {UNSAFE_SVG}),
    ("svg-xxe", _svg("<text>&x;</text>", '<!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/passwd">]>'),
     "image/svg+xml", {UNSAFE_SVG}),
    ("svg-stylesheet", _svg("", '<?xml-stylesheet href="https://t.example/s.css"?>'),
     "image/svg+xml", {UNSAFE_SVG}),
    ("svg-css-url", _svg('<rect style="fill:url(https://t.example/f.svg#p)"/>'), "image/svg+xml",
     {UNSAFE_SVG}),
    ("svg-css-import", _svg("<style>@import 'https://t.example/s.css';</style>"), "image/svg+xml",
     {UNSAFE_SVG}),
    ("svg-foreign-object", _svg("<foreignObject><iframe src='https://t.example'/></foreignObject>"),
     "image/svg+xml", {UNSAFE_SVG}),
    ("svg-local-file", _svg('<image href="file:///etc/passwd"/>'), "image/svg+xml", {UNSAFE_SVG}),
    ("gif-plus-zip", GIF + _zip(), "image/gif", {POLYGLOT}),
    ("png-plus-html", PNG + b"<html><script>alert(1)</script></html>", "image/png", {POLYGLOT}),
    ("jpeg-plus-zip", JPEG + _zip(), "image/jpeg", {POLYGLOT}),
    ("webp-plus-page", WEBP + b"<!doctype html><p>hi", "image/webp", {POLYGLOT}),
    ("gif-header-script", b"GIF89a/*\x01\x00\x01\x00*/=1;alert(1);//<script>x</script>",
     "image/gif", {POLYGLOT, TRUNCATED}),
]  # fmt: skip


def _fetch(driver: Driver, profile: Path, session: ScriptedSession, **options: Any) -> str:
    """Download URL into a fresh library in ``profile``: the refusal reason, or "stored"."""
    profile.mkdir(parents=True, exist_ok=True)

    async def fetch() -> str:
        db = await Database.open(profile / "ecovdesk.sqlite3", profile / "backups")
        library = Library(
            db,
            profile / "library",
            profile / "cache" / "thumbs",
            session,
            RecordingSink(),
            **options,
        )
        try:
            await library.fetch(URL, PROVENANCE)
        except MediaRejected as rejected:
            return rejected.reason
        finally:
            await session.aclose()
            await db.close()
        return "stored"

    result: str = driver.run(fetch())
    return result


@pytest.mark.parametrize(("body", "content_type", "reasons"), [c[1:] for c in CASES],
                         ids=[c[0] for c in CASES])  # fmt: skip
# Pillow warns on opening a header past its own limit; the refusal that follows is the point.
@pytest.mark.filterwarnings("ignore::PIL.Image.DecompressionBombWarning")
def test_a_hostile_picture_is_refused_with_its_reason_and_leaves_nothing(
    driver: Driver, tmp_path: Path, body: bytes, content_type: str, reasons: set[str]
) -> None:
    profile = tmp_path / "profile"
    session = ScriptedSession(
        lambda request: httpx.Response(200, headers={"content-type": content_type}, content=body)
    )

    assert _fetch(driver, profile, session) in reasons
    assert [p for p in profile.rglob("*") if p.is_file() and "library" in p.parts] == []
    assert [p for p in profile.rglob("*") if p.is_file() and "cache" in p.parts] == []
    with sqlite3.connect(profile / "ecovdesk.sqlite3") as conn:
        assert conn.execute("SELECT count(*) FROM assets").fetchone() == (0,)


def test_a_body_past_the_cap_is_refused_without_reading_it_all(
    driver: Driver, tmp_path: Path
) -> None:
    profile = tmp_path / "profile"
    sent: list[int] = []

    async def endless() -> AsyncIterator[bytes]:
        block = b"\x00" * 65_536
        for _ in range(2_000):  # 128 MB if read to the end
            sent.append(len(block))
            yield block

    session = ScriptedSession(
        lambda request: httpx.Response(
            200, headers={"content-type": "image/png"}, content=endless()
        )
    )

    assert _fetch(driver, profile, session, max_bytes={AssetKind.IMAGE: 1_000_000}) == TOO_LARGE
    assert sum(sent) < 2_000_000
    assert [p for p in profile.rglob("*") if p.is_file() and "library" in p.parts] == []


@pytest.mark.parametrize(
    ("word", "reason"),
    [("polyglot", "also something else"), ("scripted", "outside files or scripts")],
)
def test_the_window_says_why_a_picture_was_refused_and_keeps_the_reply(
    qtbot: QtBot, driver: Driver, app: RunningApp, relay: FakeRelay, word: str, reason: str
) -> None:
    send(qtbot, app, f"画一只猫 {word}", model="gpt-4o-all")
    bubble = finished_reply(driver, app)
    driver.until(lambda: bool(bubble.images.failed_urls()))
    texts = " ".join(w.text() for w in bubble.images.findChildren(type(bubble.state_label)))
    assert reason in texts
    assert bubble.images.assets == []
    assert bubble.message.state is MessageState.DONE and bubble.message.content
    assert not list((app.services.library.library_dir).rglob("*.*"))


HOSTILE_PROMPTS = [
    "../../etc/passwd",
    "..\\..\\Windows\\System32\\config",
    "/etc/shadow",
    "C:\\Users\\victim\\Desktop\\x",
    "~/.ssh/authorized_keys",
    "CON",
    "nul.txt",
    "COM1 cat",
    "..",
    ".",
    "   ",
    "",
    "cat\x00.exe",
    "cat\u202egnp.exe",
    "line\nbreak\rcarriage\ttab",
    'a:b*c?d<e>f|g"h',
    "猫" * 300,
    "\U0001f431" * 200,
    ".hidden",
    "trailing dots...",
]


@pytest.mark.parametrize("prompt", HOSTILE_PROMPTS)
def test_save_as_names_stay_in_the_chosen_folder(tmp_path: Path, prompt: str) -> None:
    name = safe_file_name(prompt, "png")
    _assert_inside(tmp_path, name)


@settings(max_examples=200, deadline=None)
@given(prompt=st.text(), ext=st.text(max_size=12))
def test_any_prompt_gives_a_name_inside_the_folder(prompt: str, ext: str) -> None:
    folder = Path("/tmp/ecovdesk-chosen-folder")
    _assert_inside(folder, safe_file_name(prompt, ext))


def _assert_inside(folder: Path, name: str) -> None:
    assert name and name not in (".", "..")
    assert "/" not in name and "\\" not in name and "\x00" not in name
    assert not name.startswith(".")
    assert len(name.encode("utf-8")) <= 255
    target = Path(os.path.normpath(folder / name))
    assert target.parent == Path(os.path.normpath(folder))
    stem = name.split(".", 1)[0].strip().upper()
    assert stem not in {"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(10))}
