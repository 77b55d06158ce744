"""Downloads from a local HTTP server: hash check, resume with Range, cancel, offline."""

from __future__ import annotations

import hashlib
import http.server
import re
import socket
import threading
from pathlib import Path

import pytest

from desktop_app.core.models import (
    ChecksumMismatchError,
    DownloadCancelledError,
    DownloadError,
    ModelFormat,
    available_models,
    download_file,
    download_model,
    list_installed,
    model_url,
)
from desktop_app.core.models import download

PAYLOAD = bytes(range(256)) * 1200  # 300 KiB, several 64 KiB chunks
PAYLOAD_SHA = hashlib.sha256(PAYLOAD).hexdigest()


class FakeModelServer(http.server.ThreadingHTTPServer):
    """Serves ``files`` (path -> bytes) with Range support; can drop connections early."""

    daemon_threads = True

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.files: dict[str, bytes] = {}
        self.ranges: list[str | None] = []  # the Range header of each request
        self.break_after: list[int] = []  # per request, in order: close after N body bytes

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}{path}"


class _Handler(http.server.BaseHTTPRequestHandler):
    server: FakeModelServer

    def log_message(self, *args) -> None:
        pass

    def do_GET(self) -> None:
        data = self.server.files.get(self.path)
        if data is None:
            self.send_error(404)
            return
        rng = self.headers.get("Range")
        self.server.ranges.append(rng)
        start = int(re.fullmatch(r"bytes=(\d+)-", rng).group(1)) if rng else 0
        if start >= len(data):
            self.send_response(416)
            self.send_header("Content-Range", f"bytes */{len(data)}")
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        body = data[start:]
        self.send_response(206 if rng else 200)
        if rng:
            self.send_header("Content-Range", f"bytes {start}-{len(data) - 1}/{len(data)}")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.server.break_after:
            cut = self.server.break_after.pop(0)
            self.wfile.write(body[:cut])
            self.wfile.flush()
            self.connection.shutdown(socket.SHUT_RDWR)
            self.close_connection = True
            return
        self.wfile.write(body)


