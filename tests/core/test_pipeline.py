"""Pipeline stages on real files (no transcription needed for these checks)."""

from __future__ import annotations

import os
import shutil

import pytest

from desktop_app.core.errors import FileCheckError
from desktop_app.core.pipeline import Pipeline
from desktop_app.core.settings import Settings


@pytest.fixture
def pipeline(tiny_en_model, tmp_path, monkeypatch):
    monkeypatch.setenv("DAREDEVIL_HOME", str(tmp_path / "home"))
    from desktop_app.core.models import registry

    registry.import_model(tiny_en_model.form(registry.ModelFormat.CTRANSLATE2).path, "tiny.en")
    pipe = Pipeline(Settings(model="tiny.en"))
    yield pipe
    pipe.close()


def test_a_file_changed_after_its_check_is_not_extracted_under_the_old_key(pipeline, english_wav, tmp_path):
    source = tmp_path / "talk.wav"
    shutil.copy(english_wav, source)
    prepared = pipeline.prepare(source)
    assert prepared.cache_key and prepared.media.audio_streams == 1
    with open(source, "ab") as f:  # the file grows while it waits in the queue
        f.write(b"\0" * 3200)
    with pytest.raises(FileCheckError, match="changed after it was checked"):
        pipeline.extract(prepared)


def test_an_unusable_cache_folder_means_no_cache_not_a_crash(tmp_path, monkeypatch):
    home = tmp_path / "home"
    monkeypatch.setenv("DAREDEVIL_HOME", str(home))
    (home / "cache").mkdir(parents=True)
    (home / "cache" / "results.sqlite3").mkdir()  # a folder where the database file should be
    pipe = Pipeline(Settings())
    try:
        assert pipe.cache is None
    finally:
        pipe.close()
    assert os.path.isdir(home / "cache" / "results.sqlite3")
