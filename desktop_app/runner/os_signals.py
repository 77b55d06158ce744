"""SIGTERM, SIGHUP and SIGINT as a Qt signal on the GUI thread, so the window can quit cleanly.

Python runs signal handlers only between bytecodes of the main thread, and a Qt event
loop can sit in C++ for as long as no event arrives. `signal.set_wakeup_fd` makes the C
handler write the signal's number to a socket; a QSocketNotifier on the other end wakes
the event loop, which reads the numbers and emits `received`.
"""

from __future__ import annotations

import logging
import signal
import socket

from PySide6.QtCore import QObject, QSocketNotifier, Signal

log = logging.getLogger(__name__)

QUIT_SIGNALS = tuple(getattr(signal, n) for n in ("SIGTERM", "SIGHUP", "SIGINT") if hasattr(signal, n))


class SignalWatcher(QObject):
    """Emits `received(signum)` on the GUI thread for each of `signals` (install from it)."""

    received = Signal(int)

    def __init__(self, signals: tuple[int, ...] = QUIT_SIGNALS, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._reader, self._writer = socket.socketpair()
        for end in (self._reader, self._writer):
            end.setblocking(False)
        self._old_fd = signal.set_wakeup_fd(self._writer.fileno(), warn_on_full_buffer=False)
        # a Python-level handler must exist, or the default action ends the process at once
        self._old = {sig: signal.signal(sig, _note) for sig in signals}
        self._notifier = QSocketNotifier(self._reader.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._read)

    def _read(self) -> None:
        try:
            data = self._reader.recv(256)
        except (BlockingIOError, InterruptedError):
            return
        for signum in data:
            if signum in self._old:
                self.received.emit(signum)

    def close(self) -> None:
        """Put the previous handlers back; idempotent."""
        if not self._old:
            return
        self._notifier.setEnabled(False)
        for sig, handler in self._old.items():
            signal.signal(sig, handler if handler is not None else signal.SIG_DFL)
        self._old = {}
        signal.set_wakeup_fd(self._old_fd)
        self._reader.close()
        self._writer.close()


def _note(signum: int, _frame: object) -> None:
    log.info("Received %s", signal.Signals(signum).name)
