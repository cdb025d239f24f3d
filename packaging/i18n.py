"""Refresh the translation sources from the code, then compile them for the app.

python packaging/i18n.py           # lupdate + lrelease
python packaging/i18n.py --check   # fail if a source string is missing or unfinished
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
I18N = ROOT / "resources" / "i18n"
LANGUAGES = ("zh_CN", "en")


def _tool(name: str) -> str:
    found = shutil.which(f"pyside6-{name}", path=str(Path(sys.executable).parent))
    return found or f"pyside6-{name}"


def sources() -> list[str]:
    return sorted(str(p.relative_to(ROOT)) for p in (ROOT / "ecovdesk").rglob("*.py"))


def ts_file(language: str) -> Path:
    return I18N / f"ecovdesk_{language}.ts"


def update() -> None:
    for language in LANGUAGES:
        subprocess.run(
            [
                _tool("lupdate"),
                *sources(),
                "-ts",
                str(ts_file(language)),
                "-no-obsolete",
                "-target-language",
                language,
            ],
            cwd=ROOT,
            check=True,
        )


def release() -> None:
    for language in LANGUAGES:
        target = I18N / f"ecovdesk_{language}.qm"
        subprocess.run(
            [_tool("lrelease"), str(ts_file(language)), "-qm", str(target)], cwd=ROOT, check=True
        )


def unfinished(language: str) -> list[str]:
    """Source strings whose translation is missing or marked unfinished."""
    problems = []
    for message in ET.parse(ts_file(language)).getroot().iter("message"):
        translation = message.find("translation")
        source = message.findtext("source", "")
        if translation is None or translation.get("type") in ("unfinished", "vanished", "obsolete"):
            problems.append(source)
        elif message.get("numerus") == "yes":
            if not all((form.text or "").strip() for form in translation.iter("numerusform")):
                problems.append(source)
        elif not (translation.text or "").strip():
            problems.append(source)
    return problems


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args()
    if args.check:
        failed = {lang: unfinished(lang) for lang in LANGUAGES}
        for lang, items in failed.items():
            for item in items:
                print(f"{lang}: not translated: {item!r}")
        return 1 if any(failed.values()) else 0
    update()
    release()
    return 0


if __name__ == "__main__":
    sys.exit(main())
