"""Large ecovdesk profiles for the benchmarks, generated in seconds rather than by hand.

python -m tests.benchmarks.make_profile DIR --conversations 10000 --messages 200000 --pictures 2000

The database is opened with ecovdesk's own ``open_sync``, so the schema is whatever the
migrations make. Rows go in with ``executemany`` while the full-text triggers are set aside;
one FTS ``rebuild`` then indexes everything, several times faster than indexing row by row,
and the triggers are put back from their own stored SQL. Pictures are real PNG and WEBP
files with 320 px thumbnails, written where the library keeps them by a pool of processes.
"""

from __future__ import annotations

import argparse
import hashlib
import io
import json
import os
import random
import sqlite3
import sys
import time
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import asdict, dataclass
from pathlib import Path

from ecovdesk.core.database import open_sync
from ecovdesk.core.library_files import THUMB_SIZE
from ecovdesk.core.migrations import latest_version
from ecovdesk.paths import ProfilePaths
from tests.benchmarks.corpus import MODELS, Corpus

FACTS_FILE = "benchmark-profile.json"
# Bumped whenever the generated content changes, so cached profiles are made again.
GENERATOR_VERSION = 1
BATCH = 20_000
# Two years of history, ending a day before "now".
SPAN_SECONDS = 2 * 365 * 86400.0
PICTURE_MODELS = ("dall-e-3", "flux-pro", "gpt-4o-all", "recraftv3", "ideogram")
PICTURE_PROMPTS = (
    "一只坐在窗台上的橘猫，午后阳光",
    "A lighthouse on a cliff at dusk, oil painting",
    "赛博朋克风格的上海外滩夜景",
    "Minimalist logo of a paper plane, flat vector",
    "水墨山水，远山与小舟",
    "Isometric cozy library room with plants",
)


@dataclass(frozen=True)
class ProfileSpec:
    conversations: int
    messages: int
    pictures: int
    long_conversation: int = 2000
    seed: int = 8


@dataclass(frozen=True)
class ProfileFacts:
    spec: ProfileSpec
    schema_version: int
    generator_version: int
    long_conversation_id: int | None
    newest_conversation_id: int | None
    seconds: float


def read_facts(root: Path) -> ProfileFacts | None:
    try:
        data = json.loads((root / FACTS_FILE).read_text("utf-8"))
        return ProfileFacts(**{**data, "spec": ProfileSpec(**data["spec"])})
    except (OSError, ValueError, TypeError, KeyError):
        return None


def is_current(root: Path, spec: ProfileSpec) -> bool:
    facts = read_facts(root)
    return (
        facts is not None
        and facts.spec == spec
        and facts.schema_version == latest_version()
        and facts.generator_version == GENERATOR_VERSION
    )


