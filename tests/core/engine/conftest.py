"""Engine fixtures: speech as samples, and a client (tiny.en and the speech files come from the
top-level conftest)."""

from __future__ import annotations

import numpy as np
import psutil
import pytest

from desktop_app.core.engine import EngineClient
from speech import LONG_TEXT, decode_audio, speak


@pytest.fixture(scope="session")
def hello_audio(english_wav) -> np.ndarray:
    """speech.HELLO as 16 kHz float32."""
    return decode_audio(english_wav)


@pytest.fixture(scope="session")
def long_audio(speech_dir) -> np.ndarray:
    """About 45 s of varied speech: several 30 s decode windows."""
    return decode_audio(speak(LONG_TEXT, speech_dir / "long.wav"))


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
