"""Making the CTranslate2 form of a .pt with ctranslate2's spec API: same weights, same greedy tokens."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from desktop_app.core.models import ModelFileError, convert_checkpoint_to_ct2, convert_ct2_model
from desktop_app.core.models.ct2_convert import read_ct2_header
from model_fixtures import TINY_EN_NAME, tiny_en_source
from speech import MEETING_WORDS as SPEECH_WORDS

# Scalars newer ctranslate2 releases write (ALiBi off) that the shipped tiny.en folder predates.
NEW_SCALARS = {"decoder/alibi_use_positive_positions", "decoder/scale_alibi"}


def _tensor_bytes(model_bin: Path) -> dict[str, tuple[tuple[int, ...], int, bytes]]:
    header = read_ct2_header(model_bin)
    data = model_bin.read_bytes()
    return {n: (v.shape, v.dtype_id, data[v.offset : v.offset + v.n_bytes]) for n, v in header.variables.items()}


def test_fake_checkpoint_round_trips_through_both_converters(fake_checkpoint: Path, tmp_path: Path):
    import torch

    folder = convert_checkpoint_to_ct2(fake_checkpoint, tmp_path / "fake.ct2", "fake")
    assert sorted(p.name for p in folder.iterdir()) == ["config.json", "model.bin", "tokenizer.json", "vocabulary.json"]
    assert len(json.loads((folder / "vocabulary.json").read_text())) == 51865
    config = json.loads((folder / "config.json").read_text())
    assert config["alignment_heads"] == [[1, 0], [1, 1]] and config["suppress_ids_begin"] == [220, 50257]
    aliases = read_ct2_header(folder / "model.bin").aliases  # equal tensors are stored once
    assert aliases["decoder/projection/weight"] == "decoder/embeddings/weight"

    back = torch.load(convert_ct2_model(folder, tmp_path / "back.pt"), weights_only=True)
    original = torch.load(fake_checkpoint, weights_only=True)
    assert back["dims"] == original["dims"]
    for key, value in original["model_state_dict"].items():
        assert back["model_state_dict"][key].dtype == value.dtype == torch.float16, key
        torch.testing.assert_close(back["model_state_dict"][key], value, rtol=0, atol=0, msg=key)


def test_a_file_that_is_not_a_checkpoint_is_refused(tmp_path: Path):
    junk = tmp_path / "junk.pt"
    junk.write_bytes(b"\0" * 64)
    with pytest.raises(ModelFileError, match="not a readable openai-whisper checkpoint"):
        convert_checkpoint_to_ct2(junk, tmp_path / "junk.ct2")
    assert not (tmp_path / "junk.ct2").exists()


@pytest.fixture(scope="module")
def tiny_en_round_trip(tiny_en_checkpoint: Path, tmp_path_factory) -> Path:
    """tiny.en: shipped CTranslate2 folder -> .pt (the existing converter) -> CTranslate2 again (spec API)."""
    return convert_checkpoint_to_ct2(tiny_en_checkpoint, tmp_path_factory.mktemp("rt") / "tiny.en.ct2", TINY_EN_NAME)


@pytest.mark.heavy
def test_tiny_en_comes_back_byte_for_byte(tiny_en_round_trip: Path):
    ours, shipped = _tensor_bytes(tiny_en_round_trip / "model.bin"), _tensor_bytes(tiny_en_source() / "model.bin")
    assert set(ours) - set(shipped) == NEW_SCALARS and set(shipped) <= set(ours)
    different = [name for name in shipped if ours[name] != shipped[name]]
    assert different == []
    assert read_ct2_header(tiny_en_round_trip / "model.bin").aliases == read_ct2_header(tiny_en_source() / "model.bin").aliases
    config = json.loads((tiny_en_round_trip / "config.json").read_text())
    assert config["alignment_heads"] == json.loads((tiny_en_source() / "config.json").read_text())["alignment_heads"]


@pytest.mark.heavy
def test_tiny_en_gives_the_same_greedy_tokens_as_the_pt(tiny_en_checkpoint: Path, tiny_en_round_trip: Path, speech_audio):
    import ctranslate2
    import whisper
    from faster_whisper import WhisperModel

    from desktop_app.core.models import load_checkpoint_model

    model = load_checkpoint_model(tiny_en_checkpoint, device="cpu")
    mel = whisper.log_mel_spectrogram(whisper.pad_or_trim(speech_audio), model.dims.n_mels)
    options = whisper.DecodingOptions(language="en", without_timestamps=True, temperature=0.0, beam_size=None, fp16=False)
    theirs = whisper.decode(model, mel, options).tokens
    tokenizer = whisper.tokenizer.get_tokenizer(multilingual=False)
    text = tokenizer.decode(theirs).lower()
    assert sum(word in text for word in SPEECH_WORDS) >= len(SPEECH_WORDS) - 2, text

    ct2 = ctranslate2.models.Whisper(str(tiny_en_round_trip), device="cpu", compute_type="float32", intra_threads=2)
    features = ctranslate2.StorageView.from_array(np.ascontiguousarray(mel.numpy()[None]))
    prompt = [tokenizer.sot, tokenizer.no_timestamps]
    generated = ct2.generate(features, [prompt], beam_size=1, max_length=model.dims.n_text_ctx // 2)
    assert [t for t in generated[0].sequences_ids[0] if t != tokenizer.eot] == theirs

    fw = WhisperModel(str(tiny_en_round_trip), device="cpu", compute_type="float32", cpu_threads=2)
    segments, _ = fw.transcribe(
        speech_audio, language="en", beam_size=1, temperature=0.0, vad_filter=False,
        condition_on_previous_text=False, without_timestamps=True,
    )  # fmt: skip
    segments = list(segments)
    assert [t for s in segments for t in s.tokens if t < tokenizer.eot] == theirs
    assert "".join(s.text for s in segments).strip().lower() == text.strip()
