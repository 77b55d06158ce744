"""A child process that spins on the CPU, sends nothing and reads nothing: only a parent watch can end it."""

from __future__ import annotations

import os
import sys


def spin_watching_parent() -> None:
    """Watch the parent (lifetime.watch_parent), then spin until killed."""
    from desktop_app.core.lifetime import watch_parent

    watch_parent()
    print(os.getpid(), flush=True)
    while True:
        pass


def start_spinner_and_wait() -> None:
    """In a parent: start spin_watching_parent as a spawn child, print its pid, then sleep."""
    import multiprocessing
    import time

    child = multiprocessing.get_context("spawn").Process(target=spin_watching_parent, daemon=True)
    child.start()
    print(child.pid, flush=True)
    time.sleep(600)


if __name__ == "__main__":
    sys.exit(spin_watching_parent())
