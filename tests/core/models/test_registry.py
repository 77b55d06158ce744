"""Installed models: import, list, resolve, delete, and the bundled starter model."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from desktop_app.core.models import (
    STARTER_MODEL_NAME,
    ChecksumMismatchError,
    ModelError,
    ModelNotFoundError,
    delete_model,
    import_model,
    install_starter_model,
    list_installed,
    load_checkpoint_model,
    resolve_model,
)
from desktop_app.core.models import registry
from model_fixtures import tiny_en_source
from speech import MEETING_WORDS


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith("."))


def test_import_pt_writes_checkpoint_and_sidecar(models_dir: Path, fake_checkpoint: Path):
    info = import_model(fake_checkpoint, name="small-test")
    assert info.path == models_dir / "small-test.pt"
    assert info.sha256 == registry.sha256_file(fake_checkpoint)
    assert info.size_bytes == fake_checkpoint.stat().st_size and info.multilingual
    sidecar = json.loads((models_dir / "small-test.json").read_text())
    assert sidecar["sha256"] == info.sha256 and sidecar["dims"]["n_vocab"] == 51865
    assert list_installed() == [info]
    assert _leftovers(models_dir) == []


def test_import_keeps_names_unique_and_safe(models_dir: Path, fake_checkpoint: Path):
    assert import_model(fake_checkpoint).name == "fake"
    with pytest.raises(ModelError, match="already installed"):
        import_model(fake_checkpoint)
    assert import_model(fake_checkpoint, replace=True).name == "fake"
    with pytest.raises(ModelError, match="cannot be a model name"):
        import_model(fake_checkpoint, name="../evil")


def test_import_rejects_files_that_are_not_checkpoints(models_dir: Path, tmp_path: Path):
    junk = tmp_path / "junk.pt"
    junk.write_bytes(b"\0" * 100)
    with pytest.raises(ModelError, match="not a readable"):
        import_model(junk)
    assert list(models_dir.iterdir()) == []


def test_resolve_by_name_default_path_and_unknown(models_dir: Path, fake_checkpoint: Path):
    info = import_model(fake_checkpoint, name="a")
    assert resolve_model("a", None) == info
    assert resolve_model(None, "a") == info
    assert resolve_model(str(info.path), None) == info
    outside = resolve_model(str(fake_checkpoint), None)
    assert outside.path == fake_checkpoint and outside.sha256 == info.sha256
    with pytest.raises(ModelNotFoundError, match="daredevil models download medium") as caught:
        resolve_model("medium", "a")
    assert "Models > Import" in str(caught.value)
    with pytest.raises(ModelNotFoundError, match="does not exist"):
        resolve_model(str(models_dir / "nope.pt"), None)
    with pytest.raises(ModelNotFoundError, match="No model was chosen"):
        resolve_model(None, None)


def test_delete_and_broken_entries(models_dir: Path, fake_checkpoint: Path):
    import_model(fake_checkpoint, name="a")
    import_model(fake_checkpoint, name="b")
    (models_dir / "b.pt").write_bytes(b"short")  # size no longer matches the sidecar
    (models_dir / "c.json").write_text("{not json")
    assert [i.name for i in list_installed()] == ["a"]
    delete_model("a")
    assert not (models_dir / "a.pt").exists() and not (models_dir / "a.json").exists()
    with pytest.raises(ModelNotFoundError):
        delete_model("a")


@pytest.mark.heavy
def test_import_ct2_folder_converts_it(models_dir: Path, tmp_path: Path):
    folder = shutil.copytree(tiny_en_source(), tmp_path / "faster-whisper-tiny.en")
    info = import_model(folder, name="tiny.en")
    assert info.path == models_dir / "tiny.en.pt" and not info.multilingual
    assert info.source.startswith("faster-whisper folder")
    assert registry.sha256_file(info.path) == info.sha256
    assert _leftovers(models_dir) == []


def test_starter_checksum_is_checked(models_dir: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(registry, "STARTER_MODEL_SHA256", "0" * 64)
    with pytest.raises(ChecksumMismatchError, match="starter model is damaged"):
        install_starter_model()
    assert list(models_dir.iterdir()) == []


@pytest.mark.heavy
def test_starter_model_installs_as_multilingual_base(models_dir: Path, speech_audio):
    import torch

    info = install_starter_model()
    assert info.name == STARTER_MODEL_NAME == "base" and info.multilingual
    assert install_starter_model() == info  # already there: nothing redone
    assert _leftovers(models_dir) == []
    checkpoint = torch.load(info.path, weights_only=True, mmap=True)
    assert checkpoint["dims"]["n_text_layer"] == 6 and checkpoint["dims"]["n_vocab"] == 51865
    assert checkpoint["alignment_heads"] == [[3, 1], [4, 2], [4, 3], [4, 7], [5, 1], [5, 2], [5, 4], [5, 6]]

    model = load_checkpoint_model(info.path, device="cpu")
    text = model.transcribe(speech_audio, fp16=False, language="en", temperature=0.0)["text"].lower()
    assert sum(word in text for word in MEETING_WORDS) >= len(MEETING_WORDS) - 2, text
