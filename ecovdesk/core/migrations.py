"""Schema versions, keyed on ``PRAGMA user_version``, with a backup before each upgrade."""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable, Iterator, Sequence
from datetime import datetime
from pathlib import Path

from ecovdesk.core.storage_errors import StorageError, StorageErrorKind

log = logging.getLogger(__name__)

Step = str | Callable[[sqlite3.Connection], None]
Migration = tuple[int, Step]

# Trigram tokens let FTS5 find any substring of three or more characters, which is what
# makes Chinese searchable: unicode61 would treat a whole run of CJK text as one token.
# The FTS tables are external-content tables, so the text is stored once and the triggers
# keep the index in step with the rows.
SCHEMA_V1 = """
CREATE TABLE conversations (
    id INTEGER PRIMARY KEY,
    title TEXT NOT NULL,
    model TEXT NOT NULL,
    system_prompt TEXT NOT NULL DEFAULT '',
    temperature REAL,
    max_tokens INTEGER,
    use_search INTEGER NOT NULL DEFAULT 0,
    created_at REAL NOT NULL,
    updated_at REAL NOT NULL,
    deleted_at REAL
);
CREATE INDEX conversations_updated_at ON conversations(updated_at);

CREATE TABLE messages (
    id INTEGER PRIMARY KEY,
    conversation_id INTEGER NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
    role TEXT NOT NULL,
    content TEXT NOT NULL DEFAULT '',
    reasoning TEXT NOT NULL DEFAULT '',
    model TEXT NOT NULL DEFAULT '',
    state TEXT NOT NULL,
    error_kind TEXT,
    error_text TEXT,
    usage_json TEXT,
    attachments_json TEXT NOT NULL DEFAULT '[]',
    created_at REAL NOT NULL
);
CREATE INDEX messages_conversation ON messages(conversation_id, id);

CREATE VIRTUAL TABLE messages_fts USING fts5(
    content, content='messages', content_rowid='id', tokenize='trigram'
);
CREATE TRIGGER messages_fts_insert AFTER INSERT ON messages BEGIN
    INSERT INTO messages_fts(rowid, content) VALUES (new.id, new.content);
END;
CREATE TRIGGER messages_fts_delete AFTER DELETE ON messages BEGIN
    INSERT INTO messages_fts(messages_fts, rowid, content) VALUES ('delete', old.id, old.content);
END;
CREATE TRIGGER messages_fts_update AFTER UPDATE OF content ON messages BEGIN
    INSERT INTO messages_fts(messages_fts, rowid, content) VALUES ('delete', old.id, old.content);
    INSERT INTO messages_fts(rowid, content) VALUES (new.id, new.content);
END;

CREATE VIRTUAL TABLE conversations_fts USING fts5(
    title, content='conversations', content_rowid='id', tokenize='trigram'
);
CREATE TRIGGER conversations_fts_insert AFTER INSERT ON conversations BEGIN
    INSERT INTO conversations_fts(rowid, title) VALUES (new.id, new.title);
END;
CREATE TRIGGER conversations_fts_delete AFTER DELETE ON conversations BEGIN
    INSERT INTO conversations_fts(conversations_fts, rowid, title)
        VALUES ('delete', old.id, old.title);
END;
CREATE TRIGGER conversations_fts_update AFTER UPDATE OF title ON conversations BEGIN
    INSERT INTO conversations_fts(conversations_fts, rowid, title)
        VALUES ('delete', old.id, old.title);
    INSERT INTO conversations_fts(rowid, title) VALUES (new.id, new.title);
END;

CREATE TABLE kv (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
"""

# The picture, sound and video library. A file outlives the conversation it came from (the
# gallery keeps it), so deleting a conversation or message only clears the link. Paths are
# relative to the library folder so that a profile can be moved.
SCHEMA_V2 = """
CREATE TABLE assets (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL,
    rel_path TEXT NOT NULL,
    thumb_rel_path TEXT,
    mime TEXT NOT NULL,
    size INTEGER NOT NULL,
    sha256 TEXT NOT NULL,
    width INTEGER,
    height INTEGER,
    duration REAL,
    prompt TEXT NOT NULL DEFAULT '',
    model TEXT NOT NULL DEFAULT '',
    params_json TEXT NOT NULL DEFAULT '{}',
    source_url TEXT NOT NULL DEFAULT '',
    conversation_id INTEGER REFERENCES conversations(id) ON DELETE SET NULL,
    message_id INTEGER REFERENCES messages(id) ON DELETE SET NULL,
    job_id INTEGER,
    created_at REAL NOT NULL
);
CREATE INDEX assets_kind_created ON assets(kind, created_at);
CREATE INDEX assets_model ON assets(model);
CREATE INDEX assets_message ON assets(message_id);
CREATE INDEX assets_sha256 ON assets(sha256);
"""

