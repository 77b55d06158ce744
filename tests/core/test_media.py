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
def test_probe_speech(speech_files, speech_wav, fmt):
    info = probe_media(speech_files[fmt])
    assert info.audio_streams == 1
    assert info.audio_codec == CODECS[fmt]
    assert info.has_video == (fmt == "mp4")
    assert abs(info.duration_s - speech.duration_s(speech_wav)) < 0.2


@pytest.mark.parametrize("fmt", FORMATS)
def test_extract_speech(speech_files, speech_wav, fmt):
    audio = extract_audio(speech_files[fmt], timeout_s=30)
    assert audio.dtype == np.float32 and audio.ndim == 1
    assert abs(len(audio) / SAMPLE_RATE - speech.duration_s(speech_wav)) < 0.2
    assert 0.05 < np.abs(audio).max() <= 1.0  # speech, not silence or garbage


def test_extract_reports_progress(speech_files):
    info = probe_media(speech_files["wav"])
    seen: list[float] = []
    extract_audio(speech_files["wav"], 30, duration_s=info.duration_s, on_progress=seen.append)
    assert seen and seen == sorted(seen) and seen[-1] == 1.0


def test_non_utf8_and_protocol_like_names(tmp_path, speech_wav):
    for raw in (b"caf\xe9-\xff.wav", b"concat:odd|name.wav", b"-i.wav"):
        dst = os.fsencode(tmp_path) + b"/" + raw
        with open(dst, "wb") as fh:
            fh.write(speech_wav.read_bytes())
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


def test_truncated_mp4(tmp_path, speech_files):
    f = speech.truncate_copy(speech_files["mp4"], tmp_path / "cut.mp4", 0.5)
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


def test_file_deleted_after_check(tmp_path, speech_wav):
    f = tmp_path / "gone.wav"
    f.write_bytes(speech_wav.read_bytes())
    check_file(f, 1 << 30)
    f.unlink()
    with pytest.raises(FileCheckError, match="no longer exists"):
        extract_audio(f, 30)
    with pytest.raises(FileCheckError, match="no longer exists"):
        probe_media(f)


def _assert_gone(pids: list[int]) -> None:
    for pid in pids:
        try:
            status = psutil.Process(pid).status()
        except psutil.NoSuchProcess:
            continue
        assert status == psutil.STATUS_ZOMBIE, f"pid {pid} still {status}"


@pytest.mark.parametrize("step", ["probe", "extract"])
def test_hanging_ffmpeg_is_killed_with_its_child(tmp_path, monkeypatch, speech_wav, step):
    pidfile = tmp_path / "pids"
    monkeypatch.setenv("HANGING_FFMPEG_PIDS", str(pidfile))
    start = time.monotonic()
    with pytest.raises(MediaTimeoutError, match="longer than 1 s"):
        if step == "probe":
            probe_media(speech_wav, timeout_s=1, ffmpeg=str(HANGING_FFMPEG))
        else:
            extract_audio(speech_wav, 1, ffmpeg=str(HANGING_FFMPEG))
    assert 0.9 < time.monotonic() - start < 1.5
    pids = [int(p) for p in pidfile.read_text().split()]
    assert len(pids) == 2
    time.sleep(0.1)  # the orphaned child is reaped by init, not by us
    _assert_gone(pids)


def test_killed_ffmpeg(tmp_path, speech_wav):
    with pytest.raises(MediaError, match=r"stopped by the system \(SIGKILL\)"):
        extract_audio(speech_wav, 10, ffmpeg=str(KILLED_FFMPEG))
    with pytest.raises(MediaError, match=r"stopped by the system \(SIGKILL\)"):
        probe_media(speech_wav, 10, ffmpeg=str(KILLED_FFMPEG))


def test_chatty_ffmpeg_does_not_deadlock(speech_wav):
    start = time.monotonic()
    audio = extract_audio(speech_wav, 20, ffmpeg=str(CHATTY_FFMPEG))
    assert len(audio) == SAMPLE_RATE and not audio.any()
    assert time.monotonic() - start < 20


def test_cancel_stops_within_half_a_second(long_wav):
    cancel = threading.Event()
    marks: dict[str, float] = {}

    def first_progress(_fraction: float) -> None:
        if not cancel.is_set():
            marks["cancelled"] = time.monotonic()
            cancel.set()

    with pytest.raises(CancelledError):
        extract_audio(long_wav, 60, cancel=cancel, on_progress=first_progress, duration_s=3600)
    assert time.monotonic() - marks["cancelled"] < 0.5


def test_cancel_from_another_thread(long_wav):
    cancel = threading.Event()
    timer = threading.Timer(0.2, cancel.set)
    timer.start()
    start = time.monotonic()
    with pytest.raises(CancelledError):
        extract_audio(long_wav, 60, cancel=cancel)
    assert time.monotonic() - start < 0.2 + 0.5
    timer.join()


def test_long_file_extracts_fully(long_wav):
    start = time.monotonic()
    audio = extract_audio(long_wav, 60)
    assert len(audio) == 3600 * SAMPLE_RATE
    assert time.monotonic() - start < 30
