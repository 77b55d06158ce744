"""Speaker edits on an immutable transcript: name, rename, merge and set.

Each function returns a new Transcript and leaves its input alone, so an editor can keep
the old one as the undo step. Segments and words refer to speakers by id; names live once
in `Transcript.speakers`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from desktop_app.core.transcript import Segment, Speaker, Transcript


def speaker_id(number: int) -> str:
    """The id of the number-th speaker found (1-based): "S1", "S2", ..."""
    return f"S{number}"


def default_name(number: int) -> str:
    """The name a speaker has until someone renames it (English: the window words it itself)."""
    return f"Speaker {number}"


def default_number(speaker: Speaker) -> int | None:
    """n when `speaker` is still the n-th speaker found under its default name, else None."""
    if not speaker.id.startswith("S") or not speaker.id[1:].isdigit():
        return None
    number = int(speaker.id[1:])
    return number if speaker.name == default_name(number) else None


def name_default_speakers(transcript: Transcript, name_for: Callable[[int], str]) -> Transcript:
    """Speakers still under their default English name get `name_for(n)` (a translation);
    names someone chose stay as they are."""
    numbers = [default_number(p) for p in transcript.speakers]
    if all(n is None for n in numbers):
        return transcript
    speakers = tuple(p if n is None else replace(p, name=" ".join(name_for(n).split()) or p.name)
                     for p, n in zip(transcript.speakers, numbers))
    return replace(transcript, speakers=speakers)


def _relabel(segment: Segment, mapping: dict[str, str]) -> Segment:
    words = tuple(replace(w, speaker=mapping.get(w.speaker, w.speaker)) if w.speaker in mapping else w
                  for w in segment.words)
    speaker = mapping.get(segment.speaker, segment.speaker) if segment.speaker is not None else None
    return replace(segment, speaker=speaker, words=words)


def _check_known(transcript: Transcript, *ids: str) -> None:
    known = {p.id for p in transcript.speakers}
    for i in ids:
        if i not in known:
            raise KeyError(f"no speaker {i!r} in this transcript")


def rename_speaker(transcript: Transcript, speaker: str, name: str) -> Transcript:
    """Every segment of `speaker` now shows `name` (leading and trailing spaces dropped)."""
    _check_known(transcript, speaker)
    name = " ".join(name.split())
    if not name:
        raise ValueError("A speaker's name can't be empty.")
    speakers = tuple(replace(p, name=name) if p.id == speaker else p for p in transcript.speakers)
    return replace(transcript, speakers=speakers)


def merge_speakers(transcript: Transcript, keep: str, drop: str) -> Transcript:
    """Segments and words of `drop` become `keep`'s; `drop` leaves the list."""
    _check_known(transcript, keep, drop)
    if keep == drop:
        return transcript
    segments = tuple(_relabel(s, {drop: keep}) for s in transcript.segments)
    speakers = tuple(p for p in transcript.speakers if p.id != drop)
    return replace(transcript, segments=segments, speakers=speakers)


def set_segment_speaker(transcript: Transcript, index: int, speaker: str | None) -> Transcript:
    """Segment `index` and all its words said by `speaker` (None: nobody in particular)."""
    if speaker is not None:
        _check_known(transcript, speaker)
    segment = transcript.segments[index]
    words = tuple(replace(w, speaker=speaker) for w in segment.words)
    segments = list(transcript.segments)
    segments[index] = replace(segment, speaker=speaker, words=words)
    return replace(transcript, segments=tuple(segments))


def add_speaker(transcript: Transcript, name: str | None = None) -> tuple[Transcript, str]:
    """A new speaker nobody is labelled with yet (for "set from a list: new speaker"); its id."""
    used = {p.id for p in transcript.speakers}
    number = 1
    while speaker_id(number) in used:
        number += 1
    new = Speaker(speaker_id(number), " ".join((name or default_name(number)).split()))
    return replace(transcript, speakers=(*transcript.speakers, new)), new.id


def speakers_in_use(transcript: Transcript) -> tuple[Speaker, ...]:
    """The listed speakers that some segment or word refers to, in list order."""
    used = {s.speaker for s in transcript.segments} | {w.speaker for s in transcript.segments for w in s.words}
    return tuple(p for p in transcript.speakers if p.id in used)
