"""A bug in a GUI-thread callback is logged, fails its job with a message, and the queue goes on.

The bug is real: a pipeline (given to the controller through its `make_pipeline` seam) that
breaks its contract by reporting the extraction stage without the checked file it belongs to.
"""

from __future__ import annotations

import shutil
import threading

from PySide6.QtCore import QThreadPool

from desktop_app.core.errors import CancelledError
from desktop_app.core.jobs import JobStatus
from desktop_app.core.pipeline import Pipeline
from desktop_app.runner.controller import QueueController
from desktop_app.runner.tasks import CALLBACK_FAILED, run_task

WAIT_MS = 60_000


class StageWithoutFile(Pipeline):
    """For files named bug*: says "extracting" with no PreparedJob, then waits to be cancelled."""

    stopped = threading.Event()

    def prepare_and_extract(self, path, cancel=None, on_stage=None, on_notice=None):
        if not path.name.startswith("bug"):
            return super().prepare_and_extract(path, cancel, on_stage, on_notice)
        on_stage(JobStatus.EXTRACTING, None)
        if cancel.wait(WAIT_MS / 1000):
            StageWithoutFile.stopped.set()
        raise CancelledError("Cancelled.")


def test_a_callback_bug_fails_its_job_and_the_queue_goes_on(qtbot, bare_home, english_wav, tmp_path,
                                                             expect_callback_errors):  # fmt: skip
    bug = tmp_path / "bug.wav"
    shutil.copy(english_wav, bug)
    not_media = tmp_path / "notes.mp3"
    not_media.write_text("plain text, not audio\n" * 20)
    controller = QueueController(paths=bare_home, make_pipeline=StageWithoutFile)
    try:
        with qtbot.waitSignal(controller.queue_idle, timeout=WAIT_MS):
            bug_id, other_id = controller.add_paths([bug, not_media])
        job = controller.job(bug_id)
        assert job.status == JobStatus.FAILED
        assert job.error == "Something unexpected went wrong (AssertionError). The job's log has the details."
        assert any("Unexpected error: AssertionError" in line for line in controller.logs(bug_id))
        qtbot.waitUntil(StageWithoutFile.stopped.is_set, timeout=WAIT_MS)  # the failed job's step was stopped
        assert controller.job(other_id).status == JobStatus.FAILED  # checked and refused as usual
        assert "bug.wav" not in (controller.job(other_id).error or "")
    finally:
        controller.shutdown()
    [record] = expect_callback_errors
    assert record.getMessage() == CALLBACK_FAILED and record.exc_info[0] is AssertionError


def test_a_raising_done_callback_is_reported_to_its_error_handler(qtbot, expect_callback_errors):
    pool = QThreadPool()
    handled: list[BaseException] = []

    def done(result, error):
        raise ValueError(f"bug with {result}")

    run_task(lambda: 42, done, pool, on_error=handled.append)
    qtbot.waitUntil(lambda: bool(handled), timeout=5000)
    pool.waitForDone()
    assert [str(e) for e in handled] == ["bug with 42"]
    assert len(expect_callback_errors) == 1
