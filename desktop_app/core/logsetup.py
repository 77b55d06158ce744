"""A rotating log file in the app's log folder."""

from __future__ import annotations

import logging
import logging.handlers

from desktop_app.core.paths import app_paths

_FORMAT = "%(asctime)s %(process)d %(levelname)s %(name)s: %(message)s"


def setup_logging(level: int = logging.INFO, to_stderr: bool = False) -> None:
    """Log to daredevil.log (1 MB x 5 files); idempotent."""
    root = logging.getLogger()
    if any(getattr(h, "_daredevil", False) for h in root.handlers):
        return
    paths = app_paths().ensure()
    handler = logging.handlers.RotatingFileHandler(
        paths.log_file, maxBytes=1_000_000, backupCount=5, encoding="utf-8"
    )
    handler.setFormatter(logging.Formatter(_FORMAT))
    handler._daredevil = True  # type: ignore[attr-defined]
    root.addHandler(handler)
    if to_stderr:
        stream = logging.StreamHandler()
        stream.setFormatter(logging.Formatter(_FORMAT))
        stream._daredevil = True  # type: ignore[attr-defined]
        root.addHandler(stream)
    root.setLevel(level)
