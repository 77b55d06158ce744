"""Installed models: import (both forms), list, resolve, delete, and the starter model."""

from __future__ import annotations

import json
import os
import shutil
import stat
from pathlib import Path

import pytest

from desktop_app.core.hashing import content_hash
from desktop_app.core.models import (
    STARTER_MODEL_NAME,
    ChecksumMismatchError,
    ModelError,
    ModelFormat,
    ModelNotFoundError,
    delete_model,
    ensure_openai_form,
    import_model,
    install_starter_model,
    list_installed,
    load_checkpoint_model,
    resolve_model,
)
from desktop_app.core.models.advice import network_available
from model_fixtures import tiny_en_source
from speech import MEETING_WORDS

OPENAI, CT2 = ModelFormat.OPENAI, ModelFormat.CTRANSLATE2


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith("."))


def test_import_pt_installs_both_forms_and_a_sidecar(models_dir: Path, fake_checkpoint: Path):
    info = import_model(fake_checkpoint, name="small-test")
    pt, ct2 = info.form(OPENAI), info.form(CT2)
    assert pt.path == models_dir / "small-test.pt" and ct2.path == models_dir / "small-test.ct2"
    assert pt.sha256 == content_hash(fake_checkpoint) and ct2.sha256 == content_hash(ct2.path / "model.bin")
    assert info.forms_label == "ctranslate2+openai" and info.multilingual
    assert sorted(p.name for p in ct2.path.iterdir()) == ["config.json", "model.bin", "tokenizer.json", "vocabulary.json"]
    sidecar = json.loads((models_dir / "small-test.json").read_text())
    assert sidecar["format"] == 2 and sidecar["dims"]["n_vocab"] == 51865
    forms = {f["format"]: f for f in sidecar["forms"]}
    assert forms["openai"]["file"] == "small-test.pt" and forms["ctranslate2"]["made_from"] == pt.sha256
    assert list_installed() == [info]
    assert _leftovers(models_dir) == []


def test_import_keeps_names_unique_and_safe(models_dir: Path, fake_checkpoint: Path):
    assert import_model(fake_checkpoint).name == "fake"
    with pytest.raises(ModelError, match="already installed"):
        import_model(fake_checkpoint)
    assert import_model(fake_checkpoint, replace=True).name == "fake"
    with pytest.raises(ModelError, match="cannot be a model name"):
        import_model(fake_checkpoint, name="../evil")
    assert _leftovers(models_dir) == []


def test_import_rejects_files_that_are_not_checkpoints(models_dir: Path, tmp_path: Path):
    junk = tmp_path / "junk.pt"
    junk.write_bytes(b"\0" * 100)
    with pytest.raises(ModelError, match="not a readable"):
        import_model(junk)
    assert list(models_dir.iterdir()) == []


def test_imported_files_get_the_umask_mode(models_dir: Path, fake_checkpoint: Path):
    old = os.umask(0o022)
    try:
        info = import_model(fake_checkpoint, name="shared")
    finally:
        os.umask(old)
    ct2 = info.form(CT2).path
    modes = {p.name: stat.S_IMODE(p.stat().st_mode) for p in [info.form(OPENAI).path, models_dir / "shared.json", ct2, *ct2.iterdir()]}
    assert modes == {**{name: 0o644 for name in modes}, "shared.ct2": 0o755}, modes


def test_resolve_by_name_default_path_and_unknown(models_dir: Path, fake_checkpoint: Path):
    info = import_model(fake_checkpoint, name="a")
    assert resolve_model("a", None) == info
    assert resolve_model(None, "a") == info
    assert resolve_model(str(info.form(OPENAI).path), None) == info
    assert resolve_model(str(info.form(CT2).path), None) == info
    outside = resolve_model(str(fake_checkpoint), None)
    assert outside.forms == (outside.form(OPENAI),) and outside.form(OPENAI).sha256 == info.form(OPENAI).sha256
    with pytest.raises(ModelNotFoundError, match="Settings > Models > Import") as caught:
        resolve_model("medium", "a")
    if network_available():
        assert "daredevil models download medium" in str(caught.value)
    else:
        assert "download" not in str(caught.value)
    with pytest.raises(ModelNotFoundError, match="does not exist"):
        resolve_model(str(models_dir / "nope.pt"), None)
    with pytest.raises(ModelNotFoundError, match="No model was chosen"):
        resolve_model(None, None)


