"""The CLI with a settings.json of the wrong shape: a warning naming the file and field, never a crash."""

from __future__ import annotations

import pytest

from model_fixtures import model_path

from cli_helpers import run_cli
from speech import HELLO_WORDS as ENGLISH_WORDS

BAD = [("[]", None), ("null", None), ("42", None), ('{"limits": 5}', "'limits'"),
       ('{"task": "bogus"}', "'task'"), ('{"cache_max_bytes": "big"}', "'cache_max_bytes'")]  # fmt: skip


def _home_with(tmp_path, content):
    home = tmp_path / "home"
    (home / "config").mkdir(parents=True)
    (home / "config" / "settings.json").write_text(content, encoding="utf-8")
    return home


@pytest.mark.parametrize(("content", "field"), BAD)
def test_a_bad_settings_file_is_a_warning_not_a_crash(tiny_en_model, tmp_path, content, field):
    home = _home_with(tmp_path, content)
    missing = tmp_path / "missing.wav"
    result = run_cli("transcribe", str(missing), "--model", model_path(tiny_en_model),
                     env={"DAREDEVIL_HOME": str(home)})  # fmt: skip
    assert result.returncode == 1 and "Traceback" not in result.stderr
    warning, failure = result.stderr.splitlines()
    assert warning.startswith("daredevil: warning: ") and str(home / "config" / "settings.json") in warning
    if field:
        assert field in warning
    assert failure.startswith(f"{missing}: ")


@pytest.mark.heavy
def test_a_bad_cache_size_no_longer_fails_after_the_transcription(tiny_en_model, english_wav, tmp_path):
    home = _home_with(tmp_path, '{"cache_max_bytes": "big"}')
    out = tmp_path / "out"
    result = run_cli("transcribe", str(english_wav), "--model", model_path(tiny_en_model), "--output-dir", str(out),
                     env={"DAREDEVIL_HOME": str(home)})  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "'cache_max_bytes'" in result.stderr
    text = (out / "hello.txt").read_text(encoding="utf-8").lower()
    assert all(word in text for word in ENGLISH_WORDS)
