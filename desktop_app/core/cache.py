"""The result cache: transcripts keyed by file content, model and options, in SQLite.

Best effort by design: bad data, a damaged file or a full disk are logged and
turn into a cache miss, never into a failed transcription.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import sqlite3
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from desktop_app.core import store_schema as db
from desktop_app.core.hashing import HASH_NAME, FileFingerprint, content_hash, real_path
from desktop_app.core.options import TranscribeOptions
from desktop_app.core.transcript import Transcript, validate_transcript

log = logging.getLogger(__name__)

T = TypeVar("T")

CACHE_SCHEMA = 2  # 2: fingerprints hold the ctime. Another version is emptied, not migrated
_RESULTS_SINCE = 1  # results of a cache from this version on are kept (only fingerprints change)
KEY_FORMAT = 2  # 2: engine and compute type in the options; bump to invalidate every key (e.g. when the transcript format changes)
MAX_FINGERPRINTS = 20_000
# A file changed within this long before it was hashed may change again within the same
# mtime tick (FAT: 2 s); its fingerprint is only trusted once re-hashed later ("racy git").
RACY_WINDOW_NS = 2_000_000_000

_SCHEMA = (
    """CREATE TABLE IF NOT EXISTS results (
        key TEXT PRIMARY KEY,
        payload TEXT NOT NULL,
        size INTEGER NOT NULL,
        created REAL NOT NULL,
        last_used INTEGER NOT NULL
    )""",
    "CREATE INDEX IF NOT EXISTS results_lru ON results(last_used)",
    """CREATE TABLE IF NOT EXISTS fingerprints (
        path TEXT PRIMARY KEY,
        size INTEGER NOT NULL,
        mtime_ns INTEGER NOT NULL,
        ctime_ns INTEGER NOT NULL,
        inode INTEGER NOT NULL,
        device INTEGER NOT NULL,
        content_hash TEXT NOT NULL,
        hashed_at_ns INTEGER NOT NULL
    )""",
    "CREATE INDEX IF NOT EXISTS fingerprints_age ON fingerprints(hashed_at_ns)",
)


def cache_key(content_hash: str, model_sha256: str, options: TranscribeOptions) -> str:
    """SHA-256 of a canonical JSON of the file's hash, the model's hash and the options."""
    canonical = json.dumps(
        {
            "format": KEY_FORMAT,
            "content": [HASH_NAME, content_hash],
            "model_sha256": model_sha256,
            "options": options.cache_key_part(),
        },
        sort_keys=True,
        separators=(",", ":"),
        ensure_ascii=False,
    )
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


SPEAKER_STEP_VERSION = 1  # bump when the speaker step labels differently


def speaker_cache_key(transcript_key: str, speakers: str) -> str:
    """The key of a labelled transcript: its transcript's key plus the speaker option
    ("auto" or a count), so a cached transcript gets speakers without transcribing again."""
    canonical = json.dumps(
        {"transcript": transcript_key, "speakers": speakers, "speaker_step": SPEAKER_STEP_VERSION},
        sort_keys=True, separators=(",", ":"),
    )
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def _prepare(conn: sqlite3.Connection) -> None:
    version = db.user_version(conn)
    if version != CACHE_SCHEMA:
        with db.transaction(conn):
            if not _RESULTS_SINCE <= version < CACHE_SCHEMA:
                conn.execute("DROP TABLE IF EXISTS results")
            conn.execute("DROP TABLE IF EXISTS fingerprints")
            conn.execute(f"PRAGMA user_version={CACHE_SCHEMA}")
    for statement in _SCHEMA:
        conn.execute(statement)
    conn.execute("SELECT count(*) FROM results").fetchone()  # touches the tables' root pages


class ResultCache:
    """Transcripts by cache key, LRU-evicted above `max_bytes` of JSON payload.

    One connection guarded by a lock: safe to call from any thread. Hashing in
    `hash_for` runs outside the lock, so threads hash different files in parallel.
    """

    def __init__(self, db_path: Path, max_bytes: int) -> None:
        self.db_path = Path(db_path)
        self.max_bytes = max_bytes
        self._lock = threading.RLock()
        self._closed = False
        self._conn: sqlite3.Connection | None
        self._conn, self.recovered_from = db.open_or_recover(self.db_path, _prepare, "result cache")

    # --- plumbing ---

    def _run(self, what: str, op: Callable[[sqlite3.Connection], T], default: T) -> T:
        """Run `op` under the lock; damage -> fresh database, other SQLite errors -> log."""
        with self._lock:
            if self._closed:
                raise RuntimeError("the result cache is closed")
            try:
                if self._conn is None:  # an earlier recovery failed: try again
                    self._conn = db.connect(self.db_path)
                    _prepare(self._conn)
                return op(self._conn)
            except sqlite3.DatabaseError as exc:
                if db.is_damage(exc):
                    self._recover(exc)
                else:
                    log.warning("Result cache: %s failed: %s", what, exc)
                return default

    def _recover(self, exc: BaseException) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None
        try:
            moved = db.move_aside(self.db_path)
            log.warning("The result cache %s was damaged (%s); moved it to %s and started a new one",
                        self.db_path, exc, moved)
            self._conn = db.connect(self.db_path)
            _prepare(self._conn)
            self.recovered_from = moved
        except (OSError, sqlite3.Error):
            log.exception("Could not replace the damaged result cache %s", self.db_path)
            if self._conn is not None:
                self._conn.close()
                self._conn = None

    def close(self) -> None:
        with self._lock:
            self._closed = True
            if self._conn is not None:
                self._conn.close()
                self._conn = None

    def __enter__(self) -> "ResultCache":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- content hashes ---

    def hash_for(self, path: str | os.PathLike[str]) -> str:
        """The file's content hash; skips hashing when its path, size, mtime, ctime, inode and
        device match what was recorded when it was last hashed. Raises OSError for unreadable files."""
        before = FileFingerprint.of(real_path(path))
        known = self._run("fingerprint lookup", lambda c: self._known_hash(c, before), None)
        if known is not None:
            return known
        started_ns = time.time_ns()
        digest = content_hash(before.path)
        if not before.changed(FileFingerprint.of(before.path)):  # unchanged while we read it
            self._run("fingerprint store", lambda c: self._remember(c, before, digest, started_ns), None)
        return digest

    @staticmethod
    def _known_hash(conn: sqlite3.Connection, fp: FileFingerprint) -> str | None:
        row = conn.execute(
            "SELECT size, mtime_ns, ctime_ns, inode, device, content_hash, hashed_at_ns"
            " FROM fingerprints WHERE path = ?",
            (str(fp.path),),
        ).fetchone()
        if row is None:
            return None
        *stamp, digest, hashed_at_ns = row
        if tuple(stamp) != fp.stamp:
            return None
        if not isinstance(digest, str) or hashed_at_ns - fp.mtime_ns < RACY_WINDOW_NS:
            return None
        return digest

    @staticmethod
    def _remember(conn: sqlite3.Connection, fp: FileFingerprint, digest: str, at_ns: int) -> None:
        with db.transaction(conn):
            conn.execute(
                "INSERT OR REPLACE INTO fingerprints VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (str(fp.path), fp.size, fp.mtime_ns, fp.ctime_ns, fp.inode, fp.device, digest, at_ns),
            )
            extra = conn.execute("SELECT count(*) FROM fingerprints").fetchone()[0] - MAX_FINGERPRINTS
            if extra > 0:
                conn.execute(
                    "DELETE FROM fingerprints WHERE path IN"
                    " (SELECT path FROM fingerprints ORDER BY hashed_at_ns LIMIT ?)",
                    (extra,),
                )

    # --- results ---

    def get(self, key: str) -> Transcript | None:
        """The cached transcript, or None; an invalid entry is deleted and logged."""
        return self._run("read", lambda c: self._get(c, key), None)

    @staticmethod
    def _get(conn: sqlite3.Connection, key: str) -> Transcript | None:
        row = conn.execute("SELECT payload FROM results WHERE key = ?", (key,)).fetchone()
        if row is None:
            return None
        try:
            transcript = validate_transcript(json.loads(row[0]))
        except (TypeError, ValueError, RecursionError) as exc:
            log.warning("Result cache entry %s is invalid (%s); deleted it", key[:12], exc)
            with db.transaction(conn):
                conn.execute("DELETE FROM results WHERE key = ?", (key,))
            return None
        try:
            with db.transaction(conn):
                conn.execute("UPDATE results SET last_used = ? WHERE key = ?", (_tick(conn), key))
        except sqlite3.OperationalError as exc:  # busy, read-only, disk full: still a hit
            log.debug("Result cache: could not mark %s as used: %s", key[:12], exc)
        return transcript

    def put(self, key: str, transcript: Transcript) -> bool:
        """Store atomically and evict least-recently-used entries above `max_bytes`.

        Returns False when nothing was stored (entry larger than the cache, or a
        database error, which is logged).
        """
        payload = json.dumps(transcript.to_dict(), ensure_ascii=False, separators=(",", ":"))
        size = len(payload.encode("utf-8"))
        if size > self.max_bytes:
            log.info("Transcript of %d bytes is larger than the whole cache; not cached", size)
            return False
        return self._run("write", lambda c: self._put(c, key, payload, size), False)

    def _put(self, conn: sqlite3.Connection, key: str, payload: str, size: int) -> bool:
        with db.transaction(conn):
            conn.execute(
                "INSERT OR REPLACE INTO results VALUES (?, ?, ?, ?, ?)",
                (key, payload, size, time.time(), _tick(conn)),
            )
            self._evict(conn)
        return True

    def _evict(self, conn: sqlite3.Connection) -> None:
        excess = conn.execute("SELECT COALESCE(SUM(size), 0) FROM results").fetchone()[0] - self.max_bytes
        if excess <= 0:
            return
        doomed = []
        for key, size in conn.execute("SELECT key, size FROM results ORDER BY last_used, rowid"):
            doomed.append((key,))
            excess -= size if isinstance(size, int) else 0
            if excess <= 0:
                break
        conn.executemany("DELETE FROM results WHERE key = ?", doomed)
        log.debug("Result cache evicted %d entries", len(doomed))

    def total_bytes(self) -> int:
        """Sum of the stored payload sizes."""
        return self._run(
            "size", lambda c: int(c.execute("SELECT COALESCE(SUM(size), 0) FROM results").fetchone()[0]), 0
        )

    def __len__(self) -> int:
        return self._run("count", lambda c: c.execute("SELECT count(*) FROM results").fetchone()[0], 0)

    def clear(self) -> None:
        """Forget every result and fingerprint."""

        def wipe(conn: sqlite3.Connection) -> None:
            with db.transaction(conn):
                conn.execute("DELETE FROM results")
                conn.execute("DELETE FROM fingerprints")

        self._run("clear", wipe, None)


def _tick(conn: sqlite3.Connection) -> int:
    """A strictly increasing use stamp (wall-clock ns, bumped past the newest stored one)."""
    newest = conn.execute("SELECT MAX(last_used) FROM results").fetchone()[0]
    now = time.time_ns()
    return now if not isinstance(newest, int) or now > newest else newest + 1
