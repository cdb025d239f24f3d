"""Message cards and secondary text look as the theme says, and a search result stands out."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtGui import QColor, QImage, QPalette
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from ecovdesk.core.domain import Message, Role
from ecovdesk.ui import looks
from ecovdesk.ui.message_bubble import MessageBubble
from ecovdesk.ui.pictures import ThumbnailCache
from ecovdesk.ui.theme import apply_theme
from ecovdesk.ui.widgets import label


@pytest.fixture
def qapp_themes() -> Iterator[QApplication]:
    qapp = QApplication.instance()
    assert isinstance(qapp, QApplication)
    yield qapp
    apply_theme(qapp, "light")


def _bubble(qtbot: QtBot, role: Role) -> MessageBubble:
    bubble = MessageBubble(
        Message(1, 1, role, "一段文字\n\n第二段"), dark=False, thumbnails=ThumbnailCache()
    )
    qtbot.addWidget(bubble)
    bubble.resize(500, 160)
    bubble.show()
    qtbot.waitExposed(bubble)
    return bubble


def _pixel(image: QImage, x: int, y: int) -> QColor:
    return image.pixelColor(x, y)


def _colour(role: QPalette.ColorRole) -> QColor:
    return QApplication.palette().color(role)


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_cards_fill_with_the_theme_colours_the_reply_outlined(
    qtbot: QtBot, qapp_themes: QApplication, theme: str
) -> None:
    apply_theme(qapp_themes, theme)
    qapp_themes.processEvents()
    user, reply = _bubble(qtbot, Role.USER), _bubble(qtbot, Role.ASSISTANT)
    middle = user.height() // 2
    mine, theirs = user.grab().toImage(), reply.grab().toImage()
    # Inside the card, left of the text.
    assert _pixel(mine, 6, middle) == _colour(QPalette.ColorRole.AlternateBase)
    assert _pixel(theirs, 6, middle) == _colour(QPalette.ColorRole.Base)
    assert _pixel(theirs, 0, middle) == _colour(QPalette.ColorRole.Mid)
    assert _pixel(mine, 0, middle) != _colour(QPalette.ColorRole.Mid)


def test_a_card_found_by_a_search_is_outlined_until_it_is_let_go(qtbot: QtBot) -> None:
    reply = _bubble(qtbot, Role.ASSISTANT)
    middle = reply.height() // 2
    highlight = _colour(QPalette.ColorRole.Highlight)
    reply.set_found(True)
    assert reply.found
    assert _pixel(reply.grab().toImage(), 1, middle) == highlight
    reply.set_found(False)
    assert _pixel(reply.grab().toImage(), 1, middle) != highlight


def test_a_label_changes_look_without_keeping_the_old_colour(
    qtbot: QtBot, qapp_themes: QApplication
) -> None:
    shown = label("正在连接…", name=looks.DIMMED)
    qtbot.addWidget(shown)

    def text_colour() -> QColor:
        return shown.palette().color(shown.foregroundRole())

    assert text_colour() == _colour(QPalette.ColorRole.PlaceholderText)
    looks.set_look(shown, looks.ERROR)
    assert text_colour() == QColor("#c62828")
    looks.set_look(shown, looks.DIMMED)
    assert text_colour() == _colour(QPalette.ColorRole.PlaceholderText)
    # A dimmed label follows a theme chosen later by itself, as the event loop turns.
    apply_theme(qapp_themes, "dark")
    qapp_themes.processEvents()
    assert text_colour() == _colour(QPalette.ColorRole.PlaceholderText)
    assert text_colour() == QColor("#9aa0a6")


def test_thinking_is_set_apart_from_the_answer_in_both_themes(
    qtbot: QtBot, qapp_themes: QApplication
) -> None:
    message = Message(1, 1, Role.ASSISTANT, "答案：四。", reasoning="先想一想：二加二。")
    bubble = MessageBubble(message, dark=False, thumbnails=ThumbnailCache())
    qtbot.addWidget(bubble)
    bubble.resize(500, 220)
    bubble.show()
    qtbot.waitExposed(bubble)
    bubble.thinking_toggle.click()
    QApplication.processEvents()
    view = bubble.thinking_view
    assert view.isVisible() and view.viewportMargins().left() > 0
    for dark in (False, True):
        apply_theme(qapp_themes, "dark" if dark else "light")
        bubble.set_dark(dark)
        QApplication.processEvents()
        dimmed = _colour(QPalette.ColorRole.PlaceholderText)
        assert view.palette().color(QPalette.ColorRole.Text) == dimmed
        assert bubble.body.parts[0].palette().color(QPalette.ColorRole.Text) != dimmed
        # A bar down the thinking's left edge, in the card's outline colour.
        image = bubble.grab().toImage()
        middle = view.geometry().center().y()
        assert _pixel(image, view.x() + 1, middle) == _colour(QPalette.ColorRole.Mid)
