"""Run blocking work on a QThreadPool and hand its outcome back to the GUI thread.

After MusicBrainz Picard's `run_task`: one small typed helper serves every background
step. The function runs in a pool thread; `on_done(result, error)` always runs on the
GUI thread, through a queued signal, with exactly one of the two set.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Generic, TypeVar

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, Qt, QThread, QThreadPool, Signal, Slot

log = logging.getLogger(__name__)

T = TypeVar("T")
DoneCallback = Callable[[T | None, BaseException | None], None]


class _Dispatcher(QObject):
    """Lives in the GUI thread and runs the callables posted to it, in order."""

    posted = Signal(object)

    def __init__(self) -> None:
        super().__init__()
        # Queued even from the GUI thread itself, so a callback never re-enters its caller.
        self.posted.connect(self._run, Qt.ConnectionType.QueuedConnection)

    @Slot(object)
    def _run(self, call: Callable[[], None]) -> None:
        try:
            call()
        except Exception:  # a bug in a callback must not take the event loop down
            log.exception("A callback posted to the GUI thread failed")


_dispatcher: _Dispatcher | None = None


def _gui_dispatcher() -> _Dispatcher:
    global _dispatcher
    if _dispatcher is None:
        app = QCoreApplication.instance()
        if app is None:
            raise RuntimeError("run_task needs a QApplication")
        dispatcher = _Dispatcher()
        if QThread.currentThread() is not app.thread():
            dispatcher.moveToThread(app.thread())
        _dispatcher = dispatcher
    return _dispatcher


def post_to_gui(call: Callable[[], None]) -> None:
    """Run `call()` on the GUI thread at its next event-loop turn (safe from any thread)."""
    _gui_dispatcher().posted.emit(call)


class _Task(QRunnable, Generic[T]):
    def __init__(self, func: Callable[[], T], on_done: DoneCallback[T] | None) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._func = func
        self._on_done = on_done

    def run(self) -> None:
        func, on_done = self._func, self._on_done
        try:
            result: T | None = func()
            error: BaseException | None = None
        except BaseException as exc:  # handed to on_done, which decides what it means
            result, error = None, exc
        if on_done is None:
            if error is not None:
                log.error("A background task failed", exc_info=error)
            return
        post_to_gui(lambda: on_done(result, error))


def run_task(
    func: Callable[[], T],
    on_done: DoneCallback[T] | None = None,
    pool: QThreadPool | None = None,
    priority: int = 0,
) -> None:
    """Run `func()` on `pool` (the global pool by default); then `on_done(result, error)` on the GUI thread."""
    _gui_dispatcher()  # created on the GUI thread before any worker needs it
    (pool or QThreadPool.globalInstance()).start(_Task(func, on_done), priority)
