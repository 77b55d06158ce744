"""probe_media and extract_audio with the real bundled ffmpeg, real files and fake faulty ffmpegs."""

from __future__ import annotations

import os
import threading
import time
from pathlib import Path

import numpy as np
import psutil
import pytest

from desktop_app.core.errors import CancelledError, FileCheckError, MediaError, MediaTimeoutError
from desktop_app.core.filecheck import check_file
from desktop_app.core.media import SAMPLE_RATE, extract_audio, ffmpeg_exe, probe_media
import speech
from fakes import CHATTY_FFMPEG, HANGING_FFMPEG, KILLED_FFMPEG

FORMATS = ["wav", "mp3", "m4a", "mp4"]
CODECS = {"wav": "pcm_s16le", "mp3": "mp3", "m4a": "aac", "mp4": "aac"}


def test_ffmpeg_is_the_bundled_one():
    assert "imageio_ffmpeg" in ffmpeg_exe()
    assert ffmpeg_exe() is ffmpeg_exe()


@pytest.mark.parametrize("fmt", FORMATS)
def test_probe_speech(english_media, english_wav, fmt):
    info = probe_media(english_media[fmt])
    assert info.audio_streams == 1
    assert info.audio_codec == CODECS[fmt]
    assert info.has_video == (fmt == "mp4")
    assert abs(info.duration_s - speech.duration_s(english_wav)) < 0.2


@pytest.mark.parametrize("fmt", FORMATS)
def test_extract_speech(english_media, english_wav, fmt):
    audio = extract_audio(english_media[fmt], timeout_s=30)
    assert audio.dtype == np.float32 and audio.ndim == 1
    assert abs(len(audio) / SAMPLE_RATE - speech.duration_s(english_wav)) < 0.2
    assert 0.05 < np.abs(audio).max() <= 1.0  # speech, not silence or garbage


def test_extract_reports_progress(english_media):
    info = probe_media(english_media["wav"])
    seen: list[float] = []
    extract_audio(english_media["wav"], 30, duration_s=info.duration_s, on_progress=seen.append)
    assert seen and seen == sorted(seen) and seen[-1] == 1.0


def test_non_utf8_and_protocol_like_names(tmp_path, english_wav):
    for raw in (b"caf\xe9-\xff.wav", b"concat:odd|name.wav", b"-i.wav"):
        dst = os.fsencode(tmp_path) + b"/" + raw
        with open(dst, "wb") as fh:
            fh.write(english_wav.read_bytes())
        path = Path(os.fsdecode(dst))
        assert probe_media(path).audio_streams == 1
        assert len(extract_audio(path, 30)) > SAMPLE_RATE


def test_empty_file_is_not_media(tmp_path):
    f = tmp_path / "empty.mp3"
    f.touch()
    with pytest.raises(MediaError, match="isn't an audio or video file ffmpeg can read"):
        probe_media(f)


def test_random_bytes_named_mp3(tmp_path):
    f = tmp_path / "song.mp3"
    f.write_bytes(np.random.default_rng(1).bytes(50_000))
    with pytest.raises(MediaError, match="isn't an audio or video file ffmpeg can read"):
        probe_media(f)
    with pytest.raises(MediaError, match="isn't an audio or video file ffmpeg can read"):
        extract_audio(f, 30)


def test_truncated_mp4(tmp_path, english_media):
    f = speech.truncate_copy(english_media["mp4"], tmp_path / "cut.mp4", 0.5)
    with pytest.raises(MediaError, match="damaged or incomplete"):
        probe_media(f)
    with pytest.raises(MediaError, match="damaged or incomplete"):
        extract_audio(f, 30)


def test_video_without_audio(tmp_path):
    f = speech.make_silent_video(tmp_path / "silent.mp4")
    info_error = "has no audio track"
    with pytest.raises(MediaError, match=info_error):
        probe_media(f)
    with pytest.raises(MediaError, match=info_error):
        extract_audio(f, 30)


def test_zero_length_audio(tmp_path):
    f = tmp_path / "nothing.wav"
    speech.ffmpeg("-f", "lavfi", "-i", "anullsrc=r=16000:cl=mono", "-t", "0", str(f))
    with pytest.raises(MediaError, match="contains no audio samples"):
        extract_audio(f, 30)


def test_file_deleted_after_check(tmp_path, english_wav):
    f = tmp_path / "gone.wav"
    f.write_bytes(english_wav.read_bytes())
    check_file(f, 1 << 30)
    f.unlink()
    with pytest.raises(FileCheckError, match="no longer exists"):
        extract_audio(f, 30)
    with pytest.raises(FileCheckError, match="no longer exists"):
        probe_media(f)


def _running(pid: int) -> bool:
    try:
        return psutil.Process(pid).status() != psutil.STATUS_ZOMBIE
    except psutil.NoSuchProcess:
        return False


def _assert_gone(pids: list[int], wait_s: float = 10.0) -> None:
    """Each pid is gone or a zombie (an orphaned child is reaped by init, when it gets to it)."""
    deadline = time.monotonic() + wait_s
    while any(_running(pid) for pid in pids) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not [pid for pid in pids if _running(pid)], "ffmpeg processes outlived their kill"


@pytest.mark.parametrize("step", ["probe", "extract"])
def test_hanging_ffmpeg_is_killed_with_its_child(tmp_path, monkeypatch, english_wav, step):
    pidfile = tmp_path / "pids"
    monkeypatch.setenv("HANGING_FFMPEG_PIDS", str(pidfile))
    with pytest.raises(MediaTimeoutError, match="longer than 1 s"):  # how soon: bench/fault_timings.py
        if step == "probe":
            probe_media(english_wav, timeout_s=1, ffmpeg=str(HANGING_FFMPEG))
        else:
            extract_audio(english_wav, 1, ffmpeg=str(HANGING_FFMPEG))
    pids = [int(p) for p in pidfile.read_text().split()]
    assert len(pids) == 2
    _assert_gone(pids)


def test_killed_ffmpeg(tmp_path, english_wav):
    with pytest.raises(MediaError, match=r"stopped by the system \(SIGKILL\)"):
        extract_audio(english_wav, 10, ffmpeg=str(KILLED_FFMPEG))
    with pytest.raises(MediaError, match=r"stopped by the system \(SIGKILL\)"):
        probe_media(english_wav, 10, ffmpeg=str(KILLED_FFMPEG))


def test_chatty_ffmpeg_does_not_deadlock(english_wav):
    # a deadlock would show as the 20 s timeout's MediaTimeoutError
    audio = extract_audio(english_wav, 20, ffmpeg=str(CHATTY_FFMPEG))
    assert len(audio) == SAMPLE_RATE and not audio.any()


def test_cancel_stops_the_extraction(long_wav):
    """Cancelled at its first progress report, it stops before the end (how soon: bench/fault_timings.py)."""
    cancel = threading.Event()
    seen: list[float] = []

    def on_progress(fraction: float) -> None:
        seen.append(fraction)
        cancel.set()

    with pytest.raises(CancelledError):
        extract_audio(long_wav, 600, cancel=cancel, on_progress=on_progress, duration_s=3600)
    assert seen and max(seen) < 1.0


def test_cancel_from_another_thread(long_wav):
    cancel = threading.Event()
    timer = threading.Timer(0.2, cancel.set)
    timer.start()
    with pytest.raises(CancelledError):
        extract_audio(long_wav, 600, cancel=cancel)
    timer.join()


def test_long_file_extracts_fully(long_wav):
    audio = extract_audio(long_wav, 600)  # its speed: bench/fault_timings.py
    assert len(audio) == 3600 * SAMPLE_RATE
