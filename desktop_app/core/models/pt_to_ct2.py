"""Make the CTranslate2 form of an openai-whisper checkpoint with ctranslate2's own spec API.

The state dict fills a ``ctranslate2.specs.WhisperSpec`` the way ctranslate2's Transformers
Whisper loader does (fused query/key/value, the key's missing bias as zeros, the output
projection tied to the token embedding); the library validates, optimizes and saves it.
The tokenizer, vocabulary and decoding config come from whisper's own assets
(``whisper_vocab``). Importing torch to read the checkpoint makes this slow to start, so
the window calls it in a child process (``child.call_in_child``).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from desktop_app.core.fileio import atomic_write_text
from desktop_app.core.models.errors import ModelFileError, UnsupportedModelError
from desktop_app.core.models.whisper_vocab import (
    decoding_config,
    default_alignment_heads,
    tokenizer_json,
    vocabulary_tokens,
    write_json,
)

_QUANTIZATION = {"float16": "float16", "bfloat16": "bfloat16", "float32": "float32"}


def _fill_linear(spec: Any, sd: dict, prefix: str) -> None:
    spec.weight = sd[f"{prefix}.weight"]
    if f"{prefix}.bias" in sd:
        spec.bias = sd[f"{prefix}.bias"]


def _fill_norm(spec: Any, sd: dict, prefix: str) -> None:
    spec.gamma = sd[f"{prefix}.weight"]
    spec.beta = sd[f"{prefix}.bias"]


def _fill_fused(spec: Any, sd: dict, prefix: str, parts: list[str]) -> None:
    """One linear layer from several (openai's ``key`` has no bias: zeros, as ctranslate2 fuses)."""
    import torch

    weights = [sd[f"{prefix}.{p}.weight"] for p in parts]
    spec.weight = torch.cat(weights)
    spec.bias = torch.cat([
        sd.get(f"{prefix}.{p}.bias", torch.zeros(w.shape[0], dtype=w.dtype)) for p, w in zip(parts, weights)
    ])  # fmt: skip


def _fill_self_attention(spec: Any, sd: dict, prefix: str) -> None:
    _fill_norm(spec.layer_norm, sd, f"{prefix}.attn_ln")
    _fill_fused(spec.linear[0], sd, f"{prefix}.attn", ["query", "key", "value"])
    _fill_linear(spec.linear[1], sd, f"{prefix}.attn.out")


def _fill_ffn(spec: Any, sd: dict, prefix: str) -> None:
    _fill_norm(spec.layer_norm, sd, f"{prefix}.mlp_ln")
    _fill_linear(spec.linear_0, sd, f"{prefix}.mlp.0")
    _fill_linear(spec.linear_1, sd, f"{prefix}.mlp.2")


def whisper_spec(dims: dict, sd: dict) -> Any:
    """A WhisperSpec holding the checkpoint's weights (not yet validated or optimized)."""
    from ctranslate2.specs import whisper_spec as ct2_whisper

    spec = ct2_whisper.WhisperSpec(dims["n_audio_layer"], dims["n_audio_head"], dims["n_text_layer"], dims["n_text_head"])
    encoder, decoder = spec.encoder, spec.decoder
    _fill_linear(encoder.conv1, sd, "encoder.conv1")
    _fill_linear(encoder.conv2, sd, "encoder.conv2")
    encoder.position_encodings.encodings = sd["encoder.positional_embedding"]
    for i, layer in enumerate(encoder.layer):
        _fill_self_attention(layer.self_attention, sd, f"encoder.blocks.{i}")
        _fill_ffn(layer.ffn, sd, f"encoder.blocks.{i}")
    _fill_norm(encoder.layer_norm, sd, "encoder.ln_post")

    decoder.embeddings.weight = sd["decoder.token_embedding.weight"]
    decoder.position_encodings.encodings = sd["decoder.positional_embedding"]
    for i, layer in enumerate(decoder.layer):
        prefix = f"decoder.blocks.{i}"
        _fill_self_attention(layer.self_attention, sd, prefix)
        _fill_norm(layer.attention.layer_norm, sd, f"{prefix}.cross_attn_ln")
        _fill_linear(layer.attention.linear[0], sd, f"{prefix}.cross_attn.query")
        _fill_fused(layer.attention.linear[1], sd, f"{prefix}.cross_attn", ["key", "value"])
        _fill_linear(layer.attention.linear[2], sd, f"{prefix}.cross_attn.out")
        _fill_ffn(layer.ffn, sd, prefix)
    _fill_norm(decoder.layer_norm, sd, "decoder.ln")
    decoder.projection.weight = sd["decoder.token_embedding.weight"]  # tied; saved as an alias
    return spec


def _quantization(sd: dict) -> str:
    """Keep the checkpoint's float type: openai's checkpoints are float16."""
    dtype = str(sd["decoder.token_embedding.weight"].dtype).removeprefix("torch.")
    if dtype not in _QUANTIZATION:
        raise UnsupportedModelError(f"The checkpoint's weights are {dtype}; only float16, bfloat16 or float32 can be converted.")
    return _QUANTIZATION[dtype]


def _alignment_heads(checkpoint: dict, name: str | None, dims: dict) -> list[list[int]]:
    """The checkpoint's own heads, else whisper's table for the named model, else the default."""
    from desktop_app.core.models.loading import named_alignment_heads

    heads = checkpoint.get("alignment_heads")
    if heads:
        return [[int(layer), int(head)] for layer, head in heads]
    named = named_alignment_heads(name, dims["n_text_layer"], dims["n_text_head"]) if name else None
    return named or default_alignment_heads(dims["n_text_layer"], dims["n_text_head"])


def convert_checkpoint_to_ct2(checkpoint_file: Path, dest_dir: Path, name: str | None = None) -> Path:
    """Write the CTranslate2 form of an openai-whisper ``.pt`` into ``dest_dir`` (must not exist)."""
    import torch

    checkpoint_file, dest_dir = Path(checkpoint_file), Path(dest_dir)
    try:
        checkpoint = torch.load(checkpoint_file, map_location="cpu", weights_only=True, mmap=True)
        dims, sd = checkpoint["dims"], checkpoint["model_state_dict"]
    except Exception as exc:  # torch raises many types for a bad file
        raise ModelFileError(f"{checkpoint_file} is not a readable openai-whisper checkpoint ({exc}).") from exc
    try:
        spec = whisper_spec(dims, sd)
        n_vocab = int(dims["n_vocab"])
        spec.register_vocabulary(vocabulary_tokens(n_vocab))
        for key, value in decoding_config(n_vocab, _alignment_heads(checkpoint, name, dims)).items():
            setattr(spec.config, key, value)
        spec.validate()
        spec.optimize(quantization=_quantization(sd))
    except (KeyError, ValueError) as exc:
        raise UnsupportedModelError(
            f"{checkpoint_file} could not be converted for the faster-whisper engine ({exc}). "
            "It does not look like a standard openai-whisper checkpoint."
        ) from exc
    dest_dir.mkdir()  # the umask's mode
    spec.save(str(dest_dir))
    atomic_write_text(dest_dir / "tokenizer.json", tokenizer_json(n_vocab))
    return dest_dir


def complete_ct2_folder(folder: Path, n_vocab: int, n_text_layer: int, n_text_head: int) -> list[str]:
    """Add the files a faster-whisper folder lacks (tokenizer.json, config.json, vocabulary); names them."""
    from desktop_app.core.models.forms import ct2_vocabulary

    added = []
    if not (folder / "tokenizer.json").is_file():
        atomic_write_text(folder / "tokenizer.json", tokenizer_json(n_vocab))
        added.append("tokenizer.json")
    if not (folder / "config.json").is_file():
        write_json(folder / "config.json", decoding_config(n_vocab, default_alignment_heads(n_text_layer, n_text_head)))
        added.append("config.json")
    if ct2_vocabulary(folder) is None:
        write_json(folder / "vocabulary.json", vocabulary_tokens(n_vocab))
        added.append("vocabulary.json")
    return added
