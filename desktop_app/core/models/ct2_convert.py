"""Convert a faster-whisper (CTranslate2) model folder into an openai-whisper checkpoint.

A CTranslate2 ``model.bin`` (binary version 6) is laid out as::

    u32 version | str spec name | u32 revision | u32 n_variables
    n_variables x (str name | u8 rank | rank x u32 dim | u8 dtype id | u32 n_bytes | bytes)
    u32 n_aliases | n_aliases x (str alias | str target)

where ``str`` is a u16 length (including a trailing NUL) and the bytes. All little-endian.
The file is memory-mapped, so each tensor is copied exactly once, into the state dict.
"""

from __future__ import annotations

import json
import os
import struct
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO

from desktop_app.core.fileio import atomic_output
from desktop_app.core.models.errors import ModelFileError, UnsupportedModelError

if TYPE_CHECKING:  # numpy and torch load lazily: the GUI imports this package at start-up
    import numpy as np

CT2_BINARY_VERSION = 6
CT2_WHISPER_SPEC = "WhisperSpec"

# CTranslate2's DataType enum; bfloat16 has no numpy type, so it is read as raw uint16.
_FLOAT32, _INT8, _INT16, _INT32, _FLOAT16, _BFLOAT16 = range(6)
_NUMPY_DTYPES = {
    _FLOAT32: "<f4",
    _INT8: "i1",
    _INT16: "<i2",
    _INT32: "<i4",
    _FLOAT16: "<f2",
    _BFLOAT16: "<u2",
}
_FLOAT_IDS = {_FLOAT32, _FLOAT16, _BFLOAT16}

_NORM = {"gamma": "weight", "beta": "bias"}


@dataclass(frozen=True)
class Ct2Variable:
    """Where one tensor lies in ``model.bin``."""

    name: str
    shape: tuple[int, ...]
    dtype_id: int
    offset: int
    n_bytes: int


@dataclass(frozen=True)
class Ct2Model:
    """The parsed header of a CTranslate2 ``model.bin``: variables and aliases."""

    path: Path
    spec: str
    revision: int
    variables: dict[str, Ct2Variable]
    aliases: dict[str, str]


def _read_exact(fp: BinaryIO, size: int, path: Path) -> bytes:
    data = fp.read(size)
    if len(data) != size:
        raise ModelFileError(
            f"{path} ends early (truncated or damaged). Copy or download the model again."
        )
    return data


def _read_uint(fp: BinaryIO, fmt: str, path: Path) -> int:
    return struct.unpack(fmt, _read_exact(fp, struct.calcsize(fmt), path))[0]


def _read_string(fp: BinaryIO, path: Path) -> str:
    size = _read_uint(fp, "<H", path)
    return _read_exact(fp, size, path).rstrip(b"\0").decode("utf-8")


def read_ct2_header(model_bin: Path) -> Ct2Model:
    """Parse a CTranslate2 ``model.bin`` header, skipping over the tensor bytes."""
    model_bin = Path(model_bin)
    file_size = model_bin.stat().st_size
    with open(model_bin, "rb") as fp:
        version = _read_uint(fp, "<I", model_bin)
        if version != CT2_BINARY_VERSION:
            raise UnsupportedModelError(
                f"{model_bin} is CTranslate2 binary version {version}; only version "
                f"{CT2_BINARY_VERSION} can be converted. Re-export it with a recent "
                "ctranslate2 converter, or import an openai-whisper .pt file instead."
            )
        spec = _read_string(fp, model_bin)
        if spec != CT2_WHISPER_SPEC:
            raise UnsupportedModelError(
                f"{model_bin} holds a {spec!r} model, not a Whisper model. "
                "Choose a faster-whisper model folder."
            )
        revision = _read_uint(fp, "<I", model_bin)
        variables: dict[str, Ct2Variable] = {}
        for _ in range(_read_uint(fp, "<I", model_bin)):
            name = _read_string(fp, model_bin)
            rank = _read_uint(fp, "<B", model_bin)
            shape = tuple(_read_uint(fp, "<I", model_bin) for _ in range(rank))
            dtype_id = _read_uint(fp, "<B", model_bin)
            n_bytes = _read_uint(fp, "<I", model_bin)
            if dtype_id not in _NUMPY_DTYPES:
                raise UnsupportedModelError(
                    f"{model_bin}: variable {name} has an unknown data type ({dtype_id})."
                )
            offset = fp.tell()
            if offset + n_bytes > file_size:
                raise ModelFileError(
                    f"{model_bin} ends early (truncated or damaged). "
                    "Copy or download the model again."
                )
            variables[name] = Ct2Variable(name, shape, dtype_id, offset, n_bytes)
            fp.seek(n_bytes, os.SEEK_CUR)
        aliases = {}
        for _ in range(_read_uint(fp, "<I", model_bin)):
            alias = _read_string(fp, model_bin)
            aliases[alias] = _read_string(fp, model_bin)
    return Ct2Model(model_bin, spec, revision, variables, aliases)


