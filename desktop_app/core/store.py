"""The job history: every job, its transcripts and its log lines, in SQLite.

Only one process may write the history: `JobStore` holds an OS-level lock on
`<db>.lock` while it is open. The lock dies with the process, so a crash never
leaves the history locked.
"""

from __future__ import annotations

import json
import logging
import os
import sqlite3
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from desktop_app.core import store_schema as db
from desktop_app.core.errors import DaredevilError
from desktop_app.core.jobs import FoundInterrupted, Job, JobStatus, next_state
from desktop_app.core.transcript import Transcript, validate_transcript

log = logging.getLogger(__name__)

_MEMO_JOBS = 8  # transcripts kept serialized for the most recently written jobs
_RUNNING = tuple(s.value for s in JobStatus if s.running)
_COLUMNS = (
    "id, path, status, created_at, duration, size, model, language, error, attempts, transcript"
)


class StoreLockedError(DaredevilError):
    """Another process has the job history open."""


class StoreVersionError(DaredevilError):
    """The job history was written by a newer version of the app."""


@dataclass(frozen=True)
class LogLine:
    time: float
    level: str
    message: str


class _HeldElsewhere(Exception):
    """The lock file is locked by another process (or another open of it)."""


class _FileLock:
    """An exclusive, non-blocking advisory lock on a file, released on close or process death."""

    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self._fd: int | None = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            self._lock(self._fd)
        except OSError as exc:
            os.close(self._fd)
            self._fd = None
            raise _HeldElsewhere(str(path)) from exc
        os.ftruncate(self._fd, 0)
        os.write(self._fd, f"{os.getpid()}\n".encode())  # for a person looking; not relied on

    @staticmethod
    def _lock(fd: int) -> None:
        if os.name == "nt":
            import msvcrt

            os.lseek(fd, 0, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        else:
            import fcntl

            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)

    def release(self) -> None:
        if self._fd is not None:
            os.close(self._fd)  # closing drops flock and msvcrt locks alike
            self._fd = None


def _prepare(conn: sqlite3.Connection) -> None:
    db.check_integrity(conn)
    db.check_ours(conn)
    try:
        db.migrate(conn)
    except db.SchemaTooNew as exc:
        raise StoreVersionError(
            "Your transcription history was saved by a newer version of Daredevil. "
            "Update Daredevil to open it."
        ) from exc


