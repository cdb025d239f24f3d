"""Everything CI checks, in one command: layer contracts, lint, types, then the tests."""

from __future__ import annotations

import os
import subprocess
import sys

STEPS: list[tuple[str, list[str]]] = [
    ("layer contracts", ["lint-imports"]),
    ("ruff", [sys.executable, "-m", "ruff", "check", "ecovdesk", "tests", "packaging"]),
    ("mypy", [sys.executable, "-m", "mypy"]),
    ("pytest", [sys.executable, "-m", "pytest", "-q", *sys.argv[1:]]),
]


def main() -> int:
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    bin_dir = os.path.dirname(sys.executable)
    env["PATH"] = bin_dir + os.pathsep + env.get("PATH", "")
    for name, command in STEPS:
        print(f"== {name}", flush=True)
        if subprocess.run(command, env=env).returncode != 0:
            print(f"== {name} failed", flush=True)
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
