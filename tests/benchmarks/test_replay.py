"""The deterministic replay (see replay.py) still runs: it shows the reply it replays."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.benchmarks.replay import stream_body

ROOT = Path(__file__).resolve().parents[2]


def test_the_replayed_body_is_the_relays_stream() -> None:
    body = stream_body(300).decode()
    events = [block for block in body.split("\n\n") if block.startswith("data: {")]
    # The role chunk, one chunk per delta, the finish.
    assert len(events) == 300 + 2
    assert body.endswith("data: [DONE]\n\n")


def test_the_replay_draws_the_reply_each_time() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "tests.benchmarks.replay", "--runs", "2", "--deltas", "300"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    lines = done.stdout.splitlines()
    assert [line.split(":")[0] for line in lines] == ["replay 1", "replay 2"]
    shown = {int(line.split(", ")[1].split()[0]) for line in lines}
    # Both replays end with the same reply on screen, all of it (a thousand characters or so).
    assert len(shown) == 1 and shown.pop() > 800
