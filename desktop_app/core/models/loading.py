"""Load an installed checkpoint into an openai-whisper model, with the right alignment heads.

torch and whisper are imported inside the functions: the GUI process must not pay for
them at start-up (about 3 s together).
"""

from __future__ import annotations

import pickle
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Optional

from desktop_app.core.models.errors import ModelFileError

MULTILINGUAL_MIN_VOCAB = 51865  # English-only models have 51864 tokens


@dataclass(frozen=True)
class CheckpointHeader:
    """What a checkpoint says about itself, read without loading its weights."""

    dims: dict[str, int]
    alignment_heads: Optional[tuple[tuple[int, int], ...]]

    @property
    def multilingual(self) -> bool:
        return self.dims["n_vocab"] >= MULTILINGUAL_MIN_VOCAB


class _HeaderUnpickler(pickle.Unpickler):
    """Reads a torch zip checkpoint's `data.pkl` without torch: tensors become None.

    Only containers and torch's tensor-rebuild functions are allowed (like weights_only)."""

    _SAFE = {("collections", "OrderedDict")}

    def find_class(self, module: str, name: str) -> Any:
        if (module, name) in self._SAFE:
            return super().find_class(module, name)
        if module.startswith("torch"):
            return lambda *args, **kwargs: None  # a tensor or storage: not needed for the header
        raise pickle.UnpicklingError(f"unexpected global {module}.{name}")

    def persistent_load(self, pid: Any) -> None:
        return None  # the storage bytes: never read


def _read_header_without_torch(path: Path) -> dict | None:
    """The checkpoint's top-level dict with tensors as None, or None when that can't be done."""
    try:
        with zipfile.ZipFile(path) as archive:
            pkl = next(n for n in archive.namelist() if n.endswith("/data.pkl") or n == "data.pkl")
            with archive.open(pkl) as stream:
                data = _HeaderUnpickler(stream).load()
    except Exception:  # legacy format, or anything odd: torch decides
        return None
    return data if isinstance(data, dict) and "dims" in data and "model_state_dict" in data else None


def read_checkpoint_header(path: Path) -> CheckpointHeader:
    """Read dims and stored alignment heads without loading the weights.

    A torch zip checkpoint is read with a restricted unpickler, so the GUI process never
    imports torch (over a second, ~300 MB) to list or import a model; anything else goes
    through torch with the weights memory-mapped."""
    path = Path(path)
    checkpoint = _read_header_without_torch(path)
    if checkpoint is not None:
        return _header_from(checkpoint)
    import torch

    try:
        checkpoint = torch.load(path, map_location="cpu", weights_only=True, mmap=True)
    except Exception as exc:  # torch raises many types for a bad file
        raise ModelFileError(
            f"{path} is not a readable openai-whisper checkpoint ({exc}). "
            "Choose a .pt file saved by openai-whisper, or a faster-whisper model folder."
        ) from exc
    if not isinstance(checkpoint, dict) or "dims" not in checkpoint or "model_state_dict" not in checkpoint:
        raise ModelFileError(
            f"{path} is not an openai-whisper checkpoint (it lacks 'dims' or "
            "'model_state_dict'). Choose a .pt file saved by openai-whisper."
        )
    return _header_from(checkpoint)


def _header_from(checkpoint: dict) -> CheckpointHeader:
    heads = checkpoint.get("alignment_heads")
    pairs = tuple((int(layer), int(head)) for layer, head in heads) if heads else None
    return CheckpointHeader({k: int(v) for k, v in checkpoint["dims"].items()}, pairs)


def named_alignment_heads(name: str, n_text_layer: int, n_text_head: int) -> Optional[list[list[int]]]:
    """The [layer, head] pairs whisper ships for a named model, if the shape matches."""
    import base64
    import gzip

    import numpy as np
    import whisper

    dump = whisper._ALIGNMENT_HEADS.get(name)
    if dump is None:
        return None
    mask = np.frombuffer(gzip.decompress(base64.b85decode(dump)), dtype=bool)
    if mask.size != n_text_layer * n_text_head:
        return None
    return np.argwhere(mask.reshape(n_text_layer, n_text_head)).tolist()


def set_alignment_heads(model: Any, pairs: list[list[int]] | tuple[tuple[int, int], ...]) -> None:
    """Set the model's ``alignment_heads`` buffer from [layer, head] pairs (as whisper does)."""
    import torch

    dims = model.dims
    mask = torch.zeros(dims.n_text_layer, dims.n_text_head, dtype=torch.bool)
    for layer, head in pairs:
        mask[layer, head] = True
    device = next(model.parameters()).device
    model.register_buffer("alignment_heads", mask.to_sparse().to(device), persistent=False)


def load_checkpoint_model(path: Path, device: str, name: Optional[str] = None) -> Any:
    """Load a checkpoint with whisper.load_model and apply its alignment heads.

    Heads come from the checkpoint itself (converted models), else from whisper's
    table for the named model (``name``, or the file's stem such as ``base.en``).
    Without either, whisper's default (every head of the top half) stays.
    """
    import whisper

    path = Path(path)
    if not path.is_file():
        raise ModelFileError(
            f"The model file {path} is missing. Install the model again from Models."
        )
    header = read_checkpoint_header(path)
    model = whisper.load_model(str(path), device=device)
    pairs = header.alignment_heads or named_alignment_heads(
        name or path.stem, header.dims["n_text_layer"], header.dims["n_text_head"]
    )
    if pairs:
        set_alignment_heads(model, pairs)
    return model
