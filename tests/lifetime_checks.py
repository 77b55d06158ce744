"""What a process tree leaves behind: processes, shared memory, semaphores; and a held fake ffmpeg.

Other test runs share this machine's /dev/shm, so a block or semaphore is ours only if a
process we watched had it mapped: glibc maps a semaphore from a temp name it then links
to `sem.mp-*`, so the inode, not the name, ties the two together.
"""

from __future__ import annotations

import os
import time
from dataclasses import dataclass, field
from pathlib import Path

import imageio_ffmpeg
import psutil

from fakes import HELD_FFMPEG

SHM = Path("/dev/shm")
GONE_WITHIN_S = 3.0  # the promise: a killed app leaves nothing running this long after


@dataclass
class Footprint:
    """The processes under a pid and the /dev/shm inodes they had mapped, recorded while they ran."""

    processes: list[psutil.Process] = field(default_factory=list)
    shm_inodes: set[int] = field(default_factory=set)

    @classmethod
    def of(cls, pid: int) -> "Footprint":
        root = psutil.Process(pid)
        procs = [root, *root.children(recursive=True)]
        inodes: set[int] = set()
        for proc in procs:
            try:
                maps = Path(f"/proc/{proc.pid}/maps").read_text()
            except OSError:
                continue
            for line in maps.splitlines():
                parts = line.split(maxsplit=5)
                if len(parts) == 6 and parts[5].startswith(str(SHM) + "/"):
                    inodes.add(int(parts[4]))
        return cls(procs, inodes)

    def children(self) -> list[psutil.Process]:
        return self.processes[1:]

    def describe(self, procs: list[psutil.Process]) -> list[str]:
        out = []
        for p in procs:
            try:
                out.append(f"{p.pid} {' '.join(p.cmdline())[:100]}")
            except psutil.Error:
                out.append(f"{p.pid} (gone)")
        return out

    def left_running(self, timeout_s: float = GONE_WITHIN_S) -> list[psutil.Process]:
        """The recorded children still alive after `timeout_s` (they are killed then)."""
        _gone, alive = psutil.wait_procs(self.children(), timeout=timeout_s)
        alive = [p for p in alive if running(p)]
        for p in alive:
            p.kill()
        return alive

    def shm_left(self) -> list[str]:
        """Entries of /dev/shm that one of the recorded processes had mapped (a block or semaphore)."""
        left = []
        for entry in SHM.iterdir():
            try:
                if entry.stat().st_ino in self.shm_inodes:
                    left.append(entry.name)
            except OSError:
                pass
        return left


def running(proc: psutil.Process) -> bool:
    """Alive and not a zombie (psutil's is_running() counts zombies)."""
    try:
        return proc.status() != psutil.STATUS_ZOMBIE
    except psutil.Error:
        return False


def wait_for(condition, timeout_s: float, what: str, proc=None) -> None:
    """Poll `condition()` until true; fail naming `what` (and early if `proc` exited)."""
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if condition():
            return
        if proc is not None and proc.poll() is not None:
            raise AssertionError(f"the process exited ({proc.returncode}) before {what}")
        time.sleep(0.05)
    raise AssertionError(f"timed out waiting for {what}")


def shm_block_of(pid: int) -> bool:
    """Whether the app process `pid` has its audio in shared memory now (it is transcribing)."""
    return any(e.name.startswith(f"daredevil_{pid}-") for e in SHM.iterdir())


class HeldFfmpeg:
    """The held fake ffmpeg (tests/fakes/held_ffmpeg.sh): env for the app, and its held pid."""

    def __init__(self, folder: Path, hold: str) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        self.pid_file = folder / "held.pid"
        self.go = folder / "go.fifo"
        os.mkfifo(self.go)
        self.env = {
            "IMAGEIO_FFMPEG_EXE": str(HELD_FFMPEG),  # imageio-ffmpeg's own override
            "REAL_FFMPEG": imageio_ffmpeg.get_ffmpeg_exe(),
            "HOLD_FFMPEG": hold,
            "HOLD_FFMPEG_PID": str(self.pid_file),
            "HOLD_FFMPEG_GO": str(self.go),
        }

    def wait_held(self, timeout_s: float = 120, proc=None) -> psutil.Process:
        """The fake's process, once it holds its run."""
        wait_for(lambda: self.pid_file.is_file() and self.pid_file.read_text().endswith("\n"),
                 timeout_s, "the fake ffmpeg to hold its run", proc)  # fmt: skip
        return psutil.Process(int(self.pid_file.read_text()))

    def release(self) -> None:
        """Let the held run go on to the real ffmpeg."""
        with open(self.go, "w") as fifo:
            fifo.write("go\n")
