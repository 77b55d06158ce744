"""Model records: every field validated, format 1 still read, and a replaced file re-hashed."""

from __future__ import annotations

import json
import logging
import os
from pathlib import Path

import pytest

from desktop_app.core.hashing import content_hash
from desktop_app.core.models import ModelFormat, get_model, import_model, list_installed, resolve_model
from desktop_app.core.models.errors import ModelNotFoundError

OPENAI, CT2 = ModelFormat.OPENAI, ModelFormat.CTRANSLATE2


@pytest.fixture
def installed(models_dir: Path, fake_checkpoint: Path) -> dict:
    """A model "a" with both forms; returns its sidecar as JSON."""
    import_model(fake_checkpoint, name="a")
    return json.loads((models_dir / "a.json").read_text())


def _write(models_dir: Path, data) -> None:
    (models_dir / "a.json").write_text(json.dumps(data) if not isinstance(data, str) else data)


def _form(data: dict, fmt: str) -> dict:
    return next(f for f in data["forms"] if f["format"] == fmt)


BAD_FIELDS = [
    ("size_bytes is 1e999", lambda d: _form(d, "openai").update(size_bytes=1e999), "forms[1].size_bytes"),
    ("size_bytes is a string", lambda d: _form(d, "openai").update(size_bytes="big"), "forms[1].size_bytes"),
    ("size_bytes is negative", lambda d: _form(d, "ctranslate2").update(size_bytes=-1), "forms[0].size_bytes"),
    ("size_bytes is huge", lambda d: _form(d, "ctranslate2").update(size_bytes=10**30), "forms[0].size_bytes"),
    ("size_bytes is true", lambda d: _form(d, "ctranslate2").update(size_bytes=True), "forms[0].size_bytes"),
    ("mtime is a string", lambda d: _form(d, "openai")["stat"].update(mtime_ns="yesterday"), "forms[1].stat.mtime_ns"),
    ("inode is missing", lambda d: _form(d, "openai")["stat"].pop("inode"), "forms[1].stat.inode"),
    ("stat is a list", lambda d: _form(d, "openai").update(stat=[1, 2]), "forms[1].stat"),
    ("sha256 is short", lambda d: _form(d, "openai").update(sha256="abc"), "forms[1].sha256"),
    ("made_from is a number", lambda d: _form(d, "ctranslate2").update(made_from=7), "forms[0].made_from"),
    ("file points elsewhere", lambda d: _form(d, "openai").update(file="../x.pt"), "forms[1].file"),
    ("format is unknown", lambda d: _form(d, "openai").update(format="onnx"), "forms[1].format"),
    ("a form is a string", lambda d: d["forms"].append("x"), "forms[2]"),
    ("the same format twice", lambda d: d["forms"].append(dict(d["forms"][0])), "forms"),
    ("forms is empty", lambda d: d.update(forms=[]), "forms"),
    ("forms is missing", lambda d: d.pop("forms"), "forms"),
    ("name is missing", lambda d: d.pop("name"), "name"),
    ("name is another model's", lambda d: d.update(name="b"), "name"),
    ("multilingual is a string", lambda d: d.update(multilingual="yes"), "multilingual"),
    ("source is a number", lambda d: d.update(source=3), "source"),
    ("format is from the future", lambda d: d.update(format=9), "format"),
    ("format is a string", lambda d: d.update(format="2"), "format"),
]


@pytest.mark.parametrize(("why", "damage", "field"), BAD_FIELDS, ids=[b[0] for b in BAD_FIELDS])
def test_a_bad_field_skips_the_record_with_a_warning_naming_file_and_field(
    models_dir: Path, installed: dict, caplog, why, damage, field
):
    damage(installed)
    _write(models_dir, installed)
    with caplog.at_level(logging.WARNING):
        assert list_installed() == []
    warning = " ".join(r.getMessage() for r in caplog.records if r.levelno == logging.WARNING)
    assert str(models_dir / "a.json") in warning and f'field "{field}"' in warning, warning
    with pytest.raises(ModelNotFoundError, match="record a.json is missing or damaged"):
        get_model("a")  # the files are at hand: the message says so, and how to fix it


@pytest.mark.parametrize("text", ["[]", "null", "42", '"a"', "{not json", "\xff\xfe", "[" * 100_000])
def test_a_sidecar_that_is_not_an_object_is_skipped(models_dir: Path, installed: dict, caplog, text):
    _write(models_dir, text)
    with caplog.at_level(logging.WARNING):
        assert list_installed() == []
    assert str(models_dir / "a.json") in caplog.text


def test_the_damaged_record_is_replaced_by_importing_again(models_dir: Path, installed: dict, fake_checkpoint):
    _write(models_dir, "{}")
    assert import_model(fake_checkpoint, name="a").forms_label == "ctranslate2+openai"  # not "already installed"


def test_a_format_1_record_is_read_and_upgraded(models_dir: Path, fake_checkpoint: Path):
    pt = models_dir / "old.pt"
    models_dir.mkdir(parents=True)
    pt.write_bytes(fake_checkpoint.read_bytes())
    sha = content_hash(pt)
    (models_dir / "old.json").write_text(json.dumps({
        "format": 1, "name": "old", "file": "old.pt", "sha256": sha, "size_bytes": pt.stat().st_size,
        "multilingual": True, "source": "imported long ago", "dims": {"n_vocab": 51865},
    }))  # fmt: skip
    (info,) = list_installed()
    assert info.forms_label == "openai" and info.form(OPENAI).sha256 == sha and info.source == "imported long ago"
    upgraded = json.loads((models_dir / "old.json").read_text())
    assert upgraded["format"] == 2 and upgraded["forms"][0]["stat"]["size"] == pt.stat().st_size
    assert upgraded["dims"] == {"n_vocab": 51865}


def _flip_a_byte_keeping_size_and_mtime(path: Path, offset: int) -> None:
    before = os.stat(path)
    with open(path, "r+b") as fp:
        fp.seek(offset)
        byte = fp.read(1)
        fp.seek(offset)
        fp.write(bytes([byte[0] ^ 0xFF]))
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert os.stat(path).st_size == before.st_size and os.stat(path).st_mtime_ns == before.st_mtime_ns


@pytest.mark.parametrize("fmt", [OPENAI, CT2])
def test_a_replaced_file_with_the_same_size_and_mtime_gets_a_new_sha256(models_dir: Path, installed: dict, fmt):
    old = get_model("a").form(fmt)
    weights = old.weights_file
    _flip_a_byte_keeping_size_and_mtime(weights, weights.stat().st_size // 2)  # inside a tensor's bytes

    new = get_model("a").form(fmt)
    assert new.sha256 == content_hash(weights) != old.sha256
    recorded = _form(json.loads((models_dir / "a.json").read_text()), fmt.value)
    assert recorded["sha256"] == new.sha256 and recorded["stat"]["ctime_ns"] == os.stat(weights).st_ctime_ns
    assert resolve_model("a", None).form(fmt).sha256 == new.sha256  # so the cache key changes too


def test_an_unchanged_model_keeps_its_record_as_it_is(models_dir: Path, installed: dict):
    before = (models_dir / "a.json").read_text()
    get_model("a")
    list_installed()
    assert (models_dir / "a.json").read_text() == before
