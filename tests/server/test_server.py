"""Jobs sent to a real `daredevil server` (Celery) through a real Redis with a password."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time

import psutil
import pytest

from desktop_app.core.errors import CancelledError
from desktop_app.core.models.forms import ModelFormat
from desktop_app.core.options import TranscribeOptions
from desktop_app.core.remote.remote_client import RemoteEngineClient
from desktop_app.core.remote.wire import TASK_NAME, PayloadError, RemoteRequest, encode_flac, new_key, unseal
from server.conftest import PASSWORD, REPO
from speech import HELLO_WORDS, LONG_TEXT, PARAGRAPH, WEATHER, WEATHER_WORDS, decode_audio, heard, speak

pytestmark = pytest.mark.heavy
GREEDY = TranscribeOptions(language="en", beam_size=1, best_of=1, temperatures=(0.0,), engine="faster-whisper",
                           compute_type="int8")  # fmt: skip


def _transcribe_cli(home, model_path, audio, out, server_url, timeout=240) -> subprocess.Popen:
    env = {**os.environ, "DAREDEVIL_HOME": str(home), "PYTHONPATH": str(REPO)}
    return subprocess.Popen(
        [sys.executable, "-m", "desktop_app", "transcribe", str(audio), "--model", str(model_path), "--language", "en",
         "--server", server_url, "--output-dir", str(out), "--format", "txt", "--no-cache"],
        cwd=REPO, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip


def test_two_workstations_at_once_each_get_their_own_words(start_server, redis, tiny_en_model, english_wav, tmp_path):
    server = start_server(2)
    weather = speak(WEATHER, tmp_path / "weather.wav")
    model = tiny_en_model.form(ModelFormat.OPENAI).path
    a = _transcribe_cli(tmp_path / "ws-a", model, english_wav, tmp_path / "out-a", redis.url)
    b = _transcribe_cli(tmp_path / "ws-b", model, weather, tmp_path / "out-b", redis.url)
    for proc in (a, b):
        out, err = proc.communicate(timeout=240)
        assert proc.returncode == 0, err[-2000:]
    text_a = (tmp_path / "out-a" / "hello.txt").read_text().lower()
    text_b = (tmp_path / "out-b" / "weather.txt").read_text().lower()
    assert heard(text_a, HELLO_WORDS) and not heard(text_b, HELLO_WORDS, missing=1), (text_a, text_b)
    assert heard(text_b, WEATHER_WORDS, missing=1) and "sunny" not in text_a, (text_a, text_b)
    assert server.text().count(f"{TASK_NAME}[") >= 2 or "Job " in server.text()


def test_results_are_sealed_for_the_sender_only(start_server, redis, english_wav):
    start_server(1)
    client = RemoteEngineClient(redis.url)
    key = new_key()
    request = RemoteRequest("ws-a", "job-sealed", "tiny.en", GREEDY, encode_flac(decode_audio(english_wav)), key)
    result = client.app.send_task(TASK_NAME, args=[request.to_json()], task_id="ws-a-job-sealed")
    reply = result.get(timeout=120)
    raw = client.app.backend.client.get("celery-task-meta-ws-a-job-sealed").decode()
    assert "hello" not in raw.lower() and "world" not in raw.lower()  # another workstation sees no text
    with pytest.raises(PayloadError):
        unseal(new_key(), reply["sealed"])  # nor with a key of its own
    assert heard(json.dumps(unseal(key, reply["sealed"])).lower(), HELLO_WORDS)
    client.close()


def test_a_bad_file_fails_with_the_same_message_as_here(start_server, redis, tiny_en_model, tmp_path):
    start_server(1)
    bad = tmp_path / "noise.mp3"
    bad.write_bytes(os.urandom(50_000))
    model = tiny_en_model.form(ModelFormat.OPENAI).path
    remote = _transcribe_cli(tmp_path / "ws", model, bad, tmp_path / "out", redis.url)
    _, remote_err = remote.communicate(timeout=120)
    env = {**os.environ, "DAREDEVIL_HOME": str(tmp_path / "ws-local"), "PYTHONPATH": str(REPO)}
    local = subprocess.run([sys.executable, "-m", "desktop_app", "transcribe", str(bad), "--model", str(model),
                            "--output-dir", str(tmp_path / "out"), "--no-cache"],
                           cwd=REPO, env=env, capture_output=True, text=True, timeout=120)  # fmt: skip
    assert remote.returncode == local.returncode == 1
    assert remote_err.strip() == local.stderr.strip() and "noise.mp3" in remote_err

    # audio that is not FLAC, sent straight to the queue: the server refuses it with a reason
    client = RemoteEngineClient(redis.url)
    key = new_key()
    request = RemoteRequest("ws", "job-bad", "tiny.en", GREEDY, os.urandom(4000), key)
    reply = client.app.send_task(TASK_NAME, args=[request.to_json()]).get(timeout=60)
    error = unseal(key, reply["sealed"])
    assert error["error"].endswith("Error") and error["message"]
    client.close()


class LongJob:
    """A ~70 s transcription (beam 5 takes a while) sent from a thread; it waits for its first progress."""

    def __init__(self, client: RemoteEngineClient, folder, cancel: threading.Event | None = None) -> None:
        self.progress: list = []
        self.outcome: dict = {}
        wav = speak(LONG_TEXT + " " + PARAGRAPH, folder / "long.wav")
        options = TranscribeOptions(language="en", engine="faster-whisper", compute_type="int8")

        def run() -> None:
            try:
                self.outcome["transcript"] = client.transcribe(decode_audio(wav), _model("tiny.en"), options,
                                                               on_progress=self.progress.append, cancel=cancel)  # fmt: skip
            except Exception as exc:  # noqa: BLE001 - the test looks at it
                self.outcome["error"] = exc

        self.thread = threading.Thread(target=run)
        self.thread.start()
        deadline = time.monotonic() + 120
        while not self.progress and time.monotonic() < deadline:
            time.sleep(0.05)

    def join(self, timeout_s: float = 240) -> dict:
        self.thread.join(timeout_s)
        return self.outcome


def test_cancel_stops_the_servers_job_within_5_s(start_server, redis, tmp_path):
    server = start_server(1)
    client = RemoteEngineClient(redis.url)
    cancel = threading.Event()
    job = LongJob(client, tmp_path, cancel)
    assert job.progress, server.text()[-3000:]
    busy = _job_processes(server)
    assert busy
    cancel.set()
    started = time.monotonic()
    outcome = job.join(30)
    assert isinstance(outcome.get("error"), CancelledError)
    gone = psutil.wait_procs(busy, timeout=5)[1] == []
    assert gone and time.monotonic() - started < 5.5, [p.pid for p in busy]
    assert "Terminating" in server.text() and "done in" not in server.text()  # stopped, not finished
    client.close()


def test_kill_9_of_the_worker_mid_job_delivers_it_again_once(start_server, redis, tmp_path):
    server = start_server(1)
    client = RemoteEngineClient(redis.url)
    job = LongJob(client, tmp_path)
    [pool_child] = [p for p in psutil.Process(server.proc.pid).children() if p.children()]
    pool_child.kill()  # SIGKILL mid-job: the job was not acknowledged, so it goes back to the queue
    outcome = job.join()
    assert "transcript" in outcome, (outcome, server.text()[-3000:])
    assert "city" in outcome["transcript"].text.lower()
    log = server.text()
    assert log.count("bytes of FLAC") == 2 and log.count("done in") == 1  # delivered twice, finished once
    assert new_key_material_absent(log)
    client.close()


def test_a_wrong_password_or_no_broker_says_so(redis, tmp_path, tiny_en_model, english_wav):
    wrong = RemoteEngineClient(f"redis://:not-{PASSWORD}@127.0.0.1:{redis.port}/0")
    assert "password" in wrong.check()
    wrong.close()
    nobody = RemoteEngineClient("redis://127.0.0.1:9/0")
    assert "nothing answers" in nobody.check()
    nobody.close()
    from desktop_app.runner.server_check import check_server

    assert check_server(f"redis://127.0.0.1:{redis.port}/0", PASSWORD) is None
    assert "redis://" in check_server("http://example", None)

    # a job sent with a wrong password fails at once, on its row (here: the CLI's line)
    model = tiny_en_model.form(ModelFormat.OPENAI).path
    wrong_url = f"redis://:wrong@127.0.0.1:{redis.port}/0"
    proc = _transcribe_cli(tmp_path / "ws", model, english_wav, tmp_path / "out", wrong_url)
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 1 and "hello.wav" in err and "password" in err, err


def new_key_material_absent(log: str) -> bool:
    """The server's log (at debug level here) holds no audio, key or text of a request."""
    return '"flac"' not in log and "'flac'" not in log and '"key"' not in log and "'key'" not in log


