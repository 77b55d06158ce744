"""Temp folders, shared memory and model temp files left by a crash are swept; live ones stay."""

from __future__ import annotations

import os
import subprocess
import sys
from multiprocessing.shared_memory import SharedMemory
from pathlib import Path

import pytest

from desktop_app.core import tempfiles


def _dead_process_tag() -> str:
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    return f"{proc.pid}-123456"


def test_sweep_removes_what_dead_processes_left_and_keeps_live_ones(tmp_path):
    live = tmp_path / tempfiles._process_tag(os.getpid())  # a folder of this (running) process
    live.mkdir()
    dead = tmp_path / _dead_process_tag()
    (dead / "job").mkdir(parents=True)
    (dead / "job" / "audio.raw").write_bytes(b"\0" * 1000)
    removed = tempfiles.sweep_stale_temp(tmp_path)
    assert dead in removed and not dead.exists()
    assert live.exists()


@pytest.mark.skipif(not Path("/dev/shm").is_dir(), reason="POSIX shared memory folder is Linux-only")
def test_sweep_removes_shared_memory_of_a_dead_process(tmp_path):
    stale_name = f"{tempfiles.SHM_PREFIX}{_dead_process_tag()}_abc"
    mine = SharedMemory(create=True, size=64, name=tempfiles.shared_memory_name("f" * 32))
    stale = SharedMemory(create=True, size=64, name=stale_name)
    stale.close()
    try:
        tempfiles.sweep_stale_temp(tmp_path)
        assert not (Path("/dev/shm") / stale_name).exists()
        assert (Path("/dev/shm") / mine.name.lstrip("/")).exists()
    finally:
        mine.close()
        mine.unlink()
        if (Path("/dev/shm") / stale_name).exists():
            SharedMemory(name=stale_name).unlink()


def test_abandoned_model_files_are_swept_but_recent_and_partial_downloads_kept(tmp_path):
    import time

    old_tmp = tmp_path / ".base.abc123.tmp"
    old_tmp.write_bytes(b"half a model")
    old_dir = tmp_path / ".starter-xyz"
    old_dir.mkdir()
    (old_dir / "model.bin").write_bytes(b"x")
    recent = tmp_path / ".small.def456.tmp"
    recent.write_bytes(b"being written")
    download = tmp_path / "tiny.pt.part"
    download.write_bytes(b"resume me")
    atomic_temp = tmp_path / ".a1b2c3.part"  # an atomic write a crash interrupted
    atomic_temp.write_bytes(b"half a sidecar")
    hours_ago = time.time() - 2 * 3600
    for path in (old_tmp, old_dir, download, atomic_temp):
        os.utime(path, (hours_ago, hours_ago))
    removed = tempfiles.sweep_abandoned_model_files(tmp_path)
    assert set(removed) == {old_tmp, old_dir, atomic_temp}
    assert recent.exists() and download.exists()
