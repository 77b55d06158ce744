"""Engine parts that need no model: messages, error mapping, the hooks, import hygiene."""

from __future__ import annotations

import inspect
import pickle
import subprocess
import sys
import threading

import numpy as np
import pytest

from desktop_app.core.engine import client as client_mod
from desktop_app.core.engine.client_support import job_error
from desktop_app.core.engine import worker
from desktop_app.core.engine.messages import (
    EngineProgress,
    ErrorKind,
    JobDone,
    JobFailed,
    JobProgress,
    ModelRef,
    TranscribeRequest,
)
from desktop_app.core.errors import CancelledError, EngineError, OutOfMemoryError
from desktop_app.core.models.errors import ModelFileError, UnsupportedModelError
from desktop_app.core.options import TranscribeOptions
from desktop_app.core.transcript import Segment, Transcript, Word


def test_gui_side_does_not_import_torch_or_whisper():
    code = (
        "import sys; import desktop_app.core.engine; "
        "print(sorted(m for m in ('torch', 'whisper') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_messages_survive_pickling():
    segment = Segment(0.0, 1.0, " hi", (Word(0.0, 0.5, " hi", 0.9),))
    messages = [
        TranscribeRequest("j", "shm", 16000, ModelRef("tiny", "/m.pt", "ab"), "auto", TranscribeOptions()),
        JobProgress("j", EngineProgress(0.5, segment, 3.0)),
        JobDone("j", Transcript((segment,), "en", 1.0), True, 0.2, 123),
        JobFailed("j", ErrorKind.OUT_OF_MEMORY, "advice"),
    ]
    for message in messages:
        assert pickle.loads(pickle.dumps(message)) == message


@pytest.mark.parametrize(
    ("kind", "error_type"),
    [
        (ErrorKind.OUT_OF_MEMORY, OutOfMemoryError),
        (ErrorKind.MODEL_FILE, ModelFileError),
        (ErrorKind.UNSUPPORTED_MODEL, UnsupportedModelError),
        (ErrorKind.STOPPED, CancelledError),
        (ErrorKind.BAD_REQUEST, EngineError),
        (ErrorKind.INTERNAL, EngineError),
    ],
)
def test_worker_failures_map_to_typed_errors(kind, error_type):
    error = job_error(JobFailed("j", kind, "what happened"))
    assert isinstance(error, error_type)


class _FakeOOM(Exception):
    pass


def test_oom_retries_once_after_cleanup():
    calls, cleanups = [], []

    def run():
        calls.append(1)
        if len(calls) == 1:
            raise _FakeOOM()
        return "ok"

    result = worker.run_with_oom_retry(run, lambda: cleanups.append(1), lambda e: isinstance(e, _FakeOOM))
    assert result == "ok" and len(calls) == 2 and len(cleanups) == 1


def test_oom_twice_raises_and_other_errors_are_not_retried():
    def always_oom():
        raise _FakeOOM()

    is_oom = lambda e: isinstance(e, _FakeOOM)  # noqa: E731
    with pytest.raises(_FakeOOM):
        worker.run_with_oom_retry(always_oom, lambda: None, is_oom)

    calls = []

    def broken():
        calls.append(1)
        raise ValueError("no")

    with pytest.raises(ValueError):
        worker.run_with_oom_retry(broken, lambda: None, is_oom)
    assert len(calls) == 1


def _fake_transcribe_loop(windows: list[list[dict]], total: int):
    """Mimics whisper.transcribe: a local all_segments list and a tqdm-like bar."""
    all_segments: list[dict] = []
    with worker._WindowHook(total=total, unit="frames", disable=True) as pbar:
        for window in windows:
            all_segments.extend(window)
            pbar.update(total // len(windows))
    return all_segments


def _seg(start, text):
    return {"start": start, "end": start + 1.0, "text": text, "words": []}


def test_window_hook_reports_fractions_and_new_segments(monkeypatch):
    sent = []
    job = worker._JobControl("j", sent.append, threading.Event())
    monkeypatch.setattr(worker, "_ACTIVE", job)

    _fake_transcribe_loop([[_seg(0, " one"), _seg(1, " ")], [_seg(30, " two")]], total=3000)

    progress = [m.progress for m in sent]
    assert [p.fraction for p in progress] == [0.5, 1.0]
    assert [p.segment.text for p in progress] == [" one", " two"]  # the blank one is skipped
    assert all(p.eta_s is not None for p in progress)


def test_window_hook_stops_the_loop_when_asked(monkeypatch):
    stop = threading.Event()
    stop.set()
    monkeypatch.setattr(worker, "_ACTIVE", worker._JobControl("j", lambda m: None, stop))
    with pytest.raises(worker._Stopped):
        _fake_transcribe_loop([[_seg(0, " one")], [_seg(30, " two")]], total=3000)


def test_whisper_still_has_the_hooked_names():
    """Guards a whisper upgrade: the hook relies on these names in transcribe()."""
    whisper_transcribe = pytest.importorskip("whisper.transcribe")
    source = inspect.getsource(whisper_transcribe.transcribe)
    assert "tqdm.tqdm(" in source and "total=content_frames" in source
    assert "all_segments = []" in source and "pbar.update(" in source


def test_rejects_empty_or_multichannel_audio():
    client = client_mod.EngineClient()
    try:
        for bad in (np.zeros(0, np.float32), np.zeros((2, 16000), np.float32)):
            with pytest.raises(ValueError):
                client.transcribe(bad, None, TranscribeOptions())  # type: ignore[arg-type]
        assert client.worker_pid is None  # nothing was started
    finally:
        client.close()
