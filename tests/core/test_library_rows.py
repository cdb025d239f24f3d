"""The library's rows: listing, filtering, grouping by message, deleting, moving a profile."""

from __future__ import annotations

import itertools
import shutil
from pathlib import Path

import pytest

from ecovdesk.core import conversation_store as store
from ecovdesk.core.database import Database
from ecovdesk.core.domain import Asset, AssetKind, Provenance
from ecovdesk.core.library import Library
from ecovdesk.core.relay_session import RelaySession

from .conftest import MakeLibrary
from .library_helpers import RecordingSink, files_in, picture, reply_in_new_conversation


def ticking_clock() -> itertools.count[float]:
    return itertools.count(1000.0, 10.0)


async def add(
    library: Library, colour: int, prompt: str = "", model: str = "", **origin: int | None
) -> Asset:
    provenance = Provenance(AssetKind.IMAGE, prompt=prompt, model=model, **origin)  # type: ignore[arg-type]
    return await library.add_bytes(picture("PNG", (40, 30), colour), provenance)


@pytest.mark.asyncio
async def test_list_images_is_newest_first_and_filters_by_model_and_text(
    session: RelaySession, make_library: MakeLibrary
) -> None:
    clock = ticking_clock()
    library = make_library(session, clock=lambda: next(clock))
    cat = await add(library, 1, "A Siamese CAT on a sofa", "dall-e-3")
    dog = await add(library, 2, "a dog in the rain", "flux-pro")
    cat2 = await add(library, 3, "小猫 cat, watercolour", "flux-pro")
    tiger = await add(library, 4, "50% tiger_stripes", "recraftv3")

    assert [a.id for a in await library.list_images()] == [tiger.id, cat2.id, dog.id, cat.id]
    assert [a.id for a in await library.list_images(model="flux-pro")] == [cat2.id, dog.id]
    assert [a.id for a in await library.list_images(text="cat")] == [cat2.id, cat.id]
    assert [a.id for a in await library.list_images(text="小猫")] == [cat2.id]
    assert [a.id for a in await library.list_images(model="flux-pro", text="CAT")] == [cat2.id]
    # LIKE wildcards in the search text are taken literally.
    assert [a.id for a in await library.list_images(text="50%")] == [tiger.id]
    assert [a.id for a in await library.list_images(text="r_s")] == [tiger.id]
    assert await library.list_images(text="%") == [tiger]
    assert await library.list_images(model="midjourney") == []
    assert [a.id for a in await library.list_images(limit=2, offset=1)] == [cat2.id, dog.id]
    assert await library.models(AssetKind.IMAGE) == ["dall-e-3", "flux-pro", "recraftv3"]
    assert await library.models(AssetKind.AUDIO) == []


@pytest.mark.asyncio
async def test_list_images_leaves_out_sound_and_video(
    db: Database, session: RelaySession, make_library: MakeLibrary
) -> None:
    library = make_library(session)
    picture_asset = await add(library, 1, "pic", "m")
    sound = Path(__file__).resolve().parent.parent / "fakerelay" / "media" / "sample.mp3"
    song = await library.add_bytes(
        sound.read_bytes(), Provenance(AssetKind.AUDIO, prompt="pic", model="chirp-v4")
    )
    assert song.mime == "audio/mpeg"
    assert song.thumbnail is None
    assert song.path.parent.parent.name == "audio"
    assert [a.id for a in await library.list_images()] == [picture_asset.id]
    assert await library.models(AssetKind.AUDIO) == ["chirp-v4"]


@pytest.mark.asyncio
async def test_for_messages_groups_files_by_message(
    db: Database, session: RelaySession, make_library: MakeLibrary
) -> None:
    library = make_library(session)
    conversation, first = await reply_in_new_conversation(db)
    _, second = await reply_in_new_conversation(db)
    a = await add(library, 1, conversation_id=conversation.id, message_id=first.id)
    b = await add(library, 2, conversation_id=conversation.id, message_id=first.id)
    c = await add(library, 3, message_id=second.id)
    await add(library, 4)

    grouped = await library.for_messages([first.id, second.id, 999_999])
    assert {k: [x.id for x in v] for k, v in grouped.items()} == {
        first.id: [a.id, b.id],
        second.id: [c.id],
    }
    assert grouped[first.id][0].provenance.conversation_id == conversation.id
    assert await library.for_messages([]) == {}


@pytest.mark.asyncio
async def test_the_same_file_for_the_same_message_is_one_row(
    db: Database, session: RelaySession, make_library: MakeLibrary, sink: RecordingSink
) -> None:
    library = make_library(session)
    _, reply = await reply_in_new_conversation(db)
    first = await add(library, 7, "p", message_id=reply.id)
    again = await add(library, 7, "p", message_id=reply.id)
    assert again.id == first.id
    assert len(await library.list_images()) == 1
    assert [a.id for a in sink.ready] == [first.id]


