"""Shared media fixtures for core tests, and a check that no ffmpeg outlives a test."""

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
def media_dir(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("media")


@pytest.fixture(scope="session")
def speech_wav(media_dir) -> Path:
    return speech.speak(speech.HELLO, media_dir / "hello.wav")


@pytest.fixture(scope="session")
def speech_files(media_dir, speech_wav) -> dict[str, Path]:
    """The same speech as WAV, MP3, M4A (AAC) and MP4 (H.264 + AAC)."""
    return {
        "wav": speech_wav,
        "mp3": speech.convert(speech_wav, media_dir / "hello.mp3"),
        "m4a": speech.convert(speech_wav, media_dir / "hello.m4a", "-c:a", "aac"),
        "mp4": speech.make_video(speech_wav, media_dir / "hello.mp4"),
    }


@pytest.fixture(scope="session")
def long_wav(media_dir) -> Path:
    """An hour of tone at 16 kHz (115 MB): decoding it takes about a second."""
    out = media_dir / "hour.wav"
    speech.ffmpeg("-f", "lavfi", "-i", "sine=f=440:r=16000:d=3600", str(out))
    return out
