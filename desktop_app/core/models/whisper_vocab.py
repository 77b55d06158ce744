"""Whisper's tokenizer and decoding config for a CTranslate2 folder, from openai-whisper's own assets.

A CTranslate2 Whisper folder needs ``tokenizer.json`` (Hugging Face ``tokenizers`` format,
read by faster-whisper), a vocabulary and the ``config.json`` values CTranslate2 decodes
with. All of them are derived here from ``whisper/assets/{gpt2,multilingual}.tiktoken``
and whisper's special tokens, through whisper's own ``tokenizer.py``. That module imports
tiktoken but not torch (the package's ``__init__`` does), so it is loaded on its own and
none of this loads torch.

The BPE merges are recovered from tiktoken's ranks: the token of rank r is the merge of
the two parts that BPE, using only ranks below r, splits it into.
"""

from __future__ import annotations

import base64
import importlib.util
import json
import threading
from functools import lru_cache
from pathlib import Path
from types import ModuleType

from desktop_app.core.fileio import atomic_write_text
from desktop_app.core.models.errors import ModelFileError

# n_vocab = 51765 + int(multilingual) + number of languages (whisper's own formula in model.py)
_VOCAB_BASE = 51765
MULTILINGUAL_MIN_VOCAB = 51865
_HF_NO_SPEECH = "<|nocaptions|>"  # Hugging Face's name for whisper's <|nospeech|>; faster-whisper reads both
_lock = threading.Lock()


def _whisper_folder() -> Path:
    spec = importlib.util.find_spec("whisper")  # finds the package without importing it (and torch)
    if spec is None or not spec.submodule_search_locations:
        raise ModelFileError("openai-whisper is not installed, so its tokenizer is missing. Reinstall Daredevil.")
    return Path(next(iter(spec.submodule_search_locations)))


@lru_cache(maxsize=1)
def whisper_tokenizer_module() -> ModuleType:
    """whisper/tokenizer.py, loaded on its own so that torch is not imported."""
    path = _whisper_folder() / "tokenizer.py"
    spec = importlib.util.spec_from_file_location("_daredevil_whisper_tokenizer", path)
    if spec is None or spec.loader is None:
        raise ModelFileError(f"{path} is missing. Reinstall Daredevil.")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def num_languages(n_vocab: int) -> int:
    """How many language tokens a model with ``n_vocab`` tokens has."""
    return n_vocab - _VOCAB_BASE - int(n_vocab >= MULTILINGUAL_MIN_VOCAB)


def whisper_tokenizer(n_vocab: int):
    """whisper's Tokenizer (tiktoken) for a model with ``n_vocab`` tokens."""
    module = whisper_tokenizer_module()
    with _lock:  # get_tokenizer's lru_cache is not thread-safe to fill
        return module.get_tokenizer(n_vocab >= MULTILINGUAL_MIN_VOCAB, num_languages=num_languages(n_vocab))


def _bytes_to_unicode() -> dict[int, str]:
    """GPT-2's byte-level alphabet: every byte as a printable character."""
    printable = [*range(ord("!"), ord("~") + 1), *range(ord("¡"), ord("¬") + 1), *range(ord("®"), ord("ÿ") + 1)]
    chars = printable[:]
    extra = 0
    for byte in range(256):
        if byte not in printable:
            printable.append(byte)
            chars.append(256 + extra)
            extra += 1
    return dict(zip(printable, map(chr, chars)))


_BYTE_CHARS = _bytes_to_unicode()


def _as_text(token: bytes) -> str:
    return "".join(_BYTE_CHARS[b] for b in token)


def _split_below(token: bytes, ranks: dict[bytes, int], max_rank: int) -> list[bytes]:
    """BPE of ``token`` using only merges of rank below ``max_rank``."""
    parts = [bytes([b]) for b in token]
    while len(parts) > 1:
        best, at = None, -1
        for i in range(len(parts) - 1):
            rank = ranks.get(parts[i] + parts[i + 1])
            if rank is not None and rank < max_rank and (best is None or rank < best):
                best, at = rank, i
        if best is None:
            break
        parts[at : at + 2] = [parts[at] + parts[at + 1]]
    return parts


def _special_names(n_vocab: int) -> list[str]:
    """The special tokens before the timestamps, named as in Hugging Face's tokenizer.json."""
    by_id = sorted(whisper_tokenizer(n_vocab).special_tokens.items(), key=lambda item: item[1])
    names = [s for s, _ in by_id if not s[2:3].isdigit()]  # drop <|0.00|>...<|30.00|>
    return [_HF_NO_SPEECH if s == "<|nospeech|>" else s for s in names]


