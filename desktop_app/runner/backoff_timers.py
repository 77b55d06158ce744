"""The timers of jobs that wait out a retry backoff: one single-shot QTimer per job."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer

from desktop_app.runner.tasks import ErrorCallback, call_guarded


class BackoffTimers(QObject):
    """Calls `on_due(job_id)` once a job's backoff is over; a bug in it goes to `on_error(job_id)`."""

    def __init__(self, on_due: Callable[[str], None], on_error: Callable[[str], ErrorCallback],
                 parent: QObject | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self._on_due, self._on_error = on_due, on_error
        self._timers: dict[str, QTimer] = {}

    def __bool__(self) -> bool:
        """Whether any job waits out a backoff."""
        return bool(self._timers)

    def start(self, job_id: str, delay_s: float) -> None:
        self.stop(job_id)
        timer = QTimer(self)
        timer.setSingleShot(True)
        timer.timeout.connect(lambda: call_guarded(lambda: self._due(job_id), self._on_error(job_id)))
        self._timers[job_id] = timer
        timer.start(int(delay_s * 1000))

    def stop(self, job_id: str) -> None:
        timer = self._timers.pop(job_id, None)
        if timer is not None:
            timer.stop()
            timer.deleteLater()

    def _due(self, job_id: str) -> None:
        self.stop(job_id)
        self._on_due(job_id)
