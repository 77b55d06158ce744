"""Model sidecars: ``<name>.json`` next to a model's forms, the record that it is installed.

Format 2 lists the forms, each with its file or folder name, SHA-256, size, a stat
fingerprint of its weights file and, for a form made from another, that form's SHA-256::

    {"format": 2, "name": "base", "multilingual": true, "source": "...",
     "forms": [{"format": "ctranslate2", "file": "base.ct2", "sha256": "...", "size_bytes": 145262807,
                "stat": {"size": 145217532, "mtime_ns": ..., "ctime_ns": ..., "inode": ...},
                "made_from": null}]}

Format 1 (a ``.pt`` only, no fingerprint) is still read. Every field is checked for type
and range: a bad sidecar is skipped with a warning naming the file and the field.
"""

from __future__ import annotations

import json
import logging
import re
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from desktop_app.core.fileio import atomic_write_text
from desktop_app.core.models.forms import FORM_ORDER, FormStat, ModelForm, ModelFormat

log = logging.getLogger(__name__)

SIDECAR_SUFFIX = ".json"
SIDECAR_FORMAT = 2
_SHA256_RE = re.compile(r"^[0-9a-f]{64}$")
_MAX_INT = 2**63 - 1  # what os.stat can report; anything larger is damage
_STAT_FIELDS = ("size", "mtime_ns", "ctime_ns", "inode")


@dataclass(frozen=True)
class FormRecord:
    """A form as the sidecar records it: the fingerprint its SHA-256 was taken at."""

    form: ModelForm
    stat: FormStat | None  # None: not recorded (a format-1 sidecar), so the file must be hashed
    made_from: str | None = None  # the SHA-256 of the form this one was converted from


@dataclass(frozen=True)
class Sidecar:
    """A parsed, validated sidecar."""

    path: Path
    name: str
    multilingual: bool
    source: str
    forms: tuple[FormRecord, ...]
    extra: dict[str, Any] = field(default_factory=dict)  # kept as written: dims, installed_at


class SidecarError(ValueError):
    """A sidecar field is missing or has the wrong type or range."""

    def __init__(self, field_name: str, problem: str) -> None:
        super().__init__(f'field "{field_name}" {problem}')
        self.field_name = field_name


def _get(data: dict, key: str, where: str = "") -> Any:
    name = f"{where}{key}"
    if key not in data:
        raise SidecarError(name, "is missing")
    return data[key]


def _str(data: dict, key: str, where: str = "", default: str | None = None) -> str:
    value = data.get(key, default) if default is not None else _get(data, key, where)
    if not isinstance(value, str):
        raise SidecarError(f"{where}{key}", f"must be a string, not {type(value).__name__}")
    return value


def _bool(data: dict, key: str, where: str = "") -> bool:
    value = _get(data, key, where)
    if not isinstance(value, bool):
        raise SidecarError(f"{where}{key}", f"must be true or false, not {value!r}")
    return value


def _count(data: dict, key: str, where: str = "") -> int:
    value = _get(data, key, where)
    if isinstance(value, bool) or not isinstance(value, int):  # 1e999 parses as a float (inf)
        raise SidecarError(f"{where}{key}", f"must be a whole number, not {value!r}")
    if not 0 <= value <= _MAX_INT:
        raise SidecarError(f"{where}{key}", f"is out of range ({value})")
    return value


def _sha256(value: Any, name: str, optional: bool = False) -> str | None:
    if value is None and optional:
        return None
    if not isinstance(value, str) or not _SHA256_RE.match(value):
        raise SidecarError(name, "must be 64 lowercase hex digits (a SHA-256)")
    return value


def _file_name(data: dict, where: str, expected: str) -> str:
    value = _str(data, "file", where, default=expected)
    if value != expected:
        raise SidecarError(f"{where}file", f"must be {expected!r}, not {value!r}")
    return value


