"""SQLite plumbing shared by the job store and the result cache, and the store's migrations.

Both databases use WAL, a busy timeout, explicit `BEGIN IMMEDIATE` transactions,
and the same rule for damage: a file SQLite calls corrupt is renamed to
`<name>.damaged-<timestamp>` and a fresh one is started.
"""

from __future__ import annotations

import logging
import os
import sqlite3
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

log = logging.getLogger(__name__)

BUSY_TIMEOUT_MS = 5000
_DAMAGE_CODES = (sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB)
_SIDE_FILES = ("-wal", "-shm", "-journal")


class DatabaseDamaged(sqlite3.DatabaseError):
    """An integrity check failed (SQLite itself did not raise)."""


def is_damage(exc: BaseException) -> bool:
    """True when `exc` says the database file is corrupt or not a database."""
    if isinstance(exc, DatabaseDamaged):
        return True
    code = getattr(exc, "sqlite_errorcode", None)
    return isinstance(exc, sqlite3.DatabaseError) and code is not None and code & 0xFF in _DAMAGE_CODES


def connect(path: Path) -> sqlite3.Connection:
    """Open `path` in autocommit mode with WAL and a busy timeout; usable from any thread."""
    path.parent.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(
        path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None, check_same_thread=False
    )
    try:
        conn.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=NORMAL")  # WAL: durable on checkpoint, never corrupt
        conn.execute("PRAGMA foreign_keys=ON")
    except BaseException:
        conn.close()
        raise
    return conn


@contextmanager
def transaction(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """One write transaction: committed on success, rolled back on any exception."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
    except BaseException:
        conn.rollback()
        raise
    conn.commit()


def move_aside(path: Path) -> Path:
    """Rename a damaged database (and its WAL/SHM files) out of the way; return the new path."""
    stamp = time.strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.name}.damaged-{stamp}")
    n = 1
    while target.exists():
        n += 1
        target = path.with_name(f"{path.name}.damaged-{stamp}-{n}")
    os.replace(path, target)
    for suffix in _SIDE_FILES:
        side = path.with_name(path.name + suffix)
        if side.exists():
            os.replace(side, target.with_name(target.name + suffix))
    return target


def open_or_recover(
    path: Path, prepare: Callable[[sqlite3.Connection], None], what: str
) -> tuple[sqlite3.Connection, Path | None]:
    """Connect and run `prepare`; if the file is damaged, move it aside and start fresh.

    Returns the connection and where the damaged file went (None when all was well).
    """
    try:
        return _open(path, prepare), None
    except sqlite3.DatabaseError as exc:
        if not is_damage(exc):
            raise
        moved = move_aside(path)
        log.warning("The %s at %s was damaged (%s); moved it to %s and started a new one",
                    what, path, exc, moved)
        return _open(path, prepare), moved


def _open(path: Path, prepare: Callable[[sqlite3.Connection], None]) -> sqlite3.Connection:
    conn = connect(path)
    try:
        prepare(conn)
    except BaseException:
        conn.close()
        raise
    return conn


def check_integrity(conn: sqlite3.Connection) -> None:
    """Raise DatabaseDamaged unless `PRAGMA quick_check` says ok (linear in file size)."""
    rows = [r[0] for r in conn.execute("PRAGMA quick_check(5)")]
    if rows != ["ok"]:
        raise DatabaseDamaged("; ".join(map(str, rows)))


# --- the job store's schema ---------------------------------------------------------


def _v1_jobs(conn: sqlite3.Connection) -> None:
    conn.execute(
        """CREATE TABLE jobs (
            id TEXT PRIMARY KEY,
            path TEXT NOT NULL,
            status TEXT NOT NULL,
            created_at REAL NOT NULL,
            duration REAL,
            size INTEGER,
            model TEXT,
            language TEXT,
            error TEXT,
            attempts INTEGER NOT NULL DEFAULT 0,
            transcript TEXT,
            updated_at REAL NOT NULL
        )"""
    )


def _v2_edits_and_logs(conn: sqlite3.Connection) -> None:
    conn.execute("ALTER TABLE jobs ADD COLUMN edited TEXT")
    conn.execute("CREATE INDEX jobs_created ON jobs(created_at)")
    conn.execute(
        """CREATE TABLE job_logs (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            job_id TEXT NOT NULL REFERENCES jobs(id) ON DELETE CASCADE,
            time REAL NOT NULL,
            level TEXT NOT NULL,
            message TEXT NOT NULL
        )"""
    )
    conn.execute("CREATE INDEX job_logs_job ON job_logs(job_id, seq)")


#: MIGRATIONS[i] brings the schema from version i to i + 1. Only ever append.
MIGRATIONS: tuple[Callable[[sqlite3.Connection], None], ...] = (_v1_jobs, _v2_edits_and_logs)
SCHEMA_VERSION = len(MIGRATIONS)


class SchemaTooNew(Exception):
    """The file was written by a newer app with a schema this one doesn't know."""


def user_version(conn: sqlite3.Connection) -> int:
    return conn.execute("PRAGMA user_version").fetchone()[0]


def _tables(conn: sqlite3.Connection) -> dict[str, set[str]]:
    names = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
    return {name: {r[1] for r in conn.execute(f'PRAGMA table_info("{name}")')} for name in names}


def _schema_at(version: int) -> dict[str, set[str]]:
    """The tables and columns our migrations make up to `version` (built in memory)."""
    conn = sqlite3.connect(":memory:", isolation_level=None)
    try:
        for step in MIGRATIONS[:version]:
            step(conn)
        return _tables(conn)
    finally:
        conn.close()


def check_ours(conn: sqlite3.Connection) -> None:
    """Raise DatabaseDamaged when the file is a database, but not our history (another
    program's tables, or ours with columns missing); it is then moved aside like a damaged one."""
    version = user_version(conn)
    if version > SCHEMA_VERSION:
        return  # a newer app's: migrate() says so
    have = _tables(conn)
    for table, columns in _schema_at(version).items():
        if not columns <= have.get(table, set()):
            raise DatabaseDamaged(f"not a Daredevil history: table {table!r} is missing or different")
    if version == 0 and set(have) - {"sqlite_sequence"}:
        raise DatabaseDamaged(f"not a Daredevil history: it holds {', '.join(sorted(have))}")


def migrate(conn: sqlite3.Connection, target: int = SCHEMA_VERSION) -> int:
    """Apply the missing migrations up to `target`, each in its own transaction."""
    current = user_version(conn)
    if current > SCHEMA_VERSION:
        raise SchemaTooNew(f"schema version {current} is newer than {SCHEMA_VERSION}")
    for version in range(current, target):
        with transaction(conn):
            MIGRATIONS[version](conn)
            conn.execute(f"PRAGMA user_version={version + 1}")
        log.info("Migrated the job history to schema version %d", version + 1)
    return user_version(conn)
