"""Probe media and decode its audio with the bundled ffmpeg, under timeouts and cancellation."""

from __future__ import annotations

import functools
import os
import re
import selectors
import signal
import subprocess
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from desktop_app.core.errors import CancelledError, DaredevilError, MediaError, MediaTimeoutError
from desktop_app.core.filecheck import file_gone_error
from desktop_app.core.lifetime import child_preexec

SAMPLE_RATE = 16000  # what Whisper expects
BYTES_PER_SAMPLE = 2  # s16le
READ_CHUNK = 64 * 1024  # about 2 s of 16 kHz mono s16le per read
POLL_S = 0.05  # how often a silent ffmpeg is checked for timeout and cancel
STDERR_TAIL_LINES = 20
STDERR_LINE_MAX = 500  # characters kept of one stderr line
_POSIX = os.name == "posix"

_live: dict[int, subprocess.Popen] = {}
_live_lock = threading.Lock()


@dataclass(frozen=True)
class MediaInfo:
    """What ffmpeg says about a file, read from `ffmpeg -i`."""

    path: Path
    container: str
    duration_s: float | None
    audio_streams: int
    audio_codec: str | None
    has_video: bool


@functools.cache
def ffmpeg_exe() -> str:
    """The ffmpeg bundled with imageio-ffmpeg; PATH is never used."""
    import imageio_ffmpeg

    try:
        return imageio_ffmpeg.get_ffmpeg_exe()
    except RuntimeError:
        raise MediaError(
            "The ffmpeg program that ships with the app is missing. Reinstall Daredevil."
        ) from None


def live_ffmpeg_processes() -> list[subprocess.Popen]:
    """ffmpeg processes started here that have not yet been reaped (tests assert it's empty)."""
    with _live_lock:
        return list(_live.values())


def _input_arg(path: Path) -> str:
    # "file:" stops ffmpeg reading names like "http:x" or "concat:a|b" as protocols.
    return "file:" + os.fspath(Path(path).absolute())


def _start(args: list[str]) -> subprocess.Popen:
    # Its own session: a terminal's Ctrl+C reaches us, not ffmpeg, and _stop kills the whole
    # group. The preexec hook makes Linux kill it if we die first (even by kill -9).
    kwargs: dict = {"start_new_session": True, "preexec_fn": child_preexec} if _POSIX else {
        "creationflags": subprocess.CREATE_NEW_PROCESS_GROUP
    }
    try:
        proc = subprocess.Popen(
            args, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE, **kwargs
        )
    except OSError as exc:
        raise MediaError(f"ffmpeg could not be started ({exc.strerror}). Reinstall Daredevil.") from None
    with _live_lock:
        _live[proc.pid] = proc
    return proc


def _stop(proc: subprocess.Popen, drainer: threading.Thread | None = None) -> None:
    """Kill ffmpeg (and anything it started) if still running, reap it, forget it."""
    try:
        if proc.poll() is None:
            if _POSIX:
                try:
                    os.killpg(proc.pid, signal.SIGKILL)
                except (ProcessLookupError, PermissionError):
                    proc.kill()
            else:
                proc.kill()
        proc.wait()
    finally:
        with _live_lock:
            _live.pop(proc.pid, None)
        if drainer is not None:
            drainer.join(timeout=2)
        proc.stdout.close()
        # Closing a pipe another thread still reads would block; only a process that
        # escaped the group can keep it open, and then the descriptor is left to the GC.
        if drainer is None or not drainer.is_alive():
            proc.stderr.close()


def _describe_failure(stderr: str, returncode: int | None, path: Path) -> DaredevilError:
    """Turn ffmpeg's stderr and exit status into an error a person can act on."""
    text = stderr.lower()
    if "no such file or directory" in text:
        return file_gone_error(path)
    if "permission denied" in text:
        return MediaError("ffmpeg wasn't allowed to read this file. Check its permissions.")
    if returncode is not None and returncode < 0:
        try:
            name = signal.Signals(-returncode).name
        except ValueError:
            name = f"signal {-returncode}"
        return MediaError(
            f"ffmpeg was stopped by the system ({name}) while reading this file. "
            "Free some memory and try again."
        )
    if "moov atom not found" in text or "end of file" in text or "truncat" in text:
        return MediaError(
            "This file looks damaged or incomplete (its end may be missing). "
            "Download or copy it again."
        )
    if "matches no streams" in text or "does not contain any stream" in text:
        return MediaError("This file has no audio track, so there is nothing to transcribe.")
    if "invalid data found" in text or "unknown format" in text or "could not find codec" in text:
        return MediaError(
            "This isn't an audio or video file ffmpeg can read. "
            "Check that it opens in a media player, or convert it first."
        )
    last = stderr.strip().splitlines()[-1:] or [f"exit status {returncode}"]
    return MediaError(f"ffmpeg could not read this file: {last[0]}")


_INPUT_RE = re.compile(r"^Input #0, (.+?), from ", re.M)
_DURATION_RE = re.compile(r"^\s+Duration: (?:(\d+):(\d\d):(\d\d(?:\.\d+)?)|N/A)", re.M)
_STREAM_RE = re.compile(r"^\s+Stream #0:\d+\S*: (Audio|Video): ([^\s,]+)(.*)$", re.M)


