"""A file that changes while it is read never poisons the cache (issue 12, item 5).

The held fake ffmpeg stops the extraction at its start, so the test can change the file
"mid-extraction" at a known moment, then lets the real ffmpeg run.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from model_fixtures import model_path

import speech
from lifetime_checks import HeldFfmpeg, wait_for

pytestmark = pytest.mark.heavy
HOUR_NS = 3600 * 10**9
CHANGED = "The file changed while it was being read; run it again."


@pytest.fixture(scope="module")
def same_size_pair(tmp_path_factory) -> tuple[bytes, bytes]:
    """Two WAVs of different speech with exactly the same size (6 s, 16 kHz mono)."""
    folder = tmp_path_factory.mktemp("pair")
    out = []
    for name, text in (("hello", speech.HELLO), ("weather", speech.WEATHER)):
        spoken = speech.speak(text, folder / f"{name}-raw.wav")
        fixed = folder / f"{name}.wav"
        speech.ffmpeg("-i", str(spoken), "-af", "apad=whole_dur=6", "-t", "6", "-ar", "16000", "-ac", "1", str(fixed))
        out.append(fixed.read_bytes())
    assert len(out[0]) == len(out[1]) and out[0] != out[1]
    return out[0], out[1]


def _write_old(path: Path, data: bytes) -> None:
    path.write_bytes(data)
    old = time.time_ns() - HOUR_NS
    os.utime(path, ns=(old, old))


def _overwrite_in_place(path: Path, data: bytes, keep_mtime: bool = False) -> None:
    """Same inode, same size, new bytes (and, if asked, the old mtime put back)."""
    before = os.stat(path)
    with open(path, "r+b") as f:
        f.write(data)
    if keep_mtime:
        os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    wait_for(lambda: os.stat(path).st_ctime_ns != before.st_ctime_ns, 5, "a new ctime")


def _cli(tmp_path, model, source, env=None) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "desktop_app", "transcribe", str(source), "--model", model_path(model),
         "--output-dir", str(tmp_path / "out")],
        stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        env={**os.environ, "DAREDEVIL_HOME": str(tmp_path / "home"), **(env or {})},
    )  # fmt: skip


def _done(proc) -> tuple[int, str]:
    _out, err = proc.communicate(timeout=300)
    return proc.returncode, err


def _log(tmp_path) -> str:
    return (tmp_path / "home" / "logs" / "daredevil.log").read_text(errors="replace")


def _changed_mid_extraction(tmp_path, model, source, change) -> tuple[int, str]:
    held = HeldFfmpeg(tmp_path / "fake", hold="extract")
    cli = _cli(tmp_path, model, source, held.env)
    try:
        held.wait_held(180, cli)  # checked, probed and hashed; ffmpeg about to read
        change()
        held.release()
        return _done(cli)
    finally:
        if cli.poll() is None:
            cli.kill()
            cli.communicate()


def test_a_same_size_overwrite_during_extraction_is_refused_and_not_cached(tiny_en_model, same_size_pair, tmp_path):
    old_audio, new_audio = same_size_pair
    source = tmp_path / "talk.wav"
    _write_old(source, old_audio)
    code, err = _changed_mid_extraction(tmp_path, tiny_en_model, source, lambda: _overwrite_in_place(source, new_audio))
    assert code == 1 and err.strip() == f"{source}: {CHANGED}", err
    assert not (tmp_path / "out" / "talk.txt").exists()

    _overwrite_in_place(source, old_audio, keep_mtime=True)  # the untouched original again
    code, err = _done(_cli(tmp_path, tiny_en_model, source))
    assert code == 0, err
    text = (tmp_path / "out" / "talk.txt").read_text(encoding="utf-8").lower()
    assert all(word in text for word in speech.HELLO_WORDS[:3])
    assert f"{source}: done (transcribed)" in _log(tmp_path)  # nothing was cached under its hash


def test_a_truncation_during_extraction_is_refused(tiny_en_model, same_size_pair, tmp_path):
    source = tmp_path / "talk.wav"
    _write_old(source, same_size_pair[0])

    def truncate() -> None:
        with open(source, "r+b") as f:
            f.truncate(len(same_size_pair[0]) // 2)

    code, err = _changed_mid_extraction(tmp_path, tiny_en_model, source, truncate)
    assert code == 1 and err.strip() == f"{source}: {CHANGED}", err
    assert not (tmp_path / "out" / "talk.txt").exists()


def test_a_same_size_overwrite_with_its_old_mtime_put_back_is_transcribed_anew(tiny_en_model, same_size_pair, tmp_path):
    old_audio, new_audio = same_size_pair
    source = tmp_path / "talk.wav"
    _write_old(source, old_audio)
    code, err = _done(_cli(tmp_path, tiny_en_model, source))
    assert code == 0, err
    first = (tmp_path / "out" / "talk.txt").read_text(encoding="utf-8").lower()
    assert "hello" in first

    _overwrite_in_place(source, new_audio, keep_mtime=True)  # size, inode and mtime as before
    code, err = _done(_cli(tmp_path, tiny_en_model, source))
    assert code == 0, err
    second = (tmp_path / "out" / "talk.txt").read_text(encoding="utf-8").lower()
    assert "hello" not in second
    assert sum(word in second for word in speech.WEATHER_WORDS) >= 3, second
    assert _log(tmp_path).count(f"{source}: done (transcribed)") == 2
