"""Listing or importing a model reads its header without importing torch (the GUI process)."""

from __future__ import annotations

import subprocess
import sys

import pytest

from desktop_app.core.models.forms import ModelFormat


@pytest.mark.heavy
def test_header_of_a_real_checkpoint_is_read_without_torch(tiny_en_model):
    code = (
        "import sys\n"
        "from desktop_app.core.models.loading import read_checkpoint_header\n"
        f"h = read_checkpoint_header({str(tiny_en_model.form(ModelFormat.OPENAI).path)!r})\n"
        "print(h.dims['n_vocab'], len(h.alignment_heads or ()), 'torch' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    assert out == ["51864", str(len(tiny_en_model_heads(tiny_en_model))), "False"]


def tiny_en_model_heads(model) -> tuple:
    """The same header read through torch, for comparison."""
    import torch

    checkpoint = torch.load(model.form(ModelFormat.OPENAI).path, map_location="cpu", weights_only=True, mmap=True)
    return tuple(checkpoint.get("alignment_heads") or ())


def test_a_file_that_is_not_a_checkpoint_still_gets_a_clear_error(tmp_path):
    from desktop_app.core.models.errors import ModelFileError
    from desktop_app.core.models.loading import read_checkpoint_header

    bad = tmp_path / "notes.pt"
    bad.write_bytes(b"PK\x03\x04 not really a zip")
    with pytest.raises(ModelFileError, match="not a readable openai-whisper checkpoint"):
        read_checkpoint_header(bad)
