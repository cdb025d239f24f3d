"""Picture generation end to end: request, storage, provenance and the reply's outcome."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

from ecovdesk.core import conversation_store as store
from ecovdesk.core.catalogue import Catalogue
from ecovdesk.core.chat_service import ChatService, chat_key
from ecovdesk.core.database import Database
from ecovdesk.core.domain import (
    Asset,
    Attachment,
    AttachmentKind,
    Conversation,
    ImageOptions,
    Message,
    MessageState,
)
from ecovdesk.core.image_service import NO_PICTURES, ImageService
from ecovdesk.core.relay_session import RelaySession
from ecovdesk.core.task_scope import TaskScope
from tests.fakerelay.server import FakeRelay

from .conftest import MakeLibrary
from .library_helpers import (
    SCRIPTED_BASE,
    RecordingSink,
    ScriptedSession,
    picture,
    wait_until_idle,
)

EXAMPLES = Path(__file__).resolve().parent.parent / "fixtures" / "examples"
CATALOGUE = Catalogue.load_default()


@dataclass
class Rig:
    images: ImageService
    chat: ChatService
    scope: TaskScope
    errors: list[BaseException]

    async def generate(
        self, model: str, prompt: str, options: ImageOptions | None = None
    ) -> Conversation:
        conversation = await self.images.generate(None, model, prompt, options or ImageOptions())
        await wait_until_idle(self.scope, chat_key(conversation.id))
        assert self.errors == []
        return conversation


RigFactory = Callable[[RelaySession], Rig]


@pytest.fixture
def rig_for(db: Database, make_library: MakeLibrary, sink: RecordingSink) -> RigFactory:
    def build(relay: RelaySession) -> Rig:
        errors: list[BaseException] = []
        scope = TaskScope(errors.append)
        library = make_library(relay)
        images = ImageService(db, relay, library, sink, scope, CATALOGUE, clock=lambda: 100.0)
        chat = ChatService(
            db, relay, sink, scope, CATALOGUE, on_reply_finished=images.fetch_reply_pictures
        )
        return Rig(images, chat, scope, errors)

    return build


async def outcome(db: Database, sink: RecordingSink) -> tuple[Message, list[Asset]]:
    """The last finished reply as stored, and the files linked to it."""
    reply = sink.finished[-1]
    stored = await db.run(store.get_message, reply.id)
    assert stored is not None
    linked = await db.run(
        lambda conn: {
            r[0] for r in conn.execute("SELECT id FROM assets WHERE message_id = ?", (reply.id,))
        }
    )
    return stored, [a for a in sink.ready if a.id in linked]


@pytest.mark.asyncio
async def test_dalle_generation_stores_the_picture_with_its_provenance(
    fake_relay: FakeRelay,
    session: RelaySession,
    rig_for: RigFactory,
    db: Database,
    sink: RecordingSink,
) -> None:
    rig = rig_for(session)
    options = ImageOptions(size="1792x1024", quality="hd", style="natural", count=3)
    conversation = await rig.generate("dall-e-3", "a red fox in the snow", options)

    (request,) = fake_relay.requests_to("/v1/images/generations")
    sent = {"n": 1, "size": "1792x1024", "quality": "hd", "style": "natural"}
    assert request.json == {"model": "dall-e-3", "prompt": "a red fox in the snow", **sent}
    reply, assets = await outcome(db, sink)
    assert reply.state is MessageState.DONE
    assert reply.error_kind is None
    assert reply.content.startswith("A detailed, colourful illustration of a red fox")
    assert reply.model == "dall-e-3"
    (asset,) = assets
    assert asset.provenance.prompt == "a red fox in the snow"
    assert asset.provenance.model == "dall-e-3"
    assert asset.provenance.params == sent
    assert asset.provenance.conversation_id == conversation.id
    assert asset.provenance.message_id == reply.id
    assert asset.path.is_file() and asset.mime == "image/png"
    assert conversation.title == "a red fox in the snow"
    roles = [m.role.value for m in sink.added]
    assert roles == ["user", "assistant"]
    # The window learns that the reply ended from message_finished alone: the message it was
    # handed when the reply began is left as it was.
    assert sink.added[1].state is MessageState.STREAMING
    grouped = await rig.images._library.for_messages([reply.id])
    assert [a.id for a in grouped[reply.id]] == [asset.id]


@pytest.mark.asyncio
async def test_flux_generation_keeps_every_picture_and_the_options_sent(
    fake_relay: FakeRelay,
    session: RelaySession,
    rig_for: RigFactory,
    db: Database,
    sink: RecordingSink,
) -> None:
    rig = rig_for(session)
    options = ImageOptions(aspect_ratio="16:9", count=2, seed=7)
    await rig.generate("flux-pro", "mountains at dawn", options)

    (request,) = fake_relay.requests_to("/v1/images/generations")
    assert request.json == {
        "model": "flux-pro",
        "prompt": "mountains at dawn",
        "n": 2,
        "aspect_ratio": "16:9",
        "seed": 7,
    }
    reply, assets = await outcome(db, sink)
    assert reply.state is MessageState.DONE
    assert reply.content == ""
    assert len(assets) == 2
    assert {a.mime for a in assets} == {"image/jpeg"}
    assert all(a.provenance.params == {"n": 2, "aspect_ratio": "16:9", "seed": 7} for a in assets)
    assert all(a.thumbnail is not None and a.thumbnail.is_file() for a in assets)


@pytest.mark.asyncio
async def test_recraft_vector_style_yields_svg_files(
    fake_relay: FakeRelay,
    session: RelaySession,
    rig_for: RigFactory,
    db: Database,
    sink: RecordingSink,
) -> None:
    rig = rig_for(session)
    options = ImageOptions(style="vector_illustration", count=5)
    await rig.generate("recraftv3", "a lighthouse logo", options)

    (request,) = fake_relay.requests_to("/v1/images/generations")
    assert request.json is not None
    assert (request.json["style"], request.json["n"]) == ("vector_illustration", 2)
    reply, assets = await outcome(db, sink)
    assert reply.state is MessageState.DONE
    assert [a.mime for a in assets] == ["image/svg+xml", "image/svg+xml"]
    assert all(a.thumbnail is None and a.path.suffix == ".svg" for a in assets)
    assert assets[0].provenance.params["style"] == "vector_illustration"


@pytest.mark.asyncio
async def test_ideogram_generation_maps_the_model_and_options(
    fake_relay: FakeRelay,
    session: RelaySession,
    rig_for: RigFactory,
    db: Database,
    sink: RecordingSink,
) -> None:
    rig = rig_for(session)
    options = ImageOptions(
        aspect_ratio="16:9", magic_prompt="ON", style_type="ANIME", negative_prompt="blur", seed=42
    )
    await rig.generate("ideogram-v2-turbo", "a neon street", options)

    (request,) = fake_relay.requests_to("/ideogram/generate")
    assert request.json is not None
    sent = request.json["image_request"]
    assert sent["model"] == "V_2_TURBO"
    assert sent["aspect_ratio"] == "ASPECT_16_9"
    reply, assets = await outcome(db, sink)
    assert reply.state is MessageState.DONE
    assert reply.content.startswith("A detailed, colourful illustration of a neon street")
    (asset,) = assets
    assert asset.provenance.model == "ideogram-v2-turbo"
    assert asset.provenance.params == {
        "aspect_ratio": "ASPECT_16_9",
        "magic_prompt_option": "ON",
        "style_type": "ANIME",
        "negative_prompt": "blur",
        "seed": 42,
    }
    assert asset.source_url.startswith(f"{fake_relay.media_base_url}/files/ideogram-")
    assert (asset.width, asset.height) == (512, 512)


@pytest.mark.asyncio
async def test_a_refused_generation_fails_with_the_relays_message(
    fake_relay: FakeRelay,
    session: RelaySession,
    rig_for: RigFactory,
    db: Database,
    sink: RecordingSink,
) -> None:
    rig = rig_for(session)
    fake_relay.queue_error(503, "error_503_no_channel.json", path_prefix="/v1/images")
    await rig.generate("dall-e-3", "anything")

    reply, assets = await outcome(db, sink)
    expected = json.loads((EXAMPLES / "error_503_no_channel.json").read_text("utf-8"))
    assert reply.state is MessageState.FAILED
    assert reply.error_kind == "model_unavailable"
    assert reply.error_text == expected["error"]["message"]
    assert assets == []
    assert sink.finished[-1].state is MessageState.FAILED


@pytest.mark.asyncio
async def test_a_policy_refusal_is_an_upstream_failure(
    fake_relay: FakeRelay,
    session: RelaySession,
    rig_for: RigFactory,
    db: Database,
    sink: RecordingSink,
) -> None:
    rig = rig_for(session)
    await rig.generate("ideogram-v1", "something banned")
    reply, _ = await outcome(db, sink)
    assert reply.state is MessageState.FAILED
    assert reply.error_kind == "upstream"
    assert reply.error_text is not None and "safety system" in reply.error_text


def _scripted(urls: list[str], files: dict[str, bytes], b64: bool = False) -> ScriptedSession:
    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/v1/images/generations":
            if b64:
                body = (EXAMPLES / "images_generations_b64.json").read_bytes()
                return httpx.Response(200, content=body)
            return httpx.Response(200, json={"created": 1, "data": [{"url": u} for u in urls]})
        content = files.get(str(request.url))
        if content is None:
            return httpx.Response(404, text="Not Found")
        return httpx.Response(200, headers={"content-type": "image/png"}, content=content)

    return ScriptedSession(handler)


@pytest.mark.asyncio
async def test_a_base64_answer_is_stored(
    rig_for: RigFactory, db: Database, sink: RecordingSink
) -> None:
    session = _scripted([], {}, b64=True)
    rig = rig_for(session)
    await rig.generate("dall-e-3", "a white cat")
    await session.aclose()
    reply, assets = await outcome(db, sink)
    assert reply.state is MessageState.DONE
    assert reply.content == "a white siamese cat"
    (asset,) = assets
    assert (asset.mime, asset.width, asset.height, asset.source_url) == ("image/png", 1, 1, "")


@pytest.mark.asyncio
async def test_one_missing_picture_is_reported_while_the_others_arrive(
    rig_for: RigFactory, db: Database, sink: RecordingSink
) -> None:
    good, gone = "https://cdn.example.test/good.png", "https://cdn.example.test/gone.png"
    session = _scripted([good, gone], {good: picture("PNG")})
    rig = rig_for(session)
    await rig.generate("flux-schnell", "two pictures", ImageOptions(count=2))
    await session.aclose()
    reply, assets = await outcome(db, sink)
    assert reply.state is MessageState.DONE
    assert [a.source_url for a in assets] == [good]
    assert sink.failed == [(reply.id, gone, "expired_or_missing")]


@pytest.mark.asyncio
async def test_no_picture_stored_fails_and_retry_recovers(
    rig_for: RigFactory, db: Database, sink: RecordingSink
) -> None:
    url = "https://cdn.example.test/later.png"
    files: dict[str, bytes] = {url: b"<html>not yet</html>"}
    session = _scripted([url], files)
    rig = rig_for(session)
    await rig.generate("flux-dev", "patience", ImageOptions(size="1024x768"))
    reply, assets = await outcome(db, sink)
    assert (reply.state, reply.error_kind, assets) == (MessageState.FAILED, NO_PICTURES, [])
    assert sink.failed == [(reply.id, url, "not_an_image")]

    files[url] = picture("PNG")
    asset = await rig.images.retry_picture(reply.id, url)
    await session.aclose()
    assert asset is not None
    assert asset.provenance.prompt == "patience"
    assert asset.provenance.params == {"n": 1, "size": "1024x768"}
    assert asset.provenance.message_id == reply.id
    healed = await db.run(store.get_message, reply.id)
    assert healed is not None
    assert (healed.state, healed.error_kind) == (MessageState.DONE, None)
    assert sink.finished[-1].id == reply.id and sink.finished[-1].state is MessageState.DONE


@pytest.mark.asyncio
async def test_stop_interrupts_a_generation(
    fake_relay: FakeRelay,
    session: RelaySession,
    rig_for: RigFactory,
    db: Database,
    sink: RecordingSink,
) -> None:
    rig = rig_for(session)
    fake_relay.image_delay = 5.0
    conversation = await rig.images.generate(None, "dall-e-3", "slow", ImageOptions())
    assert rig.images.is_running(conversation.id)
    assert rig.chat.stop(conversation.id)
    await wait_until_idle(rig.scope, chat_key(conversation.id))
    reply, assets = await outcome(db, sink)
    assert (reply.state, reply.error_kind) == (MessageState.INTERRUPTED, "stopped")
    assert assets == []
    assert rig.errors == []


@pytest.mark.asyncio
async def test_generate_keeps_the_conversation_and_attachments(
    fake_relay: FakeRelay,
    session: RelaySession,
    rig_for: RigFactory,
    db: Database,
    sink: RecordingSink,
) -> None:
    rig = rig_for(session)
    first = await rig.generate("flux-pro", "first")
    reference = Attachment(AttachmentKind.IMAGE, "data:image/png;base64,AAAA", "ref.png")
    again = await rig.images.generate(first, "dall-e-3", "second", ImageOptions(), [reference])
    await wait_until_idle(rig.scope, chat_key(again.id))
    assert again.id == first.id
    stored = await db.run(store.get_conversation, first.id)
    assert stored is not None and stored.model == "dall-e-3"
    messages = await db.run(store.list_messages, first.id)
    assert [m.content for m in messages if m.role.value == "user"] == ["first", "second"]
    assert messages[-2].attachments == [reference]
    with pytest.raises(ValueError):
        await rig.images.generate(first, "gpt-4o-mini", "not a picture model", ImageOptions())


@pytest.mark.asyncio
async def test_gpt4o_all_reply_pictures_are_fetched_through_the_hook(
    fake_relay: FakeRelay,
    session: RelaySession,
    rig_for: RigFactory,
    db: Database,
    sink: RecordingSink,
) -> None:
    rig = rig_for(session)
    conversation = await rig.chat.send(None, "gpt-4o-all", "draw a cat wearing a hat")
    await wait_until_idle(rig.scope, chat_key(conversation.id))
    assert rig.errors == []
    reply, assets = await outcome(db, sink)
    assert reply.state is MessageState.DONE
    assert "[下载1](" in reply.content
    (asset,) = assets
    assert asset.mime == "image/webp"
    assert asset.source_url.endswith(".webp") and asset.source_url in reply.content
    assert asset.provenance.prompt == "draw a cat wearing a hat"
    assert asset.provenance.params == {"size": "1024x1024"}
    assert asset.provenance.model == "gpt-4o-all"
    assert asset.provenance.conversation_id == conversation.id


@pytest.mark.asyncio
async def test_glm_markdown_picture_takes_the_users_prompt(
    fake_relay: FakeRelay,
    session: RelaySession,
    rig_for: RigFactory,
    db: Database,
    sink: RecordingSink,
) -> None:
    rig = rig_for(session)
    conversation = await rig.chat.send(None, "glm4", "画一只猫")
    await wait_until_idle(rig.scope, chat_key(conversation.id))
    reply, assets = await outcome(db, sink)
    assert "![图像](" in reply.content
    (asset,) = assets
    assert asset.provenance.prompt == "画一只猫"
    assert asset.provenance.params == {}
    assert asset.source_url == f"{fake_relay.media_base_url}/files/glm-cat.png"

    again = await rig.images.fetch_reply_pictures(reply, "画一只猫")
    assert again == []
    assert len(fake_relay.requests_to("/files/")) == 1


@pytest.mark.asyncio
async def test_the_hook_runs_only_for_replies_with_pictures_and_its_failure_is_contained(
    fake_relay: FakeRelay, session: RelaySession, db: Database, sink: RecordingSink
) -> None:
    calls: list[tuple[int, str]] = []

    async def hook(message: Message, prompt: str) -> None:
        calls.append((message.id, prompt))
        raise RuntimeError("the hook broke")

    errors: list[BaseException] = []
    scope = TaskScope(errors.append)
    chat = ChatService(db, session, sink, scope, CATALOGUE, on_reply_finished=hook)
    plain = await chat.send(None, "gpt-4o-mini", "hello there")
    await wait_until_idle(scope, chat_key(plain.id))
    assert calls == []
    drawn = await chat.send(None, "gpt-4o-all", "draw a dog")
    await wait_until_idle(scope, chat_key(drawn.id))
    assert calls == [(sink.finished[-1].id, "draw a dog")]
    assert sink.finished[-1].state is MessageState.DONE
    assert errors == []


@pytest.mark.asyncio
async def test_an_answer_without_pictures_fails_and_went_to_the_relay_with_the_key(
    rig_for: RigFactory, db: Database, sink: RecordingSink
) -> None:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, json={"created": 1, "data": []})

    session = ScriptedSession(handler)
    rig = rig_for(session)
    await rig.generate("dall-e-3", "nothing back")
    await session.aclose()
    assert str(seen[0].url) == f"{SCRIPTED_BASE}/v1/images/generations"
    assert seen[0].headers["authorization"].startswith("Bearer ")
    reply, _ = await outcome(db, sink)
    assert (reply.state, reply.error_kind) == (MessageState.FAILED, "upstream")


@pytest.mark.asyncio
async def test_an_ideogram_version_the_app_cannot_map_fails_without_a_request(
    fake_relay: FakeRelay,
    session: RelaySession,
    rig_for: RigFactory,
    db: Database,
    sink: RecordingSink,
) -> None:
    rig = rig_for(session)
    await rig.generate("ideogram-v9", "future model")
    reply, _ = await outcome(db, sink)
    assert (reply.state, reply.error_kind) == (MessageState.FAILED, "model_unavailable")
    assert not reply.error_text  # the relay was not asked, so nothing is shown as its words
    assert fake_relay.requests_to("/ideogram/") == []
