"""Every visible string is translated, and the Chinese window shows no stray English."""

from __future__ import annotations

import re
import subprocess
import sys
import tokenize
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QAbstractButton, QLabel, QLineEdit, QTabWidget, QWidget

from ecovdesk.ui.model_picker import ModelPicker
from tests.fakerelay.server import FakeRelay
from tests.ui.conftest import Driver, chinese_app

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "packaging"))
import i18n as i18n_tool  # noqa: E402

# Words that stay as they are in any language: product and model names, formats, keys.
ALLOWED = re.compile(
    r"^(ecovdesk|OpenAI|API|HTTP|JSON|Markdown|Ctrl|Shift|Enter|Token|use_search|sk|kimi|"
    r"deepseek|gpt|Midjourney|Suno|Kolors|Imagine|Blend|Describe|Shorten|Raw|https?|Esc|Qt|"
    r"PySide|Python|s)$"
    # model ids such as gpt-4o-mini or chirp-v4: a word with a digit, a dot or a hyphen in it
    r"|^[a-z]+[-.0-9][a-z0-9.\-]*$",
    re.IGNORECASE,
)


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_no_translation_is_missing_or_unfinished(language: str) -> None:
    assert i18n_tool.unfinished(language) == []


def test_every_source_string_is_in_the_catalogue(tmp_path: Path) -> None:
    fresh = tmp_path / "fresh.ts"
    subprocess.run(
        [i18n_tool._tool("lupdate"), *i18n_tool.sources(), "-ts", str(fresh)],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )

    def entries(path: Path) -> set[tuple[str, str]]:
        root = ET.parse(path).getroot()
        return {
            (ctx.findtext("name", ""), m.findtext("source", ""))
            for ctx in root.iter("context")
            for m in ctx.iter("message")
        }

    missing = entries(fresh) - entries(i18n_tool.ts_file("zh_CN"))
    assert missing == set(), "run: python packaging/i18n.py"


def test_no_string_to_translate_hides_in_an_f_string() -> None:
    # lupdate does not look inside f-strings: a tr() there is never offered for translation.
    hidden = []
    for source in i18n_tool.sources():
        with tokenize.open(ROOT / source) as lines:
            for token in tokenize.generate_tokens(lines.readline):
                prefix = re.match(r"[A-Za-z]*", token.string)
                if (
                    token.type == tokenize.STRING
                    and prefix is not None
                    and "f" in prefix[0].lower()
                    and re.search(r"\b(tr|translate)\(", token.string)
                ):
                    hidden.append(f"{source}:{token.start[0]}")
    assert hidden == []


def _visible_texts(root: QWidget) -> Iterator[str]:
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisibleTo(root) or isinstance(widget, ModelPicker):
            continue  # the picker shows a model id, which is data, not wording
        if isinstance(widget, QLabel | QAbstractButton):
            yield widget.text()
        if isinstance(widget, QLineEdit):
            yield widget.placeholderText()
        if isinstance(widget, QTabWidget):
            yield from (widget.tabText(i) for i in range(widget.count()))


def _english_words(texts: Iterator[str]) -> list[str]:
    found = []
    for text in texts:
        # Midjourney's own parameter names (--no, --ar) are written as Midjourney spells them.
        text = re.sub(r"--\w+", "", text.replace("&", ""))
        for word in re.findall(r"[A-Za-z][A-Za-z_'\-]*", text):
            if not ALLOWED.match(word):
                found.append(f"{word!r} in {text!r}")
    return found


def test_chinese_window_shows_no_english(driver: Driver, relay: FakeRelay, tmp_path: Path) -> None:
    with chinese_app(driver, relay, tmp_path / "p") as running:
        window = running.window
        window.options_button.setChecked(True)
        assert window.composer.send_button.text() == "发送"
        assert _english_words(_visible_texts(window)) == []
        for model in (
            "flux-pro",
            "ideogram-v2",
            "midjourney",
            "chirp-v4",
            "luma",
            "runway-gen2",
            "kling-v1-6",
        ):
            window.picker.choose(model)
            assert _english_words(_visible_texts(window)) == [], model
        for page in range(1, window.tabs.count()):
            window.tabs.setCurrentIndex(page)
            driver.settle(0.2)
            assert _english_words(_visible_texts(window)) == [], window.tabs.tabText(page)
        menus = [a.text() for a in window.menuBar().actions()]
        assert menus == ["文件(&F)", "帮助(&H)"]