def _form(data: Any, folder: Path, name: str, index: int) -> FormRecord:
    where = f"forms[{index}]."
    if not isinstance(data, dict):
        raise SidecarError(f"forms[{index}]", "must be an object")
    raw_format = _str(data, "format", where)
    try:
        fmt = ModelFormat(raw_format)
    except ValueError:
        raise SidecarError(f"{where}format", f"must be one of {[f.value for f in ModelFormat]}, not {raw_format!r}") from None
    file = _file_name(data, where, f"{name}{fmt.suffix}")
    sha = _sha256(_get(data, "sha256", where), f"{where}sha256")
    size = _count(data, "size_bytes", where)
    stat = _get(data, "stat", where)
    if not isinstance(stat, dict):
        raise SidecarError(f"{where}stat", "must be an object")
    fingerprint = FormStat(*(_count(stat, key, f"{where}stat.") for key in _STAT_FIELDS))
    made_from = _sha256(data.get("made_from"), f"{where}made_from", optional=True)
    return FormRecord(ModelForm(fmt, folder / file, sha, size), fingerprint, made_from)


def parse_sidecar(path: Path, data: Any) -> Sidecar:
    """Validate decoded sidecar JSON; raises SidecarError naming the bad field."""
    if not isinstance(data, dict):
        raise SidecarError("(top level)", "must be an object")
    version = _count(data, "format")
    name = _str(data, "name")
    if name != path.stem:
        raise SidecarError("name", f"is {name!r}, but the file is named {path.name}")
    multilingual = _bool(data, "multilingual")
    source = _str(data, "source", default="")
    extra = {k: data[k] for k in ("dims", "installed_at") if k in data}
    folder = path.parent
    if version == 1:  # one .pt, no fingerprint: hashed once, then rewritten as format 2
        file = _file_name(data, "", f"{name}{ModelFormat.OPENAI.suffix}")
        sha = _sha256(_get(data, "sha256"), "sha256")
        form = ModelForm(ModelFormat.OPENAI, folder / file, sha, _count(data, "size_bytes"))
        return Sidecar(path, name, multilingual, source, (FormRecord(form, None),), extra)
    if version != SIDECAR_FORMAT:
        raise SidecarError("format", f"is {version}; this version of Daredevil reads formats 1 and 2")
    forms = _get(data, "forms")
    if not isinstance(forms, list) or not forms:
        raise SidecarError("forms", "must be a non-empty list")
    records = tuple(_form(item, folder, name, i) for i, item in enumerate(forms))
    if len({r.form.format for r in records}) != len(records):
        raise SidecarError("forms", "lists the same format twice")
    return Sidecar(path, name, multilingual, source, records, extra)


def read_sidecar(path: Path) -> Sidecar | None:
    """The sidecar at ``path``, or None (with a warning naming the file and field) if it is bad."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        log.warning("Ignoring the model record %s: it can't be read (%s)", path, exc)
        return None
    try:
        return parse_sidecar(path, json.loads(text))
    except (ValueError, RecursionError) as exc:  # JSONDecodeError, SidecarError, absurd nesting
        log.warning("Ignoring the model record %s: %s", path, exc or type(exc).__name__)
        return None


def write_sidecar(sidecar: Sidecar) -> None:
    """Write ``sidecar`` atomically, as format 2."""
    forms = []
    for record in sorted(sidecar.forms, key=lambda r: FORM_ORDER.index(r.form.format)):
        if record.stat is None:
            raise ValueError("a form without a fingerprint can't be written")
        forms.append({
            "format": record.form.format.value,
            "file": record.form.path.name,
            "sha256": record.form.sha256,
            "size_bytes": record.form.size_bytes,
            "stat": {key: getattr(record.stat, key) for key in _STAT_FIELDS},
            "made_from": record.made_from,
        })  # fmt: skip
    data = {
        "format": SIDECAR_FORMAT,
        "name": sidecar.name,
        "multilingual": sidecar.multilingual,
        "source": sidecar.source,
        "forms": forms,
        **sidecar.extra,
    }
    data.setdefault("installed_at", datetime.now(timezone.utc).isoformat(timespec="seconds"))
    atomic_write_text(sidecar.path, json.dumps(data, indent=2) + "\n")
