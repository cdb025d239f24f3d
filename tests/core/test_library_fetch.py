"""Downloads into the library: where files land, who gets the key, what is refused."""

from __future__ import annotations

import asyncio
import hashlib
from collections.abc import AsyncIterator, Awaitable
from pathlib import Path

import httpx
import pytest
from PIL import Image

from ecovdesk.core.domain import AssetKind, Provenance
from ecovdesk.core.library import MB
from ecovdesk.core.media_check import (
    DECOMPRESSION_BOMB,
    DOWNLOAD_FAILED,
    EXPIRED_OR_MISSING,
    NOT_AN_IMAGE,
    TOO_LARGE,
    TRUNCATED,
    UNSAFE_SVG,
    MediaRejected,
)
from ecovdesk.core.relay_session import RelaySession
from tests.fakerelay.faults import Fault
from tests.fakerelay.server import FakeRelay

from .conftest import MakeLibrary
from .library_helpers import (
    API_KEY,
    SCRIPTED_BASE,
    RecordingSink,
    ScriptedSession,
    files_in,
    picture,
    png_declaring,
    svg_with,
)

PICTURE = Provenance(AssetKind.IMAGE, prompt="a cat", model="dall-e-3", params={"size": "1:1"})


def file_url(relay: FakeRelay, name: str) -> str:
    return f"{relay.base_url}/files/{name}"


async def rejection(call: Awaitable[object]) -> str:
    with pytest.raises(MediaRejected) as caught:
        await call
    return caught.value.reason


def serve(content: bytes, content_type: str = "image/png", status: int = 200) -> ScriptedSession:
    return ScriptedSession(
        lambda request: httpx.Response(
            status, headers={"content-type": content_type}, content=content
        )
    )


@pytest.mark.asyncio
async def test_fetch_stores_a_webp_and_a_png_with_thumbnails(
    fake_relay: FakeRelay, session: RelaySession, make_library: MakeLibrary, sink: RecordingSink
) -> None:
    library = make_library(session)
    webp = await library.fetch(file_url(fake_relay, "cat-one.webp"), PICTURE)
    png = await library.fetch(file_url(fake_relay, "cat-two.png"), PICTURE)

    for asset, name, ext in ((webp, "cat-one.webp", "webp"), (png, "cat-two.png", "png")):
        served = fake_relay.media.body(name)
        assert served is not None
        assert asset.sha256 == hashlib.sha256(served).hexdigest()
        assert asset.size == len(served)
        assert asset.path == (
            library.library_dir / "image" / asset.sha256[:2] / f"{asset.sha256}.{ext}"
        )
        assert asset.path.read_bytes() == served
        assert (asset.width, asset.height) == (512, 512)
        assert asset.mime == f"image/{ext}"
        assert asset.source_url == file_url(fake_relay, name)
        assert asset.thumbnail is not None
        with Image.open(asset.thumbnail) as thumb:
            assert thumb.format == "PNG"
            assert max(thumb.size) == 320
        assert asset.thumbnail.parent == library.thumbs_dir
    assert [a.id for a in sink.ready] == [webp.id, png.id]
    again = await library.get(png.id)
    assert again == png
    assert again is not None and again.provenance == PICTURE
    assert not files_in(library.library_dir, "*.part")


@pytest.mark.asyncio
async def test_the_same_bytes_twice_are_stored_once(
    fake_relay: FakeRelay, session: RelaySession, make_library: MakeLibrary
) -> None:
    library = make_library(session)
    url = file_url(fake_relay, "twice.png")
    first = await library.fetch(url, PICTURE)
    second = await library.fetch(url, Provenance(AssetKind.IMAGE, prompt="another prompt"))

    assert first.id != second.id
    assert first.path == second.path
    assert first.thumbnail == second.thumbnail
    assert len(files_in(library.library_dir)) == 1
    assert len(files_in(library.thumbs_dir)) == 1
    assert second.provenance.prompt == "another prompt"


@pytest.mark.asyncio
async def test_only_links_on_the_relay_origin_get_the_key(
    fake_relay: FakeRelay, session: RelaySession, make_library: MakeLibrary
) -> None:
    library = make_library(session)
    with FakeRelay(api_key=API_KEY) as cdn:
        await library.fetch(file_url(cdn, "elsewhere.png"), PICTURE)
        await library.fetch(file_url(fake_relay, "on-relay.png"), PICTURE)
        (cdn_request,) = cdn.requests_to("/files/")
    (relay_request,) = fake_relay.requests_to("/files/")
    assert not cdn_request.has_authorization
    assert relay_request.headers["authorization"] == f"Bearer {API_KEY}"