class JobStore:
    """Persistent job history; safe to call from any thread of the owning process."""

    def __init__(self, db_path: Path) -> None:
        self.db_path = Path(db_path)
        self._lock = threading.RLock()
        self._dumped: dict[str, tuple[Transcript | None, str | None]] = {}
        try:
            self._file_lock = _FileLock(self.db_path.with_name(self.db_path.name + ".lock"))
        except _HeldElsewhere as exc:
            raise StoreLockedError(
                "Your transcription history is in use by another Daredevil window. "
                "Close it, then start Daredevil again."
            ) from exc
        try:
            self._conn, self.recovered_from = db.open_or_recover(self.db_path, _prepare, "job history")
        except BaseException:
            self._file_lock.release()
            raise
        self._closed = False

    def close(self) -> None:
        """Close the database and release the lock; idempotent."""
        with self._lock:
            if not self._closed:
                self._closed = True
                self._conn.close()
                self._file_lock.release()

    def __enter__(self) -> "JobStore":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _db(self) -> sqlite3.Connection:
        if self._closed:
            raise RuntimeError("the job store is closed")
        return self._conn

    # --- jobs ---

    def _row(self, job: Job) -> tuple[Any, ...]:
        """The job's column values; the transcript's JSON is reused while it is the same
        (immutable) object, so status updates don't re-serialize a long transcript."""
        memo = self._dumped.pop(job.id, None)
        if memo is None or memo[0] is not job.transcript:
            memo = (job.transcript, _dump(job.transcript))
        self._dumped[job.id] = memo  # now the newest
        while len(self._dumped) > _MEMO_JOBS:
            del self._dumped[next(iter(self._dumped))]
        return _job_row(job, memo[1])

    def add(self, job: Job) -> None:
        """Insert a new job; ValueError if its id is already stored."""
        with self._lock, db.transaction(self._db()) as conn:
            try:
                conn.execute(
                    f"INSERT INTO jobs ({_COLUMNS}, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                    (*self._row(job), time.time()),
                )
            except sqlite3.IntegrityError as exc:
                raise ValueError(f"job {job.id} is already stored") from exc

    def update(self, job: Job) -> None:
        """Overwrite a stored job's fields (not its edited transcript); KeyError if unknown."""
        with self._lock, db.transaction(self._db()) as conn:
            job_id, *rest = self._row(job)
            cur = conn.execute(
                "UPDATE jobs SET path=?, status=?, created_at=?, duration=?, size=?, model=?,"
                " language=?, error=?, attempts=?, transcript=?, updated_at=? WHERE id=?",
                (*rest, time.time(), job_id),
            )
            if cur.rowcount == 0:
                raise KeyError(job.id)

    def get(self, job_id: str) -> Job:
        """The stored job; KeyError if unknown."""
        with self._lock:
            row = self._db().execute(f"SELECT {_COLUMNS} FROM jobs WHERE id=?", (job_id,)).fetchone()
        if row is None:
            raise KeyError(job_id)
        return _job_from_row(row)

    def all(self, transcripts: bool = True) -> list[Job]:
        """Every stored job, oldest first.

        With `transcripts=False` each job's transcript is left None: parsing costs
        about 25 ms per 300 kB transcript, so a long history lists much faster.
        """
        column = "transcript" if transcripts else "NULL"
        query = f"SELECT {_COLUMNS.replace('transcript', column)} FROM jobs ORDER BY created_at, rowid"
        with self._lock:
            rows = self._db().execute(query).fetchall()
        return [_job_from_row(row) for row in rows]

    def remove(self, job_id: str) -> None:
        """Delete a job with its log lines; unknown ids are ignored."""
        with self._lock, db.transaction(self._db()) as conn:
            conn.execute("DELETE FROM jobs WHERE id=?", (job_id,))
            self._dumped.pop(job_id, None)

    # --- edited transcripts ---

    def save_edited(self, job_id: str, transcript: Transcript) -> None:
        """Store the person's edited transcript next to the original; KeyError if unknown."""
        with self._lock, db.transaction(self._db()) as conn:
            cur = conn.execute(
                "UPDATE jobs SET edited=?, updated_at=? WHERE id=?",
                (_dump(transcript), time.time(), job_id),
            )
            if cur.rowcount == 0:
                raise KeyError(job_id)

    def edited(self, job_id: str) -> Transcript | None:
        """The edited transcript, or None when there is none (or it is unreadable)."""
        with self._lock:
            row = self._db().execute("SELECT edited FROM jobs WHERE id=?", (job_id,)).fetchone()
        if row is None:
            raise KeyError(job_id)
        return _load(row[0], job_id, "edited transcript")

    # --- log lines ---

    def add_log(self, job_id: str, level: int | str, message: str) -> bool:
        """Append a log line to a job. A line for an unknown (e.g. just removed) job has
        nowhere to go: it is dropped and False returned."""
        name = logging.getLevelName(level) if isinstance(level, int) else str(level).upper()
        with self._lock, db.transaction(self._db()) as conn:
            try:
                conn.execute(
                    "INSERT INTO job_logs (job_id, time, level, message) VALUES (?,?,?,?)",
                    (job_id, time.time(), name, message),
                )
            except sqlite3.IntegrityError:  # the foreign key: no such job
                log.debug("Dropped a log line for unknown job %s: %s", job_id, message)
                return False
        return True

    def logs(self, job_id: str) -> list[LogLine]:
        """The job's log lines, oldest first."""
        with self._lock:
            rows = self._db().execute(
                "SELECT time, level, message FROM job_logs WHERE job_id=? ORDER BY seq", (job_id,)
            ).fetchall()
        return [LogLine(*row) for row in rows]

    # --- crash recovery ---

    def recover_interrupted(self) -> list[Job]:
        """Jobs left running by a crash: re-queued, or failed once started MAX_CRASH_RESTARTS times.

        Call once at start-up, before any job runs. Returns the jobs it changed.
        """
        marks = ",".join("?" * len(_RUNNING))
        changed = []
        with self._lock, db.transaction(self._db()) as conn:
            rows = conn.execute(
                f"SELECT {_COLUMNS} FROM jobs WHERE status IN ({marks}) ORDER BY created_at, rowid",
                _RUNNING,
            ).fetchall()
            for row in rows:
                step = next_state(_job_from_row(row), FoundInterrupted())
                job = step.job
                conn.execute(
                    "UPDATE jobs SET status=?, error=?, updated_at=? WHERE id=?",
                    (job.status.stored.value, job.error, time.time(), job.id),
                )
                conn.execute(
                    "INSERT INTO job_logs (job_id, time, level, message) VALUES (?,?,?,?)",
                    (job.id, time.time(), logging.getLevelName(step.level), step.note),
                )
                changed.append(job)
        if changed:
            log.warning("Recovered %d job(s) interrupted by a crash", len(changed))
        return changed


def _dump(transcript: Transcript | None) -> str | None:
    if transcript is None:
        return None
    return json.dumps(transcript.to_dict(), ensure_ascii=False, separators=(",", ":"))


def _load(text: Any, job_id: str, what: str) -> Transcript | None:
    if text is None:
        return None
    try:
        return validate_transcript(json.loads(text))
    except (TypeError, ValueError, RecursionError) as exc:
        log.warning("The stored %s of job %s is unreadable (%s); ignoring it", what, job_id, exc)
        return None


def _job_row(job: Job, transcript_json: str | None) -> tuple[Any, ...]:
    return (
        job.id,
        str(job.path),
        job.status.stored.value,
        job.created_at,
        job.duration_s,
        job.size_bytes,
        job.model,
        job.language,
        job.error,
        job.attempts,
        transcript_json,
    )


def _job_from_row(row: tuple[Any, ...]) -> Job:
    job_id, path, status, created, duration, size, model, language, error, attempts, text = row
    try:
        status = JobStatus(status).stored
    except ValueError:
        log.warning("Job %s has an unknown status %r; marking it failed", job_id, status)
        status, error = JobStatus.FAILED, error or "This job's saved state could not be read."
    return Job(
        path=Path(path),
        id=job_id,
        status=status,
        created_at=created,
        progress=1.0 if status in (JobStatus.DONE, JobStatus.CACHED) else 0.0,
        duration_s=duration,
        size_bytes=size,
        model=model,
        language=language,
        error=error,
        attempts=attempts or 0,
        transcript=_load(text, job_id, "transcript"),
    )
