"""The job history store, on a real SQLite file, with real processes for the lock."""

from __future__ import annotations

import logging
import multiprocessing
import os
import sqlite3
import threading
import time
from dataclasses import replace
from pathlib import Path

import pytest

from desktop_app.core import store_schema
from desktop_app.core.jobs import CRASHED_TWICE, MAX_CRASH_RESTARTS, Job, JobStatus
from desktop_app.core.store import JobStore, StoreLockedError, StoreVersionError
from desktop_app.core.transcript import Segment, Transcript, Word

SPAWN = multiprocessing.get_context("spawn")


def make_transcript(text: str = " hello world") -> Transcript:
    return Transcript((Segment(0.0, 1.5, text, (Word(0.0, 0.7, " hello", 0.8),)),), "en", 1.5)


def make_job(name: str = "a.wav", created_at: float | None = None, **fields) -> Job:
    if created_at is not None:
        fields["created_at"] = created_at
    return Job(Path("/media") / name, **fields)


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "data" / "history.sqlite3"


@pytest.fixture
def store(db: Path):
    with JobStore(db) as s:
        yield s


# --- jobs ---


def test_jobs_round_trip_and_list_oldest_first(store):
    late = make_job("late.mp4", created_at=200.0)
    early = make_job(
        "early.wav",
        created_at=100.0,
        status=JobStatus.DONE,
        duration_s=1.5,
        size_bytes=1234,
        model="tiny.en",
        language="en",
        attempts=1,
        transcript=make_transcript(),
    )
    store.add(late)
    store.add(early)
    assert [j.id for j in store.all()] == [early.id, late.id]

    got = store.get(early.id)
    assert (got.path, got.status, got.created_at, got.duration_s, got.size_bytes) == (
        early.path, JobStatus.DONE, 100.0, 1.5, 1234)
    assert (got.model, got.language, got.attempts, got.error) == ("tiny.en", "en", 1, None)
    assert got.transcript == make_transcript()
    light = store.all(transcripts=False)
    assert [j.id for j in light] == [early.id, late.id] and light[0].transcript is None

    late = replace(late, status=JobStatus.FAILED, error="ffmpeg could not read it", attempts=1)
    store.update(late)
    assert store.get(late.id).error == "ffmpeg could not read it"
    assert store.get(late.id).status is JobStatus.FAILED

    store.remove(late.id)
    assert [j.id for j in store.all()] == [early.id]
    with pytest.raises(KeyError):
        store.get(late.id)


def test_unknown_and_duplicate_ids(store):
    job = make_job()
    store.add(job)
    with pytest.raises(ValueError):
        store.add(job)
    with pytest.raises(KeyError):
        store.update(make_job("other.wav"))
    with pytest.raises(KeyError):
        store.save_edited("nope", make_transcript())
    assert store.add_log("nope", "INFO", "x") is False  # dropped, not raised
    assert store.logs("nope") == []
    store.remove("nope")  # ignored


def test_jobs_survive_reopening(db):
    job = make_job(transcript=make_transcript(), status=JobStatus.DONE)
    with JobStore(db) as first:
        first.add(job)
        first.save_edited(job.id, make_transcript(" hello there"))
    with JobStore(db) as second:
        assert second.get(job.id).transcript == make_transcript()
        assert second.edited(job.id) == make_transcript(" hello there")
        assert second.recovered_from is None


def test_edited_transcript_is_kept_apart_from_the_original(store):
    job = make_job(transcript=make_transcript())
    store.add(job)
    assert store.edited(job.id) is None
    store.save_edited(job.id, make_transcript(" hello, world!"))
    store.update(job)  # updating the job must not drop the edit
    assert store.edited(job.id) == make_transcript(" hello, world!")
    assert store.get(job.id).transcript == make_transcript()


def test_log_lines_in_order_and_removed_with_the_job(store):
    job = make_job()
    store.add(job)
    store.add_log(job.id, logging.INFO, "checking")
    store.add_log(job.id, "warning", "slow disk")
    lines = store.logs(job.id)
    assert [(l.level, l.message) for l in lines] == [("INFO", "checking"), ("WARNING", "slow disk")]
    assert lines[0].time <= lines[1].time
    store.remove(job.id)
    assert store.logs(job.id) == []


