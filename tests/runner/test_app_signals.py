"""The window and signals: SIGTERM and SIGHUP quit it like File > Quit; nothing outlives a kill -9.

The real app process (python -m desktop_app.ui.app), its real worker and resource tracker,
and the held fake ffmpeg where a job must be stuck before ffmpeg's first byte.
"""

from __future__ import annotations

import os
import signal

import pytest

from desktop_app.core.jobs import JobStatus
from desktop_app.core.store import JobStore
from lifetime_checks import Footprint, HeldFfmpeg, running, wait_for
from runner.qt_support import start_app

pytestmark = pytest.mark.heavy
START_S = 240
QUIT_S = 60  # the engine's stop grace, killing the worker, closing; with room for a busy machine


def _log_has(paths, text):
    return lambda: paths.log_file.exists() and text in paths.log_file.read_text(errors="replace")


def _exit_code(app, timeout_s=QUIT_S) -> tuple[int, str]:
    try:
        out, _ = app.communicate(timeout=timeout_s)
    finally:
        if app.poll() is None:
            app.kill()
            app.communicate()
    return app.returncode, out.decode(errors="replace")


def _the_job(paths):
    with JobStore(paths.store_file) as store:
        [job] = store.all()
        return job, [line.message for line in store.logs(job.id)]


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGHUP], ids=["sigterm", "sighup"])
def test_a_signal_mid_transcription_quits_cleanly_and_requeues_the_job(fresh_home, paragraph_wav, sig):
    app = start_app(fresh_home, "--exit-when-done", str(paragraph_wav))
    wait_for(_log_has(fresh_home, "Transcribing with tiny.en"), START_S, "the transcription to start", app)
    wait_for(_log_has(fresh_home, "] Loaded model"), START_S, "the model to load", app)
    footprint = Footprint.of(app.pid)
    assert footprint.shm_inodes  # the audio block and the stop event's semaphores
    os.kill(app.pid, sig)
    code, out = _exit_code(app)
    assert code == 128 + sig, out[-3000:]
    assert not footprint.left_running(), footprint.describe(footprint.children())
    assert not footprint.shm_left(), "shared memory or semaphores left in /dev/shm"
    job, messages = _the_job(fresh_home)
    # a quit, not a crash: queued for the next start, and this attempt not counted
    assert job.status == JobStatus.QUEUED and job.attempts == 0
    assert any("closed" in m for m in messages)
    assert not any("stopped during this job" in m for m in messages)


@pytest.mark.parametrize("how", ["kill-9", "sigterm"])
def test_an_ffmpeg_stalled_before_its_first_byte_goes_with_the_window(fresh_home, english_wav, tmp_path, how):
    held = HeldFfmpeg(tmp_path / "fake", hold="probe")
    app = start_app(fresh_home, "--exit-when-done", str(english_wav), env=held.env)
    ffmpeg = held.wait_held(START_S, app)
    footprint = Footprint.of(app.pid)
    if how == "kill-9":
        app.kill()
        _exit_code(app)
    else:
        os.kill(app.pid, signal.SIGTERM)
        code, out = _exit_code(app)
        assert code == 143, out[-3000:]
        job, _messages = _the_job(fresh_home)
        assert job.status == JobStatus.QUEUED and job.attempts == 0
    left = footprint.left_running()
    assert not left, f"outlived the window: {footprint.describe(left)}"
    assert not running(ffmpeg)
