"""The benchmark rows: which child runs what, next to which baseline, against which budget."""

from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from tests.benchmarks import make_profile
from tests.benchmarks.child import API_KEY, LAUNCHED_ENV
from tests.offscreen import OFFSCREEN

ROOT = Path(__file__).resolve().parents[2]
MIB = "MiB"
# Queries typed into the search box: English and Chinese, short and long, common and absent.
SEARCH_QUERIES = (
    "python",
    "数据库",
    "缓存 index",
    "性能优化",
    "量子纠缠",
    "quokka",
    "模型",
    "索引",
    "qz",
    "不存在的词语",
)


@dataclass(frozen=True)
class Sizes:
    rest_conversations: int
    rest_messages: int
    conversations: int
    messages: int
    long_conversation: int
    pictures: int
    deltas: int
    start_runs: int
    rest_runs: int
    stream_runs: int
    open_runs: int
    search_runs: int
    jobs: int
    job_polls: int


FULL = Sizes(200, 2_000, 10_000, 200_000, 2_000, 2_000, 20_000, 5, 3, 5, 5, 5, 50, 5)
QUICK = Sizes(20, 200, 300, 3_000, 200, 60, 1_000, 1, 1, 1, 2, 2, 10, 2)


@dataclass
class Row:
    key: str
    what: str
    figure: float
    unit: str
    budget: float
    # "ratio": figure / baseline <= budget; "over": figure - baseline <= budget;
    # "max": figure <= budget; "info": shown for context, no budget.
    kind: str
    baseline: float | None = None
    details: dict[str, Any] = field(default_factory=dict)

    @property
    def compared(self) -> float | None:
        if self.baseline is None:
            return None
        if self.kind == "ratio":
            return self.figure / self.baseline
        if self.kind == "over":
            return self.figure - self.baseline
        return None

    @property
    def passed(self) -> bool:
        if self.kind == "info":
            return True
        measured = self.compared if self.kind in ("ratio", "over") else self.figure
        return measured is not None and measured <= self.budget

    def as_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["compared"] = self.compared
        data["passed"] = self.passed
        return data


@dataclass
class Context:
    sizes: Sizes
    work: Path
    base_url: str
    log: Callable[[str], None]
    rows: list[Row] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)


class ChildFailed(RuntimeError):
    pass


def child_env() -> dict[str, str]:
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", OFFSCREEN)
    env["PYTHON_KEYRING_BACKEND"] = "keyring.backends.null.Keyring"
    env["ECOVDESK_API_KEY"] = API_KEY
    # Installed packages carry compiled bytecode; the warm-up run writes it here too.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def run_child(scenario: str, *options: str, timeout: float = 1800) -> dict[str, Any]:
    env = child_env()
    command = [sys.executable, "-m", "tests.benchmarks.child", scenario, *options]
    env[LAUNCHED_ENV] = repr(time.time())
    done = subprocess.run(
        command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=timeout
    )
    lines = done.stdout.strip().splitlines()
    if done.returncode != 0 or not lines:
        output = done.stderr[-4000:] + done.stdout[-2000:]
        raise ChildFailed(f"{scenario} failed (exit {done.returncode}):\n{output}")
    result: dict[str, Any] = json.loads(lines[-1])
    return result


@contextmanager
def fake_relay(*options: str) -> Iterator[str]:
    """The fake relay in its own process, so that serving never competes with the app's GIL."""
    command = [
        sys.executable, "-m", "tests.fakerelay", "--port", "0", "--key", API_KEY,
        "--token-delay", "0", "--image-delay", "0", "--quiet", *options,
    ]  # fmt: skip
    process = subprocess.Popen(
        command, cwd=ROOT, env=child_env(), stdout=subprocess.PIPE, text=True
    )
    try:
        assert process.stdout is not None
        base_url = process.stdout.readline().strip()
        if not base_url.startswith("http"):
            raise ChildFailed("the fake relay did not start")
        yield base_url
    finally:
        process.terminate()
        process.wait(10)


def profile(ctx: Context, name: str, spec: make_profile.ProfileSpec) -> Path:
    """A generated profile, made again only when its size, schema or generator changed."""
    root = ctx.work / name
    if not make_profile.is_current(root, spec):
        shutil.rmtree(root, ignore_errors=True)
        ctx.log(f"making the {name} profile ({spec.messages} messages, {spec.pictures} pictures)")
        facts = make_profile.make_profile(root, spec)
        ctx.log(f"  made in {facts.seconds} s")
    return root


