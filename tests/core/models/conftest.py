"""Fixtures for model tests. The heavy ones are session-scoped: convert tiny.en once."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

_TESTS_DIR = Path(__file__).resolve().parents[2]
if str(_TESTS_DIR) not in sys.path:  # until pytest's `pythonpath = ["tests"]` is set
    sys.path.insert(0, str(_TESTS_DIR))

from model_fixtures import convert_tiny_en, decode_audio, make_fake_checkpoint, make_speech  # noqa: E402


@pytest.fixture(scope="session")
def tiny_en_checkpoint(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """tiny.en converted from faster-whisper to an openai-whisper .pt, once per session."""
    return convert_tiny_en(tmp_path_factory.mktemp("tiny_en"))


@pytest.fixture(scope="session")
def speech_audio(tmp_path_factory: pytest.TempPathFactory):
    """An English espeak-ng sentence, decoded to 16 kHz float32."""
    return decode_audio(make_speech(tmp_path_factory.mktemp("speech") / "speech.wav"))


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
