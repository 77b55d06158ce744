"""Test speech and media in one place: espeak-ng sentences and the words a transcript must hold,
conversions with the bundled ffmpeg, damaged copies, and decoding to the engine's samples."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import imageio_ffmpeg
import numpy as np

from desktop_app.core.media import SAMPLE_RATE

# Sentences tiny.en hears well from espeak-ng, each with words that came through intact
# (checked with tiny.en from WAV and MP4). Assert on those words, not exact text:
# "The weather" came out as "But when the", and numbers come back as digits.
HELLO = "Hello world. This is a test of the transcription system."
HELLO_WORDS = ("hello", "world", "test")
WEATHER = "Today is sunny and warm. We will go to the park in the afternoon."
WEATHER_WORDS = ("sunny", "warm", "park", "afternoon")
PARAGRAPH = (  # about 25 s, varied, for longer-audio tests (a repeated clip makes tiny.en loop)
    "Good morning everyone. Today we will talk about the history of the city. "
    "The first houses were built near the river more than two hundred years ago. "
    "Later, the railway brought new people, new shops and a large market. "
    "Many of the old buildings are still standing, and some of them are now museums. "
    "At the end of the tour, we will visit the library and the central square."
)
LONG_TEXT = PARAGRAPH + (  # about 45 s: several 30 s decode windows
    " Today is sunny and warm. We will go to the park in the afternoon. "
    "In the evening the market closes, and the streets become quiet again. "
    "Children walk home from school, and the bakery sells the last bread of the day. "
    "On Sunday there is a concert in the old church, and tickets are free for students. "
    "One, two, three, four, five. Thank you very much."
)
# espeak-ng's plain "en" voice at its own speed; the model tests assert on these words.
MEETING = (
    "Hello everyone. Today we will talk about the weather "
    "and the music festival in the city. Thank you very much."
)
MEETING_WORDS = ("hello", "everyone", "today", "weather", "music", "festival", "city", "thank")
ESPEAK_DEFAULT_SPEED = 175


def _run(args: list[str]) -> None:
    done = subprocess.run(args, stdin=subprocess.DEVNULL, capture_output=True, timeout=120)
    if done.returncode != 0:
        raise RuntimeError(f"{args[0]} failed: {done.stderr.decode(errors='replace')[-2000:]}")


def ffmpeg(*args: str) -> None:
    """Run the bundled ffmpeg quietly, overwriting outputs."""
    exe = imageio_ffmpeg.get_ffmpeg_exe()
    _run([exe, "-hide_banner", "-nostdin", "-loglevel", "error", "-y", *args])


def speak(text: str, out_wav: Path, voice: str = "en-us", speed: int = 150) -> Path:
    """Write text spoken by espeak-ng (22.05 kHz mono WAV)."""
    _run(["espeak-ng", "-v", voice, "-s", str(speed), "-w", os.fspath(out_wav), text])
    return Path(out_wav)


def duration_s(path: Path) -> float:
    """Duration of a file sox can read (WAV, MP3), from `soxi -D`."""
    out = subprocess.run(["soxi", "-D", os.fspath(path)], capture_output=True, check=True, timeout=30)
    return float(out.stdout)


def convert(src: Path, dst: Path, *extra_args: str) -> Path:
    """Convert with the bundled ffmpeg; the output format follows dst's extension."""
    ffmpeg("-i", os.fspath(src), *extra_args, os.fspath(dst))
    return Path(dst)


def make_video(wav: Path, out_mp4: Path) -> Path:
    """An H.264 + AAC MP4 of a blue frame with wav as its sound, as long as the audio."""
    ffmpeg(
        "-f", "lavfi", "-i", f"color=c=blue:s=320x240:r=25:d={duration_s(wav):.3f}",
        "-i", os.fspath(wav), "-shortest", "-c:v", "libx264", "-pix_fmt", "yuv420p",
        "-c:a", "aac", os.fspath(out_mp4),
    )  # fmt: skip
    return Path(out_mp4)


def make_silent_video(out_mp4: Path, seconds: float = 2.0) -> Path:
    """An MP4 with a video track and no audio track at all."""
    ffmpeg(
        "-f", "lavfi", "-i", f"color=c=blue:s=320x240:r=25:d={seconds}",
        "-c:v", "libx264", "-pix_fmt", "yuv420p", os.fspath(out_mp4),
    )  # fmt: skip
    return Path(out_mp4)


def truncate_copy(src: Path, dst: Path, fraction: float) -> Path:
    """Copy the first fraction of src's bytes, like an interrupted download."""
    data = Path(src).read_bytes()
    Path(dst).write_bytes(data[: int(len(data) * fraction)])
    return Path(dst)


def decode_audio(path: Path) -> np.ndarray:
    """Decode any audio file to 16 kHz mono float32 with the bundled ffmpeg (a pipe, no PATH)."""
    cmd = [
        imageio_ffmpeg.get_ffmpeg_exe(), "-nostdin", "-i", os.fspath(path),
        "-f", "s16le", "-ac", "1", "-acodec", "pcm_s16le", "-ar", str(SAMPLE_RATE), "-",
    ]  # fmt: skip
    pcm = subprocess.run(cmd, check=True, capture_output=True).stdout
    return np.frombuffer(pcm, np.int16).astype(np.float32) / 32768.0


def heard(text: str, words: tuple[str, ...], missing: int = 0) -> bool:
    """Whether `text` holds all of `words` but at most `missing` (case-insensitive)."""
    lowered = text.lower()
    return sum(word.lower() not in lowered for word in words) <= missing
