"""Pictures that could not be kept: their reason reads in full under the thumbnails."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QLabel, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from ecovdesk.ui.image_strip import ImageStrip
from ecovdesk.ui.pictures import ThumbnailCache

REASON = "图片尺寸过大，无法安全打开。这张图片声称的像素数远超过任何真实图片，为了安全没有解码它。"


def test_a_failure_reason_gets_the_message_s_width_and_all_of_its_lines(qtbot: QtBot) -> None:
    host = QWidget()
    qtbot.addWidget(host)
    strip = ImageStrip(ThumbnailCache())
    QVBoxLayout(host).addWidget(strip)
    strip.add_failure("https://x.test/a.png", REASON)
    strip.add_failure("https://x.test/b.png", "链接已过期")
    host.resize(420, 300)
    host.show()
    qtbot.waitExposed(host)
    QApplication.processEvents()
    reasons = [w for w in strip.findChildren(QLabel) if w.text() in (REASON, "链接已过期")]
    assert len(reasons) == 2
    long_reason = next(w for w in reasons if w.text() == REASON)
    # Wider than any thumbnail column, and tall enough for every line it wraps into.
    assert long_reason.width() > 250
    assert long_reason.height() >= long_reason.heightForWidth(long_reason.width())
    assert long_reason.heightForWidth(long_reason.width()) > long_reason.fontMetrics().height()
