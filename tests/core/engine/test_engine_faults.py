"""The engine under failure: kill -9, cancel, time limits, recycling and shutdown."""

from __future__ import annotations

import os
import signal
import threading
from dataclasses import replace

import psutil
import pytest

from desktop_app.core.engine import EngineClient
from desktop_app.core.errors import CancelledError, JobTimeoutError, WorkerDiedError
from desktop_app.core.models.errors import ModelFileError
from desktop_app.core.options import TranscribeOptions

pytestmark = pytest.mark.heavy  # how fast these stops are: bench/fault_timings.py

FAST = TranscribeOptions(beam_size=1, best_of=1)
ENGINES = pytest.mark.parametrize("engine_name", ["faster-whisper", "openai-whisper"])


def _warm(client, model, audio):
    """Start the worker and load the model, so time limits measure decoding only."""
    client.transcribe(audio, model, FAST)
    return client.worker_pid


@ENGINES
def test_kill_9_mid_job_raises_worker_died_then_recovers(engine, tiny_en_model, hello_audio, long_audio, engine_name):
    pid = _warm(engine, tiny_en_model, hello_audio)
    killer = threading.Timer(1.0, os.kill, (pid, signal.SIGKILL))  # mid-job: this needs > 3 s
    killer.start()
    try:
        with pytest.raises(WorkerDiedError) as caught:
            engine.transcribe(long_audio, tiny_en_model, TranscribeOptions(engine=engine_name))
    finally:
        killer.cancel()
    assert caught.value.transient
    assert "SIGKILL" in str(caught.value)
    assert not psutil.pid_exists(pid), "the dead worker was not reaped"

    transcript = engine.transcribe(hello_audio, tiny_en_model, replace(FAST, engine=engine_name))
    assert "hello" in transcript.text.lower()
    assert transcript.engine == engine_name
    assert engine.worker_pid != pid


@ENGINES
def test_cancel_mid_job_stops_and_keeps_worker(engine, tiny_en_model, hello_audio, long_audio, engine_name):
    pid = _warm(engine, tiny_en_model, hello_audio)
    engine.transcribe(hello_audio, tiny_en_model, replace(FAST, engine=engine_name))  # load this engine's model
    loads = engine.status().model_loads
    cancel = threading.Event()
    timer = threading.Timer(1.0, cancel.set)
    timer.start()
    with pytest.raises(CancelledError):
        # greedy decoding: faster-whisper stops between segments, and a beam-5 segment of a loaded
        # CI machine can outlast the 2 s grace (the worker is then killed, as designed)
        engine.transcribe(long_audio, tiny_en_model, replace(FAST, engine=engine_name), cancel=cancel)
    timer.join()
    assert engine.worker_pid == pid, "a cooperative stop should not kill the worker"
    assert engine.status().model_loads == loads


def test_cancel_before_start_raises_at_once(engine, tiny_en_model, hello_audio):
    cancel = threading.Event()
    cancel.set()
    with pytest.raises(CancelledError):
        engine.transcribe(hello_audio, tiny_en_model, FAST, cancel=cancel)


def test_soft_limit_stops_cooperatively(engine, tiny_en_model, hello_audio, long_audio):
    pid = _warm(engine, tiny_en_model, hello_audio)
    with pytest.raises(JobTimeoutError) as caught:
        # greedy, as in the cancel test: a beam-5 segment on a loaded CI machine can outlast the 2 s grace
        engine.transcribe(long_audio, tiny_en_model, FAST, soft_limit_s=1.0)
    assert not caught.value.transient, "a job too slow for its limit is not retried"
    assert engine.worker_pid == pid


def test_hard_limit_kills_the_worker(engine, tiny_en_model, hello_audio, long_audio):
    pid = _warm(engine, tiny_en_model, hello_audio)
    with pytest.raises(JobTimeoutError) as caught:
        engine.transcribe(long_audio, tiny_en_model, TranscribeOptions(), hard_limit_s=1.0)
    assert caught.value.transient, "a hung worker is retried on a fresh one"
    assert not psutil.pid_exists(pid)
    assert engine.worker_pid not in (None, pid), "a fresh worker should be started"


def test_recycles_after_max_jobs(tiny_en_model, hello_audio):
    with EngineClient(max_jobs=2) as client:
        client.transcribe(hello_audio, tiny_en_model, FAST)
        first = client.worker_pid
        client.transcribe(hello_audio, tiny_en_model, FAST)
        assert client.worker_pid is None and not psutil.pid_exists(first)
        client.transcribe(hello_audio, tiny_en_model, FAST)
        assert client.worker_pid not in (None, first)


def test_recycles_above_max_rss(tiny_en_model, hello_audio):
    with EngineClient(max_rss_gb=0.01) as client:
        client.transcribe(hello_audio, tiny_en_model, FAST)
        assert client.worker_pid is None


def test_missing_model_file_is_a_model_error(engine, tiny_en_model, hello_audio, tmp_path):
    from dataclasses import replace

    from desktop_app.core.models import ModelForm, ModelFormat

    gone = ModelForm(ModelFormat.OPENAI, tmp_path / "gone.pt", "0" * 64, 1)
    missing = replace(tiny_en_model, forms=(gone,))
    with pytest.raises(ModelFileError, match="missing"):
        engine.transcribe(hello_audio, missing, FAST)
    assert engine.transcribe(hello_audio, tiny_en_model, FAST).text


def test_failing_progress_callback_does_not_leave_a_job_running(tiny_en_model, hello_audio):
    def broken(_progress):
        raise RuntimeError("callback bug")

    with EngineClient() as client:
        with pytest.raises(RuntimeError, match="callback bug"):
            client.transcribe(hello_audio, tiny_en_model, FAST, on_progress=broken)
        assert client.worker_pid is None


def test_close_reaps_the_worker_and_is_idempotent(live_workers):
    client = EngineClient()
    pid = client.status().pid
    assert pid in [p.pid for p in live_workers()]

    client.close()
    client.close()

    assert not psutil.pid_exists(pid), "worker left running or as a zombie"
    assert pid not in [p.pid for p in live_workers()]
    with pytest.raises(Exception, match="shut down"):
        client.status()


def test_restart_gives_a_new_worker():
    with EngineClient() as client:
        first = client.status().pid
        client.restart()
        second = client.status().pid
    assert first != second and not psutil.pid_exists(first)


def test_exit_without_close_leaves_no_worker(tmp_path):
    script = tmp_path / "leave_open.py"
    script.write_text(
        "from desktop_app.core.engine import EngineClient\n"
        "if __name__ == '__main__':\n"
        "    client = EngineClient()\n"
        "    print(client.status().pid, flush=True)\n"
    )
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parents[3]
    done = subprocess.run(
        [sys.executable, str(script)], capture_output=True, text=True, timeout=120,
        env={**os.environ, "PYTHONPATH": str(root)},
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    pid = int(done.stdout.split()[0])
    assert not psutil.pid_exists(pid), "the atexit close did not stop the worker"