def message_counts(spec: ProfileSpec, rng: random.Random) -> list[int]:
    """Messages per conversation: one long one in the middle, the rest in pairs around the mean."""
    total, count = spec.messages, spec.conversations
    if count <= 0:
        return []
    long_index = count // 2 if spec.long_conversation and count > 1 else None
    rest = total - (spec.long_conversation if long_index is not None else 0)
    others = count - (1 if long_index is not None else 0)
    mean = max(2, rest // max(1, others))
    counts = [max(2, mean + 2 * rng.randint(-mean // 4, mean // 4)) for _ in range(others)]
    # Nudge the counts so that the total is exact.
    difference = rest - sum(counts)
    index = 0
    while difference != 0 and counts:
        step = 1 if difference > 0 else -1
        if counts[index % len(counts)] + step >= 1:
            counts[index % len(counts)] += step
            difference -= step
        index += 1
    if long_index is not None:
        counts.insert(long_index, spec.long_conversation)
    return counts


ConversationRow = tuple[int, str, str, float, float]
MessageRow = tuple[int, int, str, str, str, str, float]


def _rows(
    spec: ProfileSpec, corpus: Corpus, start: float
) -> Iterator[tuple[ConversationRow, list[MessageRow]]]:
    rng = corpus.rng
    counts = message_counts(spec, rng)
    step = SPAN_SECONDS / max(1, spec.messages)
    now = start
    message_id = 0
    for index, count in enumerate(counts):
        conversation_id = index + 1
        model = rng.choice(MODELS)
        created = now
        messages: list[MessageRow] = []
        for turn in range(count):
            message_id += 1
            user = turn % 2 == 0
            content = corpus.question() if user else corpus.answer()
            role = "user" if user else "assistant"
            messages.append((message_id, conversation_id, role, content, model, "done", now))
            now += step * rng.uniform(0.5, 1.5)
        yield (conversation_id, corpus.title(), model, created, now), messages


def _insert_history(conn: sqlite3.Connection, spec: ProfileSpec, corpus: Corpus) -> dict[int, int]:
    """Writes conversations and messages; returns each reply's conversation by message id."""
    start = time.time() - SPAN_SECONDS - 86400
    conversations: list[ConversationRow] = []
    messages: list[MessageRow] = []
    replies: dict[int, int] = {}

    def flush() -> None:
        conn.executemany(
            "INSERT INTO conversations (id, title, model, created_at, updated_at) "
            "VALUES (?, ?, ?, ?, ?)",
            conversations,
        )
        conn.executemany(
            "INSERT INTO messages (id, conversation_id, role, content, model, state, created_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            messages,
        )
        conversations.clear()
        messages.clear()

    conn.execute("BEGIN")
    triggers = conn.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' "
        "AND tbl_name IN ('conversations', 'messages')"
    ).fetchall()
    for name, _ in triggers:
        conn.execute(f'DROP TRIGGER "{name}"')
    for conversation, rows in _rows(spec, corpus, start):
        conversations.append(conversation)
        messages.extend(rows)
        replies.update((row[0], row[1]) for row in rows if row[2] == "assistant")
        if len(messages) >= BATCH:
            flush()
    flush()
    for table in ("messages_fts", "conversations_fts"):
        conn.execute(f"INSERT INTO {table}({table}) VALUES ('rebuild')")
    for _, sql in triggers:
        conn.execute(sql)
    conn.execute("COMMIT")
    return replies


def _picture(job: tuple[int, int, str, str]) -> tuple[str, str, int, int, int]:
    """Draws one picture and its thumbnail into the profile; returns sha, mime, size, w, h."""
    from PIL import Image, ImageDraw

    number, seed, library_dir, thumbs_dir = job
    rng = random.Random(seed * 100_003 + number)
    # Every size halves to a thumbnail of THUMB_SIZE on its long side, as the library makes.
    width, height = rng.choice(((640, 480), (640, 640), (480, 640), (640, 360)))
    base = Image.linear_gradient("L").resize((width, height))
    # Noise makes the thumbnails as large as those of photographs, and as slow to decode.
    noise = Image.effect_noise((width // 4, height // 4), rng.uniform(20, 60))
    grain = Image.blend(
        noise.resize((width, height)), Image.new("L", (width, height), rng.randrange(256)), 0.5
    )
    image = Image.merge("RGB", (base, grain, base.transpose(Image.Transpose.FLIP_LEFT_RIGHT)))
    draw = ImageDraw.Draw(image)
    for _ in range(4):
        x, y = rng.randrange(width), rng.randrange(height)
        radius = rng.randint(20, 120)
        colour = (rng.randrange(256), rng.randrange(256), rng.randrange(256))
        draw.ellipse((x - radius, y - radius, x + radius, y + radius), fill=colour)
    webp = number % 2 == 1
    data = io.BytesIO()
    if webp:
        image.save(data, "WEBP", quality=75, method=0)
    else:
        image.save(data, "PNG", compress_level=1)
    raw = data.getvalue()
    sha = hashlib.sha256(raw).hexdigest()
    ext, mime = ("webp", "image/webp") if webp else ("png", "image/png")
    target = Path(library_dir) / "image" / sha[:2] / f"{sha}.{ext}"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(raw)
    thumb = image.reduce(max(1, max(width, height) // THUMB_SIZE))
    thumb.save(Path(thumbs_dir) / f"{sha}.png", "PNG", compress_level=1)
    return sha, mime, len(raw), width, height


def _insert_pictures(
    conn: sqlite3.Connection,
    paths: ProfilePaths,
    spec: ProfileSpec,
    replies: dict[int, int],
) -> None:
    thumbs_dir = paths.cache_dir / "thumbs"
    thumbs_dir.mkdir(parents=True, exist_ok=True)
    rng = random.Random(spec.seed)
    jobs = [(n, spec.seed, str(paths.library_dir), str(thumbs_dir)) for n in range(spec.pictures)]
    start = time.time() - SPAN_SECONDS
    step = SPAN_SECONDS / max(1, spec.pictures)
    reply_ids = list(replies)
    rows: list[tuple[object, ...]] = []
    with ProcessPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
        for number, (sha, mime, size, width, height) in enumerate(
            pool.map(_picture, jobs, chunksize=16)
        ):
            ext = "webp" if mime == "image/webp" else "png"
            message_id = rng.choice(reply_ids) if reply_ids and rng.random() < 0.5 else None
            conversation_id = replies[message_id] if message_id is not None else None
            model = PICTURE_MODELS[number % len(PICTURE_MODELS)]
            prompt = f"{rng.choice(PICTURE_PROMPTS)} #{number}"
            params = json.dumps({"size": f"{width}x{height}"})
            rows.append(
                ("image", f"image/{sha[:2]}/{sha}.{ext}", f"{sha}.png", mime, size, sha, width,
                 height, prompt, model, params, f"https://filesystem.site/cdn/{sha[:24]}.{ext}",
                 conversation_id, message_id, start + number * step)
            )  # fmt: skip
    conn.execute("BEGIN")
    conn.executemany(
        "INSERT INTO assets (kind, rel_path, thumb_rel_path, mime, size, sha256, width, height, "
        "prompt, model, params_json, source_url, conversation_id, message_id, created_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        rows,
    )
    conn.execute("COMMIT")


def make_profile(root: Path, spec: ProfileSpec) -> ProfileFacts:
    """Creates a profile in ``root``, which must not hold a database yet."""
    started = time.perf_counter()
    paths = ProfilePaths(root)
    paths.ensure()
    if paths.database_file.exists():
        raise FileExistsError(f"{paths.database_file} already exists")
    conn = open_sync(paths.database_file, paths.backups_dir)
    try:
        # Generated data can always be made again, so durability is not worth waiting for.
        conn.execute("PRAGMA synchronous=OFF")
        conn.execute("PRAGMA cache_size=-262144")
        corpus = Corpus(spec.seed)
        replies = _insert_history(conn, spec, corpus)
        if spec.pictures:
            _insert_pictures(conn, paths, spec, replies)
        long_id = conn.execute(
            "SELECT conversation_id FROM messages GROUP BY conversation_id "
            "HAVING count(*) = ? LIMIT 1",
            (spec.long_conversation,),
        ).fetchone()
        newest = conn.execute(
            "SELECT id FROM conversations ORDER BY updated_at DESC LIMIT 1"
        ).fetchone()
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        conn.execute("PRAGMA optimize")
    finally:
        conn.close()
    facts = ProfileFacts(
        spec=spec,
        schema_version=latest_version(),
        generator_version=GENERATOR_VERSION,
        long_conversation_id=int(long_id[0]) if long_id and spec.long_conversation else None,
        newest_conversation_id=int(newest[0]) if newest else None,
        seconds=round(time.perf_counter() - started, 2),
    )
    (root / FACTS_FILE).write_text(json.dumps(asdict(facts), indent=2), "utf-8")
    return facts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.benchmarks.make_profile")
    parser.add_argument("dir", type=Path, help="profile folder to create")
    parser.add_argument("--conversations", type=int, default=10_000)
    parser.add_argument("--messages", type=int, default=200_000)
    parser.add_argument("--pictures", type=int, default=2_000)
    parser.add_argument("--long", type=int, default=2_000, help="messages in the long one")
    parser.add_argument("--seed", type=int, default=8)
    args = parser.parse_args(argv)
    spec = ProfileSpec(args.conversations, args.messages, args.pictures, args.long, args.seed)
    try:
        facts = make_profile(args.dir, spec)
    except FileExistsError as error:
        print(f"make_profile: {error}", file=sys.stderr)
        return 1
    rate = (spec.messages + spec.conversations) / max(facts.seconds, 1e-6)
    print(f"{args.dir}: {spec.messages} messages, {spec.pictures} pictures in {facts.seconds} s")
    print(
        f"  about {rate:,.0f} rows a second; the long conversation is {facts.long_conversation_id}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
