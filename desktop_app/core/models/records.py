"""Reading model records: where models live, their sidecars, and whether each form is intact.

A form's recorded SHA-256 is trusted only while its stat fingerprint matches; otherwise
the file is checked (its header) and re-hashed, and the sidecar is updated. A bundled
model's files come from an installer (new inodes and ctimes, a read-only folder), so
there only the size must match. A user's record whose forms were all made from a
bundled model's forms (``made_from``) is read together with it, as one model.
"""

from __future__ import annotations

import logging
import os
import re
import sys
from dataclasses import replace
from pathlib import Path
from typing import Optional

from desktop_app.core.hashing import content_hash
from desktop_app.core.models.errors import ModelError
from desktop_app.core.models.forms import (
    FormStat,
    ModelForm,
    ModelFormat,
    ModelInfo,
    ct2_missing_files,
    form_size,
    sorted_forms,
    weights_file,
)
from desktop_app.core.models.sidecar import SIDECAR_SUFFIX, FormRecord, Sidecar, read_sidecar, write_sidecar
from desktop_app.core.paths import app_paths

log = logging.getLogger(__name__)

NAME_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")

# Read-only models that ship with the app (the installers carry the starter's CTranslate2 form).
BUNDLED_MODELS_ENV = "DAREDEVIL_BUNDLED_MODELS"


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


def bundled_for(models_dir: Optional[Path]) -> Optional[Path]:
    """The bundled folder, consulted only alongside the app's own models folder."""
    folder = bundled_models_dir() if models_dir is None else None
    return folder if folder is not None and folder.is_dir() else None


def _check_weights(fmt: ModelFormat, path: Path) -> None:
    """Cheap proof that a changed form is still a model (its header), before hashing it."""
    if fmt is ModelFormat.OPENAI:
        from desktop_app.core.models.loading import read_checkpoint_header

        read_checkpoint_header(path)
    else:
        from desktop_app.core.models.ct2_convert import read_ct2_header

        read_ct2_header(path / "model.bin")


def new_record(fmt: ModelFormat, path: Path, made_from: str | None = None) -> FormRecord:
    """Hash a form in place and record its fingerprint (taken first, so a later change shows)."""
    stat = FormStat.of(weights_file(fmt, path))
    sha = content_hash(weights_file(fmt, path))
    return FormRecord(ModelForm(fmt, path, sha, form_size(fmt, path)), stat, made_from)


def _checked(record: FormRecord, bundled: bool, sidecar: Path) -> tuple[FormRecord | None, bool]:
    """The record if its form is intact (re-hashed when its fingerprint moved), and whether it changed."""
    form = record.form
    if form.format is ModelFormat.CTRANSLATE2 and (missing := ct2_missing_files(form.path)):
        log.warning("Ignoring the %s form of %s: %s lacks %s", form.format.value, sidecar, form.path, ", ".join(missing))
        return None, False
    try:
        now = FormStat.of(form.weights_file)
    except OSError:
        log.warning("Ignoring the %s form of %s: %s is missing", form.format.value, sidecar, form.path)
        return None, False
    if record.stat == now or (bundled and record.stat is not None and record.stat.size == now.size):
        return record, False  # a bundle is unpacked by an installer: its inode and ctime are new, its bytes not
    try:
        _check_weights(form.format, form.path)
        fresh = new_record(form.format, form.path, record.made_from)
    except (ModelError, OSError) as exc:
        log.warning("Ignoring the %s form of %s: it changed and is no longer readable (%s)", form.format.value, sidecar, exc)
        return None, False
    if fresh.form.sha256 != form.sha256:
        log.warning("%s was replaced (new SHA-256 %s...); its record is updated", form.path, fresh.form.sha256[:12])
    return fresh, True


def load_record(folder: Path, name: str, bundled: bool = False) -> Optional[Sidecar]:
    """The sidecar of ``name`` in ``folder`` with only its intact forms; None if it has none."""
    path = folder / f"{name}{SIDECAR_SUFFIX}"
    if not path.is_file():
        return None
    sidecar = read_sidecar(path)
    if sidecar is None:
        return None
    checked = [_checked(record, bundled, path) for record in sidecar.forms]
    records = tuple(r for r, _ in checked if r is not None)
    if not records:
        log.warning("Ignoring the model record %s: none of its forms is usable", path)
        return None
    result = replace(sidecar, forms=records)
    if any(changed for _, changed in checked) and not bundled:
        try:
            write_sidecar(result)
        except OSError as exc:
            log.warning("Could not update the model record %s (%s); the new SHA-256 is used for now", path, exc)
    return result


def info_of(sidecar: Sidecar, extra_forms: tuple[ModelForm, ...] = ()) -> ModelInfo:
    """The ModelInfo of a record (plus forms recorded elsewhere for it)."""
    forms = sorted_forms([*(r.form for r in sidecar.forms), *extra_forms])
    return ModelInfo(sidecar.name, forms, sidecar.multilingual, sidecar.source)


def _made_for(user: Sidecar, bundled: Sidecar) -> bool:
    """Whether every form of the user's record was made from a form of the bundled one."""
    shipped = {r.form.sha256 for r in bundled.forms}
    return all(r.made_from in shipped for r in user.forms)


def lookup(name: str, models_dir: Optional[Path]) -> Optional[ModelInfo]:
    """The installed model ``name`` (the user's record, the bundled one, or both as one), or None."""
    if not NAME_RE.match(name):
        return None
    user = load_record(models_folder(models_dir), name)
    bundled_dir = bundled_for(models_dir)
    shipped = load_record(bundled_dir, name, bundled=True) if bundled_dir is not None else None
    if user is not None and shipped is not None and _made_for(user, shipped):
        return info_of(shipped, tuple(r.form for r in user.forms))
    if user is not None:
        return info_of(user)
    return info_of(shipped) if shipped is not None else None
