"""The speaker step in the window's language: default speaker names and the job row's note.

The core names speakers "Speaker 1", "Speaker 2"... in English and keeps them so in the
cache; a transcript gets the translated names on its way into the window, so the editor,
the history and every export show them. Names a person chose are never touched.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from desktop_app.core.speakers.identify import MIN_SPEECH_S, SpeakerNote
from desktop_app.core.speakers.labels import name_default_speakers
from desktop_app.core.transcript import Transcript


def default_speaker_name(number: int) -> str:
    """"Speaker 2" in the window's language."""
    return QCoreApplication.translate("SpeakerWords", "Speaker {0}").format(number)


def with_translated_names(transcript: Transcript) -> Transcript:
    """`transcript` with its still-default speaker names in the window's language."""
    return name_default_speakers(transcript, default_speaker_name)


def speaker_note_text(note: SpeakerNote | None) -> str | None:
    """The row's line for what the speaker step found, or why it was skipped."""
    if note is None:
        return None
    if note.skipped:
        text = QCoreApplication.translate(
            "SpeakerWords",
            "Speakers were not identified: the file has only {0} s of speech, and telling voices apart needs at least {1} s.",
        )
        return text.format(f"{note.speech_s:.1f}", f"{MIN_SPEECH_S:.0f}")
    if note.found == 0:
        return QCoreApplication.translate("SpeakerWords", "No words to label with speakers.")
    if note.found == 1:
        return QCoreApplication.translate("SpeakerWords", "One speaker found.")
    return QCoreApplication.translate("SpeakerWords", "{0} speakers found.").format(note.found)
