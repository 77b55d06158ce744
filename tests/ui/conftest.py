"""UI tests run offscreen, each with its own app home, and fail on leaked windows, threads or processes."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from runner.qt_support import fresh_home, no_leaks  # noqa: E402,F401  (fixtures)
