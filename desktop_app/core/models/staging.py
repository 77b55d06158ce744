"""Build model forms out of sight, then rename them into place.

A staging folder (``.<name>.<6 hex>.tmp``) lives in the models folder itself, so the final
rename never crosses a file system. It is made with the umask's mode (``os.mkdir``), not
mkdtemp's 0700, so the installed folder ends up readable like any file the user makes.
The start-up sweep (``tempfiles.sweep_abandoned_model_files``) removes one a crash left.
"""

from __future__ import annotations

import os
import secrets
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


def _aside_name(folder: Path, name: str) -> Path:
    for _ in range(100):
        candidate = folder / f".{name}.{secrets.token_hex(3)}.tmp"
        if not candidate.exists():
            return candidate
    raise FileExistsError(f"no free temporary name in {folder}")


@contextmanager
def staging_dir(folder: Path, name: str) -> Iterator[Path]:
    """A new empty folder next to the models, removed with whatever is left in it."""
    for _ in range(100):
        stage = _aside_name(folder, name)
        try:
            os.mkdir(stage)  # 0o777 minus the umask
            break
        except FileExistsError:
            continue
    else:
        raise FileExistsError(f"no free temporary name in {folder}")
    try:
        yield stage
    finally:
        shutil.rmtree(stage, ignore_errors=True)


def place(staged: Path, final: Path) -> None:
    """Rename ``staged`` to ``final``; an old folder there is moved aside first, then removed."""
    if final.is_dir() and not final.is_symlink():
        old = _aside_name(final.parent, final.name)
        os.replace(final, old)
        try:
            os.replace(staged, final)
        except BaseException:
            os.replace(old, final)  # put the old one back
            raise
        shutil.rmtree(old, ignore_errors=True)
    else:
        os.replace(staged, final)
