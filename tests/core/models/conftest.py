"""Fixtures for model tests (tiny.en is converted once, by the top-level conftest)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

_TESTS_DIR = Path(__file__).resolve().parents[2]
if str(_TESTS_DIR) not in sys.path:  # until pytest's `pythonpath = ["tests"]` is set
    sys.path.insert(0, str(_TESTS_DIR))

from model_fixtures import make_fake_checkpoint  # noqa: E402
from speech import ESPEAK_DEFAULT_SPEED, MEETING, decode_audio, speak  # noqa: E402


@pytest.fixture(scope="session")
def speech_audio(speech_dir):
    """speech.MEETING (espeak-ng's plain "en" voice), decoded to 16 kHz float32."""
    return decode_audio(speak(MEETING, speech_dir / "meeting.wav", voice="en", speed=ESPEAK_DEFAULT_SPEED))


@pytest.fixture(scope="session")
def fake_checkpoint(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A tiny random multilingual checkpoint without stored alignment heads."""
    return make_fake_checkpoint(tmp_path_factory.mktemp("fake") / "fake.pt")


@pytest.fixture
def models_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty app home: app_paths().models_dir points inside tmp_path."""
    monkeypatch.setenv("DAREDEVIL_HOME", str(tmp_path / "home"))
    from desktop_app.core.paths import app_paths

    return app_paths().models_dir