@pytest.mark.parametrize("bad", ["{nope", '{"language": "en", "segments": 3}', 7])
def test_bad_stored_transcript_is_logged_and_treated_as_missing(store, db, caplog, bad):
    job = make_job(transcript=make_transcript(), status=JobStatus.DONE)
    store.add(job)
    store.save_edited(job.id, make_transcript())
    with sqlite3.connect(db) as other:
        other.execute("UPDATE jobs SET transcript = ?, edited = ?", (bad, bad))
    other.close()
    with caplog.at_level(logging.WARNING, logger="desktop_app.core.store"):
        [listed] = store.all()
        assert store.edited(job.id) is None
    assert listed.id == job.id and listed.transcript is None and listed.status is JobStatus.DONE
    assert sum("unreadable" in r.getMessage() for r in caplog.records) == 2


# --- crash recovery ---


def crash_while_running(store: JobStore, job: Job) -> None:
    """What the runner does when a job starts, then the app dies."""
    store.update(replace(job, status=JobStatus.TRANSCRIBING, attempts=job.attempts + 1))


def test_recover_interrupted_requeues_once_then_fails(db):
    job = make_job()
    with JobStore(db) as store:
        store.add(job)
        crash_while_running(store, job)
    with JobStore(db) as store:
        [requeued] = store.recover_interrupted()
        assert (requeued.id, requeued.status, requeued.error) == (job.id, JobStatus.QUEUED, None)
        assert store.get(job.id).status is JobStatus.QUEUED
        crash_while_running(store, requeued)
    with JobStore(db) as store:
        [failed] = store.recover_interrupted()
        assert failed.attempts == MAX_CRASH_RESTARTS
        assert (failed.status, failed.error) == (JobStatus.FAILED, CRASHED_TWICE)
        assert store.get(job.id).error == CRASHED_TWICE
        assert store.recover_interrupted() == []
        assert len(store.logs(job.id)) == 2


def test_recover_interrupted_leaves_other_jobs_alone(store):
    jobs = {s: make_job(f"{s.value}.wav", status=s, attempts=1) for s in JobStatus}
    for job in jobs.values():
        store.add(job)
    changed = store.recover_interrupted()
    assert {j.id for j in changed} == {jobs[s].id for s in JobStatus if s.running}
    for status, job in jobs.items():
        expected = JobStatus.QUEUED if status.running else status.stored  # a job that waits is kept as queued
        assert store.get(job.id).status is expected


# --- schema ---


def test_migrates_a_version_1_file(db):
    db.parent.mkdir(parents=True)
    conn = sqlite3.connect(db, isolation_level=None)
    assert store_schema.migrate(conn, target=1) == 1
    conn.execute(
        "INSERT INTO jobs (id, path, status, created_at, attempts, updated_at)"
        " VALUES ('old', '/media/old.wav', 'done', 5.0, 1, 5.0)"
    )
    conn.close()

    with JobStore(db) as store:
        [job] = store.all()
        assert (job.id, job.path, job.status, job.attempts) == ("old", Path("/media/old.wav"), JobStatus.DONE, 1)
        assert job.transcript is None and store.edited("old") is None
        store.add_log("old", "INFO", "after the upgrade")
        store.save_edited("old", make_transcript())
        assert store.edited("old") == make_transcript()
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == store_schema.SCHEMA_VERSION == 2
    conn.close()


def test_newer_schema_is_refused_and_the_lock_released(db):
    JobStore(db).close()
    conn = sqlite3.connect(db)
    conn.execute(f"PRAGMA user_version={store_schema.SCHEMA_VERSION + 1}")
    conn.close()
    with pytest.raises(StoreVersionError, match="newer version"):
        JobStore(db)
    conn = sqlite3.connect(db)
    conn.execute(f"PRAGMA user_version={store_schema.SCHEMA_VERSION}")
    conn.close()
    JobStore(db).close()  # not left locked by the failed open


# --- a damaged file ---


@pytest.mark.parametrize("where", ["whole file", "after the header"])
def test_damaged_file_is_moved_aside_and_the_store_starts_fresh(db, caplog, where):
    with JobStore(db) as store:
        for i in range(30):
            store.add(make_job(f"{i}.wav", transcript=make_transcript(" x" * 200)))
    size = db.stat().st_size
    with open(db, "r+b") as f:
        if where == "after the header":
            f.seek(4096)
        f.write(os.urandom(max(size - f.tell(), 4096)))

    with caplog.at_level(logging.WARNING):
        store = JobStore(db)
    with store:
        moved = store.recovered_from
        assert moved is not None and moved.exists()
        assert moved.name.startswith("history.sqlite3.damaged-")
        assert any("damaged" in r.getMessage() and str(moved) in r.getMessage() for r in caplog.records)
        assert store.all() == []
        job = make_job()
        store.add(job)
        assert store.get(job.id).path == job.path