def fresh_settings(root: Path, last_conversation_id: int | None = None) -> None:
    """What the app finds on start, written again before each run since the app saves its own."""
    settings = {
        "language": "en",
        "theme": "light",
        "first_run_done": True,
        "last_conversation_id": last_conversation_id,
    }
    (root / "settings.json").write_text(json.dumps(settings), "utf-8")
    shutil.rmtree(root / "backups", ignore_errors=True)


def facts_of(root: Path) -> make_profile.ProfileFacts:
    facts = make_profile.read_facts(root)
    assert facts is not None
    return facts


def median(values: list[float]) -> float:
    return float(statistics.median(values))


# --- rows ------------------------------------------------------------------------------------


def rest_profile(ctx: Context) -> Path:
    sizes = ctx.sizes
    spec = make_profile.ProfileSpec(
        sizes.rest_conversations, sizes.rest_messages, 0, long_conversation=0
    )
    return profile(ctx, f"rest-{sizes.rest_conversations}", spec)


def large_profile(ctx: Context) -> Path:
    sizes = ctx.sizes
    spec = make_profile.ProfileSpec(
        sizes.conversations, sizes.messages, sizes.pictures, sizes.long_conversation
    )
    return profile(ctx, f"large-{sizes.messages}", spec)


def start_and_memory(ctx: Context) -> None:
    root = rest_profile(ctx)
    newest = facts_of(root).newest_conversation_id
    bare: list[dict[str, Any]] = []
    smoke: list[dict[str, Any]] = []
    # One unmeasured run of each first: it compiles bytecode and fills the disk cache.
    fresh_settings(root, newest)
    run_child("bare")
    run_child("smoke", "--profile", str(root), "--base-url", ctx.base_url)
    for _ in range(ctx.sizes.start_runs):
        bare.append(run_child("bare"))
        fresh_settings(root, newest)
        smoke.append(run_child("smoke", "--profile", str(root), "--base-url", ctx.base_url))
    if any(run.get("exit_code") != 0 for run in smoke):
        raise ChildFailed(f"--smoke-test failed: {smoke}")
    bare_paint = [run["first_paint_s"] for run in bare]
    app_paint = [run["first_paint_s"] for run in smoke]
    ctx.rows.append(
        Row(
            "start",
            "cold start to first painted window (--smoke-test)",
            median(app_paint) * 1000,
            "ms",
            2.0,
            "ratio",
            median(bare_paint) * 1000,
            {
                "app_s": app_paint,
                "bare_s": bare_paint,
                "app_exit_s": [r["exited_s"] for r in smoke],
            },
        )
    )
    app_ready = [run["ready_s"] for run in smoke]
    ctx.rows.append(
        Row(
            "start_ready",
            "cold start until usable (conversations listed, last one open)",
            median(app_ready) * 1000,
            "ms",
            0.0,
            "info",
            median(bare_paint) * 1000,
            {"app_s": app_ready, "bare_s": bare_paint},
        )
    )
    app_rss: list[float] = []
    for _ in range(ctx.sizes.rest_runs):
        fresh_settings(root, newest)
        run = run_child("rest", "--profile", str(root), "--base-url", ctx.base_url)
        app_rss.append(run["rss_mib"])
    bare_rss = [run["rss_mib"] for run in bare]
    ctx.rows.append(
        Row(
            "rest_rss",
            f"memory at rest, {ctx.sizes.rest_conversations} conversations",
            median(app_rss),
            MIB,
            100.0,
            "over",
            median(bare_rss),
            {"app_mib": app_rss, "bare_mib": bare_rss},
        )
    )


def streaming(ctx: Context) -> None:
    deltas = ctx.sizes.deltas
    with tempfile.TemporaryDirectory(prefix="stream-", dir=ctx.work) as folder:
        fresh_settings(Path(folder))
        run = run_child(
            "stream",
            "--profile", folder, "--base-url", ctx.base_url,
            "--deltas", str(deltas), "--repeat", str(ctx.sizes.stream_runs),
        )  # fmt: skip
    ratios = [app / raw for app, raw in zip(run["app_s"], run["raw_s"], strict=True)]
    ctx.rows.append(
        Row(
            "stream",
            f"{deltas:,}-delta reply at full speed, until rendered",
            median(run["app_s"]) * 1000,
            "ms",
            1.3,
            "ratio",
            median(run["raw_s"]) * 1000,
            {**run, "ratios": ratios},
        )
    )
    longest = [stall["longest_ms"] for stall in run["stall"]]
    ctx.rows.append(
        Row(
            "stream_stall",
            "longest UI stall while it streams",
            median(longest),
            "ms",
            50.0,
            "max",
            details={"longest_ms": longest, "probe_interval_ms": 5},
        )
    )


