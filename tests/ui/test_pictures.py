"""Pictures as a user meets them: in replies, from the picture models, in the gallery, viewer."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QFileDialog, QMessageBox, QPushButton
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from ecovdesk.app import RunningApp
from ecovdesk.core.domain import MessageState
from ecovdesk.ui.image_viewer import ImageViewer
from ecovdesk.ui.message_bubble import MessageBubble
from tests.fakerelay.server import FakeRelay
from tests.ui.conftest import Driver, start_app, stop_app
from tests.ui.test_chat_window import _finished_reply, _send


def _pictures_arrived(bubble: MessageBubble, count: int = 1) -> bool:
    return len(bubble.images.assets) >= count


def _open_gallery(driver: Driver, app: RunningApp) -> None:
    app.window.tabs.setCurrentWidget(app.window.gallery)
    driver.until(lambda: app.window.pictures._gallery_loaded)


def test_gpt4o_all_picture_shows_inline_and_in_the_gallery_and_survives_offline_restart(
    qtbot: QtBot, driver: Driver, relay: FakeRelay, tmp_path: Path
) -> None:
    profile = tmp_path / "profile"
    first = start_app(driver, profile, relay.base_url)
    _send(qtbot, first, "画一只猫", model="gpt-4o-all")
    bubble = _finished_reply(driver, first)
    driver.until(lambda: _pictures_arrived(bubble))
    asset = bubble.images.assets[0]
    assert asset.path.is_file() and asset.path.is_relative_to(profile / "library")
    assert asset.provenance.model == "gpt-4o-all"
    # Found by the user's words; the English prompt the model drew from is kept beside them.
    assert asset.provenance.prompt == "画一只猫"
    assert str(asset.provenance.params["revised_prompt"]).startswith("A ")
    shown = bubble.body.toPlainText()
    assert "filesystem" not in shown and "下载1" not in shown
    assert bubble.caption.isVisibleTo(bubble)
    _open_gallery(driver, first)
    gallery = first.window.gallery
    assert len(gallery.model.assets) == 1
    # The user finds it by what they asked for, in their own words.
    gallery.filter.text.setText("狗")
    driver.until(lambda: len(gallery.model.assets) == 0)
    gallery.filter.text.setText("猫")
    driver.until(lambda: len(gallery.model.assets) == 1)
    stop_app(driver, first)

    with relay.refuse():
        second = start_app(driver, profile, relay.base_url)
        try:
            bubble = next(b for b in second.window.view.bubbles() if b.images.assets)
            assert bubble.images.assets[0].path == asset.path
            _open_gallery(driver, second)
            assert [a.id for a in second.window.gallery.model.assets] == [asset.id]
            assert (
                not second.window.gallery.model.index(0)
                .data(Qt.ItemDataRole.DecorationRole)
                .isNull()
            )
        finally:
            stop_app(driver, second)


@pytest.mark.parametrize(
    ("word", "reason", "retry"),
    [
        ("expired", "expired", True),
        ("corrupt", "incomplete or damaged", True),
        # Refused for what the file is: the same link would be refused again.
        ("bomb", "far too large", False),
        ("mislabelled", "did not return a picture", True),
    ],
)
def test_a_bad_picture_link_shows_its_reason_and_a_retry(
    qtbot: QtBot, driver: Driver, app: RunningApp, word: str, reason: str, retry: bool
) -> None:
    _send(qtbot, app, f"画一只猫 {word}", model="gpt-4o-all")
    bubble = _finished_reply(driver, app)
    driver.until(lambda: bool(bubble.images.failed_urls()))
    texts = " ".join(w.text() for w in bubble.images.findChildren(type(bubble.state_label)))
    assert reason in texts
    assert any(b.text() == "Retry" for b in bubble.images.findChildren(QPushButton)) is retry
    assert bubble.images.assets == []
    assert bubble.message.state is MessageState.DONE  # the text of the reply is kept


def test_animated_and_vector_pictures_are_kept(
    qtbot: QtBot, driver: Driver, app: RunningApp
) -> None:
    _send(qtbot, app, "画一只猫 animated", model="gpt-4o-all")
    bubble = _finished_reply(driver, app)
    driver.until(lambda: _pictures_arrived(bubble))
    assert bubble.images.assets[0].mime == "image/webp"
    _send(qtbot, app, "画一只猫 vector", model="gpt-4o-all")
    bubble = _finished_reply(driver, app)
    driver.until(lambda: _pictures_arrived(bubble))
    assert bubble.images.assets[0].path.suffix == ".svg"
    _open_gallery(driver, app)
    icons = [
        app.window.gallery.model.index(i).data(Qt.ItemDataRole.DecorationRole) for i in range(2)
    ]
    assert all(not icon.isNull() for icon in icons)


def test_flux_generation_from_the_composer_uses_the_options(
    qtbot: QtBot, driver: Driver, app: RunningApp, relay: FakeRelay
) -> None:
    relay.image_delay = 0
    window = app.window
    window.picker.choose("flux-pro")
    assert window.composer.send_button.text() == "Generate"
    assert window.side_panel.currentWidget() is window.side_panel.pictures
    panel = window.side_panel.pictures
    panel.size_choice.setCurrentIndex(panel.size_choice.findData("1024x768"))
    panel.count.setValue(2)
    panel.seed.setText("42")
    window.composer.edit.insertPlainText("雪山下的小木屋")
    qtbot.keyClick(window.composer.edit, Qt.Key.Key_Return)
    bubble = _finished_reply(driver, app)
    driver.until(lambda: _pictures_arrived(bubble, 2))
    body = relay.requests_to("/v1/images/generations")[-1].json
    assert body["model"] == "flux-pro" and body["size"] == "1024x768"
    assert body["n"] == 2 and body["seed"] == 42
    assert bubble.images.assets[0].provenance.params.get("size") == "1024x768"


def test_ideogram_generation_sends_the_ideogram_model_name(
    qtbot: QtBot, driver: Driver, app: RunningApp, relay: FakeRelay
) -> None:
    relay.image_delay = 0
    window = app.window
    window.picker.choose("ideogram-v2-turbo")
    panel = window.side_panel.pictures
    assert panel.form.isRowVisible(panel.negative_prompt)
    assert not panel.form.isRowVisible(panel.size_choice)
    panel.negative_prompt.setText("文字")
    window.composer.edit.insertPlainText("赛博朋克城市夜景")
    qtbot.keyClick(window.composer.edit, Qt.Key.Key_Return)
    bubble = _finished_reply(driver, app)
    driver.until(lambda: _pictures_arrived(bubble))
    request = relay.requests_to("/ideogram/generate")[-1].json["image_request"]
    assert request["model"] == "V_2_TURBO"
    assert request["negative_prompt"] == "文字"
    assert request["prompt"] == "赛博朋克城市夜景"


def test_failed_generation_shows_the_relays_message(
    qtbot: QtBot, driver: Driver, app: RunningApp, relay: FakeRelay
) -> None:
    relay.queue_error(503, "error_503_no_channel.json", path_prefix="/v1/images")
    app.window.picker.choose("dall-e-3")
    app.window.composer.edit.insertPlainText("一只猫")
    qtbot.keyClick(app.window.composer.edit, Qt.Key.Key_Return)
    bubble = _finished_reply(driver, app)
    assert bubble.message.state is MessageState.FAILED
    assert "无可用渠道" in bubble.state_label.text()
    assert bubble.retry_button.isVisibleTo(bubble)


def test_gallery_model_filters_delete_and_reference(
    qtbot: QtBot,
    qtmodeltester: ModelTester,
    driver: Driver,
    app: RunningApp,
    relay: FakeRelay,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    relay.image_delay = 0
    _send(qtbot, app, "画一只猫", model="gpt-4o-all")
    driver.until(lambda: _pictures_arrived(_finished_reply(driver, app)))
    _send(qtbot, app, "海边的灯塔", model="dall-e-3")
    driver.until(lambda: _pictures_arrived(_finished_reply(driver, app)))
    _open_gallery(driver, app)
    gallery = app.window.gallery
    qtmodeltester.check(gallery.model)
    assert [a.provenance.model for a in gallery.model.assets] == ["dall-e-3", "gpt-4o-all"]

    gallery.filter.model.setCurrentIndex(gallery.filter.model.findData("gpt-4o-all"))
    driver.until(lambda: [a.provenance.model for a in gallery.model.assets] == ["gpt-4o-all"])
    gallery.filter.model.setCurrentIndex(0)
    gallery.filter.text.setText("灯塔")
    driver.until(lambda: [a.provenance.model for a in gallery.model.assets] == ["dall-e-3"])
    gallery.filter.text.setText("")
    driver.until(lambda: len(gallery.model.assets) == 2)

    gallery.useAsReferenceRequested.emit(gallery.model.assets[1])
    driver.until(lambda: len(app.window.attachments.items) == 1)
    assert app.window.tabs.currentIndex() == 0

    _open_gallery(driver, app)
    assert not gallery.delete_button.isEnabled()  # nothing chosen yet
    gallery.view.selectAll()
    assert gallery.delete_button.isEnabled()
    path = gallery.model.assets[0].path
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    gallery.delete_button.click()
    driver.until(lambda: len(gallery.model.assets) == 0)
    assert not path.exists()
    assert not gallery.delete_button.isEnabled()


def test_viewer_zooms_pages_and_saves_with_a_safe_name(
    qtbot: QtBot,
    driver: Driver,
    app: RunningApp,
    relay: FakeRelay,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    relay.image_delay = 0
    app.window.picker.choose("flux-schnell")
    app.window.side_panel.pictures.count.setValue(2)
    app.window.composer.edit.insertPlainText("../../etc/passwd 一只猫")
    qtbot.keyClick(app.window.composer.edit, Qt.Key.Key_Return)
    bubble = _finished_reply(driver, app)
    driver.until(lambda: _pictures_arrived(bubble, 2))
    viewer = ImageViewer(bubble.images.assets, 0, app.window)
    qtbot.addWidget(viewer)
    viewer.show()
    qtbot.waitExposed(viewer)
    fitted = viewer.view.scale_factor()
    wheel = QWheelEvent(
        QPointF(50, 50),
        QPointF(50, 50),
        QPoint(0, 0),
        QPoint(0, 120),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    viewer.view.wheelEvent(wheel)
    assert viewer.view.scale_factor() > fitted
    viewer.view.actual_size()
    assert viewer.view.scale_factor() == 1.0
    viewer.next()
    assert viewer.index == 1 and viewer.position.text() == "2 / 2"
    assert "../../etc/passwd" in viewer.details.toPlainText()

    chosen: dict[str, str] = {}

    def fake_dialog(_parent: object, _title: str, suggested: str) -> tuple[str, str]:
        chosen["name"] = Path(suggested).name
        return str(tmp_path / chosen["name"]), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", fake_dialog)
    viewer.save_as()
    assert "/" not in chosen["name"] and ".." not in chosen["name"].split(".")[0]
    saved = tmp_path / chosen["name"]
    assert saved.read_bytes() == viewer.asset.path.read_bytes()

    # A copy that cannot be made (here the chosen name is a folder) says so instead of raising.
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: warnings.append(text))
    folder = tmp_path / "cat.png"
    folder.mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a: (str(folder), ""))
    viewer.save_as()
    assert warnings == ["The copy could not be saved: a folder already has that name."]

    # A picture whose file has gone from the library says so; what needs the file is off.
    viewer.asset.path.unlink()
    viewer.show_current()
    assert viewer.missing.isVisibleTo(viewer) and not viewer.view.isVisibleTo(viewer)
    assert [b.isEnabled() for b in viewer.picture_buttons] == [False] * 4
    viewer.previous()
    assert viewer.view.isVisibleTo(viewer) and all(b.isEnabled() for b in viewer.picture_buttons)
