"""Sizes for people: one formatter for the window, the CLI and error messages."""

from __future__ import annotations

# Binary units with the short labels people know (Settings' GB is 1024**3 too).
_UNITS = ("bytes", "KB", "MB", "GB", "TB")


def human_size(n: int) -> str:
    """A size for people: 512 bytes, 1.5 KB, 12.4 GB, 4 GB."""
    if n < 1024:
        return f"{n} byte" if n == 1 else f"{n} bytes"
    value = float(n)
    for unit in _UNITS[1:]:
        value /= 1024
        if value < 1024 or unit == _UNITS[-1]:
            break
    text = f"{value:.1f}"
    if text.endswith(".0"):
        text = text[:-2]
    return f"{text} {unit}"
