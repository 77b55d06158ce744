"""A real redis-server with a password on 127.0.0.1, and real `daredevil server` processes."""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
PASSWORD = "test-broker-pass-7"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Redis:
    def __init__(self, folder: Path, tls: bool = False) -> None:
        self.folder, self.port, self.tls = folder, _free_port(), tls
        self.proc: subprocess.Popen | None = None
        if tls:  # a self-signed certificate for 127.0.0.1, which the clients trust
            subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
                            "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1",
                            "-keyout", str(folder / "key.pem"), "-out", str(folder / "cert.pem")],
                           check=True, capture_output=True)  # fmt: skip

    @property
    def url(self) -> str:
        if self.tls:
            return (f"rediss://:{PASSWORD}@127.0.0.1:{self.port}/0"
                    f"?ssl_cert_reqs=required&ssl_ca_certs={self.folder / 'cert.pem'}")  # fmt: skip
        return f"redis://:{PASSWORD}@127.0.0.1:{self.port}/0"

    def start(self) -> None:
        conf = self.folder / "redis.conf"
        listen = f"port {self.port}\n"
        if self.tls:
            listen = (f"port 0\ntls-port {self.port}\ntls-cert-file {self.folder / 'cert.pem'}\n"
                      f"tls-key-file {self.folder / 'key.pem'}\ntls-ca-cert-file {self.folder / 'cert.pem'}\n"
                      "tls-auth-clients no\n")  # fmt: skip
        conf.write_text(f"{listen}bind 127.0.0.1\nrequirepass {PASSWORD}\ndir {self.folder}\n"
                        "appendonly yes\nappendfsync always\nsave \"\"\n")  # fmt: skip
        exe = shutil.which("redis-server")
        assert exe, "redis-server is missing: apt-get install redis-server (scripts/setup.sh does)"
        self.proc = subprocess.Popen([exe, str(conf)], stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            with socket.socket() as s:
                if s.connect_ex(("127.0.0.1", self.port)) == 0:
                    return
            time.sleep(0.05)
        raise AssertionError("redis-server did not start")

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait(10)


@pytest.fixture
def redis(tmp_path):
    server = Redis(tmp_path)
    server.start()
    yield server
    server.stop()


@pytest.fixture
def tls_redis(tmp_path):
    server = Redis(tmp_path, tls=True)
    server.start()
    yield server
    server.stop()


class Server:
    """A `daredevil server` process; its home holds the session's tiny.en."""

    def __init__(self, broker: str, home: Path, log: Path, concurrency: int, extra: list[str]) -> None:
        env = {**os.environ, "DAREDEVIL_HOME": str(home), "PYTHONPATH": str(REPO)}
        self.log = log
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "desktop_app", "--debug", "server", "--broker", broker, f"--concurrency={concurrency}", *extra],
            cwd=REPO, env=env, stdin=subprocess.DEVNULL, stdout=log.open("wb"), stderr=subprocess.STDOUT,
            start_new_session=True,
        )  # fmt: skip
        self.wait_for("ready.")

    def text(self) -> str:
        return self.log.read_text(errors="replace")

    def wait_for(self, needle: str, timeout_s: float = 60) -> None:
        deadline = time.monotonic() + timeout_s
        while needle not in self.text():
            assert self.proc.poll() is None, self.text()[-3000:]
            assert time.monotonic() < deadline, f"{needle!r} not in the server's log:\n{self.text()[-3000:]}"
            time.sleep(0.1)

    def stop(self) -> None:
        if self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGTERM)
            try:
                self.proc.wait(20)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait(10)


@pytest.fixture
def start_server(app_home, tiny_en_model, tmp_path, request):
    """Start servers on the test broker (the session's home has tiny.en); all stop at the end.
    The broker is the test's `redis` fixture, or `tls_redis` when the test uses that one."""
    started: list[Server] = []
    broker = request.getfixturevalue("tls_redis" if "tls_redis" in request.fixturenames else "redis")

    def start(concurrency: int = 1, *extra: str) -> Server:
        server = Server(broker.url, app_home, tmp_path / f"server-{len(started)}.log", concurrency, list(extra))
        started.append(server)
        return server

    yield start
    for server in started:
        server.stop()
