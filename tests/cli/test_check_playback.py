"""`daredevil check-playback FILE`: the editor's player, run as a sound check from the command line."""

from __future__ import annotations

from cli_helpers import run_cli
from speech import make_video, speak


def test_a_real_file_plays_to_the_audio_output(tmp_path):
    wav = speak("Checking that the sound comes out of the speakers.", tmp_path / "check.wav")
    done = run_cli("check-playback", str(make_video(wav, tmp_path / "check.mp4")), timeout=60, env=_env(tmp_path))
    assert done.returncode == 0, done.stderr[-2000:]
    assert "playback: ok" in done.stdout and "check.mp4" in done.stdout


def test_a_missing_file_is_named(tmp_path):
    done = run_cli("check-playback", str(tmp_path / "gone.wav"), timeout=60, env=_env(tmp_path))
    assert done.returncode == 1 and "gone.wav is not a file" in done.stderr


def _env(tmp_path) -> dict[str, str]:
    return {"DAREDEVIL_HOME": str(tmp_path / "home"), "QT_QPA_PLATFORM": "offscreen"}
