"""Run one model operation in a spawned child process, so torch never loads into the caller.

The window imports and downloads models; making a CTranslate2 form from a ``.pt`` reads it
with torch (over a second and ~300 MB). The child is spawned, not forked (a fork of a Qt
process is unsafe), dies with its parent (PR_SET_PDEATHSIG on Linux, and it is a daemon),
and is killed when the caller cancels. Its result, or its exception, comes back pickled.
"""

from __future__ import annotations

import multiprocessing
import signal
import sys
import threading
from typing import Any, Callable, TypeVar

from desktop_app.core.errors import CancelledError
from desktop_app.core.models.errors import ModelError

T = TypeVar("T")
POLL_S = 0.1
_PR_SET_PDEATHSIG = 1


def _die_with_parent() -> None:
    if sys.platform.startswith("linux"):
        import ctypes

        try:
            ctypes.CDLL("libc.so.6", use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
        except OSError:
            pass  # no libc by that name: the daemon flag and the pipe still end us


def _child_main(conn: Any, fn: Callable[..., Any], args: tuple, kwargs: dict) -> None:
    _die_with_parent()
    try:
        result: tuple[bool, Any] = (True, fn(*args, **kwargs))
    except BaseException as exc:  # noqa: BLE001 - everything goes back to the parent
        result = (False, exc)
    try:
        conn.send(result)
    except Exception:  # a value that doesn't pickle: send its text
        conn.send((False, ModelError(f"{type(result[1]).__name__}: {result[1]}")))
    finally:
        conn.close()


def call_in_child(fn: Callable[..., T], *args: Any, cancel: threading.Event | None = None, **kwargs: Any) -> T:
    """``fn(*args, **kwargs)`` in a spawned process; its exception is re-raised here.

    ``fn`` must be a module-level function. Setting ``cancel`` kills the child and raises
    CancelledError."""
    ctx = multiprocessing.get_context("spawn")
    receive, send = ctx.Pipe(duplex=False)
    process = ctx.Process(
        target=_child_main, args=(send, fn, args, kwargs), daemon=True, name="daredevil-model-task"
    )
    process.start()
    send.close()
    cancelled = False
    try:
        while not receive.poll(POLL_S):  # an answer, or the pipe closing when the child ends
            if cancel is not None and cancel.is_set():
                cancelled = True
                raise CancelledError("The model operation was cancelled.")
        try:
            ok, value = receive.recv()
        except EOFError:
            process.join(timeout=5.0)
            raise ModelError(
                f"The model conversion process ended unexpectedly (exit code {process.exitcode}). "
                "Check that the disk has room and try again; the log has details."
            ) from None
    finally:
        if process.is_alive() and not cancelled:
            process.join(timeout=5.0)  # it has sent its answer and is exiting
        if process.is_alive():
            process.kill()
        process.join()
        receive.close()
    if ok:
        return value
    raise value