@dataclass(frozen=True)
class Ct2TextDims:
    """The decoder's shape, read from the header (no numpy or torch)."""

    n_vocab: int
    n_text_layer: int
    n_text_head: int


def read_ct2_text_dims(model_bin: Path) -> Ct2TextDims:
    """Vocabulary size, decoder layers and heads of a CTranslate2 Whisper model.bin."""
    header = read_ct2_header(model_bin)
    embed = header.variables.get("decoder/embeddings/weight")
    if embed is None or len(embed.shape) != 2:
        raise UnsupportedModelError(f"{model_bin} has no decoder embeddings; it is not a standard faster-whisper model.")
    heads = header.variables.get(header.aliases.get("decoder/num_heads", "decoder/num_heads"))
    n_head = embed.shape[1] // 64
    if heads is not None and heads.n_bytes in (2, 4):
        with open(model_bin, "rb") as fp:
            fp.seek(heads.offset)
            n_head = int.from_bytes(fp.read(heads.n_bytes), "little", signed=True)
    return Ct2TextDims(embed.shape[0], _count_layers(header, "decoder"), n_head)


def _check_not_quantized(model: Ct2Model) -> None:
    for var in model.variables.values():
        quantized = var.name.endswith("weight_scale") or (
            var.name.endswith("weight") and var.dtype_id not in _FLOAT_IDS
        )
        if quantized:
            raise UnsupportedModelError(
                f"{model.path.parent} is an int8-quantized faster-whisper model "
                f"({var.name}). Daredevil needs float16 or float32 weights: use a "
                "non-quantized model folder, or download a model with Models > Download."
            )


class _TensorReader:
    """Hands out tensors from the memory-mapped file, and tracks which were used."""

    def __init__(self, model: Ct2Model) -> None:
        import numpy as np
        import torch

        self._np, self._torch = np, torch
        self._model = model
        self._map = self._np.memmap(model.path, dtype=self._np.uint8, mode="r")
        self.used: set[str] = set()

    def close(self) -> None:
        self._map = None  # the mapping closes once the last view is gone

    def has(self, name: str) -> bool:
        return self._model.aliases.get(name, name) in self._model.variables

    def view(self, name: str) -> np.ndarray:
        """A zero-copy view of a variable (aliases resolved)."""
        var = self._model.variables.get(self._model.aliases.get(name, name))
        if var is None:
            raise UnsupportedModelError(
                f"{self._model.path} has no variable {name}; it does not look like a "
                "standard faster-whisper model."
            )
        self.used.add(var.name)
        raw = self._map[var.offset : var.offset + var.n_bytes]
        return raw.view(_NUMPY_DTYPES[var.dtype_id]).reshape(var.shape)

    def scalar(self, name: str, default: int) -> int:
        return int(self.view(name).reshape(-1)[0]) if self.has(name) else default

    def tensor(self, array: np.ndarray, like: str) -> Any:
        """Copy a (slice of a) view into a torch tensor, keeping the source dtype."""
        tensor = self._torch.from_numpy(self._np.array(array))
        dtype_id = self._model.variables[self._model.aliases.get(like, like)].dtype_id
        return tensor.view(self._torch.bfloat16) if dtype_id == _BFLOAT16 else tensor

    def unused_tensors(self) -> list[str]:
        return sorted(
            v.name for v in self._model.variables.values() if v.shape and v.name not in self.used
        )


