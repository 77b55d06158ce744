"""Output names (issue 12, item 11): no output replaces another of the same run or an input;
a stem near the file system's limit is written; outputs get the umask's mode."""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys

import pytest

import speech
from cli_helpers import run_cli

pytestmark = pytest.mark.heavy


@pytest.fixture(scope="module")
def weather_wav(tmp_path_factory):
    return speech.speak(speech.WEATHER, tmp_path_factory.mktemp("weather") / "weather.wav")


def _words(path, words, at_least):
    text = path.read_text(encoding="utf-8").lower()
    assert sum(word in text for word in words) >= at_least, text
    return text


def test_two_inputs_with_the_same_stem_are_numbered_not_overwritten(tiny_en_model, english_wav, weather_wav, tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    first, second = tmp_path / "a" / "x.wav", tmp_path / "b" / "x.wav"
    shutil.copy(english_wav, first)
    shutil.copy(weather_wav, second)
    out = tmp_path / "o"
    result = run_cli("transcribe", str(first), str(second), "--model", "tiny.en", "--output-dir", str(out))
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in out.iterdir()) == ["x (2).txt", "x.txt"]  # as the export dialog numbers
    _words(out / "x.txt", speech.HELLO_WORDS, 3)
    _words(out / "x (2).txt", speech.WEATHER_WORDS, 3)
    [note] = result.stderr.splitlines()
    assert note.startswith(f"{second}: ") and "x (2).txt" in note


def test_an_input_named_like_its_output_is_never_written_over(tiny_en_model, english_wav, tmp_path):
    clip = tmp_path / "clip.txt"  # media, whatever its extension says
    shutil.copy(english_wav, clip)
    original = clip.read_bytes()
    result = run_cli("transcribe", str(clip), "--model", "tiny.en")
    assert result.returncode == 0, result.stderr
    assert clip.read_bytes() == original
    _words(tmp_path / "clip (2).txt", speech.HELLO_WORDS, 3)
    assert "clip (2).txt" in result.stderr


def test_a_250_byte_stem_is_written_with_the_umasks_mode(tiny_en_model, english_wav, tmp_path):
    stem = "s" * 250  # "<stem>.json" is 255 bytes, the most a name may have
    source = tmp_path / f"{stem}.wav"
    shutil.copy(english_wav, source)
    result = subprocess.run(
        [sys.executable, "-m", "desktop_app", "transcribe", str(source), "--model", "tiny.en", "--format", "all"],
        capture_output=True, text=True, timeout=300, preexec_fn=lambda: os.umask(0o027),
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    for ext in ("txt", "srt", "vtt", "tsv", "json"):
        written = tmp_path / f"{stem}.{ext}"
        assert stat.S_IMODE(written.stat().st_mode) == 0o640, ext  # 0666 & ~027, not mkstemp's 0600
    _words(tmp_path / f"{stem}.txt", speech.HELLO_WORDS, 3)
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]  # no temp file left
