"""Models shipped read-only with an installer ($DAREDEVIL_BUNDLED_MODELS, or models/ in a frozen bundle)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from desktop_app.core.models import ModelFormat, registry
from desktop_app.core.models.errors import ModelError


@pytest.fixture(scope="module")
def shipped_models(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A models folder holding the starter's CTranslate2 form, made the way packaging/build.sh does."""
    folder = tmp_path_factory.mktemp("bundle") / "models"
    registry.install_starter_model(folder)
    return folder


@pytest.fixture
def bundled_dir(shipped_models: Path, models_dir: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv(registry.BUNDLED_MODELS_ENV, str(shipped_models))
    return shipped_models


def test_bundled_model_is_listed_resolved_and_kept(models_dir: Path, bundled_dir: Path):
    assert [m.name for m in registry.list_installed()] == ["base"]
    folder = bundled_dir / "base.ct2"
    assert registry.resolve_model(None, registry.STARTER_MODEL_NAME).form(ModelFormat.CTRANSLATE2).path == folder
    assert registry.install_starter_model().form(ModelFormat.CTRANSLATE2).path == folder
    assert not models_dir.exists() or not any(models_dir.iterdir()), "the starter must not be copied into the home"
    with pytest.raises(ModelError, match="ships with Daredevil"):
        registry.delete_model("base")
    assert (folder / "model.bin").is_file()


def test_a_moved_bundle_is_trusted_on_size(models_dir: Path, bundled_dir: Path, tmp_path: Path, monkeypatch):
    """An installer gives the files new inodes and ctimes: no re-hash, and no write to the bundle."""
    moved = shutil.copytree(bundled_dir, tmp_path / "elsewhere" / "models")
    monkeypatch.setenv(registry.BUNDLED_MODELS_ENV, str(moved))
    before = (moved / "base.json").read_text()
    (info,) = registry.list_installed()
    assert info.form(ModelFormat.CTRANSLATE2).sha256 == registry.STARTER_MODEL_SHA256
    assert (moved / "base.json").read_text() == before


@pytest.mark.heavy
def test_the_torch_engines_form_goes_into_the_home_and_joins_the_bundled_one(models_dir: Path, bundled_dir: Path):
    shipped = registry.get_model("base")
    both = registry.ensure_openai_form(shipped)
    pt = both.form(ModelFormat.OPENAI)
    assert pt.path == models_dir / "base.pt" and both.form(ModelFormat.CTRANSLATE2) == shipped.form(ModelFormat.CTRANSLATE2)
    record = json.loads((models_dir / "base.json").read_text())
    assert [f["made_from"] for f in record["forms"]] == [registry.STARTER_MODEL_SHA256]
    assert registry.list_installed() == [both] and registry.get_model("base") == both
    assert sorted(p.name for p in bundled_dir.iterdir()) == ["base.ct2", "base.json"]
    assert registry.ensure_openai_form(registry.get_model("base")) == both  # made once


def test_user_model_wins_and_explicit_folders_ignore_the_bundle(
    models_dir: Path, bundled_dir: Path, fake_checkpoint: Path
):
    registry.import_model(fake_checkpoint, name="base")
    mine = registry.get_model("base")
    assert {f.path.parent for f in mine.forms} == {models_dir} and mine.forms_label == "ctranslate2+openai"
    other = models_dir.parent / "elsewhere"
    other.mkdir()
    assert registry.list_installed(other) == []
