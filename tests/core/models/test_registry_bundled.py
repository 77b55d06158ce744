"""Models shipped read-only with an installer ($DAREDEVIL_BUNDLED_MODELS, or models/ in a frozen bundle)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from desktop_app.core.models import registry
from desktop_app.core.models.errors import ModelError


@pytest.fixture
def bundled_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fake_checkpoint: Path) -> Path:
    """A bundled models folder holding `base`, registered the way packaging/build.sh does it."""
    folder = tmp_path / "bundle" / "models"
    folder.mkdir(parents=True)
    shutil.copyfile(fake_checkpoint, folder / "base.pt")
    registry.register_checkpoint(folder / "base.pt", registry.STARTER_SOURCE)
    monkeypatch.setenv(registry.BUNDLED_MODELS_ENV, str(folder))
    return folder


def test_bundled_model_is_listed_resolved_and_kept(models_dir: Path, bundled_dir: Path):
    assert [m.name for m in registry.list_installed()] == ["base"]
    assert registry.resolve_model(None, registry.STARTER_MODEL_NAME).path == bundled_dir / "base.pt"
    assert registry.install_starter_model().path == bundled_dir / "base.pt"
    assert not any(models_dir.glob("*.pt")), "the starter model must not be copied into the home"
    with pytest.raises(ModelError, match="ships with Daredevil"):
        registry.delete_model("base")
    assert (bundled_dir / "base.pt").is_file()


def test_user_model_wins_and_explicit_folders_ignore_the_bundle(
    models_dir: Path, bundled_dir: Path, fake_checkpoint: Path
):
    registry.import_model(fake_checkpoint, name="base")
    assert registry.get_model("base").path == models_dir / "base.pt"
    other = models_dir.parent / "elsewhere"
    other.mkdir()
    assert registry.list_installed(other) == []
