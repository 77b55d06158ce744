"""Atomic file writes: one helper for every file the app writes whole.

A temp file in the target's folder, flushed and fsynced, then renamed over the target,
so a crash or a full disk leaves either the old file or the new one, never half of one.
The temp name is short (a dot, 6 random characters, `.part`): a long target name still
fits the file system's 255-byte limit. The result gets the mode the umask allows, like
a plain ``open(path, "w")`` (``mkstemp`` alone would make it 0600).
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

TEMP_SUFFIX = ".part"
_TEMP_LEN = 1 + 6 + len(TEMP_SUFFIX)  # what a temp name adds next to its target


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _open_temp(folder: Path) -> tuple[int, Path]:
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    for _ in range(100):
        tmp = folder / f".{secrets.token_hex(3)}{TEMP_SUFFIX}"
        try:
            return os.open(tmp, flags, 0o666 & ~_umask()), tmp
        except FileExistsError:
            continue
    raise FileExistsError(f"no free temp name in {folder}")


@contextmanager
def atomic_output(path: str | os.PathLike[str], mode: str = "wb", **open_kwargs: Any) -> Iterator[IO[Any]]:
    """Open a temp file for writing; on a clean exit it replaces `path`, else it is removed.

    `mode` is "wb" or "w" (text: pass encoding= and newline= as for open())."""
    if mode not in ("wb", "w"):
        raise ValueError("atomic_output writes whole files: mode must be 'wb' or 'w'")
    target = Path(path)
    fd, tmp = _open_temp(target.parent)
    try:
        with open(fd, mode, **open_kwargs) as stream:
            yield stream
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def atomic_write_bytes(path: str | os.PathLike[str], data: bytes) -> Path:
    """Write `data` to `path` atomically; returns the path."""
    with atomic_output(path, "wb") as stream:
        stream.write(data)
    return Path(path)


def atomic_write_text(
    path: str | os.PathLike[str], text: str, encoding: str = "utf-8", newline: str | None = None
) -> Path:
    """Write `text` to `path` atomically; returns the path."""
    with atomic_output(path, "w", encoding=encoding, newline=newline) as stream:
        stream.write(text)
    return Path(path)


def is_temp_name(name: str) -> bool:
    """Whether `name` looks like one of our temp files (the start-up sweep removes old ones)."""
    return name.startswith(".") and name.endswith(TEMP_SUFFIX) and len(name) == _TEMP_LEN
