"""`daredevil models list|import|download|install-starter`."""

from __future__ import annotations

import argparse
import sys
import threading
from pathlib import Path

from desktop_app.core.errors import DaredevilError
from desktop_app.core.sizes import human_size


def _print_progress(done: int, total: int | None) -> None:
    if not sys.stderr.isatty():
        return
    if total:
        sys.stderr.write(f"\r\033[K{done / total:.0%} of {human_size(total)}")
    else:
        sys.stderr.write(f"\r\033[K{human_size(done)}")
    sys.stderr.flush()


def _no_models_hint() -> str:
    from desktop_app.core.models.advice import IMPORT_HINT, download_hint
    from desktop_app.core.models.starter import STARTER_MODEL_NAME, starter_available

    if starter_available():
        return (
            f'No models installed yet. The starter model "{STARTER_MODEL_NAME}" is installed on first use, '
            "or now with `daredevil models install-starter`."
        )
    return f"No models installed. To get one, {IMPORT_HINT}{download_hint(STARTER_MODEL_NAME)}."


def run_models(args: argparse.Namespace) -> int:
    """Dispatch the models subcommands; errors are one line on stderr."""
    from desktop_app.core.models import download, registry

    try:
        if args.models_command == "list":
            models = registry.list_installed()
            if not models:
                print(_no_models_hint())
            for m in models:
                kind = "multilingual" if m.multilingual else "English-only"
                where = m.forms[0].path.parent
                print(f"{m.name:<20} {human_size(m.size_bytes):>10}  {kind:<13} {m.forms_label:<19} {where}")
            return 0
        if args.models_command == "import":
            info = registry.import_model(Path(args.path), args.name)
            print(f"Imported {info.name} ({human_size(info.size_bytes)}, {info.forms_label})")
            return 0
        if args.models_command == "download":
            cancel = threading.Event()
            try:
                info = download.download_model(args.name, progress=_print_progress, cancel=cancel)
            except KeyboardInterrupt as exc:
                cancel.set()
                print("\ndaredevil: download interrupted; run the same command to resume", file=sys.stderr)
                return getattr(exc, "exit_code", 130)
            print(f"\nDownloaded {info.name} ({human_size(info.size_bytes)}, {info.forms_label})")
            return 0
        if args.models_command == "install-starter":
            info = registry.install_starter_model(on_install=lambda line: print(line, file=sys.stderr))
            print(f"The starter model {info.name} is installed ({human_size(info.size_bytes)}, {info.forms_label})")
            return 0
    except DaredevilError as exc:
        print(f"daredevil: {exc}", file=sys.stderr)
        return 1
    return 2
