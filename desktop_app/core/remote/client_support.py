"""Turning what Redis and Celery raise into messages a person can act on."""

from __future__ import annotations

from desktop_app.core import errors
from desktop_app.core.remote.wire import RemoteError

_AUTH_WORDS = ("WRONGPASS", "NOAUTH", "invalid password", "invalid username-password", "Authentication", "AUTH")


def describe_broker_error(exc: BaseException) -> str:
    """One sentence on why the broker can't be used, and what to check."""
    text = f"{type(exc).__name__}: {exc}"
    if any(word.lower() in text.lower() for word in _AUTH_WORDS):
        return "the broker refused the password. Check the server's password in Settings > Engine."
    if any(word in text for word in ("Connection refused", "Errno 111", "timed out", "Timeout", "Name or service", "Errno -2", "unreachable")):
        return "nothing answers at that address. Check that the server's Redis runs and that this computer can reach it."
    return str(exc) or type(exc).__name__


def _known_errors() -> dict[str, type[errors.DaredevilError]]:
    found: dict[str, type[errors.DaredevilError]] = {}
    todo = [errors.DaredevilError]
    while todo:
        cls = todo.pop()
        found[cls.__name__] = cls
        todo.extend(cls.__subclasses__())
    return found


def remote_exception(name: str, message: str) -> Exception:
    """The error the server reported, as the same class a local job raises (same message)."""
    import desktop_app.core.filecheck  # noqa: F401  (their error classes, for the lookup)
    import desktop_app.core.media  # noqa: F401

    cls = _known_errors().get(name)
    if cls is None:
        return RemoteError(message)
    try:
        return cls(message)
    except TypeError:  # a class whose constructor wants more than a message
        return RemoteError(message)
