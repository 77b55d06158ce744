"""Speaker fixtures: conversations of one, two and three espeak-ng voices, transcribed once
by tiny.en (word timings on) through the engine worker, the way the app runs it."""

from __future__ import annotations

from pathlib import Path

import pytest

from conversations import VOICES, conversation, with_quiet_overlap
from desktop_app.core.engine import EngineClient
from desktop_app.core.options import TranscribeOptions

# greedy decoding: the words' timings are what these tests need, and beam 5 is 5x the work
WORDS = TranscribeOptions(language="en", word_timestamps=True, beam_size=1, best_of=1, temperatures=(0.0,))


@pytest.fixture(scope="session")
def talk_dir(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("conversations")


@pytest.fixture(scope="session")
def two_voices(talk_dir):
    return conversation(VOICES[:2], talk_dir / "two.wav", seed=1)


@pytest.fixture(scope="session")
def three_voices(talk_dir):
    return conversation(VOICES, talk_dir / "three.wav", seed=2)


@pytest.fixture(scope="session")
def one_voice(talk_dir):
    return conversation(VOICES[:1], talk_dir / "one.wav", seed=3)


@pytest.fixture(scope="session")
def quick_turns(talk_dir):
    """Two voices with pauses of 0.15-0.25 s: whisper puts turns together in one segment."""
    return conversation(VOICES[:2], talk_dir / "quick.wav", seed=4, pause_s=(0.15, 0.25))


@pytest.fixture(scope="session")
def overlapping(talk_dir, two_voices):
    return with_quiet_overlap(two_voices, talk_dir / "overlap.wav")


@pytest.fixture(scope="module")
def speaker_engine():
    """One engine worker per test module (the runner tests' leak check sees a worker that
    outlives its module): transcriptions and speaker steps."""
    client = EngineClient()
    yield client
    client.close()


@pytest.fixture(scope="module")
def transcribe(speaker_engine, tiny_en_model):
    """Transcribe a conversation with tiny.en and word timings, once per conversation."""
    done = {}

    def run(talk):
        if talk.path not in done:
            transcript = speaker_engine.transcribe(talk.audio, tiny_en_model, WORDS, device="cpu")
            assert any(s.words for s in transcript.segments), "tiny.en gave no word timings"
            done[talk.path] = transcript
        return done[talk.path]

    return run
