"""`daredevil models list|import|download|install-starter`."""

from __future__ import annotations

import argparse
import sys
import threading
from pathlib import Path

from desktop_app.core.errors import DaredevilError


def _print_progress(done: int, total: int | None) -> None:
    if not sys.stderr.isatty():
        return
    if total:
        sys.stderr.write(f"\r\033[K{done / total:.0%} of {total / 1e6:.0f} MB")
    else:
        sys.stderr.write(f"\r\033[K{done / 1e6:.0f} MB")
    sys.stderr.flush()


def run_models(args: argparse.Namespace) -> int:
    """Dispatch the models subcommands; errors are one line on stderr."""
    from desktop_app.core.models import download, registry

    try:
        if args.models_command == "list":
            models = registry.list_installed()
            if not models:
                print("No models installed. Run `daredevil models install-starter`.")
            for m in models:
                kind = "multilingual" if m.multilingual else "English-only"
                print(f"{m.name:<20} {m.size_bytes / 1e6:8.0f} MB  {kind:<13} {m.path}")
            return 0
        if args.models_command == "import":
            info = registry.import_model(Path(args.path), args.name)
            print(f"Imported {info.name} ({info.size_bytes / 1e6:.0f} MB)")
            return 0
        if args.models_command == "download":
            cancel = threading.Event()
            try:
                info = download.download_model(args.name, progress=_print_progress, cancel=cancel)
            except KeyboardInterrupt as exc:
                cancel.set()
                print("\ndaredevil: download interrupted; run the same command to resume", file=sys.stderr)
                return getattr(exc, "exit_code", 130)
            print(f"\nDownloaded {info.name} ({info.size_bytes / 1e6:.0f} MB)")
            return 0
        if args.models_command == "install-starter":
            info = registry.install_starter_model()
            print(f"Installed the starter model {info.name} ({info.size_bytes / 1e6:.0f} MB)")
            return 0
    except DaredevilError as exc:
        print(f"daredevil: {exc}", file=sys.stderr)
        return 1
    return 2
