"""The result cache and content hashing, on real files and a real SQLite database."""

from __future__ import annotations

import hashlib
import json
import logging
import os
import sqlite3
import threading
import time
from pathlib import Path

import pytest

from desktop_app.core.cache import ResultCache, cache_key
from desktop_app.core.hashing import FileFingerprint, content_hash
from desktop_app.core.options import Task, TranscribeOptions
from desktop_app.core.transcript import Segment, Transcript, Word

HOUR_NS = 3600 * 10**9


def make_transcript(n: int = 3, text: str = "hello") -> Transcript:
    segments = tuple(
        Segment(float(i), i + 0.9, f" {text} {i}", (Word(float(i), i + 0.5, f" {text}", 0.9),))
        for i in range(n)
    )
    return Transcript(segments, "en", float(n))


def payload_size(transcript: Transcript) -> int:
    return len(json.dumps(transcript.to_dict(), ensure_ascii=False, separators=(",", ":")).encode())


@pytest.fixture
def cache(tmp_path: Path):
    with ResultCache(tmp_path / "results.sqlite3", max_bytes=10**6) as c:
        yield c


def write_old(path: Path, data: bytes) -> None:
    """Write a file and date it an hour back, like a recording made earlier."""
    path.write_bytes(data)
    old = time.time_ns() - HOUR_NS
    os.utime(path, ns=(old, old))


# --- hashing ---


@pytest.mark.parametrize("size", [0, 1, 4095, 4096, 4097, 3 * 4096 + 17, 300_000])
@pytest.mark.parametrize("chunk", [4096, 1 << 20])
def test_content_hash_equals_sha256_of_the_whole_file(tmp_path, size, chunk):
    data = os.urandom(size)
    path = tmp_path / "f.bin"
    path.write_bytes(data)
    assert content_hash(path, chunk=chunk) == hashlib.sha256(data).hexdigest()


def test_content_hash_missing_file_raises(tmp_path):
    with pytest.raises(FileNotFoundError):
        content_hash(tmp_path / "nope.wav", chunk=4096)


def test_fingerprint_reads_stat(tmp_path):
    path = tmp_path / "a.wav"
    path.write_bytes(b"x" * 10)
    fp = FileFingerprint.of(path)
    st = os.stat(path)
    assert fp.stamp == (10, st.st_mtime_ns, st.st_ctime_ns, st.st_ino, st.st_dev)
    assert fp.path == path


# --- keys ---


def test_cache_key_is_stable_and_covers_every_input():
    opts = TranscribeOptions()
    key = cache_key("c" * 64, "m" * 64, opts)
    assert key == cache_key("c" * 64, "m" * 64, TranscribeOptions())
    assert len(key) == 64
    others = {
        cache_key("d" * 64, "m" * 64, opts),
        cache_key("c" * 64, "n" * 64, opts),
        cache_key("c" * 64, "m" * 64, TranscribeOptions(language="pt")),
        cache_key("c" * 64, "m" * 64, TranscribeOptions(task=Task.TRANSLATE)),
        cache_key("c" * 64, "m" * 64, TranscribeOptions(word_timestamps=True)),
        cache_key("c" * 64, "m" * 64, TranscribeOptions(temperatures=(0.0,))),
    }
    assert key not in others and len(others) == 6


# --- results ---


def test_put_then_get_round_trips(cache):
    transcript = make_transcript()
    assert cache.get("k") is None
    assert cache.put("k", transcript)
    assert cache.get("k") == transcript
    assert cache.total_bytes() == payload_size(transcript)
    cache.clear()
    assert cache.get("k") is None and cache.total_bytes() == 0


def test_results_survive_reopening(tmp_path):
    with ResultCache(tmp_path / "r.sqlite3", 10**6) as first:
        first.put("k", make_transcript())
    with ResultCache(tmp_path / "r.sqlite3", 10**6) as second:
        assert second.get("k") == make_transcript()
        assert second.recovered_from is None


BAD_PAYLOADS = {
    "not json": "{'segments': [",
    "wrong types": json.dumps({"segments": "lots", "language": 5}),
    "times descending": json.dumps(
        {
            "language": "en",
            "duration": 9.0,
            "segments": [
                {"start": 5.0, "end": 6.0, "text": " later", "words": []},
                {"start": 1.0, "end": 2.0, "text": " earlier", "words": []},
            ],
        }
    ),
    "not finite": '{"language": "en", "segments": [{"start": NaN, "end": 1, "text": "x"}]}',
    "a number": 42,
    "a blob": b"\x00\xff\xfe garbage",
    "deeply nested": "[" * 100_000 + "]" * 100_000,
}