def _count_layers(model: Ct2Model, prefix: str) -> int:
    n = 0
    while any(name.startswith(f"{prefix}/layer_{n}/") for name in model.variables):
        n += 1
    return n


def _copy(reader: _TensorReader, out: dict, src: str, dst: str) -> None:
    out[dst] = reader.tensor(reader.view(src), src)


def _copy_norm(reader: _TensorReader, out: dict, src: str, dst: str) -> None:
    for ct2_name, torch_name in _NORM.items():
        _copy(reader, out, f"{src}/{ct2_name}", f"{dst}.{torch_name}")


def _copy_linear(reader: _TensorReader, out: dict, src: str, dst: str) -> None:
    _copy(reader, out, f"{src}/weight", f"{dst}.weight")
    _copy(reader, out, f"{src}/bias", f"{dst}.bias")


def _copy_split(
    reader: _TensorReader, out: dict, src: str, dst_names: list[str], dst: str
) -> None:
    """Split a fused linear layer into equal parts; openai's ``key`` has no bias."""
    weight, bias = reader.view(f"{src}/weight"), reader.view(f"{src}/bias")
    size = weight.shape[0] // len(dst_names)
    for i, part in enumerate(dst_names):
        rows = slice(i * size, (i + 1) * size)
        out[f"{dst}.{part}.weight"] = reader.tensor(weight[rows], f"{src}/weight")
        if part != "key":
            out[f"{dst}.{part}.bias"] = reader.tensor(bias[rows], f"{src}/bias")


def _copy_ffn(reader: _TensorReader, out: dict, src: str, dst: str) -> None:
    _copy_norm(reader, out, f"{src}/ffn/layer_norm", f"{dst}.mlp_ln")
    _copy_linear(reader, out, f"{src}/ffn/linear_0", f"{dst}.mlp.0")
    _copy_linear(reader, out, f"{src}/ffn/linear_1", f"{dst}.mlp.2")


def _copy_self_attention(reader: _TensorReader, out: dict, src: str, dst: str) -> None:
    _copy_norm(reader, out, f"{src}/self_attention/layer_norm", f"{dst}.attn_ln")
    _copy_split(reader, out, f"{src}/self_attention/linear_0", ["query", "key", "value"], f"{dst}.attn")
    _copy_linear(reader, out, f"{src}/self_attention/linear_1", f"{dst}.attn.out")


def _copy_cross_attention(reader: _TensorReader, out: dict, src: str, dst: str) -> None:
    _copy_norm(reader, out, f"{src}/attention/layer_norm", f"{dst}.cross_attn_ln")
    _copy_linear(reader, out, f"{src}/attention/linear_0", f"{dst}.cross_attn.query")
    _copy_split(reader, out, f"{src}/attention/linear_1", ["key", "value"], f"{dst}.cross_attn")
    _copy_linear(reader, out, f"{src}/attention/linear_2", f"{dst}.cross_attn.out")


def _build_state_dict(reader: _TensorReader, n_audio_layer: int, n_text_layer: int) -> dict:
    out: dict = {}
    _copy_linear(reader, out, "encoder/conv1", "encoder.conv1")
    _copy_linear(reader, out, "encoder/conv2", "encoder.conv2")
    _copy(reader, out, "encoder/position_encodings/encodings", "encoder.positional_embedding")
    for i in range(n_audio_layer):
        src, dst = f"encoder/layer_{i}", f"encoder.blocks.{i}"
        _copy_self_attention(reader, out, src, dst)
        _copy_ffn(reader, out, src, dst)
    _copy_norm(reader, out, "encoder/layer_norm", "encoder.ln_post")

    _copy(reader, out, "decoder/embeddings/weight", "decoder.token_embedding.weight")
    _copy(reader, out, "decoder/position_encodings/encodings", "decoder.positional_embedding")
    for i in range(n_text_layer):
        src, dst = f"decoder/layer_{i}", f"decoder.blocks.{i}"
        _copy_self_attention(reader, out, src, dst)
        _copy_cross_attention(reader, out, src, dst)
        _copy_ffn(reader, out, src, dst)
    _copy_norm(reader, out, "decoder/layer_norm", "decoder.ln")
    if reader.has("decoder/projection/weight"):  # tied to the token embedding, as in openai
        reader.view("decoder/projection/weight")
    return out


