"""Ctrl+C, SIGTERM and SIGHUP stop the command cleanly, with the shell's exit codes.

The first signal raises `Interrupted` in the main thread, so every `finally` runs: ffmpeg
is killed, the worker stopped, shared memory and temp files removed. Later signals are
ignored while that clean-up (bounded by the engine's own timeouts) finishes.
"""

from __future__ import annotations

import signal

HANDLED = tuple(getattr(signal, name) for name in ("SIGINT", "SIGTERM", "SIGHUP") if hasattr(signal, name))


class Interrupted(KeyboardInterrupt):
    """The command was stopped by a signal; `exit_code` is 128 + its number, as shells report."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum

    @property
    def exit_code(self) -> int:
        return 128 + self.signum

    @property
    def signal_name(self) -> str:
        try:
            return signal.Signals(self.signum).name
        except ValueError:
            return f"signal {self.signum}"


def _raise_interrupted(signum: int, _frame: object) -> None:
    for sig in HANDLED:
        signal.signal(sig, signal.SIG_IGN)
    raise Interrupted(signum)


def stop_on_signals() -> None:
    """Turn SIGINT, SIGTERM and SIGHUP into `Interrupted` (call from the main thread)."""
    for sig in HANDLED:
        signal.signal(sig, _raise_interrupted)