@pytest.mark.asyncio
async def test_a_relay_redirect_is_followed_without_the_key(make_library: MakeLibrary) -> None:
    seen: list[httpx.Request] = []
    data = picture("PNG")

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        if request.url.host == "relay.example.test":
            return httpx.Response(302, headers={"location": "https://cdn.example.test/a.png"})
        return httpx.Response(200, headers={"content-type": "image/png"}, content=data)

    session = ScriptedSession(handler)
    asset = await make_library(session).fetch(f"{SCRIPTED_BASE}/mj/image/123", PICTURE)
    await session.aclose()
    assert asset.path.read_bytes() == data
    assert [r.url.host for r in seen] == ["relay.example.test", "cdn.example.test"]
    assert "authorization" in seen[0].headers
    assert "authorization" not in seen[1].headers


@pytest.mark.asyncio
async def test_a_body_past_the_cap_is_refused_without_a_part_file(
    fake_relay: FakeRelay, session: RelaySession, make_library: MakeLibrary
) -> None:
    library = make_library(session, max_bytes={AssetKind.IMAGE: 1 * MB})
    fake_relay.queue_fault(Fault.HUGE_BODY, size_mb=64, path_prefix="/files/")
    assert await rejection(library.fetch(file_url(fake_relay, "huge.png"), PICTURE)) == TOO_LARGE
    assert files_in(library.library_dir) == []


@pytest.mark.asyncio
async def test_the_cap_stops_reading_early(make_library: MakeLibrary) -> None:
    pulled = 0

    async def endless() -> AsyncIterator[bytes]:
        nonlocal pulled
        block = picture("PNG")[:8] + bytes(64 * 1024 - 8)
        for _ in range(16 * 1024):  # a gigabyte, if anyone read it all
            pulled += len(block)
            yield block

    session = ScriptedSession(
        lambda request: httpx.Response(
            200, headers={"content-type": "image/png"}, content=endless()
        )
    )
    library = make_library(session, max_bytes={AssetKind.IMAGE: 2 * MB})
    assert await rejection(library.fetch(f"{SCRIPTED_BASE}/big.png", PICTURE)) == TOO_LARGE
    await session.aclose()
    assert pulled <= 2 * MB + 2 * 64 * 1024
    assert files_in(library.library_dir) == []


@pytest.mark.asyncio
async def test_a_declared_length_past_the_cap_is_refused_before_reading(
    make_library: MakeLibrary,
) -> None:
    pulled = 0

    async def body() -> AsyncIterator[bytes]:
        nonlocal pulled
        pulled += 1
        yield b"x"

    session = ScriptedSession(
        lambda request: httpx.Response(
            200,
            headers={"content-type": "image/png", "content-length": str(3 * MB)},
            content=body(),
        )
    )
    library = make_library(session, max_bytes={AssetKind.IMAGE: 1 * MB})
    assert await rejection(library.fetch(f"{SCRIPTED_BASE}/big.png", PICTURE)) == TOO_LARGE
    await session.aclose()
    assert pulled == 0


@pytest.mark.asyncio
@pytest.mark.parametrize(
    ("content", "content_type", "reason"),
    [
        (picture("PNG")[:-200], "image/png", TRUNCATED),
        (b"<!DOCTYPE html><html><body>Link expired</body></html>", "image/png", NOT_AN_IMAGE),
        (png_declaring(20_000, 20_000), "image/png", DECOMPRESSION_BOMB),
        (svg_with(b'<image href="file:///etc/passwd"/>'), "image/svg+xml", UNSAFE_SVG),
        (svg_with(b'<image href="http://evil.example/x.png"/>'), "image/svg+xml", UNSAFE_SVG),
        (svg_with(b"<script>alert(document.cookie)</script>"), "image/svg+xml", UNSAFE_SVG),
    ],
    ids=["truncated", "html", "bomb", "svg-file-href", "svg-http-href", "svg-script"],
)
async def test_hostile_answers_are_refused_and_leave_nothing_behind(
    content: bytes, content_type: str, reason: str, make_library: MakeLibrary, sink: RecordingSink
) -> None:
    session = serve(content, content_type)
    library = make_library(session)
    assert await rejection(library.fetch(f"{SCRIPTED_BASE}/x.png", PICTURE)) == reason
    await session.aclose()
    assert files_in(library.library_dir) == []
    assert files_in(library.thumbs_dir) == []
    assert sink.ready == []
    assert await library.list_images() == []


@pytest.mark.asyncio
async def test_a_lower_pixel_limit_refuses_a_normal_picture(
    fake_relay: FakeRelay, session: RelaySession, make_library: MakeLibrary
) -> None:
    library = make_library(session, max_pixels=100_000)
    url = file_url(fake_relay, "normal.png")
    assert await rejection(library.fetch(url, PICTURE)) == DECOMPRESSION_BOMB


