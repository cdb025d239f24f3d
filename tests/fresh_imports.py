"""Which modules a new interpreter has loaded after running a few imports of the app's.

Start-up time and memory at rest depend on what is not imported yet, and the layers on what
one never imports; the test process itself has loaded everything, so it cannot tell.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def modules_loaded(code: str, watched: Sequence[str]) -> list[str]:
    """The names of ``watched`` loaded after ``code`` runs: a module, or any module under it."""
    probe = (
        f"{code}\n"
        "import sys\n"
        f"watched = {list(watched)!r}\n"
        "loaded = [w for w in watched\n"
        "          if any(n == w or n.startswith(w + '.') for n in list(sys.modules))]\n"
        "print('\\n'.join(loaded))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, check=False
    )
    if done.returncode != 0:
        raise AssertionError(f"the imports failed:\n{done.stderr}")
    return done.stdout.split()
