"""The bridge from core to Qt (see the README's Layout)."""

from desktop_app.runner import signal_refcount_fix as _signal_refcount_fix  # noqa: F401  (before any emit)
