"""Converting faster-whisper (CTranslate2) folders into openai-whisper checkpoints."""

from __future__ import annotations

import json
import struct
from pathlib import Path

import numpy as np
import pytest

from desktop_app.core.models import ModelFileError, UnsupportedModelError, convert_ct2_model
from model_fixtures import TINY_EN_NAME
from speech import MEETING_WORDS

FLOAT32, INT8, INT16, FLOAT16 = 0, 1, 2, 4
_DTYPE_IDS = {np.dtype("float32"): FLOAT32, np.dtype("int8"): INT8, np.dtype("int16"): INT16, np.dtype("float16"): FLOAT16}


def _write_string(fp, text: str) -> None:
    data = text.encode() + b"\0"
    fp.write(struct.pack("<H", len(data)) + data)


def write_ct2(folder: Path, variables: dict, aliases: dict | None = None, version: int = 6,
              spec: str = "WhisperSpec", config: dict | None = None) -> Path:
    """Write a CTranslate2 model.bin (and config.json) the way ctranslate2's converter does."""
    folder.mkdir(parents=True, exist_ok=True)
    with open(folder / "model.bin", "wb") as fp:
        fp.write(struct.pack("<I", version))
        _write_string(fp, spec)
        fp.write(struct.pack("<II", 3, len(variables)))
        for name, value in variables.items():
            value = np.ascontiguousarray(value)
            _write_string(fp, name)
            fp.write(struct.pack("<B", value.ndim) + struct.pack(f"<{value.ndim}I", *value.shape))
            fp.write(struct.pack("<BI", _DTYPE_IDS[value.dtype], value.nbytes) + value.tobytes())
        fp.write(struct.pack("<I", len(aliases or {})))
        for alias, target in (aliases or {}).items():
            _write_string(fp, alias)
            _write_string(fp, target)
    (folder / "config.json").write_text(json.dumps(config or {}))
    return folder


def ct2_variables_from_checkpoint(checkpoint: dict, dtype: str) -> dict:
    """The inverse mapping: an openai state dict laid out as CTranslate2's WhisperSpec."""
    sd = {k: v.float().numpy().astype(dtype) for k, v in checkpoint["model_state_dict"].items()}
    dims = checkpoint["dims"]
    out: dict = {}

    def linear(dst, src):
        out[f"{dst}/weight"], out[f"{dst}/bias"] = sd[f"{src}.weight"], sd[f"{src}.bias"]

    def norm(dst, src):
        out[f"{dst}/gamma"], out[f"{dst}/beta"] = sd[f"{src}.weight"], sd[f"{src}.bias"]

    def fused(dst, src, parts):
        out[f"{dst}/weight"] = np.concatenate([sd[f"{src}.{p}.weight"] for p in parts])
        biases = [sd.get(f"{src}.{p}.bias", np.zeros_like(sd[f"{src}.{p}.weight"][:, 0])) for p in parts]
        out[f"{dst}/bias"] = np.concatenate(biases)

    def block(dst, src, cross):
        norm(f"{dst}/self_attention/layer_norm", f"{src}.attn_ln")
        fused(f"{dst}/self_attention/linear_0", f"{src}.attn", ["query", "key", "value"])
        linear(f"{dst}/self_attention/linear_1", f"{src}.attn.out")
        if cross:
            norm(f"{dst}/attention/layer_norm", f"{src}.cross_attn_ln")
            linear(f"{dst}/attention/linear_0", f"{src}.cross_attn.query")
            fused(f"{dst}/attention/linear_1", f"{src}.cross_attn", ["key", "value"])
            linear(f"{dst}/attention/linear_2", f"{src}.cross_attn.out")
        norm(f"{dst}/ffn/layer_norm", f"{src}.mlp_ln")
        linear(f"{dst}/ffn/linear_0", f"{src}.mlp.0")
        linear(f"{dst}/ffn/linear_1", f"{src}.mlp.2")

    out["decoder/num_heads"] = np.array(dims["n_text_head"], np.int16)
    out["decoder/embeddings/weight"] = sd["decoder.token_embedding.weight"]
    out["decoder/position_encodings/encodings"] = sd["decoder.positional_embedding"]
    for i in range(dims["n_text_layer"]):
        block(f"decoder/layer_{i}", f"decoder.blocks.{i}", cross=True)
    norm("decoder/layer_norm", "decoder.ln")
    out["encoder/num_heads"] = np.array(dims["n_audio_head"], np.int16)
    linear("encoder/conv1", "encoder.conv1")
    linear("encoder/conv2", "encoder.conv2")
    out["encoder/position_encodings/encodings"] = sd["encoder.positional_embedding"]
    for i in range(dims["n_audio_layer"]):
        block(f"encoder/layer_{i}", f"encoder.blocks.{i}", cross=False)
    norm("encoder/layer_norm", "encoder.ln_post")
    return out


