"""The engine on real speech with the real tiny.en model: text, progress, words, reuse."""

from __future__ import annotations

import pytest

from desktop_app.core.models.forms import ModelFormat
from desktop_app.core.options import TranscribeOptions

pytestmark = pytest.mark.heavy

ROBUST_WORDS = ("hello", "world", "test")  # tiny.en hears these from espeak-ng


def test_transcribes_speech(engine, tiny_en_model, hello_audio):
    transcript = engine.transcribe(hello_audio, tiny_en_model, TranscribeOptions())

    text = transcript.text.lower()
    assert all(word in text for word in ROBUST_WORDS), text
    assert transcript.language == "en"
    assert transcript.duration == pytest.approx(len(hello_audio) / 16000)


def test_progress_rises_and_segments_arrive_live(engine, tiny_en_model, long_audio):
    updates = []
    greedy = TranscribeOptions(beam_size=1, best_of=1)  # beam 5 takes minutes on a busy CPU
    transcript = engine.transcribe(long_audio, tiny_en_model, greedy, on_progress=updates.append)

    fractions = [u.fraction for u in updates]
    assert fractions == sorted(fractions)
    assert fractions[-1] == pytest.approx(1.0)
    assert any(0.0 < f < 1.0 for f in fractions), "expected a report before the end"
    live = [u.segment for u in updates if u.segment is not None]
    assert [s.text for s in live] == [s.text for s in transcript.segments]
    assert any(u.segment is not None and u.fraction < 1.0 for u in updates)
    assert all(u.eta_s is not None and u.eta_s >= 0 for u in updates if u.fraction > 0)
    assert "morning" in transcript.text.lower() or "city" in transcript.text.lower()


def test_word_timestamps_ascend(engine, tiny_en_model, hello_audio):
    transcript = engine.transcribe(hello_audio, tiny_en_model, TranscribeOptions(word_timestamps=True))

    words = [w for s in transcript.segments for w in s.words]
    assert len(words) >= 5
    assert all(w.end >= w.start for w in words)
    starts = [w.start for w in words]
    assert starts == sorted(starts)
    assert "hello" in words[0].text.lower()


def test_model_stays_loaded_between_jobs(tiny_en_model, hello_audio):
    from desktop_app.core.engine import EngineClient

    with EngineClient() as client:
        client.transcribe(hello_audio, tiny_en_model, TranscribeOptions())
        first = client.status()
        client.transcribe(hello_audio, tiny_en_model, TranscribeOptions(beam_size=1, best_of=1))
        second = client.status()

    assert first.model_loads == second.model_loads == 1
    assert (first.jobs_served, second.jobs_served) == (1, 2)
    assert first.pid == second.pid
    assert second.model_name == "tiny.en" and second.model_sha256 == tiny_en_model.form(ModelFormat.CTRANSLATE2).sha256  # the default engine runs it


def test_a_preloaded_model_serves_the_job_without_a_second_load(tiny_en_model, hello_audio, tmp_path):
    from dataclasses import replace

    from desktop_app.core.engine import EngineClient
    from desktop_app.core.models import ModelForm

    with EngineClient() as client:
        client.preload(tiny_en_model, TranscribeOptions())  # returns at once: the worker loads while we go on
        assert client.worker_pid is not None
        loaded = client.status()  # answered after the load: one pipe, in order
        assert (loaded.model_name, loaded.model_loads, loaded.jobs_served) == ("tiny.en", 1, 0)
        transcript = client.transcribe(hello_audio, tiny_en_model, TranscribeOptions(beam_size=1, best_of=1))
        assert "hello" in transcript.text.lower()
        assert client.status().model_loads == 1

        gone = ModelForm(ModelFormat.CTRANSLATE2, tmp_path / "gone.ct2", "0" * 64, 1)
        pid = client.worker_pid
        client.preload(replace(tiny_en_model, forms=(gone,)), TranscribeOptions())  # a bad load is only logged
        assert client.status().pid == pid
        again = client.transcribe(hello_audio, tiny_en_model, TranscribeOptions(beam_size=1, best_of=1))
        assert "hello" in again.text.lower() and client.worker_pid == pid


def test_status_names_the_device(engine, tiny_en_model):
    status = engine.status()

    assert status.pid == engine.worker_pid
    assert status.rss_bytes > 0
    if status.device == "cpu":
        assert status.device_name == "CPU"
        assert status.gpu_memory_free_bytes is None
    else:
        assert status.gpu_memory_free_bytes is not None
