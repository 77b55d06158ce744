"""Run blocking work on a QThreadPool and hand its outcome back to the GUI thread.

After MusicBrainz Picard's `run_task`: one small typed helper serves every background
step. The function runs in a pool thread; `on_done(result, error)` always runs on the
GUI thread, through a queued signal, with exactly one of the two set.

A callback that raises is a bug. It is logged as CALLBACK_FAILED (the test suite fails
on that line), and its `on_error` hears of it, so that a job whose callback broke is
failed with a message instead of waiting forever.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Generic, TypeVar

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, QRunnable, Qt, QThread, QThreadPool, Signal, Slot

log = logging.getLogger(__name__)

T = TypeVar("T")
DoneCallback = Callable[[T | None, BaseException | None], None]
ErrorCallback = Callable[[BaseException], None]
CALLBACK_FAILED = "A callback on the GUI thread failed"


class _Dispatcher(QObject):
    """Lives in the GUI thread and runs the callables posted to it, in order."""

    posted = Signal(object, object)  # the call, its error handler (or None)

    def __init__(self) -> None:
        super().__init__()
        # Queued even from the GUI thread itself, so a callback never re-enters its caller.
        self.posted.connect(self._run, Qt.ConnectionType.QueuedConnection)

    @Slot(object, object)
    def _run(self, call: Callable[[], None], on_error: ErrorCallback | None) -> None:
        call_guarded(call, on_error)


def call_guarded(call: Callable[[], None], on_error: ErrorCallback | None = None) -> None:
    """Run a GUI-thread callback: an exception is logged as CALLBACK_FAILED and handed to `on_error`."""
    try:
        call()
    except Exception as exc:  # the event loop goes on; the error is reported, not dropped
        log.error(CALLBACK_FAILED, exc_info=exc)
        if on_error is not None:
            try:
                on_error(exc)
            except Exception:
                log.exception("%s, and so did its error handler", CALLBACK_FAILED)


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


def post_to_gui(call: Callable[[], None], on_error: ErrorCallback | None = None) -> None:
    """Run `call()` on the GUI thread at its next event-loop turn (safe from any thread).

    If it raises, the error is logged and handed to `on_error`, also on the GUI thread."""
    _gui_dispatcher().posted.emit(call, on_error)


class _Task(QRunnable, Generic[T]):
    def __init__(self, func: Callable[[], T], on_done: DoneCallback[T] | None, on_error: ErrorCallback | None,
                 context: QObject | None) -> None:  # fmt: skip
        super().__init__()
        self.setAutoDelete(True)
        self._func, self._on_done, self._on_error, self._context = func, on_done, on_error, context

    def run(self) -> None:
        func, on_done, context = self._func, self._on_done, self._context
        try:
            result: T | None = func()
            error: BaseException | None = None
        except BaseException as exc:  # handed to on_done, which decides what it means
            result, error = None, exc
        if on_done is None:
            if error is not None:
                log.error("A background task failed", exc_info=error)
            return

        def deliver() -> None:
            if context is None or shiboken6.isValid(context):  # a closed dialog no longer listens
                on_done(result, error)

        post_to_gui(deliver, self._on_error)


def run_task(
    func: Callable[[], T],
    on_done: DoneCallback[T] | None = None,
    pool: QThreadPool | None = None,
    *,
    on_error: ErrorCallback | None = None,
    context: QObject | None = None,
) -> None:
    """Run `func()` on `pool` (the global pool by default); then `on_done(result, error)` on the GUI thread.

    `on_error` hears of an exception `on_done` raises; with a `context`, `on_done` is skipped
    once that object has been deleted."""
    _gui_dispatcher()  # created on the GUI thread before any worker needs it
    (pool or QThreadPool.globalInstance()).start(_Task(func, on_done, on_error, context))
