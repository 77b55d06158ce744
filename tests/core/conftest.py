"""A long tone for core tests (speech comes from the top-level conftest), and a check that no
ffmpeg outlives a test."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop_app.core.media import live_ffmpeg_processes
import speech


@pytest.fixture(autouse=True)
def no_ffmpeg_left_behind():
    """Fail any test that leaves an ffmpeg process running or unreaped."""
    yield
    left = live_ffmpeg_processes()
    for proc in left:  # clean up so one leak doesn't fail every later test
        proc.kill()
        proc.wait()
    assert not left, f"ffmpeg processes left behind: {[p.pid for p in left]}"


@pytest.fixture(scope="session")
def long_wav(speech_dir) -> Path:
    """An hour of tone at 16 kHz (115 MB): decoding it takes about a second."""
    out = speech_dir / "hour.wav"
    speech.ffmpeg("-f", "lavfi", "-i", "sine=f=440:r=16000:d=3600", str(out))
    return out
