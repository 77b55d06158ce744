"""Benchmark: jobs per minute on this computer vs. a `daredevil server` through Celery + Redis.

    PYTHONPATH=$PWD:$PWD/tests .venv/bin/python bench/server_throughput.py [--files 12] [--rounds 3]

Short espeak-ng clips (3-6 s, each a different sentence), tiny.en, greedy faster-whisper int8
on the CPU. Three runs, one after another, each over the same files --rounds times:

1. local: one EngineClient, the files in turn (after one warm-up job);
2. a server with --concurrency 1: one client thread, the files in turn (after one warm-up
   job); the broker overhead per job is its mean seconds per job minus the local one;
3. a server with --concurrency 2: two client threads (each its own RemoteEngineClient)
   taking the files from one queue (after two warm-up jobs sent at once, one per pool process).

The broker is a real redis-server with a password on a free port (tests/server/conftest.py),
stopped at the end like the servers (SIGTERM to their process group). Prints markdown.
"""

from __future__ import annotations

import argparse
import os
import queue
import re
import shlex
import shutil
import statistics
import sys
import tempfile
import threading
import time
from collections import Counter
from datetime import datetime
from pathlib import Path
from types import SimpleNamespace

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

SENTENCES = [
    "Hello world. This is a test of the transcription system.",
    "Today is sunny and warm. We will go to the park.",
    "The train leaves the station at nine in the morning.",
    "Please send me the report before the meeting on Friday.",
    "My brother plays the guitar in a small band on weekends.",
    "The library is closed on Sunday, but it is open again on Monday from eight until six.",
    "We bought apples, bread and milk at the market.",
    "The children walked home from school in the rain.",
    "Turn left at the bridge and follow the river.",
    "The concert in the old church was very beautiful.",
    "She reads a new book every week during the long summer holidays by the sea.",
    "Thank you for coming, and have a safe trip home.",
    "The doctor will see you again in two weeks, on Tuesday.",
    "Our team finished the project earlier than we planned.",
]
WARMUP = "This sentence only warms up the model before the timing starts."


def _busy_s() -> float:
    """CPU seconds the whole machine has spent busy (all cores)."""
    import psutil

    t = psutil.cpu_times()
    return sum(t) - t.idle - getattr(t, "iowait", 0.0)


def _tree_s(tree: dict) -> float:
    """CPU seconds of this process and every process under it (kept in `tree` so a process
    that ended keeps its last count; reaped children count in their parent's children_*)."""
    import psutil

    me = psutil.Process()
    for proc in [me, *me.children(recursive=True)]:
        try:
            t = proc.cpu_times()
            tree[proc.pid] = t.user + t.system + t.children_user + t.children_system
        except psutil.Error:
            pass
    return sum(tree.values())


class OtherCpu:
    """CPU seconds that processes outside this bench used during a `with` block: other work on
    a shared machine skews the numbers, concurrency 2 most."""

    def __enter__(self):
        self.tree: dict = {}
        self.busy0, self.mine0, self.t0 = _busy_s(), _tree_s(self.tree), time.monotonic()
        return self

    def __exit__(self, *exc) -> None:
        wall = time.monotonic() - self.t0
        self.seconds = max(0.0, (_busy_s() - self.busy0) - (_tree_s(self.tree) - self.mine0))
        self.cores = self.seconds / wall if wall else 0.0


def make_clips(folder: Path, count: int):
    """[(name, seconds, audio)] of different sentences, 3-6 s each."""
    from speech import decode_audio, speak

    from desktop_app.core.media import SAMPLE_RATE

    clips = []
    for i, text in enumerate(SENTENCES[:count]):
        audio = decode_audio(speak(text, folder / f"clip-{i:02d}.wav"))
        seconds = len(audio) / SAMPLE_RATE
        assert 3.0 <= seconds <= 6.0, f"{text!r} is {seconds:.1f} s"
        clips.append((f"clip-{i:02d}", seconds, audio))
    warm = decode_audio(speak(WARMUP, folder / "warmup.wav"))
    return clips, warm


def timed(fn, audio) -> tuple[float, str]:
    started = time.monotonic()
    transcript = fn(audio)
    return time.monotonic() - started, transcript.text.strip()