@pytest.mark.asyncio
async def test_delete_removes_a_file_only_when_no_row_uses_it(
    session: RelaySession, make_library: MakeLibrary
) -> None:
    library = make_library(session)
    shared_a = await add(library, 5, "first prompt")
    shared_b = await add(library, 5, "second prompt")
    alone = await add(library, 6, "alone")
    assert shared_a.path == shared_b.path

    await library.delete([shared_a.id, alone.id])

    assert shared_a.path.is_file()
    assert shared_a.thumbnail is not None and shared_a.thumbnail.is_file()
    assert not alone.path.exists()
    assert alone.thumbnail is not None and not alone.thumbnail.exists()
    assert [a.id for a in await library.list_images()] == [shared_b.id]
    assert await library.get(alone.id) is None

    await library.delete([shared_b.id])
    assert not shared_b.path.exists()
    assert files_in(library.library_dir) == []
    assert files_in(library.thumbs_dir) == []


@pytest.mark.asyncio
async def test_deleting_a_conversation_keeps_its_pictures(
    db: Database, session: RelaySession, make_library: MakeLibrary
) -> None:
    library = make_library(session)
    conversation, reply = await reply_in_new_conversation(db)
    asset = await add(library, 9, "kept", conversation_id=conversation.id, message_id=reply.id)

    await db.run(store.soft_delete_conversation, conversation.id, 5.0)
    await db.run(store.purge_deleted)

    kept = await library.get(asset.id)
    assert kept is not None
    assert kept.path.is_file()
    assert kept.provenance.message_id is None
    assert kept.provenance.conversation_id is None
    assert kept.provenance.prompt == "kept"


@pytest.mark.asyncio
async def test_a_file_for_a_message_deleted_meanwhile_is_kept_without_the_link(
    db: Database, session: RelaySession, make_library: MakeLibrary
) -> None:
    library = make_library(session)
    conversation, reply = await reply_in_new_conversation(db)
    await db.run(store.delete_messages_from, conversation.id, reply.id)
    asset = await add(library, 3, "late", conversation_id=conversation.id, message_id=reply.id)
    assert asset.provenance.message_id is None
    assert asset.provenance.conversation_id == conversation.id


@pytest.mark.asyncio
async def test_rows_hold_relative_paths_so_a_profile_can_move(
    db: Database,
    session: RelaySession,
    make_library: MakeLibrary,
    sink: RecordingSink,
    tmp_path: Path,
) -> None:
    library = make_library(session)
    asset = await add(library, 11, "moving")
    stored = await db.run(
        lambda conn: conn.execute(
            "SELECT rel_path, thumb_rel_path FROM assets WHERE id = ?", (asset.id,)
        ).fetchone()
    )
    assert stored[0] == f"image/{asset.sha256[:2]}/{asset.sha256}.png"
    assert stored[1] == f"{asset.sha256}.png"

    moved = tmp_path / "moved"
    shutil.copytree(tmp_path / "profile", moved)
    elsewhere = Library(db, moved / "library", moved / "cache" / "thumbs", session, sink)
    found = await elsewhere.get(asset.id)
    assert found is not None
    assert found.path == moved / "library" / stored[0]
    assert found.path.read_bytes() == asset.path.read_bytes()
    assert found.thumbnail == moved / "cache" / "thumbs" / stored[1]


@pytest.mark.asyncio
async def test_a_still_of_a_video_is_kept_as_its_thumbnail_and_goes_with_it(
    db: Database, session: RelaySession, make_library: MakeLibrary
) -> None:
    library = make_library(session)
    clip = Path(__file__).resolve().parent.parent / "fakerelay" / "media" / "sample.mp4"
    video = await library.add_bytes(
        clip.read_bytes(), Provenance(AssetKind.VIDEO, prompt="海浪", model="kling-v1-6")
    )
    assert video.thumbnail is None
    # What is not a picture is refused, and the video stays as it was.
    assert await library.keep_still(video, b"\x89PNG\r\n\x1a\n not really") is None
    (listed,) = await library.list_kind(AssetKind.VIDEO)
    assert listed.thumbnail is None

    kept = await library.keep_still(video, picture("PNG", (320, 180), 3))
    assert kept is not None and kept.thumbnail is not None and kept.thumbnail.is_file()
    (listed,) = await library.list_kind(AssetKind.VIDEO)
    assert listed.thumbnail == kept.thumbnail
    await library.delete([video.id])
    assert not kept.thumbnail.exists()
