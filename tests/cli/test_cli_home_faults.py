"""A read-only or full app home: one clear line, never a traceback; a full disk still transcribes."""

from __future__ import annotations

import pytest

from cli_helpers import run_cli
from speech import HELLO_WORDS as ENGLISH_WORDS


def _one_clear_line(result, *words):
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert result.returncode == 1, result.stderr
    assert len(lines) == 1, result.stderr
    assert "Traceback" not in result.stderr and "Logging error" not in result.stderr
    for word in words:
        assert word in lines[0], lines[0]
    return lines[0]


@pytest.mark.parametrize(
    "args",
    [("transcribe", "x.wav"), ("models", "list"), ("gui", "--exit-when-done", "x.wav")],
    ids=["transcribe", "models-list", "window"],
)
def test_a_read_only_home_is_one_clear_line(read_only_home, args):
    result = run_cli(*args, env={"DAREDEVIL_HOME": str(read_only_home)}, timeout=120)
    _one_clear_line(result, "can't write to", str(read_only_home), "read-only")


def test_a_home_that_cant_be_created_names_the_read_only_folder(read_only_folder):
    home = read_only_folder / "daredevil"
    result = run_cli("models", "list", env={"DAREDEVIL_HOME": str(home)}, timeout=120)
    line = _one_clear_line(result, "can't write to")
    assert str(read_only_folder) in line and str(home) not in line.split(":")[0]


@pytest.mark.heavy
def test_on_a_full_disk_the_cli_still_transcribes_and_logging_stays_quiet(full_home, english_wav, tmp_path):
    out = tmp_path / "out"
    result = run_cli("transcribe", str(english_wav), "--output-dir", str(out), env={"DAREDEVIL_HOME": str(full_home)})
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""  # no "--- Logging error ---" tracebacks, no other noise
    text = (out / "hello.txt").read_text(encoding="utf-8").lower()
    assert all(word in text for word in ENGLISH_WORDS)