@pytest.mark.parametrize("bad", BAD_PAYLOADS.values(), ids=BAD_PAYLOADS.keys())
def test_corrupt_entry_is_deleted_logged_and_recomputable(cache, caplog, bad):
    cache.put("k", make_transcript())
    with sqlite3.connect(cache.db_path) as other:
        other.execute("UPDATE results SET payload = ? WHERE key = 'k'", (bad,))
    other.close()

    with caplog.at_level(logging.WARNING, logger="desktop_app.core.cache"):
        assert cache.get("k") is None
    assert any("invalid" in r.getMessage() for r in caplog.records)
    assert len(cache) == 0  # the row is gone, not just skipped

    fresh = make_transcript(2, "again")  # the "recomputed" result
    assert cache.put("k", fresh)
    assert cache.get("k") == fresh


def test_lru_evicts_least_recently_used_by_payload_size(tmp_path):
    entries = {k: make_transcript(5, k) for k in "abcd"}
    size = payload_size(entries["a"])
    assert all(payload_size(t) == size for t in entries.values())
    with ResultCache(tmp_path / "r.sqlite3", max_bytes=3 * size) as cache:
        for k in "abc":
            cache.put(k, entries[k])
        assert cache.get("a") == entries["a"]  # a is now the most recent
        cache.put("d", entries["d"])  # over budget: b, the least recently used, goes
        assert cache.get("b") is None
        assert [cache.get(k) for k in "acd"] == [entries[k] for k in "acd"]
        assert cache.total_bytes() == 3 * size
        cache.put("e", make_transcript(5, "e"))
        assert cache.get("a") is None  # a was read before c and d were
        assert cache.total_bytes() <= cache.max_bytes


def test_entry_larger_than_the_cache_is_not_stored(tmp_path):
    with ResultCache(tmp_path / "r.sqlite3", max_bytes=100) as cache:
        cache.put("small", Transcript((), "en", 0.0))
        assert not cache.put("big", make_transcript(50))
        assert cache.get("big") is None
        assert cache.get("small") == Transcript((), "en", 0.0)


# --- the fingerprint fast path ---


def _bytes_read() -> int:
    """Bytes this process has read through read() calls so far (Linux)."""
    for line in Path("/proc/self/io").read_text().splitlines():
        if line.startswith("rchar:"):
            return int(line.split()[1])
    raise AssertionError("no rchar in /proc/self/io")


def test_hash_for_skips_rehashing_an_unchanged_file(cache, tmp_path):
    path = tmp_path / "talk.wav"
    write_old(path, b"A" * 1_000_000)
    first = cache.hash_for(path)
    assert first == content_hash(path)
    before = _bytes_read()
    assert cache.hash_for(path) == first
    assert _bytes_read() - before < 100_000  # the stored fingerprint answered; the file was not read

    os.utime(path)  # touch: a new mtime means hash again
    before = _bytes_read()
    assert cache.hash_for(path) == first
    assert _bytes_read() - before >= 1_000_000


def test_hash_for_rehashes_a_same_size_rewrite_whose_old_mtime_was_put_back(cache, tmp_path):
    """Issue 12, item 5: size, inode and mtime all match; only the ctime tells."""
    path = tmp_path / "talk.wav"
    write_old(path, b"A" * 100_000)
    first = cache.hash_for(path)
    st = os.stat(path)
    with open(path, "r+b") as f:
        f.write(b"B")
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns))
    now = os.stat(path)
    assert (now.st_size, now.st_mtime_ns, now.st_ino) == (st.st_size, st.st_mtime_ns, st.st_ino)
    assert now.st_ctime_ns != st.st_ctime_ns
    assert cache.hash_for(path) == content_hash(path) != first


def test_a_version_1_cache_keeps_its_results_and_drops_its_fingerprints(tmp_path):
    db = tmp_path / "results.sqlite3"
    conn = sqlite3.connect(db)
    conn.execute("CREATE TABLE results (key TEXT PRIMARY KEY, payload TEXT NOT NULL, size INTEGER NOT NULL,"
                 " created REAL NOT NULL, last_used INTEGER NOT NULL)")  # fmt: skip
    conn.execute("CREATE TABLE fingerprints (path TEXT PRIMARY KEY, size INTEGER NOT NULL, mtime_ns INTEGER"
                 " NOT NULL, inode INTEGER NOT NULL, device INTEGER NOT NULL, content_hash TEXT NOT NULL,"
                 " hashed_at_ns INTEGER NOT NULL)")  # fmt: skip
    transcript = make_transcript()
    payload = json.dumps(transcript.to_dict())
    conn.execute("INSERT INTO results VALUES ('k', ?, ?, 0, 1)", (payload, len(payload)))
    conn.execute("INSERT INTO fingerprints VALUES ('/x.wav', 1, 1, 1, 1, 'stale', 1)")
    conn.execute("PRAGMA user_version=1")
    conn.commit()
    conn.close()
    with ResultCache(db, 10**6) as cache:
        assert cache.get("k") == transcript
    conn = sqlite3.connect(db)
    try:
        assert "ctime_ns" in [r[1] for r in conn.execute("PRAGMA table_info(fingerprints)")]
        assert conn.execute("SELECT count(*) FROM fingerprints").fetchone()[0] == 0
    finally:
        conn.close()