def run_local(jobs, warm, model, options) -> dict:
    from desktop_app.core.engine import EngineClient

    with EngineClient() as engine:
        def job(audio):
            return engine.transcribe(audio, model, options, device="cpu")

        warm_s, _ = timed(job, warm)
        started = time.monotonic()
        per_job, texts = [], []
        for _, _, audio in jobs:
            seconds, text = timed(job, audio)
            per_job.append(seconds)
            texts.append(text)
        wall = time.monotonic() - started
    return {"warm_s": warm_s, "per_job": per_job, "wall": wall, "texts": texts}


def run_server(url: str, jobs, warm, options, threads: int) -> dict:
    from desktop_app.core.remote.remote_client import RemoteEngineClient

    model = SimpleNamespace(name="tiny.en")
    clients = [RemoteEngineClient(url) for _ in range(threads)]
    try:
        # warm-up: one job per pool process, sent at once (prefetch multiplier 1: one each)
        warm_times: list[float] = [0.0] * threads

        def warm_one(i: int) -> None:
            warm_times[i], _ = timed(lambda a: clients[i].transcribe(a, model, options), warm)

        workers = [threading.Thread(target=warm_one, args=(i,)) for i in range(threads)]
        for t in workers:
            t.start()
        for t in workers:
            t.join()

        todo: queue.Queue = queue.Queue()
        for index, clip in enumerate(jobs):
            todo.put((index, clip))
        per_job: list[float] = [0.0] * len(jobs)
        texts: list[str] = [""] * len(jobs)
        errors: list[BaseException] = []

        def drain(client) -> None:
            while True:
                try:
                    index, (_, _, audio) = todo.get_nowait()
                except queue.Empty:
                    return
                try:
                    per_job[index], texts[index] = timed(lambda a: client.transcribe(a, model, options), audio)
                except BaseException as exc:  # noqa: BLE001 - reported after the run
                    errors.append(exc)
                    return

        started = time.monotonic()
        workers = [threading.Thread(target=drain, args=(c,)) for c in clients]
        for t in workers:
            t.start()
        for t in workers:
            t.join()
        wall = time.monotonic() - started
        if errors:
            raise errors[0]
    finally:
        for c in clients:
            c.close()
    return {"warm_s": max(warm_times), "per_job": per_job, "wall": wall, "texts": texts}