def test_delete_and_broken_entries(models_dir: Path, fake_checkpoint: Path):
    import_model(fake_checkpoint, name="a")
    import_model(fake_checkpoint, name="b")
    (models_dir / "b.pt").write_bytes(b"short")  # no longer a checkpoint
    shutil.rmtree(models_dir / "b.ct2")
    (models_dir / "c.json").write_text("{not json")
    assert [i.name for i in list_installed()] == ["a"]
    delete_model("a")
    assert not any(models_dir.glob("a.*"))
    with pytest.raises(ModelNotFoundError):
        delete_model("a")


def test_a_form_that_broke_leaves_the_other(models_dir: Path, fake_checkpoint: Path):
    import_model(fake_checkpoint, name="a")
    (models_dir / "a.ct2" / "tokenizer.json").unlink()
    (info,) = list_installed()
    assert info.forms_label == "openai"


@pytest.mark.heavy
def test_import_ct2_folder_copies_it_without_torch(models_dir: Path, tmp_path: Path):
    import subprocess
    import sys

    folder = shutil.copytree(tiny_en_source(), tmp_path / "faster-whisper-tiny.en")
    code = (
        "import sys; from desktop_app.core.models import import_model\n"
        f"info = import_model({str(folder)!r}, name='tiny.en')\n"
        "print(info.forms_label, info.multilingual, 'torch' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    assert out == ["ctranslate2", "False", "False"]
    (info,) = list_installed()
    assert info.form(CT2).path == models_dir / "tiny.en.ct2" and info.source.startswith("faster-whisper folder")
    assert content_hash(info.form(CT2).path / "model.bin") == content_hash(folder / "model.bin") == info.form(CT2).sha256
    assert _leftovers(models_dir) == []

    both = ensure_openai_form(info)  # the torch engine's .pt, made once
    assert both.forms_label == "ctranslate2+openai" and list_installed() == [both]


def test_damaged_starter_parts_are_refused(models_dir: Path, tmp_path: Path):
    parts = [tmp_path / "model.bin.part1", tmp_path / "model.bin.part2"]
    parts[0].write_bytes(b"\x06\0\0\0 not the starter")
    parts[1].write_bytes(b"\0" * 1000)
    with pytest.raises(ChecksumMismatchError, match="starter model is damaged"):
        install_starter_model(parts=parts)
    assert list(models_dir.iterdir()) == []


@pytest.mark.heavy
def test_starter_model_installs_as_a_multilingual_ct2_folder(models_dir: Path, speech_audio):
    import torch

    info = install_starter_model()
    assert info.name == STARTER_MODEL_NAME == "base" and info.multilingual and info.forms_label == "ctranslate2"
    folder = info.form(CT2).path
    assert folder == models_dir / "base.ct2"
    assert sorted(p.name for p in folder.iterdir()) == ["config.json", "model.bin", "tokenizer.json", "vocabulary.txt"]
    assert install_starter_model() == info  # already there: nothing redone
    assert _leftovers(models_dir) == []

    both = ensure_openai_form(info)  # what the torch engine's worker does on first use
    checkpoint = torch.load(both.form(OPENAI).path, weights_only=True, mmap=True)
    assert checkpoint["dims"]["n_text_layer"] == 6 and checkpoint["dims"]["n_vocab"] == 51865
    assert checkpoint["alignment_heads"] == [[3, 1], [4, 2], [4, 3], [4, 7], [5, 1], [5, 2], [5, 4], [5, 6]]
    model = load_checkpoint_model(both.form(OPENAI).path, device="cpu")
    text = model.transcribe(speech_audio, fp16=False, language="en", temperature=0.0)["text"].lower()
    assert sum(word in text for word in MEETING_WORDS) >= len(MEETING_WORDS) - 2, text


def test_a_folder_named_like_a_model_is_not_taken_for_one(models_dir: Path, tmp_path: Path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "medium").mkdir()  # an unrelated folder in the working directory
    with pytest.raises(ModelNotFoundError, match='The model "medium" is not installed'):
        resolve_model("medium", None)
    (tmp_path / "notes").mkdir()
    with pytest.raises(ModelNotFoundError, match="neither a model file"):
        resolve_model(str(tmp_path / "notes"), None)
    with pytest.raises(ModelError, match="not installed. Install it once with `daredevil models import"):
        resolve_model(str(tiny_en_source()), None)