@lru_cache(maxsize=2)
def _ranks(multilingual: bool) -> dict[bytes, int]:
    name = "multilingual" if multilingual else "gpt2"
    path = _whisper_folder() / "assets" / f"{name}.tiktoken"
    with open(path, encoding="ascii") as fp:
        return {base64.b64decode(token): int(rank) for token, rank in (line.split() for line in fp if line.strip())}


@lru_cache(maxsize=4)
def tokenizer_json(n_vocab: int) -> str:
    """The tokenizer.json text (Hugging Face tokenizers) for a Whisper model of ``n_vocab`` tokens."""
    from tokenizers import AddedToken, Tokenizer, decoders, models, pre_tokenizers, processors

    ranks = _ranks(n_vocab >= MULTILINGUAL_MIN_VOCAB)
    vocab = {_as_text(token): rank for token, rank in ranks.items()}
    merges = []
    for token, rank in sorted(ranks.items(), key=lambda item: item[1]):
        if len(token) > 1:
            left, right = _split_below(token, ranks, rank)  # always two parts for whisper's files
            merges.append((_as_text(left), _as_text(right)))
    specials = _special_names(n_vocab)
    eot = len(ranks)
    vocab[specials[0]] = eot  # <|endoftext|> is also in the BPE vocabulary, as in Hugging Face's files
    tokenizer = Tokenizer(models.BPE(vocab, merges, continuing_subword_prefix="", end_of_word_suffix=""))
    tokenizer.pre_tokenizer = pre_tokenizers.ByteLevel(add_prefix_space=False)
    tokenizer.decoder = decoders.ByteLevel()
    tokenizer.add_special_tokens([AddedToken(s, special=True, normalized=False) for s in specials])
    sot, no_timestamps = specials[1], specials[-1]
    tokenizer.post_processor = processors.TemplateProcessing(
        single=f"{sot} {no_timestamps} $A {specials[0]}",
        pair=f"{sot} {no_timestamps} $A $B:1 {specials[0]}:1",
        special_tokens=[(s, tokenizer.token_to_id(s)) for s in (specials[0], sot, no_timestamps)],
    )
    return tokenizer.to_str(pretty=True)


def vocabulary_tokens(n_vocab: int) -> list[str]:
    """Every token by id, as CTranslate2 registers them: BPE tokens, specials, then timestamps."""
    return list(_vocabulary_tokens(n_vocab))


@lru_cache(maxsize=4)
def _vocabulary_tokens(n_vocab: int) -> tuple[str, ...]:
    ranks = _ranks(n_vocab >= MULTILINGUAL_MIN_VOCAB)
    tokens = [""] * len(ranks)
    for token, rank in ranks.items():
        tokens[rank] = _as_text(token)
    tokens += _special_names(n_vocab)
    tokens += [f"<|{i * 0.02:.2f}|>" for i in range(n_vocab - len(tokens))]
    return tuple(tokens)


def default_alignment_heads(n_text_layer: int, n_text_head: int) -> list[list[int]]:
    """whisper's default when a model names none: every head of the top half of the layers."""
    return [[layer, head] for layer in range(n_text_layer // 2, n_text_layer) for head in range(n_text_head)]


def decoding_config(n_vocab: int, alignment_heads: list[list[int]]) -> dict:
    """config.json values for CTranslate2: the tokens openai-whisper suppresses, languages, heads.

    suppress_ids are whisper's defaults (``suppress_tokens="-1"``: the non-speech tokens plus
    the task and start tokens); suppress_ids_begin are SuppressBlank's (a space and <|endoftext|>)."""
    tok = whisper_tokenizer(n_vocab)
    suppress = {*tok.non_speech_tokens, tok.translate, tok.transcribe, tok.sot, tok.sot_prev, tok.sot_lm, tok.no_speech}
    return {
        "alignment_heads": [[int(layer), int(head)] for layer, head in alignment_heads],
        "lang_ids": list(range(tok.sot + 1, tok.sot + 1 + num_languages(n_vocab))),
        "suppress_ids": sorted(suppress),
        "suppress_ids_begin": [*tok.encode(" "), tok.eot],
    }


def write_json(path: Path, value: object) -> None:
    """Write a JSON file atomically (pretty, with a final newline)."""
    atomic_write_text(path, json.dumps(value, indent=2) + "\n")
