"""The CLI stopped mid-job: Ctrl+C and SIGTERM exit cleanly; kill -9 leaves no worker, tracker or ffmpeg.

Real processes throughout: the `daredevil` command, its engine worker and multiprocessing's
resource tracker, the bundled ffmpeg, or the held fake (a stalled ffmpeg) where a test needs
a job stuck before ffmpeg's first byte.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys

import pytest

from model_fixtures import model_path

from lifetime_checks import Footprint, HeldFfmpeg, running, shm_block_of, wait_for

pytestmark = pytest.mark.heavy
START_S = 180  # starting the worker and loading the model, on a busy machine


def _start_cli(tmp_path, model, source, env=None) -> subprocess.Popen:
    """`daredevil transcribe` with a home of its own, in a session of its own (so a test can
    signal its group, as a terminal does)."""
    return subprocess.Popen(
        [sys.executable, "-m", "desktop_app", "transcribe", str(source), "--model", model_path(model),
         "--no-cache", "--output-dir", str(tmp_path / "out")],
        stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        env={**os.environ, "DAREDEVIL_HOME": str(tmp_path / "home"), **(env or {})}, start_new_session=True,
    )  # fmt: skip


def _wait_transcribing(cli, tmp_path) -> Footprint:
    """Wait until the worker has loaded the model and decodes; the footprint then."""
    wait_for(lambda: shm_block_of(cli.pid), START_S, "the audio to reach the worker", cli)
    log = tmp_path / "home" / "logs" / "daredevil.log"
    wait_for(lambda: "] Loaded model" in log.read_text(errors="replace"), START_S, "the model to load", cli)
    return Footprint.of(cli.pid)


def _finish(proc: subprocess.Popen) -> tuple[str, str]:
    try:
        return proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.communicate()


def _assert_clean_exit(proc, footprint, tmp_path, code, name):
    out, err = _finish(proc)
    lines = [line for line in err.splitlines() if line.strip()]
    assert proc.returncode == code, err
    assert len(lines) == 1 and f"stopped by {name}" in lines[0], err
    assert "Traceback" not in err
    assert not footprint.left_running(), footprint.describe(footprint.children())
    assert not footprint.shm_left()
    out_dir = tmp_path / "out"
    assert not out_dir.exists() or not any(out_dir.iterdir())  # no output, no temp file
    temp_root = tmp_path / "home" / "cache" / "tmp"
    assert not temp_root.exists() or not any(temp_root.iterdir())


@pytest.mark.parametrize(
    ("sig", "code", "to_group"),
    [(signal.SIGINT, 130, True), (signal.SIGTERM, 143, False)],
    ids=["ctrl-c-to-the-terminal-group", "sigterm-to-the-cli"],
)
def test_a_signal_mid_transcription_exits_cleanly(tiny_en_model, paragraph_wav, tmp_path, sig, code, to_group):
    cli = _start_cli(tmp_path, tiny_en_model, paragraph_wav)
    footprint = _wait_transcribing(cli, tmp_path)
    assert len(footprint.children()) >= 2  # the worker and the resource tracker
    assert footprint.shm_inodes  # the audio block and the stop event's semaphores
    if to_group:
        os.killpg(cli.pid, sig)  # what Ctrl+C in a terminal does: the worker gets it too
    else:
        os.kill(cli.pid, sig)
    _assert_clean_exit(cli, footprint, tmp_path, code, signal.Signals(sig).name)


def test_ctrl_c_while_the_worker_is_still_starting_gives_no_traceback(tiny_en_model, english_wav, tmp_path):
    cli = _start_cli(tmp_path, tiny_en_model, english_wav)
    wait_for(lambda: shm_block_of(cli.pid), START_S, "the audio to reach the worker", cli)
    footprint = Footprint.of(cli.pid)  # the worker is importing torch now: no handler of ours yet
    os.killpg(cli.pid, signal.SIGINT)
    _assert_clean_exit(cli, footprint, tmp_path, 130, "SIGINT")


def test_sigterm_while_ffmpeg_is_stalled_exits_cleanly(tiny_en_model, english_wav, tmp_path):
    held = HeldFfmpeg(tmp_path / "fake", hold="extract")
    cli = _start_cli(tmp_path, tiny_en_model, english_wav, held.env)
    ffmpeg = held.wait_held(START_S, cli)
    footprint = Footprint.of(cli.pid)
    assert ffmpeg.pid in [p.pid for p in footprint.children()]
    os.kill(cli.pid, signal.SIGTERM)
    _assert_clean_exit(cli, footprint, tmp_path, 143, "SIGTERM")
    assert not running(ffmpeg)


def _worker(footprint: Footprint):
    [worker] = [p for p in footprint.children() if "spawn_main" in " ".join(p.cmdline())]
    return worker


def test_kill_9_mid_transcription_leaves_no_worker_or_tracker(tiny_en_model, paragraph_wav, tmp_path):
    cli = _start_cli(tmp_path, tiny_en_model, paragraph_wav)
    footprint = _wait_transcribing(cli, tmp_path)
    # Stopped, the worker stands for one deep in a long window of a big model: it sends
    # nothing, so no broken pipe can tell it the CLI is gone; only the kernel's
    # parent-death signal can end it.
    os.kill(_worker(footprint).pid, signal.SIGSTOP)
    cli.kill()
    _finish(cli)
    left = footprint.left_running()
    assert not left, f"outlived the killed CLI: {footprint.describe(left)}"
    # the tracker unlinks what was registered with it once the last holder of its pipe is gone
    wait_for(lambda: not footprint.shm_left(), 10, "the tracker to remove the shared memory")


def test_kill_9_while_ffmpeg_is_stalled_takes_ffmpeg_along(tiny_en_model, english_wav, tmp_path):
    held = HeldFfmpeg(tmp_path / "fake", hold="probe")  # ffmpeg runs in a session of its own
    cli = _start_cli(tmp_path, tiny_en_model, english_wav, held.env)
    ffmpeg = held.wait_held(START_S, cli)
    footprint = Footprint.of(cli.pid)
    cli.kill()
    _finish(cli)
    left = footprint.left_running()
    assert not left, f"outlived the killed CLI: {footprint.describe(left)}"
    assert not running(ffmpeg)