# Media jobs (Midjourney, Suno, Luma, Runway, Kling). A row is written before its request
# goes out, so a crash between sending and hearing back is visible at the next start. Jobs
# outlive their conversation and message (the Jobs panel keeps listing them), so deleting
# either only clears the link. Request attachments (image prompts, masks) live apart from
# params_json because params travel into every library row the job produces.
SCHEMA_V3 = """
CREATE TABLE jobs (
    id INTEGER PRIMARY KEY,
    family TEXT NOT NULL,
    kind TEXT NOT NULL DEFAULT '',
    model TEXT NOT NULL,
    prompt TEXT NOT NULL DEFAULT '',
    params_json TEXT NOT NULL DEFAULT '{}',
    attachments_json TEXT NOT NULL DEFAULT '[]',
    state TEXT NOT NULL,
    remote_id TEXT NOT NULL DEFAULT '',
    progress INTEGER,
    preview_url TEXT NOT NULL DEFAULT '',
    error TEXT NOT NULL DEFAULT '',
    actions_json TEXT NOT NULL DEFAULT '[]',
    conversation_id INTEGER REFERENCES conversations(id) ON DELETE SET NULL,
    message_id INTEGER REFERENCES messages(id) ON DELETE SET NULL,
    parent_job_id INTEGER REFERENCES jobs(id) ON DELETE SET NULL,
    created_at REAL NOT NULL,
    updated_at REAL NOT NULL,
    finished_at REAL,
    next_poll_at REAL,
    poll_failures INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX jobs_created ON jobs(created_at);
CREATE INDEX jobs_state ON jobs(state);
CREATE INDEX jobs_message ON jobs(message_id);
CREATE INDEX jobs_conversation ON jobs(conversation_id);
CREATE INDEX jobs_parent ON jobs(parent_job_id);
"""

# The last one and two characters of every message, for searches of one or two characters.
# Those are too short to be trigrams; the trigram index finds them wherever another character
# follows, and these indexes find the rest: the ones that end a message.
SCHEMA_V4 = """
CREATE INDEX messages_last_two ON messages(lower(substr(content, -2)));
CREATE INDEX messages_last_one ON messages(lower(substr(content, -1)));
"""

# A reply is indexed once it has stopped streaming. Its growing text is saved every half
# second, and indexing it each time meant taking out and putting back every trigram of the
# whole reply so far: the finish of a long reply waited for that work, repeated to the end.
# Replies that were streaming when this version came in were indexed the old way: taken out.
SCHEMA_V5 = """
DROP TRIGGER messages_fts_insert;
DROP TRIGGER messages_fts_delete;
DROP TRIGGER messages_fts_update;
CREATE TRIGGER messages_fts_insert AFTER INSERT ON messages WHEN new.state != 'streaming' BEGIN
    INSERT INTO messages_fts(rowid, content) VALUES (new.id, new.content);
END;
CREATE TRIGGER messages_fts_delete AFTER DELETE ON messages WHEN old.state != 'streaming' BEGIN
    INSERT INTO messages_fts(messages_fts, rowid, content) VALUES ('delete', old.id, old.content);
END;
CREATE TRIGGER messages_fts_update AFTER UPDATE OF content, state ON messages BEGIN
    INSERT INTO messages_fts(messages_fts, rowid, content)
        SELECT 'delete', old.id, old.content WHERE old.state != 'streaming';
    INSERT INTO messages_fts(rowid, content)
        SELECT new.id, new.content WHERE new.state != 'streaming';
END;
INSERT INTO messages_fts(messages_fts, rowid, content)
    SELECT 'delete', id, content FROM messages WHERE state = 'streaming';
"""

