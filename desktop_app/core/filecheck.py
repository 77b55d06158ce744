"""Check a dropped file before any byte of it is read: exists, regular, non-empty, readable, small enough."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from desktop_app.core.errors import FileCheckError
from desktop_app.core.hashing import FileFingerprint
from desktop_app.core.sizes import human_size


class FileMissingError(FileCheckError):
    """The path does not exist (or no longer exists)."""


class NotAFileError(FileCheckError):
    """The path is a folder, a pipe, a socket or a device."""


class EmptyFileError(FileCheckError):
    """The file has zero bytes."""


class UnreadableFileError(FileCheckError):
    """The app is not allowed to open the file."""


class FileTooLargeError(FileCheckError):
    """The file is larger than the limit in Settings > Limits."""


class FileChangedError(FileCheckError):
    """The file was written to, replaced or truncated while it was being read."""


def _kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a named pipe"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "a special file"


def file_gone_error(path: Path) -> FileMissingError:
    """The error for a file that disappeared after it was added."""
    return FileMissingError(
        f"The file {Path(path).name!r} no longer exists; it may have been moved or deleted. "
        "Add it again from its new place."
    )


def check_file(path: Path, max_bytes: int) -> FileFingerprint:
    """Check that path is a readable, non-empty regular file within max_bytes; reads nothing.

    Returns what was true of it then: compare a later `FileFingerprint.of` to spot a change."""
    path = Path(path)
    try:
        st = os.stat(path)
    except FileNotFoundError:
        raise FileMissingError(
            "This file doesn't exist (a broken link, or it was moved or deleted). "
            "Check the name and add it again."
        ) from None
    except PermissionError:
        raise UnreadableFileError(
            "The app isn't allowed to look inside the folder that holds this file. "
            "Change the folder's permissions or copy the file somewhere you own."
        ) from None
    except OSError as exc:
        raise FileCheckError(f"This file can't be used: {exc.strerror}. Check the path.") from None

    if stat.S_ISDIR(st.st_mode):
        raise NotAFileError("This is a folder, not a file. Add the audio or video files inside it.")
    if not stat.S_ISREG(st.st_mode):
        # Never open these: opening a FIFO blocks until someone writes to it.
        raise NotAFileError(
            f"This is {_kind(st.st_mode)}, not a regular file. Add a saved audio or video file."
        )
    if st.st_size == 0:
        raise EmptyFileError("This file is empty (0 bytes). It may still be downloading or copying.")
    if st.st_size > max_bytes:
        raise FileTooLargeError(
            f"File is {human_size(st.st_size)}; the limit is {human_size(max_bytes)} "
            "(Settings > Limits)."
        )

    unreadable = UnreadableFileError(
        "The app isn't allowed to read this file. Change its permissions or copy it somewhere you own."
    )
    if not os.access(path, os.R_OK):
        raise unreadable
    # Open without reading, so a permission the access check can't see (ACLs, sandboxes)
    # is caught now; O_NONBLOCK keeps a file swapped for a FIFO from blocking us.
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except FileNotFoundError:
        raise file_gone_error(path) from None
    except PermissionError:
        raise unreadable from None
    except OSError as exc:
        raise FileCheckError(f"This file can't be opened: {exc.strerror}.") from None
    try:
        opened = os.fstat(fd)
    finally:
        os.close(fd)
    if (opened.st_ino, opened.st_dev) != (st.st_ino, st.st_dev):
        raise FileCheckError("This file changed while it was being checked. Add it again.")
    return FileFingerprint.from_stat(path, st)
