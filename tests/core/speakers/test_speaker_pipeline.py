"""Speakers through the pipeline and the CLI: cache keys, and speakers for a cached transcript."""

from __future__ import annotations

import json

import pytest

from cli_helpers import run_cli
from conversations import VOICES, conversation
from desktop_app.core.pipeline import Pipeline
from desktop_app.core.settings import Settings
from desktop_app.core.speakers import SpeakerCount

pytestmark = pytest.mark.heavy


@pytest.fixture
def home(tiny_en_model, tmp_path, monkeypatch):
    monkeypatch.setenv("DAREDEVIL_HOME", str(tmp_path / "home"))
    from desktop_app.core.models import registry
    from model_fixtures import model_path

    registry.import_model(model_path(tiny_en_model), "tiny.en")
    return tmp_path / "home"


@pytest.fixture(scope="module")
def short_talk(talk_dir):
    return conversation(VOICES[:2], talk_dir / "short.wav", turns=6, seed=5)


@pytest.mark.timeout(900)  # two transcriptions on a shared 2-core machine
def test_speakers_are_cached_and_a_cached_transcript_is_not_transcribed_again(home, short_talk):
    settings = Settings(model="tiny.en", language="en", device="cpu")
    pipe = Pipeline(settings, speakers="auto")
    try:
        assert pipe.options.word_timestamps and not settings.word_timestamps  # on for the speaker step
        done = pipe.run(short_talk.path)
        assert done.speaker_note.text() == "2 speakers found." and len(done.transcript.speakers) == 2
        served = pipe.engine.status().jobs_served
        again = pipe.run(short_talk.path)
        assert again.from_cache and again.transcript == done.transcript

        pipe.speakers = SpeakerCount(2)  # another count: a new key, the same transcript
        io = pipe.prepare_and_extract(short_talk.path)
        assert io.cached is None and io.transcript is not None  # only the speaker step is left
        labelled = pipe.finish_audio(io)
        assert len(labelled.transcript.speakers) == 2 and labelled.speaker_note.text() == "2 speakers found."
        assert pipe.engine.status().jobs_served == served  # no transcription ran
    finally:
        pipe.close()

    off = Pipeline(settings, speakers="off")
    try:  # speakers off: the plain transcript, under its own key (word timings were on for it)
        assert off.prepare(short_talk.path).cache_key != io.prepared.cache_key
    finally:
        off.close()


@pytest.mark.timeout(900)
def test_the_cli_labels_speakers(home, two_voices, tmp_path):
    out = tmp_path / "out"
    done = run_cli("transcribe", str(two_voices.path), "--model", "tiny.en", "--language", "en",
                   "--device", "cpu", "--speakers", "auto", "--format", "json", "--output-dir", str(out),
                   timeout=800)
    assert done.returncode == 0, done.stderr
    assert f"{two_voices.path.name}: 2 speakers found." in done.stdout
    data = json.loads((out / "two.json").read_text(encoding="utf-8"))
    assert [p["name"] for p in data["speakers"]] == ["Speaker 1", "Speaker 2"]
    assert all(s["speaker"] in ("Speaker 1", "Speaker 2") for s in data["segments"])

    again = run_cli("transcribe", str(two_voices.path), "--model", "tiny.en", "--language", "en",
                    "--device", "cpu", "--speakers", "auto", "--format", "maxqda", "--output-dir", str(out),
                    timeout=800)
    assert again.returncode == 0, again.stderr  # from the cache this time
    assert (out / "two.maxqda.txt").read_text(encoding="utf-8").startswith("[00:00:00] Speaker 1: ")


def test_the_cli_refuses_a_bad_speaker_count(home, two_voices):
    done = run_cli("transcribe", str(two_voices.path), "--speakers", "12")
    assert done.returncode == 2 and "from 1 to 10" in done.stderr
