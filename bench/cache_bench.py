"""Benchmark: a cache hit for an unchanged large file, and hashing a new one.

    .venv/bin/python bench/cache_bench.py [--size-mb 1024] [--dir /tmp] [--runs 30]

Prints a markdown table. Goals: a hit for an unchanged 1 GB file in <= 50 ms
(stat + fingerprint lookup + reading and validating the transcript), and hashing
a new 1 GB file at >= 1 GB/s.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import platform
import shlex
import statistics
import sys
import tempfile
import time
from datetime import datetime, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from desktop_app.core.cache import ResultCache, cache_key  # noqa: E402
from desktop_app.core.hashing import HASH_NAME, content_hash  # noqa: E402
from desktop_app.core.options import TranscribeOptions  # noqa: E402
from desktop_app.core.transcript import Segment, Transcript, Word  # noqa: E402

MB = 1024 * 1024


def hour_transcript(words: bool) -> Transcript:
    """About one hour of speech: 720 segments of 5 s, 14 words each."""
    segments = []
    for i in range(720):
        start = i * 5.0
        ws = tuple(Word(start + k * 0.35, start + k * 0.35 + 0.3, f" word{k}", 0.9) for k in range(14))
        text = "".join(w.text for w in ws)
        segments.append(Segment(start, start + 5.0, text, ws if words else ()))
    return Transcript(tuple(segments), "en", 3600.0)


def write_file(path: Path, size: int) -> None:
    with open(path, "wb") as f:
        left = size
        while left:
            n = min(16 * MB, left)
            f.write(os.urandom(n))
            left -= n
        f.flush()
        os.fsync(f.fileno())
    # A file a person drops was usually written a while ago; a file hashed within 2 s
    # of its last change is hashed once more on the next lookup (cache.RACY_WINDOW_NS).
    old = time.time_ns() - 3600 * 10**9
    os.utime(path, ns=(old, old))


def drop_from_page_cache(path: Path) -> bool:
    """Ask the kernel to forget the file's cached pages (Linux); False if unsupported."""
    if not hasattr(os, "posix_fadvise"):
        return False
    fd = os.open(path, os.O_RDONLY)
    try:
        os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
    finally:
        os.close(fd)
    return True


def timed(fn):
    start = time.perf_counter()
    result = fn()
    return time.perf_counter() - start, result


def file_digest(path: Path) -> str:
    with open(path, "rb") as f:
        return hashlib.file_digest(f, HASH_NAME).hexdigest()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size-mb", type=int, default=1024)
    parser.add_argument("--dir", type=Path, default=None, help="where to write the test file")
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args()

    rows: list[tuple[str, str, str]] = []
    with tempfile.TemporaryDirectory(dir=args.dir) as tmp:
        media = Path(tmp) / "new.bin"
        size = args.size_mb * MB
        write_file(media, size)
        gb = size / 1e9

        cold = drop_from_page_cache(media)
        t, digest = timed(lambda: content_hash(media))
        label = "cold (posix_fadvise DONTNEED)" if cold else "page cache unknown"
        rows.append((f"content_hash, {label}", f"{t:.3f} s", f"{gb / t:.2f} GB/s"))
        for i in range(2):
            t, again = timed(lambda: content_hash(media))
            assert again == digest
            rows.append((f"content_hash, warm page cache #{i + 1}", f"{t:.3f} s", f"{gb / t:.2f} GB/s"))
        t, base = timed(lambda: file_digest(media))
        assert base == digest
        rows.append(("hashlib.file_digest (baseline), warm", f"{t:.3f} s", f"{gb / t:.2f} GB/s"))

        options = TranscribeOptions()
        model = "0" * 64
        for words in (False, True):
            db = Path(tmp) / f"results-{words}.sqlite3"
            transcript = hour_transcript(words)
            with ResultCache(db, 512 * MB) as cache:
                drop_from_page_cache(media)
                t, h = timed(lambda: cache.hash_for(media))
                assert h == digest
                cache.put(cache_key(h, model, options), transcript)
                kb = cache.total_bytes() / 1024
            what = f"1 h transcript, {'with' if words else 'no'} word timings ({kb:.0f} kB JSON)"
            if not words:
                rows.append(("miss: hash_for a new file (cold) + put", f"{t:.3f} s", f"{gb / t:.2f} GB/s"))

            def hit(cache: ResultCache) -> Transcript | None:
                return cache.get(cache_key(cache.hash_for(media), model, options))

            start = time.perf_counter()
            with ResultCache(db, 512 * MB) as cache:
                assert hit(cache) == transcript
                first = time.perf_counter() - start
                times, stat_times = [], []
                for _ in range(args.runs):
                    t, got = timed(lambda: hit(cache))
                    assert got is not None
                    times.append(t)
                    stat_times.append(timed(lambda: cache.hash_for(media))[0])
            rows.append((f"hit, first after opening the cache: {what}", f"{first * 1000:.1f} ms", ""))
            rows.append((
                f"hit, median of {args.runs}: {what}",
                f"{statistics.median(times) * 1000:.1f} ms",
                f"max {max(times) * 1000:.1f} ms",
            ))
            if words:
                rows.append((
                    "of which hash_for (stat + fingerprint lookup), median",
                    f"{statistics.median(stat_times) * 1000:.2f} ms",
                    "",
                ))

    command = "python " + " ".join(shlex.quote(a) for a in sys.argv)
    print(f"Command: `{command}`  ")
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"Date: {datetime.now(timezone.utc):%Y-%m-%d %H:%M UTC}; {platform.machine()}, "
          f"{os.cpu_count()} CPUs, load average {load:.1f} at the end, Python {platform.python_version()}, "
          f"file {args.size_mb} MiB, GB/s = 10^9 bytes/s\n")
    print("| Measurement | Time | Rate |")
    print("|---|---|---|")
    for row in rows:
        print("| " + " | ".join(row) + " |")


if __name__ == "__main__":
    main()
