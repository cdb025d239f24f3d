"""The picture viewer and the gallery as a user reads them: parameters in words, paging
that stops at the ends, the zoom level, a filter with no matches, the right-click menu."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QStandardPaths, QUrl
from PySide6.QtGui import QColor, QDesktopServices, QImage
from PySide6.QtWidgets import QApplication, QComboBox, QFileDialog, QWidget
from pytestqt.qtbot import QtBot

from ecovdesk.app import RunningApp
from ecovdesk.core.domain import Asset, AssetKind, Provenance
from ecovdesk.ui import save_copy
from ecovdesk.ui.gallery import GalleryPage
from ecovdesk.ui.i18n import install_translation
from ecovdesk.ui.image_options_panel import ImageOptionsPanel
from ecovdesk.ui.image_viewer import ImageViewer
from ecovdesk.ui.mj_options_panel import MidjourneyOptionsPanel
from ecovdesk.ui.pictures import ThumbnailCache
from tests.fakerelay.server import FakeRelay
from tests.ui.conftest import Driver
from tests.ui.test_midjourney import _imagine, _replies
from tests.ui.test_pictures import _open_gallery


def _picture(
    folder: Path,
    number: int,
    params: dict[str, object],
    *,
    side: int = 64,
    width: int | None = None,
    height: int | None = None,
) -> Asset:
    """A picture file of ``side`` pixels; ``width`` and ``height`` are what the library says."""
    path = folder / f"p{number}.png"
    image = QImage(side, side, QImage.Format.Format_RGB32)
    image.fill(QColor("teal"))
    image.save(str(path))
    provenance = Provenance(AssetKind.IMAGE, prompt="一只猫", model="midjourney", params=params)
    return Asset(
        number,
        AssetKind.IMAGE,
        path,
        "image/png",
        1,
        "x",
        provenance,
        width=width or side,
        height=height or side,
        created_at=1_700_000_000.0,
    )


def _viewer(qtbot: QtBot, assets: list[Asset], index: int = 0) -> ImageViewer:
    viewer = ImageViewer(assets, index)
    qtbot.addWidget(viewer)
    return viewer


@pytest.fixture
def chinese() -> Iterator[None]:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    install_translation(app, "zh_CN")
    yield
    install_translation(app, "en")


def _combo_text(combo: QComboBox, value: str) -> str:
    return combo.itemText(combo.findData(value))


def test_a_grid_piece_says_where_it_came_from_without_internal_ids(
    qtbot: QtBot, tmp_path: Path
) -> None:
    params: dict[str, object] = {
        "from_grid": 5,
        "quadrant": 4,
        "remote_id": "1795794885332001",
        "role": "grid",
        "aspect_ratio": "16:9",
        "mode": "relax",
        "raw": True,
    }
    viewer = _viewer(qtbot, [_picture(tmp_path, 1, params)])
    shown = viewer.details.toPlainText()
    assert "Picture 4 of grid #5" in shown
    assert "Aspect ratio: 16:9" in shown and "Speed: Relaxed" in shown and "Raw style" in shown
    for internal in ("1795794885332001", "remote_id", "role", 'grid"', "{", "from_grid"):
        assert internal not in shown


def test_the_requested_size_shows_only_when_the_picture_came_out_another_size(
    qtbot: QtBot, tmp_path: Path
) -> None:
    params: dict[str, object] = {"size": "1024x1024", "revised_prompt": "A cat on a sill"}
    smaller = _viewer(qtbot, [_picture(tmp_path, 1, params, width=512, height=512)])
    shown = smaller.details.toPlainText()
    assert "Size: 512 × 512" in shown and "Requested size: 1024 × 1024" in shown
    assert "1024x1024" not in shown and '"size"' not in shown
    assert "Prompt the model drew from:\nA cat on a sill" in shown
    same = _viewer(qtbot, [_picture(tmp_path, 2, {"size": "1024x1024"}, side=1024)])
    assert "1024" not in same.details.toPlainText().replace("Size: 1024 × 1024", "")


def test_chinese_viewer_words_options_as_their_panels_do(
    qtbot: QtBot, tmp_path: Path, chinese: None
) -> None:
    params: dict[str, object] = {
        "style": "digital_illustration",
        "substyle": "2d_art_poster",
        "mode": "relax",
        "role": "grid",
        "remote_id": "17957",
    }
    viewer = _viewer(qtbot, [_picture(tmp_path, 1, params)])
    shown = viewer.details.toPlainText()
    pictures, midjourney = ImageOptionsPanel(), MidjourneyOptionsPanel()
    qtbot.addWidget(pictures)
    qtbot.addWidget(midjourney)
    pictures.set_model("recraftv3")
    for words in (
        _combo_text(pictures.style_choice, "digital_illustration"),
        _combo_text(pictures.substyle, "2d_art_poster"),
        _combo_text(midjourney.mode, "relax"),
    ):
        assert words in shown and not words.isascii()
    for raw in ("digital_illustration", "2d_art_poster", "relax", "role", "17957"):
        assert raw not in shown


def test_paging_stops_at_the_ends_and_the_zoom_level_shows(qtbot: QtBot, tmp_path: Path) -> None:
    assets = [_picture(tmp_path, n, {}) for n in range(1, 4)]
    viewer = _viewer(qtbot, assets)
    viewer.show()
    qtbot.waitExposed(viewer)
    assert not viewer.previous_button.isEnabled() and viewer.next_button.isEnabled()
    viewer.next_button.click()
    assert viewer.previous_button.isEnabled() and viewer.next_button.isEnabled()
    viewer.next_button.click()
    assert viewer.position.text() == "3 / 3"
    assert viewer.previous_button.isEnabled() and not viewer.next_button.isEnabled()

    viewer.view.actual_size()
    assert viewer.zoom_label.text() == "100%" and viewer.zoom_label.isVisibleTo(viewer)
    viewer.view.zoom(1.25)
    assert viewer.zoom_label.text() == "125%"
    viewer.view.fit()
    assert viewer.zoom_label.text() == f"{round(viewer.view.scale_factor() * 100)}%"


def _gallery(qtbot: QtBot, assets: list[Asset]) -> GalleryPage:
    gallery = GalleryPage(ThumbnailCache())
    qtbot.addWidget(gallery)
    gallery.set_assets(assets)
    return gallery


def test_a_filter_with_no_matches_says_so(qtbot: QtBot) -> None:
    gallery = _gallery(qtbot, [])
    gallery.show()
    empty = gallery.empty_hint.text()
    assert "kept for good" in empty and gallery.count_label.text() == "0 pictures"
    gallery.filter.text.setText("狗")
    gallery.set_assets([])
    assert gallery.empty_hint.isVisibleTo(gallery)
    assert gallery.empty_hint.text() == "No pictures match the filter."
    assert gallery.count_label.text() == ""


def test_split_pieces_read_one_to_four_whether_live_or_reloaded(
    qtbot: QtBot, tmp_path: Path
) -> None:
    grid = _picture(tmp_path, 5, {"role": "grid"})
    pieces = [_picture(tmp_path, 5 + q, {"from_grid": 5, "quadrant": q}) for q in range(1, 5)]
    # As the library lists them: newest first, so the last piece stored comes first.
    gallery = _gallery(qtbot, [*reversed(pieces), grid])
    assert [a.id for a in gallery.model.assets] == [6, 7, 8, 9, 5]

    live = _gallery(qtbot, [grid])
    for piece in pieces:
        live.add_asset(piece)
    assert [a.id for a in live.model.assets] == [6, 7, 8, 9, 5]
    live.add_asset(_picture(tmp_path, 10, {}))
    assert [a.id for a in live.model.assets] == [10, 6, 7, 8, 9, 5]


def test_gallery_menu_saves_a_copy_to_pictures_and_shows_the_folder(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    save_copy.forget_folders()
    asset = _picture(tmp_path, 1, {})
    gallery = _gallery(qtbot, [asset])
    menu = gallery.menu_for(gallery.model.index(0))
    assert menu is not None
    actions = {a.text(): a for a in menu.actions() if a.text()}
    assert {"Save as…", "Show in folder"} <= set(actions)

    pictures = tmp_path / "Pictures"
    pictures.mkdir()
    monkeypatch.setattr(QStandardPaths, "writableLocation", lambda _w: str(pictures))
    offered: list[str] = []

    def dialog(_parent: QWidget, _caption: str, suggested: str) -> tuple[str, str]:
        offered.append(suggested)
        return suggested, ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", dialog)
    actions["Save as…"].trigger()
    assert Path(offered[0]).parent == pictures
    assert Path(offered[0]).read_bytes() == asset.path.read_bytes()

    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", opened.append)
    actions["Show in folder"].trigger()
    assert [u.toLocalFile() for u in opened] == [str(tmp_path)]


def test_a_split_grid_reads_left_to_right_in_the_real_gallery(
    qtbot: QtBot, driver: Driver, app: RunningApp, relay: FakeRelay
) -> None:
    relay.poll_steps = 1
    _imagine(qtbot, app, "four cats")
    driver.until(lambda: bool(_replies(app)) and _replies(app)[-1].job_card is not None)
    bubble = _replies(app)[-1]
    card = bubble.job_card
    assert card is not None
    driver.until(lambda: bool(bubble.images.assets), timeout=30)
    _open_gallery(driver, app)
    card.split_button.click()
    gallery = app.window.gallery
    driver.until(lambda: len(gallery.model.assets) == 5)

    def quarters_left_to_right() -> list[object]:
        rows = range(gallery.model.rowCount())
        places = [gallery.view.visualRect(gallery.model.index(r)) for r in rows]
        shown = sorted(rows, key=lambda r: (places[r].y(), places[r].x()))
        params = [gallery.model.assets[r].provenance.params for r in shown]
        return [p.get("quadrant") for p in params if "quadrant" in p]

    assert quarters_left_to_right() == [1, 2, 3, 4]
    driver.run(app.window.pictures.reload_gallery())
    assert quarters_left_to_right() == [1, 2, 3, 4]