FOREIGN = {
    "another program's tables": ("CREATE TABLE foo (x)", "INSERT INTO foo VALUES (1)"),
    "a table named like ours": ("CREATE TABLE jobs (name TEXT)", "INSERT INTO jobs VALUES ('x')"),
    "ours with a column gone": (
        "CREATE TABLE jobs (id TEXT PRIMARY KEY, path TEXT NOT NULL)",
        "CREATE TABLE job_logs (seq INTEGER PRIMARY KEY, job_id TEXT, time REAL, level TEXT, message TEXT)",
        "PRAGMA user_version=2",
    ),
}


@pytest.mark.parametrize("kind", sorted(FOREIGN))
def test_a_database_that_isnt_our_history_is_moved_aside_like_a_damaged_one(db, kind):
    db.parent.mkdir(parents=True)
    conn = sqlite3.connect(db, isolation_level=None)
    for statement in FOREIGN[kind]:
        conn.execute(statement)
    conn.close()
    with JobStore(db) as store:
        moved = store.recovered_from
        assert moved is not None and moved.name.startswith("history.sqlite3.damaged-")
        assert store.all() == []
        store.add(make_job())
        store.recover_interrupted()
    kept = sqlite3.connect(moved)
    assert kept.execute("SELECT count(*) FROM sqlite_master").fetchone()[0] >= 1  # the foreign file, intact
    kept.close()


# --- one writer: threads and processes ---


def test_eight_threads_write_concurrently(store):
    errors: list[BaseException] = []
    start = threading.Barrier(8)

    def work(n: int) -> None:
        try:
            start.wait()
            for i in range(25):
                job = make_job(f"{n}-{i}.wav")
                store.add(job)
                store.add_log(job.id, "INFO", "queued")
                store.update(replace(job, status=JobStatus.DONE, transcript=make_transcript()))
                assert store.get(job.id).status is JobStatus.DONE
                store.all()
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(n,)) for n in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors, errors
    assert len(store.all()) == 200


def hold_store(db: str, ready, release) -> None:
    """Child process: open the store, say so, then wait to be released (or killed)."""
    store = JobStore(Path(db))
    ready.set()
    release.wait(60)
    store.close()


def try_open(db: str, results) -> None:
    """Child process: report whether the store could be opened."""
    try:
        JobStore(Path(db)).close()
        results.put("opened")
    except StoreLockedError as exc:
        results.put(f"locked: {exc}")


def start_holder(db: Path):
    ready, release = SPAWN.Event(), SPAWN.Event()
    proc = SPAWN.Process(target=hold_store, args=(str(db), ready, release))
    proc.start()
    assert ready.wait(60), "the child never opened the store"
    return proc, release


def test_a_second_process_is_refused_until_the_first_closes(db):
    proc, release = start_holder(db)
    try:
        with pytest.raises(StoreLockedError, match="another Daredevil"):
            JobStore(db)
    finally:
        release.set()
        proc.join(60)
    assert proc.exitcode == 0
    JobStore(db).close()


def test_a_child_process_is_refused_while_we_hold_it(db):
    results = SPAWN.Queue()
    with JobStore(db):
        proc = SPAWN.Process(target=try_open, args=(str(db), results))
        proc.start()
        outcome = results.get(timeout=60)
        proc.join(60)
    assert outcome.startswith("locked: ")


def test_a_lock_left_by_a_killed_process_is_free(db):
    proc, _release = start_holder(db)
    with pytest.raises(StoreLockedError):
        JobStore(db)
    proc.kill()  # SIGKILL: no close(), no cleanup
    proc.join(60)
    assert Path(str(db) + ".lock").exists()
    deadline = time.monotonic() + 10
    while True:  # the kernel drops the lock when the process is gone
        try:
            store = JobStore(db)
            break
        except StoreLockedError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.05)
    with store:
        store.add(make_job())
        assert len(store.all()) == 1


def test_update_always_stores_the_current_transcript(store):
    jobs = [make_job(f"{i}.wav") for i in range(12)]  # more jobs than the serialization memo
    for job in jobs:
        store.add(job)
    jobs = [replace(job, transcript=make_transcript(f" first {i}")) for i, job in enumerate(jobs)]
    for job in jobs:
        store.update(job)
    for i, job in enumerate(jobs):
        job = replace(job, status=JobStatus.DONE)
        store.update(job)
        assert store.get(job.id).transcript == make_transcript(f" first {i}")
        store.update(replace(job, transcript=make_transcript(f" second {i}")))
        assert store.get(job.id).transcript == make_transcript(f" second {i}")
    jobs[0] = replace(jobs[0], transcript=None)
    store.update(jobs[0])
    assert store.get(jobs[0].id).transcript is None
