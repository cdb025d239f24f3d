"""The performance benchmarks: ``python -m tests.benchmarks [--quick] [--json PATH]``.

Every figure is measured next to its baseline in the same run, since absolute times drift on
a shared machine. Full runs fail (exit 1) when a figure misses its budget; ``--quick`` runs
every row at small sizes without budgets, so that CI notices a benchmark that breaks.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import json
import os
import platform
import sqlite3
import sys
import tempfile
from pathlib import Path
from typing import Any

from tests.benchmarks import suite

HERE = Path(__file__).resolve().parent


def machine() -> dict[str, Any]:
    """What the figures were measured on."""
    from PySide6 import __version__ as pyside_version
    from PySide6.QtCore import qVersion

    cpu = platform.processor() or platform.machine()
    memory_gib = 0.0
    try:
        info = Path("/proc/cpuinfo").read_text()
        cpu = next(
            (line.split(":", 1)[1].strip() for line in info.splitlines() if "model name" in line),
            cpu,
        )
        meminfo = Path("/proc/meminfo").read_text().split()
        memory_gib = int(meminfo[meminfo.index("MemTotal:") + 1]) / 1024 / 1024
    except (OSError, ValueError):
        import psutil

        memory_gib = psutil.virtual_memory().total / 1024**3
    os_name = platform.platform()
    with contextlib.suppress(OSError, AttributeError, KeyError):
        os_name = platform.freedesktop_os_release()["PRETTY_NAME"] + f" ({platform.release()})"
    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "memory_gib": round(memory_gib, 1),
        "os": os_name,
        "python": platform.python_version(),
        "qt": qVersion(),
        "pyside6": pyside_version,
        "sqlite": sqlite3.sqlite_version,
        "qpa_platform": suite.child_env()["QT_QPA_PLATFORM"],
    }


def _number(value: float | None, unit: str) -> str:
    if value is None:
        return "—"
    return f"{value:,.0f} {unit}" if value >= 100 else f"{value:,.1f} {unit}"


def _compared(row: suite.Row) -> str:
    compared = row.figure / row.baseline if row.kind == "info" and row.baseline else row.compared
    if compared is None:
        return "—"
    return f"{compared:.2f}×" if row.kind in ("ratio", "info") else f"{compared:+,.0f} {row.unit}"


def _budget(row: suite.Row) -> str:
    if row.kind == "info":
        return "—"
    if row.kind == "ratio":
        return f"≤ {row.budget:g}×"
    if row.kind == "over":
        return f"≤ +{row.budget:g} {row.unit}"
    return f"≤ {row.budget:g} {row.unit}"


def table(rows: list[suite.Row], *, markdown: bool, enforce: bool) -> str:
    header = ["what", "figure", "baseline", "vs baseline", "budget", "result"]
    lines = [
        [
            row.what,
            _number(row.figure, row.unit),
            _number(row.baseline, row.unit),
            _compared(row),
            _budget(row),
            "—"
            if row.kind == "info"
            else ("pass" if row.passed else "FAIL")
            if enforce
            else ("ok" if row.passed else "over"),
        ]
        for row in rows
    ]
    if markdown:
        out = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
        out += ["| " + " | ".join(line) + " |" for line in lines]
        return "\n".join(out)
    widths = [max(len(str(c)) for c in column) for column in zip(header, *lines, strict=True)]
    out = ["  ".join(c.ljust(w) for c, w in zip(header, widths, strict=True))]
    out.append("  ".join("-" * w for w in widths))
    out += ["  ".join(c.ljust(w) for c, w in zip(line, widths, strict=True)) for line in lines]
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.benchmarks", description=__doc__)
    parser.add_argument("--quick", action="store_true", help="small sizes, no budgets")
    parser.add_argument("--json", type=Path, help="where to write the results")
    parser.add_argument(
        "--work",
        type=Path,
        default=Path(tempfile.gettempdir()) / "ecovdesk-benchmarks",
        help="where generated profiles are kept between runs",
    )
    parser.add_argument("--only", action="append", help="run only these rows (repeatable)")
    parser.add_argument("--markdown", action="store_true", help="print the table as Markdown")
    args = parser.parse_args(argv)
    sizes = suite.QUICK if args.quick else suite.FULL
    out = args.json or HERE / ("quick.json" if args.quick else "latest.json")
    work: Path = args.work / ("quick" if args.quick else "full")
    work.mkdir(parents=True, exist_ok=True)
    started = dt.datetime.now(dt.UTC)

    def log(text: str) -> None:
        print(f"[{dt.datetime.now():%H:%M:%S}] {text}", file=sys.stderr, flush=True)

    with suite.fake_relay() as base_url:
        ctx = suite.Context(sizes, work, base_url, log)
        suite.run_all(ctx, set(args.only) if args.only else None)
    enforce = not args.quick
    print(table(ctx.rows, markdown=args.markdown, enforce=enforce))
    for note in ctx.skipped:
        print(f"skipped: {note}")
    result = {
        "mode": "quick" if args.quick else "full",
        "started": started.isoformat(timespec="seconds"),
        "seconds": round((dt.datetime.now(dt.UTC) - started).total_seconds()),
        "machine": machine(),
        "sizes": suite.asdict(sizes),
        "rows": [row.as_json() for row in ctx.rows],
        "skipped": ctx.skipped,
    }
    out.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n", "utf-8")
    print(f"results written to {out}")
    failed = [row.key for row in ctx.rows if not row.passed]
    return 1 if enforce and failed else 0


if __name__ == "__main__":
    sys.exit(main())
