"""What a model is made of: one or two forms of the same weights.

An installed model has an openai-whisper checkpoint (``<name>.pt``, for the torch
engine), a CTranslate2 folder (``<name>.ct2/``, for faster-whisper), or both. A form is
identified by the SHA-256 of its weights file (the ``.pt``, or the folder's ``model.bin``)
and watched through a stat fingerprint, so a replaced file is noticed and re-hashed.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from enum import Enum
from pathlib import Path

CHECKPOINT_SUFFIX = ".pt"
CT2_SUFFIX = ".ct2"
CT2_WEIGHTS = "model.bin"
CT2_REQUIRED = ("model.bin", "config.json", "tokenizer.json")
CT2_VOCABULARIES = ("vocabulary.txt", "vocabulary.json")
# Files of a faster-whisper folder worth keeping; preprocessor_config.json gives large-v3 its 128 mels.
CT2_OPTIONAL = ("preprocessor_config.json",)


class ModelFormat(str, Enum):
    OPENAI = "openai"  # an openai-whisper .pt checkpoint (the torch engine)
    CTRANSLATE2 = "ctranslate2"  # a CTranslate2 folder: model.bin, config.json, tokenizer.json, vocabulary.*

    @property
    def suffix(self) -> str:
        """How the form's file or folder name ends: ``.pt`` or ``.ct2``."""
        return CHECKPOINT_SUFFIX if self is ModelFormat.OPENAI else CT2_SUFFIX


# The order forms are listed and shown in: the fast engine's first.
FORM_ORDER = (ModelFormat.CTRANSLATE2, ModelFormat.OPENAI)


@dataclass(frozen=True)
class ModelForm:
    """One form of a model on disk."""

    format: ModelFormat
    path: Path  # the .pt file, or the CTranslate2 folder
    sha256: str  # SHA-256 of the .pt file, or of the folder's model.bin
    size_bytes: int  # the file, or every file of the folder

    @property
    def weights_file(self) -> Path:
        """The file the SHA-256 and the fingerprint are taken of."""
        return weights_file(self.format, self.path)


@dataclass(frozen=True)
class ModelInfo:
    """One installed (or directly chosen) model, with every form it has."""

    name: str
    forms: tuple[ModelForm, ...]
    multilingual: bool
    source: str

    def form(self, fmt: ModelFormat) -> ModelForm | None:
        """The form in format ``fmt``, or None when the model lacks it."""
        return next((f for f in self.forms if f.format is fmt), None)

    @property
    def size_bytes(self) -> int:
        """The largest form's size, for display."""
        return max((f.size_bytes for f in self.forms), default=0)

    @property
    def forms_label(self) -> str:
        """The formats it has, e.g. ``ctranslate2+openai``."""
        return "+".join(f.format.value for f in self.forms)


@dataclass(frozen=True)
class FormStat:
    """What os.stat says about a form's weights file; a change means it must be re-hashed."""

    size: int
    mtime_ns: int
    ctime_ns: int
    inode: int

    @classmethod
    def of(cls, path: Path) -> "FormStat":
        st = os.stat(path)
        return cls(st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino)


def weights_file(fmt: ModelFormat, path: Path) -> Path:
    """The weights file of a form: the .pt itself, or the folder's model.bin."""
    return Path(path) if fmt is ModelFormat.OPENAI else Path(path) / CT2_WEIGHTS


def sorted_forms(forms: list[ModelForm] | tuple[ModelForm, ...]) -> tuple[ModelForm, ...]:
    """Forms in FORM_ORDER, one per format (the first of each wins)."""
    by_format: dict[ModelFormat, ModelForm] = {}
    for form in forms:
        by_format.setdefault(form.format, form)
    return tuple(by_format[fmt] for fmt in FORM_ORDER if fmt in by_format)


def ct2_vocabulary(folder: Path) -> Path | None:
    """The folder's vocabulary file, if it has one."""
    return next((folder / n for n in CT2_VOCABULARIES if (folder / n).is_file()), None)


def ct2_missing_files(folder: Path) -> list[str]:
    """The files a CTranslate2 Whisper folder needs that ``folder`` lacks."""
    missing = [n for n in CT2_REQUIRED if not (folder / n).is_file()]
    if ct2_vocabulary(folder) is None:
        missing.append("vocabulary.txt")
    return missing


def ct2_folder_files(folder: Path) -> list[Path]:
    """The files of a CTranslate2 folder that belong to the model (and are there)."""
    names = (*CT2_REQUIRED, *CT2_VOCABULARIES, *CT2_OPTIONAL)
    return [folder / n for n in names if (folder / n).is_file()]


def form_size(fmt: ModelFormat, path: Path) -> int:
    """Bytes on disk: the .pt, or the model files of the folder."""
    if fmt is ModelFormat.OPENAI:
        return Path(path).stat().st_size
    return sum(p.stat().st_size for p in ct2_folder_files(Path(path)))
