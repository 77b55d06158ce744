"""PySide6 6.12.0's emit() drops a reference to True on every call; ours must not (a long
session would abort with "bool_dealloc"). See desktop_app/runner/signal_refcount_fix.py."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal

import desktop_app.runner  # noqa: F401  (installs the fix)


class _Ticker(QObject):
    tick = Signal(float)
    done = Signal()


def test_many_emits_keep_true_alive(qapp):
    ticker = _Ticker()
    seen = []
    ticker.tick.connect(seen.append)
    before = sys.getrefcount(True)
    for i in range(20_000):  # more than the references True has in a fresh interpreter
        ticker.tick.emit(i / 10)
        ticker.done.emit()
    assert len(seen) == 20_000
    assert abs(sys.getrefcount(True) - before) < 200
