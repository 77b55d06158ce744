"""Engine fixtures: the tiny.en model (from the top-level conftest), speech, and a client."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import psutil
import pytest

from desktop_app.core.engine import EngineClient
from tests import speech
from tests.model_fixtures import decode_audio

HELLO = "Hello world. This is a test of the transcription system."
# Varied speech of about 50 s (two decode windows); tiny.en loops on a repeated clip.
LONG_TEXT = (
    "Good morning everyone. Today we will talk about the history of the city. "
    "The first houses were built near the river more than two hundred years ago. "
    "Later, the railway brought new people, new shops and a large market. "
    "Many of the old buildings are still standing, and some of them are now museums. "
    "At the end of the tour, we will visit the library and the central square. "
    "Today is sunny and warm. We will go to the park in the afternoon. "
    "In the evening the market closes, and the streets become quiet again. "
    "Children walk home from school, and the bakery sells the last bread of the day. "
    "On Sunday there is a concert in the old church, and tickets are free for students. "
    "One, two, three, four, five. Thank you very much."
)


@pytest.fixture(scope="session")
def engine_dir(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("engine")


@pytest.fixture(scope="session")
def hello_audio(engine_dir) -> np.ndarray:
    """'Hello world. This is a test of the transcription system.' as 16 kHz float32."""
    return decode_audio(speech.speak(HELLO, engine_dir / "hello.wav"))


@pytest.fixture(scope="session")
def long_audio(engine_dir) -> np.ndarray:
    """About 45 s of varied speech: several 30 s decode windows."""
    return decode_audio(speech.speak(LONG_TEXT, engine_dir / "long.wav"))


@pytest.fixture(scope="module")
def engine():
    """One client per test module, so the worker and its model are shared; closed after."""
    client = EngineClient()
    yield client
    client.close()


def _engine_workers() -> list[psutil.Process]:
    workers = []
    for child in psutil.Process().children(recursive=True):
        try:
            cmdline = " ".join(child.cmdline())
            if child.status() != psutil.STATUS_ZOMBIE and "spawn_main" in cmdline:
                workers.append(child)
        except psutil.NoSuchProcess:
            pass
    return workers


@pytest.fixture
def live_workers():
    """A function listing this test process's live (non-zombie) spawned workers."""
    return _engine_workers
