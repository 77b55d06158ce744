"""The speaker step: who spoke each word, from the audio and a transcript with word timings.

Runs in the engine worker process (it imports torch through resemblyzer), never in the GUI.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, replace

import numpy as np

from desktop_app.core.speakers.count import SpeakerCount
from desktop_app.core.speakers.labels import default_name, speaker_id
from desktop_app.core.transcript import Speaker, Transcript

log = logging.getLogger(__name__)

MIN_SPEECH_S = 3.0  # less speech than this can't tell voices apart
# progress: how the step's time splits among its parts (measured: embedding dominates)
_VAD, _EMBED, _CLUSTER = 0.1, 0.8, 0.05


@dataclass(frozen=True)
class SpeakerNote:
    """What the step tells the job's row, as data: the window words it in its own language."""

    found: int  # speakers found (0: no words to label)
    speech_s: float  # seconds of speech VAD found
    skipped: bool = False  # True: too little speech, the transcript came back unlabelled

    def text(self) -> str:
        """The note in English (the CLI and the logs)."""
        if self.skipped:
            return (f"Speakers were not identified: the file has only {self.speech_s:.1f} s of speech, and "
                    f"telling voices apart needs at least {MIN_SPEECH_S:.0f} s.")
        if self.found == 0:
            return "No words to label with speakers."
        if self.found == 1:
            return "One speaker found."
        return f"{self.found} speakers found."


@dataclass(frozen=True)
class SpeakerResult:
    """The labelled transcript, the speakers found in it, and the note for the job's row."""

    transcript: Transcript
    speakers: tuple[Speaker, ...]
    note: SpeakerNote

    @property
    def message(self) -> str:
        return self.note.text()

    @property
    def skipped(self) -> bool:
        return self.note.skipped


def identify_speakers(
    audio: np.ndarray,
    transcript: Transcript,
    speakers: SpeakerCount,
    on_progress: Callable[[float], None] | None = None,
    check_cancel: Callable[[], None] | None = None,
) -> SpeakerResult:
    """Label who speaks each word of `transcript` in 16 kHz mono `audio`.

    `on_progress(fraction)` reports 0..1; `check_cancel()` is called between batches and
    stops the step by raising. Overlapping speech goes to the louder voice.
    """
    from desktop_app.core.speakers.assign import VoteTimeline, label_transcript, window_loudness
    from desktop_app.core.speakers.clustering import centroids, cluster_windows, nearest_centroid
    from desktop_app.core.speakers.embedding import embed_windows, mel_spectrogram
    from desktop_app.core.speakers.regions import (
        first_pass_hop,
        speech_regions,
        speech_windows,
        windows_around_changes,
    )

    progress = on_progress or (lambda _fraction: None)
    check = check_cancel or (lambda: None)
    started = time.monotonic()
    progress(0.0)
    regions = speech_regions(audio)
    speech_s = sum(r.duration for r in regions)
    progress(_VAD)
    check()
    if speech_s < MIN_SPEECH_S:
        return SpeakerResult(replace(transcript, speakers=()), (), SpeakerNote(0, speech_s, skipped=True))
    windows = speech_windows(regions, first_pass_hop(regions))
    mel = mel_spectrogram(audio)

    def on_batch(done: int) -> None:
        progress(_VAD + _EMBED * done / len(windows))
        check()

    embeddings = embed_windows(mel, windows, on_batch)
    clusters = cluster_windows(embeddings, speakers.fixed)
    progress(_VAD + _EMBED + _CLUSTER)
    check()
    labels = clusters.labels
    fine = windows_around_changes(windows, labels) if clusters.count > 1 else []
    if fine:  # second pass: where a turn changes inside a stretch of speech, look closer
        fine_labels = nearest_centroid(embed_windows(mel, fine), centroids(embeddings, labels))
        windows, labels = windows + fine, np.concatenate([labels, fine_labels])
        check()
    timeline = VoteTimeline(windows, labels, window_loudness(audio, windows), len(audio) / 16000)
    provisional = [f"g{g}" for g in range(clusters.count)]
    segments = label_transcript(transcript, timeline, provisional)
    labelled, found = _number_speakers(replace(transcript, segments=segments), provisional)
    progress(1.0)
    log.info("Speakers: %d found (%s) in %.1f s of speech, %d windows, %.1f s",
             len(found), speakers.option, speech_s, len(windows), time.monotonic() - started)
    return SpeakerResult(labelled, found, SpeakerNote(len(found), speech_s))


def _number_speakers(transcript: Transcript, provisional: list[str]) -> tuple[Transcript, tuple[Speaker, ...]]:
    """Speakers numbered S1, S2, ... in order of first words; groups nobody got are dropped."""
    order: dict[str, str] = {}
    for s in transcript.segments:
        for ref in [s.speaker, *(w.speaker for w in s.words)]:
            if ref is not None and ref not in order:
                order[ref] = speaker_id(len(order) + 1)
    segments = tuple(
        replace(s, speaker=order.get(s.speaker), words=tuple(replace(w, speaker=order.get(w.speaker)) for w in s.words))
        for s in transcript.segments
    )
    found = tuple(Speaker(speaker_id(n), default_name(n)) for n in range(1, len(order) + 1))
    return replace(transcript, segments=segments, speakers=found), found
