"""A work-around for PySide6 6.12.0: `SignalInstance.emit()` returns True without taking a
reference to it, so every emit from Python drops one reference to True. After some thousands
of emits (a long transcription's progress, a few minutes of playback) Python aborts with
"bool_dealloc: deallocating True or False".

`install()` checks for the bug on a throw-away signal and, only where it is found, wraps
`emit` so the missing reference is taken. Imported by `desktop_app.runner` (and so by the ui).
"""

from __future__ import annotations

import ctypes
import sys

from PySide6.QtCore import QObject, Signal, SignalInstance

_installed = False


class _Probe(QObject):
    ping = Signal()


def _emit_drops_true() -> bool:
    probe = _Probe()
    before = sys.getrefcount(True)
    for _ in range(8):
        probe.ping.emit()
    return sys.getrefcount(True) < before - 4


def install() -> bool:
    """Patch `SignalInstance.emit` if this PySide6 has the bug; True when patched."""
    global _installed
    if _installed or not _emit_drops_true():
        return _installed
    original = SignalInstance.emit
    incref = ctypes.pythonapi.Py_IncRef
    incref.argtypes = [ctypes.py_object]
    incref.restype = None

    def emit(self, *args):
        result = original(self, *args)
        if result is True:
            incref(True)  # the reference emit() should have returned
        return result

    SignalInstance.emit = emit
    _installed = True
    return True


install()
