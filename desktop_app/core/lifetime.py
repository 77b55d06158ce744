"""Processes we start die with us: the engine worker, ffmpeg, and on Windows everything else.

Three mechanisms, because no one of them covers every way the app can end:

* Linux: ``prctl(PR_SET_PDEATHSIG, SIGKILL)``. The kernel kills the child when the thread
  that forked it ends, even after kill -9 of the app. It is set in ffmpeg between fork and
  exec (`child_preexec`), and by the worker itself at start (`die_with_parent`). Since the
  "parent" is a thread, not the process, the worker is forked from `start_child`'s thread,
  which lives as long as the app; a pool thread that retires would take the worker with it.
* Every OS: a thread in the worker waits on multiprocessing's parent sentinel (a pipe the
  parent holds open; on Windows the parent's process handle) and, lacking one, polls the
  parent pid; when the parent is gone the worker exits at once.
* Windows: the app puts itself in a job object with kill-on-close (`kill_children_on_exit`),
  so the OS ends every process of the job when the app's last handle closes. Written from
  the Win32 documentation; not run on our Linux machines.

multiprocessing's resource tracker needs nothing of its own: it exits (unlinking any shared
memory and semaphores left registered) once every process holding its pipe, the app and the
worker, is gone.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import logging
import multiprocessing
import os
import queue
import signal
import sys
import threading
import time
from collections.abc import Callable
from typing import Any, TypeVar

log = logging.getLogger(__name__)

T = TypeVar("T")

PR_SET_PDEATHSIG = 1  # <linux/prctl.h>
PARENT_POLL_S = 0.5  # the fallback watch; the sentinel wakes the watcher at once
EXIT_PARENT_GONE = 70  # the worker's exit status when it outlived the app


def _load_prctl() -> Callable[..., int] | None:
    if not sys.platform.startswith("linux"):
        return None
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        prctl = libc.prctl
    except (OSError, AttributeError):
        return None
    prctl.argtypes = [ctypes.c_int, ctypes.c_ulong, ctypes.c_ulong, ctypes.c_ulong, ctypes.c_ulong]
    prctl.restype = ctypes.c_int
    return prctl


# Resolved once here: the preexec hook runs in a forked child, where loading a library
# is not safe.
_PRCTL = _load_prctl()


def set_parent_death_signal(sig: int = signal.SIGKILL if hasattr(signal, "SIGKILL") else 9) -> bool:
    """Ask Linux to send `sig` to this process when its parent thread ends; False elsewhere."""
    if _PRCTL is None:
        return False
    return _PRCTL(PR_SET_PDEATHSIG, int(sig), 0, 0, 0) == 0


def child_preexec() -> None:
    """`preexec_fn` for the programs we start (ffmpeg): killed when the app ends (Linux)."""
    set_parent_death_signal()


# --- the thread that forks long-lived children ------------------------------------------

_calls: "queue.Queue[tuple[Callable[[], Any], queue.Queue]]" = queue.Queue()
_starter: threading.Thread | None = None
_starter_lock = threading.Lock()


def _serve_calls() -> None:
    if hasattr(signal, "pthread_sigmask") and hasattr(signal, "SIGINT"):
        # inherited by what this thread forks: see die_with_parent
        signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    while True:
        func, reply = _calls.get()
        try:
            reply.put((True, func()))
        except BaseException as exc:  # noqa: BLE001 - handed back to the caller's thread
            reply.put((False, exc))


def start_child(start: Callable[[], T]) -> T:
    """Run `start()` (e.g. ``process.start``) on a thread that lives as long as the app.

    A child that set PR_SET_PDEATHSIG dies when the thread that forked it ends; forking from
    this one thread means "when the app ends", whichever thread asked for the child."""
    global _starter
    with _starter_lock:
        if _starter is None or not _starter.is_alive():
            _starter = threading.Thread(target=_serve_calls, name="child-starter", daemon=True)
            _starter.start()
    reply: queue.Queue = queue.Queue(maxsize=1)
    _calls.put((start, reply))
    ok, value = reply.get()
    if not ok:
        raise value
    return value


# --- in the worker: exit when the parent is gone ----------------------------------------


def die_with_parent() -> None:
    """Call first thing in a worker process: it ends (within a second) when the app does.

    Also ignores Ctrl+C: a terminal sends SIGINT to the whole process group, and the app,
    which owns the worker, decides how a job stops. (`start_child` forks with SIGINT
    blocked, so one that comes while the worker is still starting waits, and is dropped here.)"""
    parent = multiprocessing.parent_process()
    parent_pid = parent.pid if parent is not None and parent.pid else os.getppid()
    set_parent_death_signal()
    if hasattr(signal, "SIGINT") and threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        if hasattr(signal, "pthread_sigmask"):
            signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
    watch_parent(parent_pid)
    if os.name == "posix" and os.getppid() != parent_pid:  # the parent died before prctl
        os._exit(EXIT_PARENT_GONE)


def watch_parent(parent_pid: int | None = None) -> threading.Thread:
    """Start a daemon thread that ends this process as soon as its parent is gone (any OS).

    It waits on multiprocessing's parent sentinel when this is a multiprocessing child,
    and polls the parent pid either way."""
    parent_pid = os.getppid() if parent_pid is None else parent_pid
    sentinel = getattr(multiprocessing.parent_process(), "sentinel", None)
    watcher = threading.Thread(
        target=_watch_parent, args=(parent_pid, sentinel), name="parent-watch", daemon=True
    )
    watcher.start()
    return watcher


def _watch_parent(parent_pid: int, sentinel: Any) -> None:
    from multiprocessing.connection import wait

    while True:
        if sentinel is not None:
            try:
                if wait([sentinel], timeout=PARENT_POLL_S):
                    break  # the parent's end of the pipe closed, or its process handle fired
            except (OSError, ValueError):
                sentinel = None
        else:
            time.sleep(PARENT_POLL_S)
        if not _parent_alive(parent_pid):
            break
    os._exit(EXIT_PARENT_GONE)


def _parent_alive(parent_pid: int) -> bool:
    if os.name == "posix":
        return os.getppid() == parent_pid  # re-parented (to init or a subreaper) means gone
    import psutil

    return psutil.pid_exists(parent_pid)


# --- Windows: a job object that kills its processes when the app ends -------------------

_job_handle: int | None = None


def kill_children_on_exit() -> bool:
    """Windows: put this process in a kill-on-close job object, so every process it starts
    ends with it. Elsewhere a no-op (PR_SET_PDEATHSIG does that job). True when in force."""
    global _job_handle
    if os.name != "nt":
        return False
    if _job_handle is not None:
        return True
    try:
        _job_handle = _create_kill_on_close_job()
    except OSError as exc:  # e.g. already in a job that forbids nesting (pre-Windows 8)
        log.warning("Could not tie child processes to the app's lifetime: %s", exc)
        return False
    return True


def _create_kill_on_close_job() -> int:
    from ctypes import wintypes

    kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)  # type: ignore[attr-defined]

    class IO_COUNTERS(ctypes.Structure):
        _fields_ = [(name, ctypes.c_ulonglong) for name in (
            "ReadOperationCount", "WriteOperationCount", "OtherOperationCount",
            "ReadTransferCount", "WriteTransferCount", "OtherTransferCount")]  # fmt: skip

    class JOBOBJECT_BASIC_LIMIT_INFORMATION(ctypes.Structure):
        _fields_ = [
            ("PerProcessUserTimeLimit", ctypes.c_int64),
            ("PerJobUserTimeLimit", ctypes.c_int64),
            ("LimitFlags", wintypes.DWORD),
            ("MinimumWorkingSetSize", ctypes.c_size_t),
            ("MaximumWorkingSetSize", ctypes.c_size_t),
            ("ActiveProcessLimit", wintypes.DWORD),
            ("Affinity", ctypes.c_size_t),
            ("PriorityClass", wintypes.DWORD),
            ("SchedulingClass", wintypes.DWORD),
        ]

    class JOBOBJECT_EXTENDED_LIMIT_INFORMATION(ctypes.Structure):
        _fields_ = [
            ("BasicLimitInformation", JOBOBJECT_BASIC_LIMIT_INFORMATION),
            ("IoInfo", IO_COUNTERS),
            ("ProcessMemoryLimit", ctypes.c_size_t),
            ("JobMemoryLimit", ctypes.c_size_t),
            ("PeakProcessMemoryUsed", ctypes.c_size_t),
            ("PeakJobMemoryUsed", ctypes.c_size_t),
        ]

    JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE = 0x2000
    JOB_OBJECT_LIMIT_BREAKAWAY_OK = 0x0800  # children may still opt out explicitly
    JobObjectExtendedLimitInformation = 9

    kernel32.CreateJobObjectW.restype = wintypes.HANDLE
    kernel32.CreateJobObjectW.argtypes = [ctypes.c_void_p, wintypes.LPCWSTR]
    kernel32.SetInformationJobObject.argtypes = [wintypes.HANDLE, ctypes.c_int, ctypes.c_void_p, wintypes.DWORD]
    kernel32.AssignProcessToJobObject.argtypes = [wintypes.HANDLE, wintypes.HANDLE]
    kernel32.GetCurrentProcess.restype = wintypes.HANDLE

    job = kernel32.CreateJobObjectW(None, None)
    if not job:
        raise ctypes.WinError(ctypes.get_last_error())  # type: ignore[attr-defined]
    info = JOBOBJECT_EXTENDED_LIMIT_INFORMATION()
    info.BasicLimitInformation.LimitFlags = JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE | JOB_OBJECT_LIMIT_BREAKAWAY_OK
    if not kernel32.SetInformationJobObject(
        job, JobObjectExtendedLimitInformation, ctypes.byref(info), ctypes.sizeof(info)
    ):
        raise ctypes.WinError(ctypes.get_last_error())  # type: ignore[attr-defined]
    if not kernel32.AssignProcessToJobObject(job, kernel32.GetCurrentProcess()):
        raise ctypes.WinError(ctypes.get_last_error())  # type: ignore[attr-defined]
    return int(job)  # kept open on purpose: closing it (at our exit) kills the job's processes
