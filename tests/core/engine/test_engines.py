"""Both engines behind one worker: the same words, silence skipped, and each one's own cache key."""

from __future__ import annotations

import threading
from dataclasses import replace

import numpy as np
import pytest

from desktop_app.core.cache import cache_key
from desktop_app.core.engine_choice import choose_engine
from desktop_app.core.errors import CancelledError
from desktop_app.core.models.forms import ModelFormat
from desktop_app.core.options import TranscribeOptions
from speech import HELLO, HELLO_WORDS, heard

pytestmark = pytest.mark.heavy

SAMPLE_RATE = 16000
OPENAI = TranscribeOptions(engine="openai-whisper")
FASTER = TranscribeOptions(engine="faster-whisper")


@pytest.mark.parametrize("options", [FASTER, OPENAI], ids=["faster-whisper", "openai-whisper"])
def test_each_engine_hears_the_words_with_word_timings(engine, tiny_en_model, hello_audio, options):
    transcript = engine.transcribe(hello_audio, tiny_en_model, replace(options, word_timestamps=True))
    assert heard(transcript.text, HELLO_WORDS), transcript.text
    assert transcript.engine == options.engine
    words = [w for s in transcript.segments for w in s.words]
    assert words and all(0.0 < w.probability <= 1.0 and w.start <= w.end for w in words)
    assert all(s.tokens for s in transcript.segments)
    assert engine.status().engine == options.engine


def test_auto_takes_faster_whisper_for_a_model_with_a_ctranslate2_form(tiny_en_model):
    assert tiny_en_model.form(ModelFormat.CTRANSLATE2) is not None
    chosen = choose_engine(TranscribeOptions(), tiny_en_model, "cpu")
    assert (chosen.engine, chosen.compute_type, chosen.vad) == ("faster-whisper", "int8", True)
    assert choose_engine(OPENAI, tiny_en_model, "cpu").compute_type == "float32"
    assert choose_engine(replace(FASTER, compute_type="float32"), tiny_en_model, "cpu").compute_type == "float32"
    assert choose_engine(TranscribeOptions(), tiny_en_model, "cpu", "auto", 90.0).batched
    assert not choose_engine(TranscribeOptions(), tiny_en_model, "cpu", "auto", 20.0).batched


def test_a_result_of_one_engine_or_compute_type_has_another_key(tiny_en_model):
    keys = {cache_key("c" * 64, "m" * 64, choose_engine(o, tiny_en_model, "cpu"))
            for o in (FASTER, OPENAI, replace(FASTER, compute_type="float32"))}  # fmt: skip
    assert len(keys) == 3


def test_silence_gives_no_text_and_speech_after_it_keeps_its_time(engine, tiny_en_model, hello_audio):
    silence = np.random.default_rng(0).normal(0, 1e-4, 60 * SAMPLE_RATE).astype(np.float32)  # dithered
    assert engine.transcribe(silence, tiny_en_model, FASTER).segments == ()
    late = engine.transcribe(np.concatenate([silence, hello_audio]), tiny_en_model,
                             replace(FASTER, word_timestamps=True))  # fmt: skip
    assert heard(late.text, HELLO_WORDS), late.text
    first = late.segments[0]
    assert 59.0 <= first.start <= 61.5, first
    assert 59.0 <= first.words[0].start <= 61.5


@pytest.mark.parametrize("options", [FASTER, OPENAI], ids=["faster-whisper", "openai-whisper"])
def test_cancel_stops_either_engine_and_the_next_job_runs(engine, tiny_en_model, long_audio, hello_audio, options):
    cancel = threading.Event()
    threading.Timer(0.5, cancel.set).start()
    with pytest.raises(CancelledError):
        engine.transcribe(long_audio, tiny_en_model, options, cancel=cancel)
    assert heard(engine.transcribe(hello_audio, tiny_en_model, options).text, HELLO_WORDS)


def test_batched_decoding_hears_the_words_with_and_without_vad(engine, tiny_en_model, long_audio):
    from speech import LONG_TEXT

    for vad in (True, False):
        transcript = engine.transcribe(long_audio, tiny_en_model,
                                       replace(FASTER, batched=True, vad=vad, word_timestamps=True))  # fmt: skip
        expected = [w.strip(".,").lower() for w in LONG_TEXT.split()[:40] if len(w) > 5]
        assert heard(transcript.text, tuple(expected), missing=len(expected) // 4), transcript.text
        assert all(s.words for s in transcript.segments)


def test_hello_is_the_sentence_these_tests_expect():
    assert all(word in HELLO.lower() for word in HELLO_WORDS)


def test_an_idle_worker_releases_its_model_and_loads_it_again_for_the_next_job(tiny_en_model, hello_audio):
    import time

    from desktop_app.core.engine import EngineClient

    with EngineClient(idle_release_s=1.0) as client:
        client.transcribe(hello_audio, tiny_en_model, FASTER)
        assert client.status().model_name == "tiny.en"
        deadline = time.monotonic() + 30
        while client.status().model_name is not None and time.monotonic() < deadline:
            time.sleep(0.5)
        status = client.status()
        assert status.model_name is None and status.engine == ""
        assert heard(client.transcribe(hello_audio, tiny_en_model, FASTER).text, HELLO_WORDS)
        assert client.status().model_loads == 2


def test_silence_skipping_writes_nothing_outside_the_apps_folders(tmp_path):
    """onnxruntime's telemetry would write a device id under ~/.cache/Microsoft (the app turns it off)."""
    import os
    import subprocess
    import sys

    env = {**os.environ, "HOME": str(tmp_path)}
    env.pop("ORT_DISABLE_TELEMETRY", None)
    code = ("import desktop_app, numpy as np\n"
            "from faster_whisper.vad import get_speech_timestamps\n"
            "get_speech_timestamps(np.zeros(32000, dtype=np.float32))\n")  # fmt: skip
    subprocess.run([sys.executable, "-c", code], env=env, check=True, timeout=120)
    assert list(tmp_path.rglob("*")) == []
