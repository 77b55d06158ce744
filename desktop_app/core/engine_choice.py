"""Which engine, device and compute type a job runs with: "auto" made concrete, in one place.

The pipeline asks this before it computes the cache key, so the key names what really ran,
and a result made by one engine or compute type is never served for another.
"""

from __future__ import annotations

import functools
import logging
from dataclasses import replace

from desktop_app.core.models.forms import ModelFormat, ModelInfo
from desktop_app.core.options import COMPUTE_TYPES, OPENAI_COMPUTE, EngineName, TranscribeOptions

log = logging.getLogger(__name__)

#: Audio at least this long is decoded batched when the setting is "auto". Measured with
#: bench/batched_by_length.py (base, int8, 2 cores; docs/benchmarks.md, issue 8 bench 3):
#: batched/plain 0.90-1.13 at 15 s (noise), 0.71-0.88 at 29 s, 0.70-0.74 at 60 s, 0.40 at 243 s.
BATCHED_FROM_S = 30.0


@functools.cache
def cuda_available() -> bool:
    """Whether CTranslate2 sees a CUDA GPU (no torch import: this runs in the window too)."""
    try:
        import ctranslate2

        return ctranslate2.get_cuda_device_count() > 0
    except Exception as exc:  # noqa: BLE001 - a broken CUDA install means the CPU
        log.info("No CUDA for CTranslate2: %s", exc)
        return False


def resolve_device(device: str) -> str:
    """"auto" as "cuda" where a GPU is seen, else "cpu"; others as given."""
    if device in ("auto", "", None):
        return "cuda" if cuda_available() else "cpu"
    return device


def choose_engine(options: TranscribeOptions, model: ModelInfo, device: str,
                  batched: str = "off", audio_s: float | None = None) -> TranscribeOptions:
    """`options` with engine, compute type and batching made concrete for this model and device."""
    kind = resolve_device(device).partition(":")[0]
    has_ct2 = model.form(ModelFormat.CTRANSLATE2) is not None
    engine = options.engine
    if engine == EngineName.AUTO.value:
        engine = EngineName.FASTER_WHISPER.value if has_ct2 else EngineName.OPENAI_WHISPER.value
    elif engine == EngineName.FASTER_WHISPER.value and not has_ct2:
        log.warning("Model %s has no CTranslate2 form; running it with openai-whisper", model.name)
        engine = EngineName.OPENAI_WHISPER.value
    if engine == EngineName.OPENAI_WHISPER.value:
        return replace(options, engine=engine, compute_type=OPENAI_COMPUTE[kind], vad=False, batched=False)
    offered = COMPUTE_TYPES[kind]
    compute = options.compute_type if options.compute_type in offered else offered[0]
    if options.compute_type not in ("auto", compute):
        log.warning("Compute type %s is not offered on %s; using %s", options.compute_type, kind, compute)
    use_batched = batched == "on" or (batched == "auto" and audio_s is not None and audio_s >= BATCHED_FROM_S)
    return replace(options, engine=engine, compute_type=compute, batched=use_batched)