def test_hash_for_rehashes_a_replaced_file(cache, tmp_path):
    path = tmp_path / "talk.wav"
    write_old(path, b"A" * 1000)
    first = cache.hash_for(path)
    st = os.stat(path)
    replacement = tmp_path / "new.wav"
    replacement.write_bytes(b"C" * 1000)
    os.utime(replacement, ns=(st.st_atime_ns, st.st_mtime_ns))
    os.replace(replacement, path)  # same path, size and mtime; another inode
    assert cache.hash_for(path) == content_hash(path) != first


def test_hash_for_does_not_trust_a_file_hashed_right_after_it_changed(cache, tmp_path):
    path = tmp_path / "recording.wav"
    path.write_bytes(b"A" * 1000)  # mtime: now, as if still being written
    first = cache.hash_for(path)
    st = os.stat(path)
    with open(path, "r+b") as f:
        f.write(b"B")
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns))
    assert cache.hash_for(path) == content_hash(path) != first


def test_hash_for_missing_file_raises(cache, tmp_path):
    with pytest.raises(FileNotFoundError):
        cache.hash_for(tmp_path / "gone.wav")


# --- a damaged database file ---


def test_damaged_database_is_moved_aside_and_replaced(tmp_path, caplog):
    db = tmp_path / "results.sqlite3"
    with ResultCache(db, 10**6) as cache:
        cache.put("k", make_transcript())
    db.write_bytes(os.urandom(8192))

    with caplog.at_level(logging.WARNING):
        cache = ResultCache(db, 10**6)
    with cache:
        assert cache.recovered_from is not None
        assert cache.recovered_from.name.startswith("results.sqlite3.damaged-")
        assert cache.recovered_from.exists()
        assert any("damaged" in r.getMessage() for r in caplog.records)
        assert cache.get("k") is None
        cache.put("k", make_transcript())
        assert cache.get("k") == make_transcript()


def test_damage_found_while_open_turns_into_a_miss_and_a_fresh_file(tmp_path, caplog):
    db = tmp_path / "results.sqlite3"
    with ResultCache(db, 10**6) as cache:
        for i in range(50):
            cache.put(f"k{i}", make_transcript(20))
        with sqlite3.connect(db) as other:
            other.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        other.close()
        size = db.stat().st_size
        with open(db, "r+b") as f:  # keep the header, ruin every page after it
            f.seek(4096)
            f.write(os.urandom(size - 4096))
        cache._conn.execute("PRAGMA shrink_memory")  # drop pages cached before the damage
        with caplog.at_level(logging.WARNING):
            results = [cache.get(f"k{i}") for i in range(50)]
            cache.put("new", make_transcript())
        assert cache.recovered_from is not None
        assert cache.get("new") == make_transcript()
    assert any("damaged" in r.getMessage() for r in caplog.records)
    assert all(r is None or r == make_transcript(20) for r in results)


def test_other_schema_version_is_emptied(tmp_path):
    db = tmp_path / "results.sqlite3"
    with ResultCache(db, 10**6) as cache:
        cache.put("k", make_transcript())
    with sqlite3.connect(db) as conn:
        conn.execute("PRAGMA user_version=99")
    conn.close()
    with ResultCache(db, 10**6) as cache:
        assert cache.get("k") is None
        cache.put("k", make_transcript())
        assert cache.get("k") == make_transcript()


# --- threads ---


def test_eight_threads_put_get_and_hash_concurrently(tmp_path):
    files = []
    for i in range(8):
        path = tmp_path / f"f{i}.bin"
        write_old(path, os.urandom(50_000 + i))
        files.append(path)
    errors: list[BaseException] = []
    start = threading.Barrier(8)

    with ResultCache(tmp_path / "r.sqlite3", max_bytes=10**7) as cache:

        def work(n: int) -> None:
            try:
                start.wait()
                for i in range(40):
                    key = f"t{n}-{i}"
                    transcript = make_transcript(1 + i % 4, key)
                    assert cache.put(key, transcript)
                    assert cache.get(key) == transcript
                    assert cache.get(f"shared-{i % 5}") in (None, make_transcript(2, "shared"))
                    cache.put(f"shared-{i % 5}", make_transcript(2, "shared"))
                    assert cache.hash_for(files[(n + i) % 8]) == content_hash(files[(n + i) % 8])
            except BaseException as exc:  # noqa: BLE001 - reported below
                errors.append(exc)

        threads = [threading.Thread(target=work, args=(n,)) for n in range(8)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert not errors, errors
        assert len(cache) == 8 * 40 + 5


def test_a_hit_stays_a_hit_when_the_use_stamp_cannot_be_written(tmp_path):
    db = tmp_path / "results.sqlite3"
    with ResultCache(db, 10**6) as cache:
        cache.put("k", make_transcript())
        writer = sqlite3.connect(db, isolation_level=None, timeout=0)
        writer.execute("BEGIN IMMEDIATE")  # another process holds the write lock
        try:
            cache._conn.execute("PRAGMA busy_timeout=50")  # don't wait the full 5 s here
            assert cache.get("k") == make_transcript()
        finally:
            writer.rollback()
            writer.close()