def _alignment_heads(config: dict, n_text_layer: int, n_text_head: int) -> list[list[int]]:
    """The config's [layer, head] pairs, or whisper's default: every head of the top half."""
    pairs = config.get("alignment_heads")
    if not pairs:
        return [[layer, head] for layer in range(n_text_layer // 2, n_text_layer) for head in range(n_text_head)]
    result = [[int(layer), int(head)] for layer, head in pairs]
    for layer, head in result:
        if not (0 <= layer < n_text_layer and 0 <= head < n_text_head):
            raise ModelFileError(
                f"config.json lists alignment head [{layer}, {head}], outside the model's "
                f"{n_text_layer} layers x {n_text_head} heads. The config does not match model.bin."
            )
    return result


def _read_config(src_dir: Path) -> dict:
    config_file = src_dir / "config.json"
    if not config_file.is_file():
        return {}
    try:
        return json.loads(config_file.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ModelFileError(f"Could not read {config_file}: {exc}. Copy the model folder again.") from exc


def convert_ct2_model(src_dir: Path, dest_file: Path) -> Path:
    """Convert a faster-whisper folder (model.bin + config.json) to an openai-whisper .pt file."""
    import torch
    from whisper.model import ModelDimensions

    src_dir, dest_file = Path(src_dir), Path(dest_file)
    model_bin = src_dir / "model.bin"
    if not model_bin.is_file():
        raise ModelFileError(
            f"{src_dir} has no model.bin. Choose the folder of a faster-whisper model."
        )
    header = read_ct2_header(model_bin)
    _check_not_quantized(header)
    config = _read_config(src_dir)

    reader = _TensorReader(header)
    try:
        conv1 = header.variables["encoder/conv1/weight"].shape
        audio_pos = header.variables["encoder/position_encodings/encodings"].shape
        embed = header.variables["decoder/embeddings/weight"].shape
        text_pos = header.variables["decoder/position_encodings/encodings"].shape
        n_audio_layer = _count_layers(header, "encoder")
        n_text_layer = _count_layers(header, "decoder")
        dims = ModelDimensions(
            n_mels=conv1[1],
            n_audio_ctx=audio_pos[0],
            n_audio_state=conv1[0],
            n_audio_head=reader.scalar("encoder/num_heads", conv1[0] // 64),
            n_audio_layer=n_audio_layer,
            n_vocab=embed[0],
            n_text_ctx=text_pos[0],
            n_text_state=embed[1],
            n_text_head=reader.scalar("decoder/num_heads", embed[1] // 64),
            n_text_layer=n_text_layer,
        )
        state_dict = _build_state_dict(reader, n_audio_layer, n_text_layer)
        leftover = reader.unused_tensors()
    except KeyError as exc:
        raise UnsupportedModelError(
            f"{model_bin} has no {exc.args[0]} tensor; it does not look like a standard "
            "faster-whisper model."
        ) from exc
    finally:
        reader.close()
    if leftover:
        raise UnsupportedModelError(
            f"{model_bin} has tensors this converter does not know ({', '.join(leftover[:3])}...). "
            "Import an openai-whisper .pt file instead."
        )

    checkpoint = {
        "dims": asdict(dims),
        "model_state_dict": state_dict,
        "alignment_heads": _alignment_heads(config, dims.n_text_layer, dims.n_text_head),
    }
    dest_file.parent.mkdir(parents=True, exist_ok=True)
    with atomic_output(dest_file, "wb") as fp:
        torch.save(checkpoint, fp)
    return dest_file
