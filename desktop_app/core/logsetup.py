"""A rotating log file in the app's log folder; it never stops the app.

A log folder that can't be written (read-only, no permission) means no log file; a full
disk drops the records that don't fit. Neither prints `--- Logging error ---` tracebacks.
"""

from __future__ import annotations

import logging
import logging.handlers

from desktop_app.core.paths import app_paths

_FORMAT = "%(asctime)s %(process)d %(levelname)s %(name)s: %(message)s"


class _QuietFileHandler(logging.handlers.RotatingFileHandler):
    """A rotating file whose write failures (disk full, I/O error) drop the record quietly."""

    def handleError(self, record: logging.LogRecord) -> None:
        pass  # the default prints a traceback to stderr for every record that failed


def setup_logging(level: int = logging.INFO, to_stderr: bool = False) -> bool:
    """Log to daredevil.log (1 MB x 5 files); idempotent. False when there is no log file."""
    root = logging.getLogger()
    if any(getattr(h, "_daredevil", False) for h in root.handlers):
        return any(isinstance(h, _QuietFileHandler) for h in root.handlers)
    handler: logging.Handler
    try:  # only the log folder: the log says what is wrong with the others
        log_file = app_paths().log_file
        log_file.parent.mkdir(parents=True, exist_ok=True)
        handler = _QuietFileHandler(log_file, maxBytes=1_000_000, backupCount=5, encoding="utf-8")
        handler.setFormatter(logging.Formatter(_FORMAT))
    except OSError:
        # no log file; without a handler Python would print warnings to stderr instead
        handler = logging.NullHandler()
    handler._daredevil = True  # type: ignore[attr-defined]
    root.addHandler(handler)
    if to_stderr:
        stream = logging.StreamHandler()
        stream.setFormatter(logging.Formatter(_FORMAT))
        stream._daredevil = True  # type: ignore[attr-defined]
        root.addHandler(stream)
    root.setLevel(level)
    return isinstance(handler, _QuietFileHandler)