@pytest.mark.asyncio
async def test_a_clean_svg_is_stored_without_a_thumbnail(
    fake_relay: FakeRelay, session: RelaySession, make_library: MakeLibrary
) -> None:
    library = make_library(session)
    asset = await library.fetch(file_url(fake_relay, "recraft-vector.svg"), PICTURE)
    assert asset.mime == "image/svg+xml"
    assert asset.path.suffix == ".svg"
    assert asset.path.read_bytes().startswith(b"<svg")
    assert asset.thumbnail is None
    assert (asset.width, asset.height) == (1024, 1024)


@pytest.mark.asyncio
async def test_a_missing_file_is_expired_or_missing(
    fake_relay: FakeRelay, session: RelaySession, make_library: MakeLibrary
) -> None:
    library = make_library(session)
    url = file_url(fake_relay, "gone.unknown")
    assert await rejection(library.fetch(url, PICTURE)) == EXPIRED_OR_MISSING


@pytest.mark.asyncio
@pytest.mark.parametrize(
    ("status", "reason"),
    [
        (403, EXPIRED_OR_MISSING),
        (410, EXPIRED_OR_MISSING),
        (500, DOWNLOAD_FAILED),
        (429, DOWNLOAD_FAILED),
    ],
)
async def test_http_errors_have_their_reasons(
    status: int, reason: str, make_library: MakeLibrary
) -> None:
    session = serve(b"<Error><Code>AccessDenied</Code></Error>", "application/xml", status)
    library = make_library(session)
    assert await rejection(library.fetch("https://cdn.example.test/a.png", PICTURE)) == reason
    await session.aclose()


@pytest.mark.asyncio
async def test_an_unreachable_host_or_odd_scheme_is_a_failed_download(
    fake_relay: FakeRelay, session: RelaySession, make_library: MakeLibrary
) -> None:
    library = make_library(session)
    url = file_url(fake_relay, "a.png")
    with fake_relay.refuse():
        assert await rejection(library.fetch(url, PICTURE)) == DOWNLOAD_FAILED
    for odd in ("file:///etc/passwd", "ftp://example.test/a.png", "not a url at all"):
        assert await rejection(library.fetch(odd, PICTURE)) == DOWNLOAD_FAILED
    assert files_in(library.library_dir) == []


@pytest.mark.asyncio
async def test_cancelling_a_download_removes_its_part_file(
    fake_relay: FakeRelay, session: RelaySession, make_library: MakeLibrary, tmp_path: Path
) -> None:
    library = make_library(session)
    fake_relay.queue_fault(Fault.STALL, seconds=10, path_prefix="/files/")
    task = asyncio.ensure_future(library.fetch(file_url(fake_relay, "slow.png"), PICTURE))
    loop = asyncio.get_running_loop()
    deadline = loop.time() + 5
    while not files_in(library.library_dir, "*.part"):
        assert loop.time() < deadline
        await asyncio.sleep(0.01)
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task
    assert files_in(library.library_dir) == []


@pytest.mark.asyncio
async def test_add_bytes_stores_an_inline_answer_with_the_same_checks(
    session: RelaySession, make_library: MakeLibrary
) -> None:
    library = make_library(session, max_bytes={AssetKind.IMAGE: 200_000})
    data = picture("PNG", (64, 48))
    asset = await library.add_bytes(data, PICTURE, source_url="", mime_hint="image/png")
    assert asset.path.read_bytes() == data
    assert (asset.width, asset.height, asset.source_url) == (64, 48, "")
    assert asset.thumbnail is not None and asset.thumbnail.is_file()
    assert await rejection(library.add_bytes(b"<html></html>", PICTURE)) == NOT_AN_IMAGE
    assert await rejection(library.add_bytes(bytes(200_001), PICTURE)) == TOO_LARGE
    assert files_in(library.library_dir, "*.part") == []


@pytest.mark.asyncio
async def test_cleanup_removes_leftover_part_files(
    session: RelaySession, make_library: MakeLibrary
) -> None:
    library = make_library(session)
    library.library_dir.mkdir(parents=True)
    library.thumbs_dir.mkdir(parents=True)
    stale = [library.library_dir / "download-abc.part", library.thumbs_dir / "thumb-x.part"]
    for path in stale:
        path.write_bytes(b"half")
    keep = library.library_dir / "notes.txt"
    keep.write_text("kept")
    assert await library.cleanup_partial_files() == 2
    assert not any(p.exists() for p in stale)
    assert keep.exists()
