"""The `daredevil` command end to end: real model, real ffmpeg, real files."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from cli_helpers import run_cli
from speech import HELLO_WORDS

from desktop_app import __version__


def test_version():
    result = run_cli("--version")
    assert result.returncode == 0
    assert __version__ in result.stdout


def test_usage_error_exits_2():
    assert run_cli("transcribe").returncode == 2
    assert run_cli("transcribe", "x.wav", "--format", "doc").returncode == 2


@pytest.mark.heavy
def test_transcribe_writes_txt_next_to_input(tiny_en_model, english_wav, tmp_path):
    source = tmp_path / "talk.wav"
    shutil.copy(english_wav, source)
    result = run_cli("transcribe", str(source), "--model", "tiny.en")
    assert result.returncode == 0, result.stderr
    text = (tmp_path / "talk.txt").read_text(encoding="utf-8").lower()
    for word in HELLO_WORDS:
        assert word in text


@pytest.mark.heavy
def test_all_formats_into_output_dir(tiny_en_model, english_media, tmp_path):
    out = tmp_path / "out"
    result = run_cli(
        "transcribe", str(english_media["mp4"]), "--model", "tiny.en",
        "--format", "all", "--word-timestamps", "--output-dir", str(out), "--max-line-width", "20",
    )
    assert result.returncode == 0, result.stderr
    for ext in ("txt", "srt", "vtt", "tsv", "json"):
        assert (out / f"hello.{ext}").stat().st_size > 0
    srt = (out / "hello.srt").read_text(encoding="utf-8")
    assert "-->" in srt and "world" in srt.lower()
    for line in srt.splitlines():
        if line and "-->" not in line and not line.isdigit():
            assert len(line) <= 20 or " " not in line


@pytest.mark.heavy
def test_one_bad_file_fails_alone(tiny_en_model, english_wav, tmp_path):
    good = tmp_path / "good.wav"
    shutil.copy(english_wav, good)
    bad = tmp_path / "noise.mp3"
    bad.write_bytes(os.urandom(4096))
    empty = tmp_path / "empty.wav"
    empty.touch()
    result = run_cli("transcribe", str(bad), str(good), str(empty), "--model", "tiny.en")
    assert result.returncode == 1
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 2, result.stderr
    assert lines[0].startswith(f"{bad}: ")
    assert lines[1].startswith(f"{empty}: ")
    assert "Traceback" not in result.stderr
    assert "world" in (tmp_path / "good.txt").read_text(encoding="utf-8").lower()


@pytest.mark.heavy
def test_second_run_is_served_from_cache(tiny_en_model, english_wav, tmp_path, app_home):
    source = tmp_path / "again.wav"
    shutil.copy(english_wav, source)
    assert run_cli("transcribe", str(source), "--model", "tiny.en").returncode == 0
    first = (tmp_path / "again.txt").read_text(encoding="utf-8")
    (tmp_path / "again.txt").unlink()
    assert run_cli("transcribe", str(source), "--model", "tiny.en").returncode == 0
    assert (tmp_path / "again.txt").read_text(encoding="utf-8") == first
    log = (app_home / "logs" / "daredevil.log").read_text(encoding="utf-8")
    assert f"{source}: done (cached)" in log


def test_unknown_model_gives_advice(tmp_path, english_wav):
    result = run_cli("transcribe", str(english_wav), "--model", "no-such-model")
    assert result.returncode == 1
    assert "no-such-model" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.heavy
def test_models_list_shows_installed(tiny_en_model):
    result = run_cli("models", "list")
    assert result.returncode == 0
    assert "tiny.en" in result.stdout and "English-only" in result.stdout


def test_an_english_only_model_is_refused_for_translation(tiny_en_model, english_wav, tmp_path):
    source = tmp_path / "talk.wav"
    shutil.copy(english_wav, source)
    result = run_cli("transcribe", str(source), "--model", "tiny.en", "--task", "translate")
    assert result.returncode == 2
    [line] = [line for line in result.stderr.splitlines() if line.strip()]
    assert "English-only" in line and "multilingual" in line
    assert not (tmp_path / "talk.txt").exists()


@pytest.mark.heavy
def test_the_json_passes_openai_whispers_own_assertions(tiny_en_model, english_wav, tmp_path):
    """The checks of openai-whisper's tests/test_transcribe.py, on our `--format json`."""
    import json

    result = run_cli("transcribe", str(english_wav), "--model", "tiny.en", "--format", "json",
                     "--word-timestamps", "--output-dir", str(tmp_path))  # fmt: skip
    assert result.returncode == 0, result.stderr
    data = json.loads((tmp_path / f"{english_wav.stem}.json").read_text(encoding="utf-8"))
    assert data["language"] == "en"
    assert data["text"] == "".join([s["text"] for s in data["segments"]])
    transcription = data["text"].lower()
    assert all(word in transcription for word in HELLO_WORDS), transcription
    timing_checked = False
    for segment in data["segments"]:
        assert {"id", "seek", "tokens", "temperature", "avg_logprob", "compression_ratio",
                "no_speech_prob"} <= set(segment)  # fmt: skip
        assert segment["tokens"] and all(isinstance(t, int) for t in segment["tokens"])
        for timing in segment["words"]:
            assert timing["start"] < timing["end"]
            if timing["word"].strip(" ,.").lower() == "hello":  # said first, within its first second
                assert timing["start"] <= 0.6 and timing["end"] >= 0.3
                timing_checked = True
    assert timing_checked
    assert [s["id"] for s in data["segments"]] == list(range(len(data["segments"])))


@pytest.mark.heavy
def test_word_timings_follow_the_flag_over_the_settings(tiny_en_model, english_wav, tmp_path):
    import json

    def words_in(*flags: str) -> int:
        out = tmp_path / ("-".join(flags) or "default")
        result = run_cli("transcribe", str(english_wav), "--model", "tiny.en", "--format", "json", "--no-cache",
                         "--output-dir", str(out), *flags)  # fmt: skip
        assert result.returncode == 0, result.stderr
        data = json.loads((out / f"{english_wav.stem}.json").read_text(encoding="utf-8"))
        return sum(len(s.get("words", [])) for s in data["segments"])

    assert words_in() == 0  # off in the settings by default: they cost about 10 % on faster-whisper
    assert words_in("--word-timestamps") >= len(HELLO_WORDS)
    assert words_in("--no-word-timestamps") == 0
