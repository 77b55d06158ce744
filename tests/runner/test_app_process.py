"""The real app as a process: kill -9 mid-job and restart, a second launch, exit codes, start-up imports."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import psutil
import pytest

from desktop_app.core.jobs import JobStatus
from desktop_app.core.store import JobStore
from desktop_app.runner.single_instance import InstanceServer, forward_to_running, instance_lock, server_name
from lifetime_checks import Footprint
from runner.qt_support import app_env, start_app

pytestmark = pytest.mark.heavy
RUN_TIMEOUT_S = 240


def _wait_for_log(paths, text, proc, timeout_s=RUN_TIMEOUT_S):
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if paths.log_file.exists() and text in paths.log_file.read_text(errors="replace"):
            return
        assert proc.poll() is None, proc.stdout.read().decode(errors="replace")[-3000:]
        time.sleep(0.05)
    raise AssertionError(f"{text!r} never appeared in {paths.log_file}")


def test_killed_mid_job_then_restarted_the_job_completes(fresh_home, paragraph_wav):
    first = start_app(fresh_home, "--exit-when-done", str(paragraph_wav))
    try:
        _wait_for_log(fresh_home, "Transcribing with tiny.en", first)
        _wait_for_log(fresh_home, "] Loaded model", first)  # the worker decodes now
        footprint = Footprint.of(first.pid)
        # Stopped, the worker stands for one deep in a long window: it sends nothing, so no
        # broken pipe tells it the app is gone; only the kernel's parent-death signal can.
        [worker] = [p for p in footprint.children() if "spawn_main" in " ".join(p.cmdline())]
        os.kill(worker.pid, signal.SIGSTOP)
        first.kill()  # SIGKILL: no clean-up runs
        first.wait(10)
    finally:
        if first.poll() is None:
            first.kill()
        first.stdout.close()
    left = footprint.left_running()  # within GONE_WITHIN_S: the worker, then the tracker
    assert not left, f"outlived the killed app: {footprint.describe(left)}"
    with JobStore(fresh_home.store_file) as store:
        [job] = store.all()
        assert job.status == JobStatus.TRANSCRIBING and job.attempts == 1

    second = start_app(fresh_home, "--exit-when-done")  # no files: the history has the job
    out, _ = second.communicate(timeout=RUN_TIMEOUT_S)
    assert second.returncode == 0, out.decode(errors="replace")[-3000:]
    with JobStore(fresh_home.store_file) as store:
        [job] = store.all()
        assert job.status == JobStatus.DONE and job.attempts == 2
        assert "history" in job.transcript.text.lower()
        messages = [line.message for line in store.logs(job.id)]
    assert any("queued again" in m for m in messages)


def test_exit_code_reports_failures(fresh_home, english_media, tmp_path):
    good = subprocess.run(
        [sys.executable, "-m", "desktop_app.ui.app", "--exit-when-done", str(english_media["wav"])],
        env=app_env(fresh_home), capture_output=True, timeout=RUN_TIMEOUT_S,
    )  # fmt: skip
    assert good.returncode == 0, good.stdout.decode(errors="replace")[-3000:]
    bad = tmp_path / "notes.mp3"
    bad.write_text("not audio at all\n" * 10)
    mixed = subprocess.run(
        [sys.executable, "-m", "desktop_app.ui.app", "--exit-when-done", str(bad), str(english_media["wav"])],
        env=app_env(fresh_home), capture_output=True, timeout=RUN_TIMEOUT_S,
    )  # fmt: skip
    assert mixed.returncode == 1
    with JobStore(fresh_home.store_file) as store:
        statuses = sorted(j.status.value for j in store.all())
    assert statuses == ["cached", "done", "failed"]  # the second wav came from the cache


def test_second_launch_hands_its_files_to_the_running_window(qtbot, bare_home, english_media):
    lock = instance_lock(bare_home)
    assert lock.tryLock(0)
    server = InstanceServer(server_name(bare_home), lock=lock)
    assert server.listen()
    try:
        with qtbot.waitSignal(server.files_received, timeout=60_000) as blocker:
            second = start_app(bare_home, str(english_media["wav"]), str(english_media["mp3"]))
            qtbot.waitUntil(lambda: second.poll() is not None, timeout=60_000)
        assert second.returncode == 0
        assert blocker.args == [[str(english_media["wav"]), str(english_media["mp3"])]]
        assert not bare_home.store_file.exists()  # it never opened the history
    finally:
        server.close()
        if second.poll() is None:
            second.kill()
        second.stdout.close()


def test_two_launches_at_once_make_one_window_with_both_files(fresh_home, english_media):
    """Neither has its event loop running yet: the loser waits for the winner, never takes its socket."""
    wav, mp3 = str(english_media["wav"]), str(english_media["mp3"])
    apps = [start_app(fresh_home, "--exit-when-done", wav), start_app(fresh_home, "--exit-when-done", mp3)]
    try:
        outs = [app.communicate(timeout=RUN_TIMEOUT_S)[0].decode(errors="replace") for app in apps]
    finally:
        for app in apps:
            if app.poll() is None:
                app.kill()
                app.wait()
    assert [app.returncode for app in apps] == [0, 0], "\n".join(o[-2000:] for o in outs)
    with JobStore(fresh_home.store_file) as store:
        jobs = store.all()
    assert sorted(str(j.path) for j in jobs) == sorted([wav, mp3])
    assert all(j.status in (JobStatus.DONE, JobStatus.CACHED) for j in jobs)
    log_text = fresh_home.log_file.read_text(errors="replace")
    assert log_text.count("Handed 1 file(s) to the running window") == 1


def test_a_stale_socket_from_a_crashed_app_is_taken_over(qtbot, bare_home):
    name = server_name(bare_home)
    crashed = subprocess.Popen(
        [sys.executable, "-c",
         "import sys, time\n"
         "from PySide6.QtCore import QCoreApplication\n"
         "from PySide6.QtNetwork import QLocalServer\n"
         "app = QCoreApplication([])\n"
         "s = QLocalServer(); assert s.listen(sys.argv[1]); print('up', flush=True); time.sleep(60)\n",
         name],
        stdout=subprocess.PIPE, env=app_env(bare_home),
    )  # fmt: skip
    try:
        assert crashed.stdout.readline().strip() == b"up"
        crashed.kill()
        crashed.wait()
    finally:
        crashed.stdout.close()
    assert not forward_to_running(name, ["x.wav"], timeout_ms=500)
    server = InstanceServer(name)
    try:
        assert server.listen()
        with qtbot.waitSignal(server.files_received, timeout=10_000):
            sender = subprocess.Popen(
                [sys.executable, "-c",
                 "import sys\nfrom PySide6.QtCore import QCoreApplication\n"
                 "from desktop_app.runner.single_instance import forward_to_running\n"
                 "app = QCoreApplication([])\nsys.exit(0 if forward_to_running(sys.argv[1], ['y.wav']) else 3)\n",
                 name],
                env=app_env(bare_home),
            )  # fmt: skip
            qtbot.waitUntil(lambda: sender.poll() is not None, timeout=30_000)
        assert sender.returncode == 0
    finally:
        server.close()


def test_the_window_starts_without_torch_or_whisper(bare_home):
    code = (
        "import sys, time\n"
        "t = time.perf_counter()\n"
        "from desktop_app.ui.app import launch\n"
        "launched = launch([])\n"
        "assert launched.window.acceptDrops() and launched.window.isVisible()\n"
        "print(round(time.perf_counter() - t, 3), 'torch' in sys.modules, 'whisper' in sys.modules)\n"
        "launched.window.close_without_asking()\n"
    )
    done = subprocess.run([sys.executable, "-c", code], env=app_env(bare_home), capture_output=True, timeout=60)
    assert done.returncode == 0, done.stderr.decode(errors="replace")
    seconds, torch_loaded, whisper_loaded = done.stdout.split()[-3:]
    assert (torch_loaded, whisper_loaded) == (b"False", b"False")
