"""Model operations in a spawned child: result and errors come back, cancel and crashes end it."""

from __future__ import annotations

import os
import threading
import time

import psutil
import pytest

from desktop_app.core.errors import CancelledError
from desktop_app.core.models.child import call_in_child
from desktop_app.core.models.errors import ModelError


def _children() -> list[psutil.Process]:
    return [p for p in psutil.Process().children() if "resource_tracker" not in " ".join(p.cmdline())]


def test_the_result_and_the_exception_come_back():
    assert call_in_child(os.getpid) != os.getpid()
    with pytest.raises(ValueError, match="invalid literal"):
        call_in_child(int, "not a number")
    assert _children() == []


def test_cancel_kills_the_child():
    cancel = threading.Event()
    threading.Timer(0.5, cancel.set).start()
    with pytest.raises(CancelledError):
        call_in_child(time.sleep, 600, cancel=cancel)  # returns once the child is killed and reaped
    assert _children() == []


def test_a_child_that_dies_is_an_error_with_advice():
    with pytest.raises(ModelError, match=r"ended unexpectedly \(exit code 3\)"):
        call_in_child(os._exit, 3)
    assert _children() == []
