from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ecovdesk.core.library import safe_file_name

FOLDER = Path("/tmp/ecovdesk-save-target").resolve()
RESERVED = {"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(10)),
            *(f"LPT{i}" for i in range(10))}  # fmt: skip

# Every kind of character, including separators, dots, controls and bidi overrides.
hostile_text = st.text(
    alphabet=st.one_of(
        st.characters(exclude_categories=["Cs"]),
        st.sampled_from(["/", "\\", ".", ":", "\0", "\u202e", " ", "\t", "\n"]),
    ),
    max_size=300,
)


@given(prompt=hostile_text, ext=hostile_text.map(lambda s: s[:12]))
@settings(max_examples=400, deadline=None)
def test_the_name_never_leaves_the_folder(prompt: str, ext: str) -> None:
    name = safe_file_name(prompt, ext)
    assert name
    assert name not in (".", "..")
    assert "/" not in name and "\\" not in name and "\0" not in name
    assert os.sep not in name
    assert not name.startswith(".") and not name.endswith((" ", "."))
    assert all(ch.isprintable() or ch == " " for ch in name)
    assert len(name) <= 80 + 11
    assert len(name.encode("utf-8")) <= 255
    assert name.split(".", 1)[0].strip().upper() not in RESERVED
    target = (FOLDER / name).resolve()
    assert target.parent == FOLDER


@pytest.mark.parametrize(
    ("prompt", "ext", "expected"),
    [
        ("A cute cat on a sofa", "png", "A cute cat on a sofa.png"),
        ("  ../../etc/passwd  ", ".webp", "etc passwd.webp"),
        ("..", "png", "picture.png"),
        ("", "svg", "picture.svg"),
        ("CON", "png", "_CON.png"),
        ("nul.txt", "jpg", "_nul.txt.jpg"),
        ("a\u202egnp.exe", "png", "a gnp.exe.png"),
        ('what: "is" <this>? | *', "png", "what is this.png"),
        ("一只可爱的小猫\n在窗台上", "webp", "一只可爱的小猫 在窗台上.webp"),
        ("cat", "p/n\\g", "cat.png"),
    ],
)
def test_names_read_like_the_prompt(prompt: str, ext: str, expected: str) -> None:
    assert safe_file_name(prompt, ext) == expected


def test_long_prompts_are_cut_to_the_limit() -> None:
    name = safe_file_name("word " * 100, "png", max_len=40)
    assert len(name) <= 40
    assert name.endswith(".png")
    assert not name[: -len(".png")].endswith(" ")
