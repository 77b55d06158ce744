"""Quitting mid-job with a hung engine, and a history that can't be written, with real processes."""

from __future__ import annotations

import os
import signal

import psutil
import pytest

from desktop_app.core.jobs import JobStatus
from desktop_app.core.store import JobStore
from desktop_app.runner.controller import QueueController
from desktop_app.ui.main_window import MainWindow
from runner.qt_support import WAIT_JOB_MS

pytestmark = pytest.mark.heavy  # how long quitting takes: bench/fault_timings.py


def test_quitting_with_a_hung_engine_hides_the_window_first_and_leaves_no_worker(qtbot, fresh_home, paragraph_wav):
    controller = QueueController(paths=fresh_home)
    window = MainWindow(controller)
    window.show()
    qtbot.waitExposed(window)
    [job_id] = controller.add_paths([paragraph_wav])
    qtbot.waitUntil(lambda: controller.job(job_id).status == JobStatus.TRANSCRIBING, timeout=WAIT_JOB_MS)
    qtbot.waitUntil(lambda: controller.pipeline.engine.worker_pid is not None, timeout=10_000)
    worker = psutil.Process(controller.pipeline.engine.worker_pid)
    os.kill(worker.pid, signal.SIGSTOP)  # the engine stops answering anything
    visible_while_stopping = []
    controller.job_changed.connect(lambda _id: visible_while_stopping.append(window.isVisible()))
    window.close_without_asking()
    assert visible_while_stopping and not any(visible_while_stopping), "the window stayed up while quitting"
    assert not worker.is_running() or worker.status() == psutil.STATUS_ZOMBIE
    with JobStore(fresh_home.store_file) as store:
        [job] = store.all()
    assert job.status == JobStatus.QUEUED  # runs again at the next launch


def test_queue_finishes_when_the_history_can_no_longer_be_written(qtbot, fresh_home, english_media):
    controller = QueueController(paths=fresh_home)
    notices = []
    controller.notice.connect(notices.append)
    try:
        ids = controller.add_paths([english_media["wav"], english_media["mp3"]])
        qtbot.waitUntil(lambda: controller.job(ids[0]).status == JobStatus.TRANSCRIBING, timeout=WAIT_JOB_MS)
        controller.queue.store._conn.close()  # every write from now on fails with sqlite3.ProgrammingError
        qtbot.waitUntil(controller.is_idle, timeout=WAIT_JOB_MS)
        finished = {JobStatus.DONE, JobStatus.CACHED}  # the second may or may not come from the cache
        assert all(controller.job(i).status in finished for i in ids), [controller.job(i).error for i in ids]
        assert len(notices) == 1 and "history" in notices[0]
        assert controller.transcript_for(ids[0]) is not None  # reads fall back to what is in memory
    finally:
        controller.shutdown()
