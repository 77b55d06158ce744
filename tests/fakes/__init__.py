"""Fake ffmpeg programs that cause faults on purpose; pass their paths as ffmpeg=..."""

from pathlib import Path

FAKES = Path(__file__).parent
HANGING_FFMPEG = FAKES / "hanging_ffmpeg.sh"
KILLED_FFMPEG = FAKES / "killed_ffmpeg.sh"
CHATTY_FFMPEG = FAKES / "chatty_ffmpeg.sh"
HELD_FFMPEG = FAKES / "held_ffmpeg.sh"