def _model(name: str):
    from types import SimpleNamespace

    return SimpleNamespace(name=name)


def _job_processes(server) -> list[psutil.Process]:
    """The pool process running a job and its engine worker."""
    found = []
    for child in psutil.Process(server.proc.pid).children():
        grandchildren = child.children()
        if grandchildren:
            found += [child, *grandchildren]
    return found


def test_redis_restarting_mid_job_loses_nothing(start_server, redis, tmp_path):
    server = start_server(1)
    client = RemoteEngineClient(redis.url)
    job = LongJob(client, tmp_path)
    redis.stop()  # kill -9 of the broker; its append-only file keeps what it had
    time.sleep(1.0)
    redis.start()
    outcome = job.join()
    assert "transcript" in outcome, (outcome, server.text()[-3000:])
    assert "city" in outcome["transcript"].text.lower()
    client.close()


def test_a_job_over_tls(start_server, tls_redis, english_wav):
    start_server(1)
    client = RemoteEngineClient(tls_redis.url)  # rediss:// with the broker's certificate trusted
    assert client.check() is None
    transcript = client.transcribe(decode_audio(english_wav), _model("tiny.en"), GREEDY)
    assert heard(transcript.text.lower(), HELLO_WORDS)
    client.close()
    untrusted = RemoteEngineClient(tls_redis.url.split("?")[0] + "?ssl_cert_reqs=required")
    assert untrusted.check() is not None  # a certificate nobody vouches for is refused
    untrusted.close()
