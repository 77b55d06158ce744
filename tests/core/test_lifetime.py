"""Children die with the app: the parent watch on its own, and a worker forked for the app's lifetime."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from pathlib import Path

import psutil
import pytest

from desktop_app.core.lifetime import start_child
from lifetime_checks import GONE_WITHIN_S

TESTS = Path(__file__).resolve().parents[1]
REPO = TESTS.parent
PARENT_SCRIPTS = {
    # the child is a plain subprocess: the watch polls the parent pid
    "subprocess": (
        "import subprocess, sys, time\n"
        "child = subprocess.Popen([sys.executable, '-m', 'busy_child'], stdout=subprocess.PIPE, text=True)\n"
        "print(child.stdout.readline().strip(), flush=True)\n"
        "time.sleep(600)\n"
    ),
    # the child is a multiprocessing spawn child: the watch waits on the parent sentinel
    "multiprocessing": "import busy_child\nbusy_child.start_spinner_and_wait()\n",
}


@pytest.mark.parametrize("kind", sorted(PARENT_SCRIPTS))
def test_the_parent_watch_ends_a_busy_child_when_the_parent_is_killed(kind):
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(REPO), str(TESTS)])}
    parent = subprocess.Popen([sys.executable, "-c", PARENT_SCRIPTS[kind]], stdout=subprocess.PIPE,
                              text=True, env=env, cwd=TESTS)  # fmt: skip
    try:
        child = psutil.Process(int(parent.stdout.readline()))
        assert child.status() != psutil.STATUS_ZOMBIE
        parent.kill()
        parent.wait()
        _gone, alive = psutil.wait_procs([child], timeout=GONE_WITHIN_S)
        for proc in alive:
            proc.kill()
        assert not alive, "the busy child outlived its killed parent"
    finally:
        if parent.poll() is None:
            parent.kill()
            parent.wait()
        parent.stdout.close()


def test_start_child_runs_on_one_lasting_thread_and_hands_back_results_and_errors():
    threads = {start_child(lambda: threading.current_thread().ident) for _ in range(3)}
    assert len(threads) == 1 and threading.get_ident() not in threads
    with pytest.raises(ZeroDivisionError):
        start_child(lambda: 1 / 0)
    assert start_child(lambda: threading.current_thread().ident) in threads  # the thread survived the error


@pytest.mark.heavy
def test_a_worker_started_from_a_thread_that_ends_lives_on():
    """PR_SET_PDEATHSIG fires when the forking *thread* ends: a pool thread that retires must not
    take the worker with it."""
    from desktop_app.core.engine import EngineClient

    with EngineClient() as client:
        first: list[int] = []
        starter = threading.Thread(target=lambda: first.append(client.status().pid))
        starter.start()
        starter.join()
        worker = psutil.Process(first[0])
        assert client.status().pid == worker.pid  # the same worker answers after its thread is gone
        assert worker.status() != psutil.STATUS_ZOMBIE
