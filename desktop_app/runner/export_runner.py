"""Batch export in a pool thread, so the window keeps drawing while files are written.

`ExportRunner.start` remembers the plan and runs `export_batch` on a one-thread pool (two
exports never write at once). Progress, collision questions and the result come back as
signals on the GUI thread. A collision under the "ask" policy parks the worker on a
`CollisionQuestion` until the GUI answers it; cancelling answers "skip" for it.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QObject, QThreadPool, Signal

from desktop_app.core.subtitles.batch import BatchResult, ExportFailure, ExportJob, ExportPlan, export_batch, save_plan
from desktop_app.core.subtitles.export import CollisionPolicy
from desktop_app.runner.tasks import post_to_gui, run_task

log = logging.getLogger(__name__)


class CollisionQuestion:
    """An existing file the worker waits on: the GUI calls `answer(policy)` exactly once."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._answered = threading.Event()
        self._policy = CollisionPolicy.SKIP

    def answer(self, policy: CollisionPolicy) -> None:
        if not self._answered.is_set():
            self._policy = policy
            self._answered.set()

    def wait(self) -> CollisionPolicy:
        self._answered.wait()
        return self._policy


class ExportRunner(QObject):
    """Runs one batch export at a time off the GUI thread; every signal arrives on the GUI thread."""

    progress = Signal(int, int, str)  # jobs done, jobs in all, the job being written ("" at the end)
    collision = Signal(object)  # a CollisionQuestion, to answer with its answer()
    finished = Signal(object)  # the BatchResult

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        self._cancel = threading.Event()
        self._question: CollisionQuestion | None = None
        self.running = False

    def start(self, jobs: Sequence[ExportJob], plan: ExportPlan, plan_file: Path | None = None) -> None:
        """Remember `plan` at `plan_file`, then write every job's files; `finished` says how it went."""
        if self.running:
            raise RuntimeError("an export is already running")
        self.running = True
        self._cancel.clear()
        jobs = list(jobs)

        def work() -> BatchResult:
            if plan_file is not None:
                save_plan_quietly(plan, plan_file)
            return export_batch(jobs, plan, self._progress, self._decide)

        run_task(work, self._done, self.pool)

    def cancel(self) -> None:
        """Stop before the next job; a pending collision question is answered "skip"."""
        self._cancel.set()
        question = self._question
        if question is not None:
            question.answer(CollisionPolicy.SKIP)

    def wait(self, msecs: int = -1) -> bool:
        """Block until the worker is idle (for shutdown and tests); False on timeout."""
        return self.pool.waitForDone(msecs)

    # -- called in the worker -----------------------------------------------------------

    def _progress(self, done: int, total: int, name: str) -> bool:
        post_to_gui(lambda: self.progress.emit(done, total, name))
        return not self._cancel.is_set()

    def _decide(self, path: Path) -> CollisionPolicy:
        if self._cancel.is_set():
            return CollisionPolicy.SKIP
        question = CollisionQuestion(path)
        self._question = question
        if self._cancel.is_set():  # cancelled between the check and the line above
            return CollisionPolicy.SKIP
        post_to_gui(lambda: self.collision.emit(question))
        try:
            return question.wait()
        finally:
            self._question = None

    # -- back on the GUI thread ---------------------------------------------------------

    def _done(self, result: BatchResult | None, error: BaseException | None) -> None:
        self.running = False
        if result is None:
            log.error("The export stopped on an unexpected error", exc_info=error)
            result = BatchResult(failures=[ExportFailure("", None, f"The export stopped: {error}")])
        self.finished.emit(result)


def save_plan_quietly(plan: ExportPlan, path: Path) -> None:
    """Remember the choices; failing to is logged, never a reason to stop the export."""
    try:
        save_plan(plan, path)
    except OSError as exc:
        log.warning("Could not remember the export choices in %s: %s", path, exc)
