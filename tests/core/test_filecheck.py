"""check_file on real files: every refusal has its own type and message; nothing is read."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from desktop_app.core.errors import FileCheckError
from desktop_app.core.hashing import FileFingerprint
from desktop_app.core.filecheck import (
    EmptyFileError,
    FileMissingError,
    FileTooLargeError,
    NotAFileError,
    UnreadableFileError,
    check_file,
)

GB = 1024**3
LIMIT = 4 * GB
REPO = Path(__file__).resolve().parents[2]


def _bytes_read() -> int:
    """Bytes this process has read through read() calls so far (Linux)."""
    for line in Path("/proc/self/io").read_text().splitlines():
        if line.startswith("rchar:"):
            return int(line.split()[1])
    raise AssertionError("no rchar in /proc/self/io")


def test_good_file_gives_its_identity(tmp_path):
    f = tmp_path / "talk.wav"
    f.write_bytes(b"RIFF" + b"\0" * 100)
    info = check_file(f, LIMIT)
    st = os.stat(f)
    assert info == FileFingerprint(f, 104, st.st_mtime_ns, st.st_ctime_ns, st.st_ino, st.st_dev)
    assert info == FileFingerprint.of(f)  # one type for "what the file was", checked or hashed


def test_extension_is_not_judged(tmp_path):
    f = tmp_path / "notes.txt"
    f.write_text("not audio, but check_file only checks the file itself")
    assert check_file(f, LIMIT).size > 0


def test_missing_file(tmp_path):
    with pytest.raises(FileMissingError, match="doesn't exist"):
        check_file(tmp_path / "nope.mp3", LIMIT)


def test_dangling_symlink_is_missing(tmp_path):
    link = tmp_path / "link.mp3"
    link.symlink_to(tmp_path / "gone.mp3")
    with pytest.raises(FileMissingError, match="broken link"):
        check_file(link, LIMIT)


def test_directory(tmp_path):
    with pytest.raises(NotAFileError, match="folder, not a file"):
        check_file(tmp_path, LIMIT)


def test_empty_file(tmp_path):
    f = tmp_path / "empty.wav"
    f.touch()
    with pytest.raises(EmptyFileError, match=r"empty \(0 bytes\)"):
        check_file(f, LIMIT)


def test_ten_gigabyte_sparse_file_is_refused_without_reading(tmp_path):
    f = tmp_path / "huge.mp4"
    with open(f, "wb"):
        pass
    os.truncate(f, 10 * GB)
    before = _bytes_read()
    with pytest.raises(FileTooLargeError) as err:
        check_file(f, LIMIT)
    read = _bytes_read() - before
    assert str(err.value) == "File is 10 GB; the limit is 4 GB (Settings > Limits)."
    assert read < 64 * 1024  # a read of the file would show here as gigabytes (its time: bench/fault_timings.py)


def test_readable_file_is_checked_without_reading(tmp_path):
    f = tmp_path / "big.wav"
    with open(f, "wb"):
        pass
    os.truncate(f, 100 * 1024**2)
    before = _bytes_read()
    check_file(f, LIMIT)
    assert _bytes_read() - before < 64 * 1024


def test_fifo_is_refused_without_blocking(tmp_path):
    fifo = tmp_path / "stream.mp3"
    os.mkfifo(fifo)
    outcome: list[BaseException] = []
    worker = threading.Thread(target=lambda: _capture(outcome, check_file, fifo, LIMIT), daemon=True)
    worker.start()
    worker.join(timeout=2)
    if worker.is_alive():  # unblock the thread before failing
        os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))
        pytest.fail("check_file blocked on a FIFO")
    assert isinstance(outcome[0], NotAFileError)
    assert "named pipe, not a regular file" in str(outcome[0])


def _capture(outcome, func, *args):
    try:
        func(*args)
    except BaseException as exc:  # noqa: BLE001 - handed to the test thread
        outcome.append(exc)


def test_socket_and_device_are_refused(tmp_path):
    sock_path = tmp_path / "s.sock"
    with socket.socket(socket.AF_UNIX) as sock:
        sock.bind(os.fspath(sock_path))
        with pytest.raises(NotAFileError, match="socket, not a regular file"):
            check_file(sock_path, LIMIT)
    with pytest.raises(NotAFileError, match="device, not a regular file"):
        check_file(Path("/dev/zero"), LIMIT)


def test_non_utf8_file_name(tmp_path):
    raw = os.fsencode(tmp_path) + b"/caf\xe9-\xff.wav"  # Latin-1 bytes, invalid UTF-8
    with open(raw, "wb") as fh:
        fh.write(b"data")
    path = Path(os.fsdecode(raw))  # surrogateescape keeps the bytes
    assert check_file(path, LIMIT).size == 4
    os.unlink(raw)
    with pytest.raises(FileMissingError):
        check_file(path, LIMIT)


def _check_in_child(path: Path, prefix: list[str]) -> subprocess.CompletedProcess:
    code = (
        "import sys; from pathlib import Path\n"
        "from desktop_app.core.filecheck import check_file\n"
        "try:\n    check_file(Path(sys.argv[1]), 1 << 32)\n"
        "except Exception as exc:\n    print(type(exc).__name__, exc); sys.exit(3)\n"
    )
    return subprocess.run(
        [*prefix, sys.executable, "-c", code, os.fspath(path)],
        cwd=REPO, capture_output=True, text=True, timeout=30,
    )  # fmt: skip


def test_unreadable_file(tmp_path):
    f = tmp_path / "secret.wav"
    f.write_bytes(b"data")
    f.chmod(0)
    if os.geteuid() != 0:
        with pytest.raises(UnreadableFileError, match="isn't allowed to read"):
            check_file(f, LIMIT)
        return
    # root reads any file, so check from a child without the capabilities that allow it
    setpriv = shutil.which("setpriv")
    if not setpriv:
        pytest.skip("running as root, and setpriv isn't installed to drop root's read override")
    drop = [setpriv, "--bounding-set=-dac_override,-dac_read_search"]
    probe = subprocess.run([*drop, "true"], capture_output=True)
    if probe.returncode != 0:
        pytest.skip(f"running as root and can't drop capabilities: {probe.stderr!r}")
    done = _check_in_child(f, drop)
    assert done.returncode == 3, done.stderr
    assert done.stdout.startswith("UnreadableFileError The app isn't allowed to read this file")
    f.chmod(0o644)  # the same child passes once the file is readable
    assert _check_in_child(f, drop).returncode == 0


def test_all_refusals_are_file_check_errors():
    for cls in (FileMissingError, NotAFileError, EmptyFileError, UnreadableFileError, FileTooLargeError):
        assert issubclass(cls, FileCheckError)
