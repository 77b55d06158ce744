"""Speaker labels offline: VAD regions, resemblyzer embeddings, scikit-learn clustering.

Importing this package is light (no torch): `identify_speakers` imports the heavy parts
when it runs, in the engine worker process.
"""

from desktop_app.core.speakers.count import AUTO, MAX_SPEAKERS, OFF, SpeakerCount, parse_speakers
from desktop_app.core.speakers.identify import MIN_SPEECH_S, SpeakerNote, SpeakerResult, identify_speakers

__all__ = [
    "AUTO", "MAX_SPEAKERS", "MIN_SPEECH_S", "OFF", "SpeakerCount", "SpeakerNote", "SpeakerResult",
    "identify_speakers", "parse_speakers",
]