def parse_probe(stderr: str, path: Path) -> MediaInfo | None:
    """Read MediaInfo from `ffmpeg -i` output; None if ffmpeg couldn't open the input."""
    found = _INPUT_RE.search(stderr)
    if not found:
        return None
    duration = None
    dur = _DURATION_RE.search(stderr)
    if dur and dur.group(1) is not None:
        h, m, s = dur.groups()
        duration = int(h) * 3600 + int(m) * 60 + float(s)
    audio_codecs: list[str] = []
    has_video = False
    for kind, codec, rest in _STREAM_RE.findall(stderr):
        if kind == "Audio":
            audio_codecs.append(codec)
        elif "(attached pic)" not in rest:  # cover art is not video
            has_video = True
    return MediaInfo(
        path=Path(path),
        container=found.group(1),
        duration_s=duration,
        audio_streams=len(audio_codecs),
        audio_codec=audio_codecs[0] if audio_codecs else None,
        has_video=has_video,
    )


def probe_media(
    path: Path, timeout_s: float = 10.0, ffmpeg: str | None = None, cancel: threading.Event | None = None
) -> MediaInfo:
    """Ask ffmpeg what the file holds; raise MediaError unless it has an audio track."""
    args = [ffmpeg or ffmpeg_exe(), "-hide_banner", "-nostdin", "-i", _input_arg(path)]
    deadline = time.monotonic() + timeout_s
    proc = _start(args)
    try:
        while True:
            if cancel is not None and cancel.is_set():
                raise CancelledError("Cancelled.")
            try:  # in short steps, so a cancel (or a signal) doesn't wait out a stalled ffmpeg
                _out, err_bytes = proc.communicate(timeout=min(POLL_S * 4, max(0.0, deadline - time.monotonic())))
                break
            except subprocess.TimeoutExpired:
                if time.monotonic() >= deadline:
                    raise MediaTimeoutError(
                        f"ffmpeg took longer than {timeout_s:g} s to open this file and was stopped. "
                        "The file may be on a slow or stalled drive; try again or copy it locally."
                    ) from None
    finally:
        _stop(proc)
    stderr = err_bytes.decode("utf-8", "replace")
    info = parse_probe(stderr, path)
    # `ffmpeg -i` with no output exits 1 even for a good file; only a parsed header counts.
    if info is None or proc.returncode < 0:
        raise _describe_failure(stderr, proc.returncode, path)
    if info.audio_streams == 0:
        raise MediaError("This file has no audio track, so there is nothing to transcribe.")
    return info


def _drain(stream, tail: deque[str]) -> None:
    # Keep reading so a chatty ffmpeg never blocks on a full stderr pipe.
    try:
        for raw in iter(stream.readline, b""):
            tail.append(raw[:STDERR_LINE_MAX].decode("utf-8", "replace").rstrip())
    except (OSError, ValueError):
        pass  # the pipe was closed under us after a kill


def extract_audio(
    path: Path,
    timeout_s: float,
    cancel: threading.Event | None = None,
    ffmpeg: str | None = None,
    on_progress: Callable[[float], None] | None = None,
    duration_s: float | None = None,
) -> np.ndarray:
    """Decode the first audio track to 16 kHz mono float32 through a pipe.

    on_progress gets a fraction in [0, 1] when duration_s (from probe_media) is given.
    Raises MediaTimeoutError, CancelledError or MediaError; ffmpeg never outlives the call.
    """
    if not os.path.exists(path):
        raise file_gone_error(path)
    args = [
        ffmpeg or ffmpeg_exe(), "-hide_banner", "-nostdin", "-loglevel", "error",
        "-i", _input_arg(path), "-map", "0:a:0", "-vn", "-sn", "-dn",
        "-f", "s16le", "-ac", "1", "-acodec", "pcm_s16le", "-ar", str(SAMPLE_RATE), "-",
    ]  # fmt: skip
    deadline = time.monotonic() + timeout_s
    tail: deque[str] = deque(maxlen=STDERR_TAIL_LINES)
    pcm = bytearray()
    expected = duration_s * SAMPLE_RATE * BYTES_PER_SAMPLE if duration_s else 0.0
    last_reported = -1.0

    def check_limits() -> None:
        if cancel is not None and cancel.is_set():
            raise CancelledError("Cancelled.")
        if time.monotonic() >= deadline:
            raise MediaTimeoutError(
                f"Reading the audio took longer than {timeout_s:g} s, so ffmpeg was stopped. "
                "Raise the limit in Settings > Limits, or try again."
            )

    proc = _start(args)
    drainer = threading.Thread(target=_drain, args=(proc.stderr, tail), daemon=True,
                               name=f"ffmpeg-stderr-{proc.pid}")  # fmt: skip
    drainer.start()
    try:
        fd = proc.stdout.fileno()
        with selectors.DefaultSelector() as sel:
            sel.register(fd, selectors.EVENT_READ)
            while True:
                check_limits()
                if not sel.select(timeout=POLL_S):
                    continue
                chunk = os.read(fd, READ_CHUNK)
                if not chunk:
                    break
                pcm += chunk
                if on_progress and expected:
                    fraction = min(1.0, len(pcm) / expected)
                    if fraction - last_reported >= 0.01:
                        last_reported = fraction
                        on_progress(fraction)
        while proc.poll() is None:  # stdout closed; wait for the exit status
            check_limits()
            time.sleep(POLL_S / 5)
    finally:
        _stop(proc, drainer)

    if proc.returncode != 0:
        raise _describe_failure("\n".join(tail), proc.returncode, path)
    usable = len(pcm) - len(pcm) % BYTES_PER_SAMPLE
    if usable == 0:
        raise MediaError("This file contains no audio samples (its audio track is empty).")
    if on_progress and last_reported < 1.0:
        on_progress(1.0)
    samples = np.frombuffer(memoryview(pcm)[:usable], dtype="<i2")
    return samples.astype(np.float32) / 32768.0