def server_side(log_text: str) -> tuple[list[float], list[float], Counter]:
    """From the server's log: Celery's "succeeded in X s" per task, the engine worker's
    "done in X s" per job, and how many tasks each pool process (by pid) ran."""
    tasks = re.findall(r"^\S+ \S+ (\d+) INFO celery\.app\.trace: Task \S+ succeeded in ([0-9.]+)s", log_text, re.M)
    engine = re.findall(r"^\S+ \S+ \d+ INFO desktop_app\.core\.engine\.worker: .* done in ([0-9.]+) s", log_text, re.M)
    return [float(t) for _, t in tasks], [float(e) for e in engine], Counter(pid for pid, _ in tasks)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=12, help=f"clips (at most {len(SENTENCES)})")
    parser.add_argument("--rounds", type=int, default=3, help="passes over the clips in each run (default 3)")
    parser.add_argument("--keep", action="store_true", help="keep the temp folder (home, clips, server logs)")
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="daredevil-bench11-"))
    home = work / "home"
    home.mkdir()
    os.environ["DAREDEVIL_HOME"] = str(home)  # the bench's, the servers' and the engine's home

    from model_fixtures import install_tiny_en
    from server.conftest import Redis, Server

    from desktop_app.core.options import TranscribeOptions

    options = TranscribeOptions(language="en", beam_size=1, best_of=1, temperatures=(0.0,), engine="faster-whisper",
                                compute_type="int8")  # fmt: skip
    model = install_tiny_en()
    clips, warm = make_clips(work, args.files)
    jobs = clips * args.rounds
    audio_s = sum(s for _, s, _ in clips)

    results: dict[str, dict] = {}
    with OtherCpu() as other:
        results["local"] = run_local(jobs, warm, model, options)
    results["local"]["other"] = other
    print(f"local done: {results['local']['wall']:.1f} s", file=sys.stderr)

    redis = Redis(work)
    redis.start()
    servers: list[Server] = []
    try:
        for concurrency in (1, 2):
            server = Server(redis.url, home, work / f"server-c{concurrency}.log", concurrency, [])
            servers.append(server)
            try:
                with OtherCpu() as other:
                    result = run_server(redis.url, jobs, warm, options, threads=concurrency)
            finally:
                server.stop()
            result["other"] = other
            tasks, engine, by_process = server_side(server.text())
            assert len(tasks) == len(jobs) + concurrency, (len(tasks), server.text()[-2000:])
            result.update(task_s=tasks[concurrency:], engine_s=engine[concurrency:], by_process=by_process)
            results[f"c{concurrency}"] = result
            print(f"c{concurrency} done: {result['wall']:.1f} s; tasks per pool process (pid: count, with the "
                  f"warm-up) {dict(by_process)}", file=sys.stderr)  # fmt: skip
    finally:
        for server in servers:
            server.stop()
        redis.stop()
        if args.keep:
            print(f"kept {work}", file=sys.stderr)
        else:
            shutil.rmtree(work, ignore_errors=True)

    n = len(clips)
    for name, r in results.items():
        print(f"{name}: " + " | ".join(r["texts"][:n]), file=sys.stderr)
    local_texts = results["local"]["texts"]
    differ = {k: sum(a != b for a, b in zip(local_texts, results[k]["texts"])) for k in ("c1", "c2")}
    local_mean = statistics.mean(results["local"]["per_job"])

    command = shlex.join([Path(sys.executable).name, *sys.argv])
    print(f"Date: {datetime.now().astimezone():%Y-%m-%d %H:%M %Z}; command: `{command}`; {n} clips x "
          f"{args.rounds} rounds = {len(jobs)} timed jobs per run; {audio_s:.1f} s of audio per round "
          f"({min(s for _, s, _ in clips):.1f}-{max(s for _, s, _ in clips):.1f} s each); "
          f"{os.cpu_count()} CPU cores; tiny.en, faster-whisper int8, greedy\n")  # fmt: skip
    print("| Run | Client threads | Warm-up (s) | Wall (s) | Jobs/min | Client s/job (mean ± sd) | "
          "Celery task s/job | Engine s/job | Client s/job − local | Other processes' CPU (cores) |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    rows = [("Local EngineClient", "local", 1), ("Server --concurrency 1", "c1", 1),
            ("Server --concurrency 2", "c2", 2)]  # fmt: skip
    for label, key, threads in rows:
        r = results[key]
        mean, sd = statistics.mean(r["per_job"]), statistics.stdev(r["per_job"])
        task_s = f"{statistics.mean(r['task_s']):.2f}" if r.get("task_s") else "-"
        engine_s = f"{statistics.mean(r['engine_s']):.2f}" if r.get("engine_s") else "-"
        overhead = "-" if key == "local" else f"{mean - local_mean:+.2f}"
        print(f"| {label} | {threads} | {r['warm_s']:.1f} | {r['wall']:.1f} | {60 * len(jobs) / r['wall']:.1f} | "
              f"{mean:.2f} ± {sd:.2f} | {task_s} | {engine_s} | {overhead} | {r['other'].cores:.2f} |")  # fmt: skip
    c1, c2 = results["c1"], results["c2"]
    paired = [a - b for a, b in zip(c1["per_job"], results["local"]["per_job"])]
    print(f"\nBroker overhead (concurrency 1, same files): mean {statistics.mean(paired):+.2f} s/job, median "
          f"{statistics.median(paired):+.2f} s/job; client minus Celery task time (send, queue, result polling "
          f"every 0.2 s): {statistics.mean(c1['per_job']) - statistics.mean(c1['task_s']):.2f} s/job. "
          f"Concurrency 2 vs 1: {c1['wall'] / c2['wall']:.2f}x the throughput; tasks per pool process: "
          f"{sorted(c2['by_process'].values())}. Transcripts that differ from the local one (of {len(jobs)}): "
          f"concurrency 1: {differ['c1']}, concurrency 2: {differ['c2']}.")  # fmt: skip


if __name__ == "__main__":
    main()
