"""Loading checkpoints with the right alignment heads."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

from desktop_app.core.models import ModelFileError, load_checkpoint_model, read_checkpoint_header
from model_fixtures import make_fake_checkpoint


def _heads(model) -> list[list[int]]:
    return model.alignment_heads.to_dense().nonzero().tolist()


def test_importing_the_package_loads_neither_torch_nor_qt():
    import subprocess

    code = (
        "import sys, desktop_app.core.models; "
        "print([m for m in ('torch', 'whisper', 'PySide6') if m in sys.modules])"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_heads_stored_in_the_checkpoint_are_applied(tmp_path: Path):
    path = make_fake_checkpoint(tmp_path / "custom.pt", alignment_heads=[[0, 1], [1, 0]])
    assert read_checkpoint_header(path).alignment_heads == ((0, 1), (1, 0))
    assert _heads(load_checkpoint_model(path, device="cpu")) == [[0, 1], [1, 0]]


def test_without_stored_heads_whisper_default_stays(fake_checkpoint: Path):
    header = read_checkpoint_header(fake_checkpoint)
    assert header.alignment_heads is None and header.multilingual
    assert _heads(load_checkpoint_model(fake_checkpoint, device="cpu")) == [[1, 0], [1, 1]]


@pytest.mark.heavy
def test_named_openai_checkpoint_uses_whisper_table(tiny_en_checkpoint: Path, tmp_path: Path):
    import torch

    # a plain openai checkpoint: no "alignment_heads" key, named after the model
    checkpoint = torch.load(tiny_en_checkpoint, weights_only=True)
    del checkpoint["alignment_heads"]
    plain = tmp_path / "tiny.en.pt"
    torch.save(checkpoint, plain)
    expected = [[1, 0], [2, 0], [2, 5], [3, 0], [3, 1], [3, 2], [3, 3], [3, 4]]
    assert _heads(load_checkpoint_model(plain, device="cpu")) == expected
    renamed = shutil.copy(plain, tmp_path / "mine.pt")
    assert _heads(load_checkpoint_model(Path(renamed), device="cpu", name="tiny.en")) == expected


def test_bad_files_give_readable_errors(tmp_path: Path):
    with pytest.raises(ModelFileError, match="missing"):
        load_checkpoint_model(tmp_path / "gone.pt", device="cpu")
    junk = tmp_path / "junk.pt"
    junk.write_bytes(b"not a checkpoint")
    with pytest.raises(ModelFileError, match="not a readable openai-whisper checkpoint"):
        read_checkpoint_header(junk)
