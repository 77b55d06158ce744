"""The queue controller with the real pipeline, the real tiny.en model and real files."""

from __future__ import annotations

import threading
from dataclasses import replace

import psutil
import pytest
from PySide6.QtCore import QThread, QThreadPool

from desktop_app.core.jobs import JobStatus
from desktop_app.core.settings import load_settings
from desktop_app.runner.controller import QueueController
from desktop_app.runner.tasks import run_task
from runner.qt_support import WAIT_JOB_MS
from speech import HELLO_WORDS

pytestmark = pytest.mark.heavy


@pytest.fixture
def controller(fresh_home):
    ctl = QueueController(paths=fresh_home)
    yield ctl
    ctl.shutdown()


def wait_status(qtbot, ctl, job_id, statuses, timeout=WAIT_JOB_MS):
    qtbot.waitUntil(lambda: ctl.job(job_id).status in statuses, timeout=timeout)
    return ctl.job(job_id)


def test_run_task_hands_result_and_error_to_gui_thread(qtbot):
    pool = QThreadPool()
    seen = []
    gui = QThread.currentThread()

    def done(result, error):
        seen.append((result, type(error).__name__ if error else None, QThread.currentThread() is gui))

    run_task(lambda: threading.current_thread().name != "MainThread", done, pool)
    run_task(lambda: 1 / 0, done, pool)
    qtbot.waitUntil(lambda: len(seen) == 2, timeout=5000)
    assert (True, None, True) in seen
    assert (None, "ZeroDivisionError", True) in seen
    pool.waitForDone()


def test_file_goes_through_to_transcript_then_cache(qtbot, controller, english_media):
    [job_id] = controller.add_paths([english_media["mp3"]])
    with qtbot.waitSignal(controller.queue_idle, timeout=WAIT_JOB_MS):
        pass
    job = controller.job(job_id)
    assert job.status == JobStatus.DONE, job.error
    text = job.transcript.text.lower()
    assert all(word in text for word in HELLO_WORDS), text
    assert job.duration_s and job.size_bytes and job.model == "tiny.en" and job.language == "en"
    logs = "\n".join(controller.logs(job_id))
    assert "Transcribing with tiny.en" in logs and "Done in" in logs
    assert controller.all_succeeded()

    # the same file again: the cache answers, the engine is not used
    controller.remove([job_id])
    [again] = controller.add_paths([english_media["mp3"]])
    job = wait_status(qtbot, controller, again, {JobStatus.CACHED, JobStatus.FAILED})
    assert job.status == JobStatus.CACHED and job.transcript.text.lower() == text


def test_worker_killed_mid_job_is_retried(qtbot, controller, paragraph_wav):
    """A transient failure (the engine process dies) is retried with backoff and then succeeds."""
    controller.apply_settings(replace(controller.settings, limits=replace(controller.settings.limits, retry_backoff_s=0.2)))
    [job_id] = controller.add_paths([paragraph_wav])
    wait_status(qtbot, controller, job_id, {JobStatus.TRANSCRIBING})
    qtbot.waitUntil(lambda: controller.pipeline.engine.worker_pid is not None, timeout=10_000)
    psutil.Process(controller.pipeline.engine.worker_pid).kill()
    job = wait_status(qtbot, controller, job_id, {JobStatus.DONE, JobStatus.FAILED})
    assert job.status == JobStatus.DONE, job.error
    logs = "\n".join(controller.logs(job_id))
    assert "stopped unexpectedly" in logs and "Retrying in 0.2 s" in logs
    assert "history" in job.transcript.text.lower()


def test_pause_resume_cancel_remove_clear(qtbot, controller, english_media):
    controller.pause()
    ids = controller.add_paths([english_media["wav"], english_media["m4a"]])
    # adding is where jobs start; paused, nothing was handed to a pool
    assert all(controller.job(i).status == JobStatus.QUEUED for i in ids)
    assert controller.execution.io_pool.activeThreadCount() == 0
    controller.cancel([ids[1]])
    assert controller.job(ids[1]).status == JobStatus.CANCELLED
    controller.resume()
    wait_status(qtbot, controller, ids[0], {JobStatus.DONE})
    qtbot.waitUntil(controller.is_idle, timeout=10_000)
    assert not controller.all_succeeded()  # one was cancelled
    controller.clear_finished()
    assert controller.jobs() == []
    assert controller.queue.store.all() == []


def test_settings_persist(bare_home):
    ctl = QueueController(paths=bare_home)
    try:
        new = replace(ctl.settings, extraction_concurrency=3, language="en", ui_language="pt_BR")
        ctl.apply_settings(new)
        assert ctl.execution.io_pool.maxThreadCount() == 3
    finally:
        ctl.shutdown()
    assert load_settings(bare_home.settings_file) == new
    ctl = QueueController(paths=bare_home)
    try:
        assert ctl.settings == new and ctl.execution.io_pool.maxThreadCount() == 3
    finally:
        ctl.shutdown()


def test_history_survives_a_restart(qtbot, fresh_home, english_media):
    ctl = QueueController(paths=fresh_home)
    try:
        [job_id] = ctl.add_paths([english_media["wav"]])
        wait_status(qtbot, ctl, job_id, {JobStatus.DONE})
    finally:
        ctl.shutdown()
    ctl = QueueController(paths=fresh_home)
    try:
        job = ctl.job(job_id)
        assert job.status == JobStatus.DONE and "hello" in job.transcript.text.lower()
        assert ctl.is_idle()
    finally:
        ctl.shutdown()
