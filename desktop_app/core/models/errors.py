"""Typed errors for model conversion, the registry and downloads.

Every message says what happened and what the person can do next.
"""

from __future__ import annotations

from desktop_app.core.errors import DaredevilError


class ModelError(DaredevilError):
    """Base class for every model-management error."""


class UnsupportedModelError(ModelError):
    """The model files exist but are in a form we cannot convert or load."""


class ModelNotFoundError(ModelError):
    """No installed model has the requested name, and it is not a model file."""


class ModelFileError(ModelError):
    """A model file or folder is missing, truncated or damaged."""


class DownloadError(ModelError):
    """A download failed (network, server or disk)."""


class ChecksumMismatchError(DownloadError):
    """The downloaded or joined bytes do not match the expected SHA-256."""


class DownloadCancelledError(DownloadError):
    """The download was cancelled; its partial file is kept for a later resume."""
