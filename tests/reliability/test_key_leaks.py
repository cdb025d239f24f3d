"""The API key goes to the relay's own address and nowhere else: not to media hosts, not
through a redirect, not into any file of the profile (settings, database, WAL, logs,
exports, library, cache), not into a message the user sees."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from pytestqt.qtbot import QtBot

from ecovdesk.api.errors import ErrorKind, RelayError
from ecovdesk.api.http import RelayConfig, make_relay_client
from ecovdesk.api.models import list_models
from ecovdesk.app import RunningApp
from ecovdesk.core.domain import MessageState
from ecovdesk.core.log_setup import setup_logging
from ecovdesk.ui.error_text import describe_error
from tests.fakerelay.faults import Fault
from tests.fakerelay.server import FakeRelay, RecordedRequest
from tests.reliability.helpers import API_KEY, CHAT_PATH, IMAGES_PATH, finished_reply, send
from tests.ui.conftest import Driver, start_app, stop_app

KEY = API_KEY.encode()


@pytest.fixture
def logged_app(
    driver: Driver, relay: FakeRelay, profile: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[RunningApp]:
    """The app with its log file, as run_app sets it up, at the chattiest level."""
    root = logging.getLogger()
    before = list(root.handlers)
    setup_logging(profile / "logs", lambda: API_KEY)
    root.setLevel(logging.DEBUG)
    for name in ("httpx", "httpcore"):
        monkeypatch.setattr(logging.getLogger(name), "level", logging.DEBUG)
    running = start_app(driver, profile, relay.base_url, key=API_KEY)
    try:
        yield running
    finally:
        stop_app(driver, running)
        for handler in root.handlers[len(before) :]:
            handler.close()
            root.removeHandler(handler)
        root.setLevel(logging.WARNING)


def host(request: RecordedRequest) -> str:
    return str(request.headers.get("host", ""))


def profile_files_with_key(profile: Path) -> list[Path]:
    return [p for p in profile.rglob("*") if p.is_file() and KEY in p.read_bytes()]


def test_the_key_reaches_only_the_relay_and_is_written_nowhere(
    qtbot: QtBot, driver: Driver, logged_app: RunningApp, relay: FakeRelay, profile: Path
) -> None:
    app = logged_app
    relay_host = relay.base_url.removeprefix("http://")
    media_host = relay.media_base_url.removeprefix("http://")

    # A chat, a picture a chat model drew, a picture model, and a picture link on the relay's
    # own address that moves on to the media host.
    send(qtbot, app, "介绍一下量子计算")
    assert finished_reply(driver, app).message.state is MessageState.DONE
    send(qtbot, app, "画一只猫", model="gpt-4o-all")
    drawn = finished_reply(driver, app)
    driver.until(lambda: len(drawn.images.assets) == 1)
    send(qtbot, app, "雪山下的小木屋", model="dall-e-3")
    generated = finished_reply(driver, app)
    driver.until(lambda: len(generated.images.assets) == 1)
    moved = f"{relay.base_url}/moved/moved-cat.png"
    send(qtbot, app, f"看看这张 ![猫]({moved})")
    linked = finished_reply(driver, app)
    driver.until(lambda: len(linked.images.assets) == 1)

    # The relay sends a chat request elsewhere: not followed, and the user is told so.
    relay.queue_fault(
        Fault.REDIRECT, path_prefix=CHAT_PATH, location=f"{relay.media_base_url}{CHAT_PATH}"
    )
    send(qtbot, app, "你好")
    redirected = finished_reply(driver, app)
    assert redirected.message.state is MessageState.FAILED
    shown = redirected.state_label.text()
    assert describe_error("redirected", None) in shown and "localhost" not in shown

    # A relay that repeats the key in its error message: the user never sees it.
    relay.queue_fault(Fault.ECHO_KEY, path_prefix=IMAGES_PATH)
    send(qtbot, app, "一只猫", model="dall-e-3")
    echoed = finished_reply(driver, app)
    assert echoed.message.state is MessageState.FAILED
    assert "无效的令牌" in echoed.state_label.text() and API_KEY not in echoed.state_label.text()
    assert API_KEY not in (echoed.message.error_text or "")

    # An error logged with a traceback that quotes the request headers.
    try:
        raise RuntimeError(f"request failed: Authorization: Bearer {API_KEY}")
    except RuntimeError:
        logging.getLogger("ecovdesk.test").exception("upload of %s failed", API_KEY)

    exports = profile / "exports"
    exports.mkdir()
    conversations = driver.run(app.services.conversations.all())
    for conversation in conversations:
        for fmt in ("md", "json"):
            target = exports / f"{conversation.id}.{fmt}"
            driver.run(app.services.conversations.export(conversation.id, target, fmt))
    assert len(list(exports.iterdir())) == 2 * len(conversations) >= 2

    # While the app runs the WAL holds the newest pages; after it stops, the main file does.
    assert profile_files_with_key(profile) == []
    app.window.close()

    requests = list(relay.requests)
    with_key = [r for r in requests if KEY in r.headers.get("authorization", "").encode()]
    assert with_key and all(host(r) == relay_host for r in with_key)
    assert {r.path for r in with_key} >= {CHAT_PATH, IMAGES_PATH, "/moved/moved-cat.png"}
    to_media = [r for r in requests if host(r) == media_host]
    assert "/files/moved-cat.png" in {r.path for r in to_media}
    assert not any(r.has_authorization for r in to_media)
    # The relay client never follows a redirect, so the chat request went no further.
    assert CHAT_PATH not in {r.path for r in to_media}
    for request in requests:
        others = {k: v for k, v in request.headers.items() if k != "authorization"}
        assert KEY not in request.body and API_KEY not in str(others)
        assert API_KEY not in request.path and API_KEY not in str(request.query)
    log_text = (profile / "logs" / "ecovdesk.log").read_text("utf-8")
    assert "upload of" in log_text and "request failed" in log_text
    assert API_KEY not in log_text


def test_the_profile_holds_no_key_after_the_app_has_stopped(
    qtbot: QtBot, driver: Driver, relay: FakeRelay, profile: Path
) -> None:
    app = start_app(driver, profile, relay.base_url, key=API_KEY)
    send(qtbot, app, "画一只猫", model="gpt-4o-all")
    bubble = finished_reply(driver, app)
    driver.until(lambda: len(bubble.images.assets) == 1)
    stop_app(driver, app)
    files = [p for p in profile.rglob("*") if p.is_file()]
    assert {"settings.json", "ecovdesk.sqlite3"} <= {p.name for p in files}
    assert any("library" in p.parts for p in files) and any("cache" in p.parts for p in files)
    assert profile_files_with_key(profile) == []


def test_httpx_itself_drops_the_key_on_a_redirect_to_another_host(
    driver: Driver, relay: FakeRelay
) -> None:
    """The second line of defence, should a client ever follow redirects: httpx does not
    forward Authorization to another origin."""
    relay.queue_fault(
        Fault.REDIRECT, path_prefix="/v1/models", location=f"{relay.media_base_url}/v1/models"
    )

    async def follow() -> int:
        headers = {"Authorization": f"Bearer {API_KEY}"}
        async with httpx.AsyncClient(follow_redirects=True, headers=headers) as client:
            response = await client.get(f"{relay.base_url}/v1/models")
            return response.status_code

    assert driver.run(follow()) == 401  # the media host's copy refuses: no key arrived
    first, second = relay.requests_to("/v1/models")
    assert host(first) == relay.base_url.removeprefix("http://") and first.has_authorization
    assert host(second) == relay.media_base_url.removeprefix("http://")
    assert not second.has_authorization


def test_the_relay_client_refuses_to_follow_a_redirect(driver: Driver, relay: FakeRelay) -> None:
    relay.queue_fault(
        Fault.REDIRECT, path_prefix="/v1/models", location=f"{relay.media_base_url}/v1/models"
    )

    async def ask() -> RelayError:
        async with make_relay_client(RelayConfig(relay.base_url, API_KEY)) as client:
            with pytest.raises(RelayError) as caught:
                await list_models(client)
            return caught.value

    error = driver.run(ask())
    assert error.kind is ErrorKind.REDIRECTED and error.status == 307
    # Where it was sent is for the log; the user is told what to check, not the relay's words.
    assert "redirected the request to localhost" in error.detail and not error.message
    assert len(relay.requests_to("/v1/models")) == 1