MIGRATIONS: tuple[Migration, ...] = (
    (1, SCHEMA_V1),
    (2, SCHEMA_V2),
    (3, SCHEMA_V3),
    (4, SCHEMA_V4),
    (5, SCHEMA_V5),
)


def latest_version(migrations: Sequence[Migration] = MIGRATIONS) -> int:
    return max((version for version, _ in migrations), default=0)


def user_version(conn: sqlite3.Connection) -> int:
    row = conn.execute("PRAGMA user_version").fetchone()
    return int(row[0])


def migrate(
    conn: sqlite3.Connection,
    backups_dir: Path,
    migrations: Sequence[Migration] = MIGRATIONS,
) -> Path | None:
    """Bring the database up to the newest version; returns the backup made, if any.

    ``conn`` must be in autocommit mode (``isolation_level=None``) so that each step's
    transaction is the one opened here.
    """
    current = user_version(conn)
    target = latest_version(migrations)
    if current > target:
        # Downgrading would silently drop whatever the newer version stores.
        raise StorageError(
            StorageErrorKind.NEWER_VERSION,
            f"This profile was written by a newer ecovdesk (schema {current}, this version "
            f"understands up to {target}). Update ecovdesk or use another profile.",
        )
    pending = sorted((m for m in migrations if m[0] > current), key=lambda m: m[0])
    if not pending:
        return None
    backup = backup_database(conn, backups_dir, current) if current > 0 else None
    for version, step in pending:
        _apply(conn, version, step)
        log.info("database schema upgraded to version %d", version)
    return backup


def _apply(conn: sqlite3.Connection, version: int, step: Step) -> None:
    # Step and version bump share one transaction, so a crash leaves either the old schema
    # with the old version or the new schema with the new one.
    conn.execute("BEGIN IMMEDIATE")
    try:
        if isinstance(step, str):
            for statement in split_statements(step):
                conn.execute(statement)
        else:
            step(conn)
        conn.execute(f"PRAGMA user_version = {int(version)}")
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise


def split_statements(script: str) -> Iterator[str]:
    """The statements of ``script`` one by one.

    ``executescript`` would be simpler but commits any open transaction first, which would
    split a migration from its version bump. ``sqlite3.complete_statement`` understands
    quotes and trigger bodies, so cutting at each ``;`` and waiting for a complete statement
    is safe.
    """
    buffer = ""
    for piece in script.split(";"):
        buffer += piece + ";"
        if sqlite3.complete_statement(buffer):
            if buffer.strip(" \t\r\n;"):
                yield buffer.strip()
            buffer = ""
    if buffer.strip(" \t\r\n;"):
        raise ValueError(f"incomplete SQL statement in migration: {buffer.strip()[:60]!r}")


def backup_database(conn: sqlite3.Connection, backups_dir: Path, version: int) -> Path:
    """Copy the live database to ``backups_dir`` with SQLite's online backup API.

    The backup API copies a consistent snapshot including pages still in the WAL, which a
    plain file copy of the main file would miss.
    """
    backups_dir.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = backups_dir / f"ecovdesk-v{version}-{stamp}.sqlite3"
    counter = 1
    while target.exists():
        counter += 1
        target = backups_dir / f"ecovdesk-v{version}-{stamp}-{counter}.sqlite3"
    # Written under a temporary name so that an interrupted copy is never taken for a backup.
    partial = target.with_name(target.name + ".partial")
    destination = sqlite3.connect(partial)
    try:
        conn.backup(destination)
    finally:
        destination.close()
    partial.replace(target)
    log.info("database backed up to %s before upgrading", target)
    return target


def restore_backup(backup: Path, database: Path) -> None:
    """Replace the contents of ``database`` with ``backup``.

    Call it only while no :class:`~ecovdesk.core.database.Database` has the file open.
    Copying through the backup API (rather than over the file) keeps any ``-wal`` file
    beside ``database`` consistent with the restored contents.
    """
    if not backup.is_file():
        raise FileNotFoundError(backup)
    source = sqlite3.connect(f"{backup.resolve().as_uri()}?mode=ro", uri=True)
    try:
        # Reading the schema fails early on a file that is not a database.
        source.execute("SELECT count(*) FROM sqlite_master").fetchone()
        destination = sqlite3.connect(database)
        try:
            source.backup(destination)
        finally:
            destination.close()
    finally:
        source.close()