def open_long(ctx: Context) -> None:
    root = large_profile(ctx)
    facts = facts_of(root)
    assert facts.long_conversation_id is not None and facts.newest_conversation_id is not None
    fresh_settings(root)
    run = run_child(
        "open",
        "--profile", str(root), "--base-url", ctx.base_url,
        "--conversation", str(facts.long_conversation_id),
        "--other", str(facts.newest_conversation_id),
        "--repeat", str(ctx.sizes.open_runs),
    )  # fmt: skip
    ctx.rows.append(
        Row(
            "open_long",
            f"open a conversation of {ctx.sizes.long_conversation:,} messages",
            median(run["open_s"]) * 1000,
            "ms",
            300.0,
            "max",
            details=run,
        )
    )


def search(ctx: Context) -> None:
    root = large_profile(ctx)
    run = run_child(
        "search",
        "--profile", str(root),
        "--queries", json.dumps(SEARCH_QUERIES, ensure_ascii=False),
        "--repeat", str(ctx.sizes.search_runs),
    )  # fmt: skip
    per_query = {q: median(r["times_s"]) * 1000 for q, r in run["queries"].items()}
    worst_query = max(per_query, key=lambda q: per_query[q])
    scale = f"{ctx.sizes.conversations:,} conversations / {ctx.sizes.messages:,} messages"
    details = {"median_ms": per_query, "hits": {q: r["hits"] for q, r in run["queries"].items()}}
    ctx.rows.append(
        Row(
            "search_worst",
            f"search {scale}: slowest query ({worst_query})",
            per_query[worst_query],
            "ms",
            50.0,
            "max",
            details=details,
        )
    )
    ctx.rows.append(
        Row(
            "search_median",
            f"search {scale}: median query",
            median(list(per_query.values())),
            "ms",
            50.0,
            "max",
        )
    )


def gallery(ctx: Context, bare_rss: float) -> None:
    root = large_profile(ctx)
    fresh_settings(root)
    run = run_child(
        "gallery",
        "--profile", str(root), "--base-url", ctx.base_url,
        "--pictures", str(ctx.sizes.pictures),
    )  # fmt: skip
    ctx.rows.append(
        Row(
            "gallery_first",
            f"gallery of {ctx.sizes.pictures:,} pictures: first screen",
            run["first_screen_s"] * 1000,
            "ms",
            500.0,
            "max",
            details=run,
        )
    )
    ctx.rows.append(
        Row(
            "gallery_rss",
            "gallery: memory after scrolling through all of it",
            run["rss_mib"],
            MIB,
            200.0,
            "over",
            bare_rss,
        )
    )


def jobs(ctx: Context) -> None:
    if not (ROOT / "ecovdesk" / "core" / "job_service.py").exists():
        ctx.skipped.append("media jobs polling: ecovdesk/core/job_service.py does not exist")
        return
    # A relay of its own that takes several polls to finish each job, so that they all poll
    # for a while (Midjourney is polled every 3 seconds).
    with (
        fake_relay("--poll-steps", str(ctx.sizes.job_polls)) as base_url,
        tempfile.TemporaryDirectory(prefix="jobs-", dir=ctx.work) as folder,
    ):
        fresh_settings(Path(folder))
        run = run_child(
            "jobs", "--profile", folder, "--base-url", base_url, "--jobs", str(ctx.sizes.jobs)
        )
    if run["states"] != ["succeeded"] or run["jobs"] != ctx.sizes.jobs:
        raise ChildFailed(f"the jobs did not all succeed: {run}")
    ctx.rows.append(
        Row(
            "jobs_stall",
            f"{ctx.sizes.jobs} media jobs polling at once: longest UI stall",
            run["stall"]["longest_ms"],
            "ms",
            50.0,
            "max",
            details=run,
        )
    )


def run_all(ctx: Context, only: set[str] | None = None) -> None:
    steps: list[tuple[str, Callable[[], None]]] = [
        ("start", lambda: start_and_memory(ctx)),
        ("stream", lambda: streaming(ctx)),
        ("open", lambda: open_long(ctx)),
        ("search", lambda: search(ctx)),
        ("gallery", lambda: gallery(ctx, _bare_rss(ctx))),
        ("jobs", lambda: jobs(ctx)),
    ]
    for name, step in steps:
        if only and name not in only:
            continue
        ctx.log(f"running {name}")
        step()


def _bare_rss(ctx: Context) -> float:
    row = next((r for r in ctx.rows if r.key == "rest_rss"), None)
    if row is not None and row.baseline is not None:
        return row.baseline
    return median([run_child("bare")["rss_mib"] for _ in range(ctx.sizes.rest_runs)])