@pytest.mark.parametrize("dtype", ["float16", "float32"])
def test_round_trip_keeps_every_tensor_and_the_dtype(fake_checkpoint: Path, tmp_path: Path, dtype: str):
    import torch

    original = torch.load(fake_checkpoint, weights_only=True)
    folder = write_ct2(
        tmp_path / "ct2",
        ct2_variables_from_checkpoint(original, dtype),
        aliases={"decoder/projection/weight": "decoder/embeddings/weight"},
        config={"alignment_heads": [[1, 0], [1, 1]], "lang_ids": [50259]},
    )
    converted = torch.load(convert_ct2_model(folder, tmp_path / "out.pt"), weights_only=True)

    assert converted["dims"] == original["dims"]
    assert converted["alignment_heads"] == [[1, 0], [1, 1]]
    state = converted["model_state_dict"]
    assert set(state) == set(original["model_state_dict"])
    for key, value in original["model_state_dict"].items():
        assert state[key].dtype == getattr(torch, dtype), key
        torch.testing.assert_close(state[key].float(), value.float(), rtol=0, atol=0, msg=key)


def test_default_alignment_heads_are_the_top_half(fake_checkpoint: Path, tmp_path: Path):
    import torch

    original = torch.load(fake_checkpoint, weights_only=True)
    folder = write_ct2(tmp_path / "ct2", ct2_variables_from_checkpoint(original, "float16"))
    converted = torch.load(convert_ct2_model(folder, tmp_path / "out.pt"), weights_only=True)
    assert converted["alignment_heads"] == [[1, 0], [1, 1]]  # 2 layers x 2 heads


def test_refuses_int8_models(tmp_path: Path):
    folder = write_ct2(tmp_path / "ct2", {
        "encoder/conv1/weight": np.zeros((4, 80, 3), np.int8),
        "encoder/conv1/weight_scale": np.ones(4, np.float32),
    })  # fmt: skip
    with pytest.raises(UnsupportedModelError, match="int8-quantized"):
        convert_ct2_model(folder, tmp_path / "out.pt")
    assert not list(tmp_path.glob("*.pt")) and not list(tmp_path.glob(".*tmp"))


@pytest.mark.parametrize(("version", "spec", "message"), [(5, "WhisperSpec", "binary version 5"),
                                                          (6, "TransformerSpec", "not a Whisper model")])
def test_refuses_other_formats(tmp_path: Path, version: int, spec: str, message: str):
    folder = write_ct2(tmp_path / "ct2", {"x": np.zeros(2, np.float16)}, version=version, spec=spec)
    with pytest.raises(UnsupportedModelError, match=message):
        convert_ct2_model(folder, tmp_path / "out.pt")


def test_truncated_or_missing_files_say_so(tmp_path: Path):
    folder = write_ct2(tmp_path / "ct2", {"encoder/conv1/weight": np.zeros((4, 80, 3), np.float16)})
    data = (folder / "model.bin").read_bytes()
    (folder / "model.bin").write_bytes(data[: len(data) // 2])
    with pytest.raises(ModelFileError, match="ends early"):
        convert_ct2_model(folder, tmp_path / "out.pt")
    with pytest.raises(ModelFileError, match="no model.bin"):
        convert_ct2_model(tmp_path / "nowhere", tmp_path / "out.pt")


def test_unknown_tensors_are_refused(fake_checkpoint: Path, tmp_path: Path):
    import torch

    variables = ct2_variables_from_checkpoint(torch.load(fake_checkpoint, weights_only=True), "float16")
    variables["decoder/extra/weight"] = np.zeros((2, 2), np.float16)
    with pytest.raises(UnsupportedModelError, match="does not know"):
        convert_ct2_model(write_ct2(tmp_path / "ct2", variables), tmp_path / "out.pt")


@pytest.mark.heavy
def test_tiny_en_loads_with_no_missing_keys(tiny_en_checkpoint: Path):
    import base64
    import gzip

    import torch
    import whisper

    checkpoint = torch.load(tiny_en_checkpoint, weights_only=True, mmap=True)
    assert checkpoint["dims"] == {
        "n_mels": 80, "n_audio_ctx": 1500, "n_audio_state": 384, "n_audio_head": 6, "n_audio_layer": 4,
        "n_vocab": 51864, "n_text_ctx": 448, "n_text_state": 384, "n_text_head": 6, "n_text_layer": 4,
    }  # fmt: skip
    assert {t.dtype for t in checkpoint["model_state_dict"].values()} == {torch.float16}
    assert tiny_en_checkpoint.stat().st_size < 80_000_000

    model = whisper.load_model(str(tiny_en_checkpoint), device="cpu")  # strict load_state_dict
    assert set(model.state_dict()) == set(checkpoint["model_state_dict"])

    mask = np.frombuffer(gzip.decompress(base64.b85decode(whisper._ALIGNMENT_HEADS[TINY_EN_NAME])), dtype=bool)
    assert checkpoint["alignment_heads"] == np.argwhere(mask.reshape(4, 6)).tolist()


@pytest.mark.heavy
def test_tiny_en_transcribes_speech(tiny_en_checkpoint: Path, speech_audio):
    from desktop_app.core.models import load_checkpoint_model

    model = load_checkpoint_model(tiny_en_checkpoint, device="cpu")
    result = model.transcribe(speech_audio, fp16=False, language="en", temperature=0.0)
    text = result["text"].lower()
    heard = [word for word in MEETING_WORDS if word in text]
    assert len(heard) >= len(MEETING_WORDS) - 2, text
