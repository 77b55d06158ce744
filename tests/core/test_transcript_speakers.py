"""Speakers in the data model: JSON round trips, validation, the cache, the history, the edits."""

from __future__ import annotations

from dataclasses import replace

import pytest

from desktop_app.core.cache import ResultCache, speaker_cache_key
from desktop_app.core.jobs import Job, JobStatus
from desktop_app.core.speakers import SpeakerCount, parse_speakers
from desktop_app.core.speakers.labels import (
    add_speaker,
    merge_speakers,
    name_default_speakers,
    rename_speaker,
    set_segment_speaker,
    speakers_in_use,
)
from desktop_app.core.store import JobStore
from desktop_app.core.transcript import Segment, Speaker, Transcript, TranscriptInvalid, Word, validate_transcript


def labelled() -> Transcript:
    return Transcript(
        (Segment(0.0, 1.0, " Hi there.", (Word(0.0, 0.4, " Hi", 0.9, "S1"), Word(0.5, 1.0, " there.", 0.8, "S1")), "S1"),
         Segment(1.5, 2.5, " Hello.", (Word(1.5, 2.5, " Hello.", 0.7, "S2"),), "S2"),
         Segment(3.0, 4.0, " Bye.", (), "S1")),
        "en", 4.0, (Speaker("S1", "Speaker 1"), Speaker("S2", "Speaker 2")),
    )


def test_speakers_round_trip_and_plain_transcripts_are_unchanged():
    t = labelled()
    assert validate_transcript(t.to_dict()) == t
    plain = Transcript((Segment(0.0, 1.0, " Hi.", (Word(0.0, 1.0, " Hi."),)),), "en", 1.0)
    data = plain.to_dict()
    assert "speakers" not in data and "speaker" not in data["segments"][0]
    assert "speaker" not in data["segments"][0]["words"][0]
    assert validate_transcript(data) == plain


@pytest.mark.parametrize("damage, message", [
    (lambda d: d["segments"][1].update(speaker="S9"), "unknown speaker"),
    (lambda d: d["segments"][0]["words"][0].update(speaker=3), "unknown speaker"),
    (lambda d: d.update(speakers=[{"id": "S1", "name": "a"}, {"id": "S1", "name": "b"}]), "share an id"),
    (lambda d: d.update(speakers=[{"id": "", "name": "a"}]), "needs an id"),
    (lambda d: d.update(speakers="S1"), "not a list"),
])
def test_bad_speaker_data_is_refused(damage, message):
    data = labelled().to_dict()
    damage(data)
    with pytest.raises(TranscriptInvalid, match=message):
        validate_transcript(data)


def test_the_cache_and_the_history_keep_speakers(tmp_path):
    t = labelled()
    with ResultCache(tmp_path / "cache.sqlite3", 10_000_000) as cache:
        cache.put("k", t)
        assert cache.get("k") == t
    with JobStore(tmp_path / "history.sqlite3") as store:
        job = Job(path=tmp_path / "talk.wav", status=JobStatus.DONE, transcript=t)
        store.add(job)
        assert store.get(job.id).transcript == t


def test_the_speaker_key_depends_on_the_option_and_the_transcript():
    keys = {speaker_cache_key(t, o) for t in ("a" * 64, "b" * 64) for o in ("auto", "2", "3")}
    assert len(keys) == 6


def test_speaker_option_parsing():
    assert parse_speakers("off") is None and parse_speakers(None) is None
    assert parse_speakers("AUTO") == SpeakerCount()
    assert parse_speakers("3") == SpeakerCount(3) and SpeakerCount(3).option == "3"
    for bad in ("0", "11", "two", "-1"):
        with pytest.raises(ValueError, match="off, auto or a number|from 1 to 10"):
            parse_speakers(bad)


def test_rename_once_and_every_segment_follows():
    t = rename_speaker(labelled(), "S1", "  Ana   Souza ")
    assert [t.speaker_name(s.speaker) for s in t.segments] == ["Ana Souza", "Speaker 2", "Ana Souza"]
    assert t.segments == labelled().segments  # only the name changed
    with pytest.raises(ValueError):
        rename_speaker(t, "S1", "   ")
    with pytest.raises(KeyError):
        rename_speaker(t, "S7", "x")


def test_merge_two_speakers():
    t = merge_speakers(labelled(), "S1", "S2")
    assert [p.id for p in t.speakers] == ["S1"]
    assert {s.speaker for s in t.segments} == {"S1"}
    assert {w.speaker for s in t.segments for w in s.words} == {"S1"}
    assert validate_transcript(t.to_dict()) == t


def test_set_a_segment_speaker_and_add_a_new_one():
    t, new = add_speaker(labelled(), "Carla")
    assert new == "S3" and t.speaker_name("S3") == "Carla"
    t = set_segment_speaker(t, 1, new)
    assert t.segments[1].speaker == "S3" and {w.speaker for w in t.segments[1].words} == {"S3"}
    assert [p.id for p in speakers_in_use(t)] == ["S1", "S3"]
    assert set_segment_speaker(t, 1, None).segments[1].speaker is None
    original = labelled()
    assert replace(original) == labelled()  # edits never change their input


def test_only_default_names_are_renamed_for_another_language():
    t = rename_speaker(add_speaker(labelled())[0], "S2", "Ana")
    named = name_default_speakers(t, lambda n: f"Falante {n}")
    assert [p.name for p in named.speakers] == ["Falante 1", "Ana", "Falante 3"]
    assert named.segments == t.segments
    assert name_default_speakers(named, lambda n: f"Falante {n}") == named  # nothing default is left
    odd = replace(t, speakers=(Speaker("guest", "Speaker 1"),))
    assert name_default_speakers(odd, lambda n: "x") == odd  # not a numbered id: a name someone gave
