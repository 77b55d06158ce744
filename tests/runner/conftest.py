"""Runner tests run offscreen, each with its own app home; they fail on leaked threads or processes
and on errors in GUI-thread callbacks."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from runner.qt_support import (  # noqa: E402,F401  (fixtures)
    bare_home, expect_callback_errors, fresh_home, gui_callback_errors, no_leaks,
)