@pytest.fixture
def server():
    srv = FakeModelServer()
    srv.files[f"/{PAYLOAD_SHA}/tiny.pt"] = PAYLOAD
    thread = threading.Thread(target=srv.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    yield srv
    srv.shutdown()
    srv.server_close()
    thread.join(5)


def test_success_reports_progress(server: FakeModelServer, tmp_path: Path):
    seen: list[tuple[int, int]] = []
    dest = download_file(server.url(f"/{PAYLOAD_SHA}/tiny.pt"), tmp_path / "tiny.pt", PAYLOAD_SHA,
                         progress=lambda done, total: seen.append((done, total)))
    assert dest.read_bytes() == PAYLOAD and not (tmp_path / "tiny.pt.part").exists()
    assert seen[-1] == (len(PAYLOAD), len(PAYLOAD)) and len(seen) >= 4
    assert server.ranges == [None]


def test_bad_hash_deletes_the_partial_file(server: FakeModelServer, tmp_path: Path):
    wrong = "f" * 64
    server.files[f"/{wrong}/tiny.pt"] = PAYLOAD
    with pytest.raises(ChecksumMismatchError, match="corrupt"):
        download_model("tiny", models_dir=tmp_path, url=server.url(f"/{wrong}/tiny.pt"))
    assert list(tmp_path.iterdir()) == []


def test_interrupted_download_resumes_with_range(server: FakeModelServer, tmp_path: Path):
    server.break_after = [100_000]
    dest = download_file(server.url(f"/{PAYLOAD_SHA}/tiny.pt"), tmp_path / "tiny.pt", PAYLOAD_SHA, retry_delay=0)
    assert dest.read_bytes() == PAYLOAD
    assert server.ranges[0] is None and server.ranges[1] == "bytes=100000-"


def test_interruption_without_retries_keeps_the_part_for_later(server: FakeModelServer, tmp_path: Path):
    server.break_after = [70_000]
    url = server.url(f"/{PAYLOAD_SHA}/tiny.pt")
    with pytest.raises(DownloadError, match="resume where it stopped"):
        download_file(url, tmp_path / "tiny.pt", PAYLOAD_SHA, retries=0)
    assert (tmp_path / "tiny.pt.part").stat().st_size == 70_000
    assert download_file(url, tmp_path / "tiny.pt", PAYLOAD_SHA).read_bytes() == PAYLOAD
    assert server.ranges == [None, "bytes=70000-"]


def test_cancel_keeps_the_part_and_a_later_call_resumes(server: FakeModelServer, tmp_path: Path):
    url = server.url(f"/{PAYLOAD_SHA}/tiny.pt")
    cancel = threading.Event()
    with pytest.raises(DownloadCancelledError, match="resume"):
        download_file(url, tmp_path / "tiny.pt", PAYLOAD_SHA, cancel=cancel,
                      progress=lambda done, total: done >= 2 * download.DOWNLOAD_CHUNK and cancel.set())
    kept = (tmp_path / "tiny.pt.part").stat().st_size
    assert 0 < kept < len(PAYLOAD) and not (tmp_path / "tiny.pt").exists()
    assert download_file(url, tmp_path / "tiny.pt", PAYLOAD_SHA).read_bytes() == PAYLOAD
    assert server.ranges[-1] == f"bytes={kept}-"


def test_complete_part_is_verified_without_refetching(server: FakeModelServer, tmp_path: Path):
    (tmp_path / "tiny.pt.part").write_bytes(PAYLOAD)
    dest = download_file(server.url(f"/{PAYLOAD_SHA}/tiny.pt"), tmp_path / "tiny.pt", PAYLOAD_SHA)
    assert dest.read_bytes() == PAYLOAD and server.ranges == [f"bytes={len(PAYLOAD)}-"]


def test_offline_message(tmp_path: Path):
    with socket.socket() as sock:  # a port nobody listens on
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    with pytest.raises(DownloadError, match=r"Could not reach 127\.0\.0\.1.*Models > Import"):
        download_file(f"http://127.0.0.1:{port}/{PAYLOAD_SHA}/tiny.pt", tmp_path / "t.pt", PAYLOAD_SHA)


def test_http_errors_and_urls(server: FakeModelServer, tmp_path: Path):
    with pytest.raises(DownloadError, match="HTTP 404"):
        download_file(server.url(f"/{PAYLOAD_SHA}/missing.pt"), tmp_path / "t.pt", PAYLOAD_SHA)
    with pytest.raises(DownloadError, match="no model called"):
        model_url("enormous")
    assert model_url("tiny", base_url="http://mirror/models").startswith("http://mirror/models/65147644")
    assert download.sha256_from_url(model_url("base.en")) == model_url("base.en").split("/")[-2]
    sizes = {m.name: m.size_mb for m in available_models()}
    assert sizes["tiny"] == 75 and sizes["turbo"] == 1600
    import whisper

    assert set(sizes) == set(whisper._MODELS)


def test_download_model_registers_a_real_checkpoint(server: FakeModelServer, tmp_path: Path, fake_checkpoint: Path):
    data = fake_checkpoint.read_bytes()
    sha = hashlib.sha256(data).hexdigest()
    server.files[f"/models/{sha}/tiny.pt"] = data
    info = download_model("tiny", models_dir=tmp_path, base_url=server.url("/models"),
                          url=server.url(f"/models/{sha}/tiny.pt"))
    assert info.name == "tiny" and info.form(ModelFormat.OPENAI).sha256 == sha and info.multilingual
    ct2 = info.form(ModelFormat.CTRANSLATE2)  # made on install, as for an imported .pt
    assert ct2.path == tmp_path / "tiny.ct2" and (ct2.path / "tokenizer.json").is_file()
    assert list_installed(tmp_path) == [info]
    assert download_model("tiny", models_dir=tmp_path) == info  # installed: no second download
    assert len(server.ranges) == 1
