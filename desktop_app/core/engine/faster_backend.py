"""The faster-whisper (CTranslate2) engine, inside the worker process.

Progress comes from faster-whisper's segment generator: each segment it yields carries its
end time, so the fraction done is that over the audio's duration; cancel is checked between
segments (the client kills the worker if a segment takes longer than its grace). Silence
skipping is faster-whisper's bundled Silero VAD (an ONNX file in its wheel, no download).
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from typing import Any

import numpy as np

from desktop_app.core.options import TranscribeOptions
from desktop_app.core.transcript import Segment, Transcript, Word

log = logging.getLogger("desktop_app.core.engine.worker")

SAMPLE_RATE = 16000
BATCH_SIZE = 8  # faster-whisper's default batch for BatchedInferencePipeline
CHUNK_S = 30  # Whisper's window: the batched pipeline's chunks without VAD


def preload_cuda_libraries() -> None:
    """Make cuBLAS and cuDNN from the `nvidia-*-cu12` wheels findable by CTranslate2.

    Those wheels put their libraries in site-packages/nvidia/*/lib, which the loader doesn't
    search; loading them by full path first lets CTranslate2's own dlopen find them, so the
    user never sets LD_LIBRARY_PATH. Nothing happens where the wheels aren't installed."""
    import ctypes
    import importlib.util
    from pathlib import Path

    spec = importlib.util.find_spec("nvidia")
    if spec is None or not spec.submodule_search_locations:
        return
    for root in spec.submodule_search_locations:
        for lib in sorted(Path(root).glob("*/lib/lib*.so*")):
            if any(k in lib.name for k in ("cublas", "cudnn")):
                try:
                    ctypes.CDLL(str(lib), mode=ctypes.RTLD_GLOBAL)
                except OSError as exc:
                    log.debug("Could not preload %s: %s", lib, exc)


class FasterWhisperModel:
    """One loaded CTranslate2 Whisper model, on one device with one compute type."""

    def __init__(self, folder: str, device: str, compute_type: str) -> None:
        from faster_whisper import BatchedInferencePipeline, WhisperModel

        if device.startswith("cuda"):
            preload_cuda_libraries()
        kind, _, index = device.partition(":")
        self.model = WhisperModel(folder, device=kind, device_index=int(index or 0), compute_type=compute_type)
        self.batched = BatchedInferencePipeline(self.model)
        self.compute_type = compute_type

    def transcribe(
        self,
        audio: np.ndarray,
        options: TranscribeOptions,
        report: Callable[[float, list[Segment]], None],
        check: Callable[[], None],
    ) -> Transcript:
        """Decode `audio`; `report(fraction, new_segments)` per segment, `check()` may raise to stop."""
        duration = len(audio) / SAMPLE_RATE
        kwargs: dict[str, Any] = dict(
            language=options.language, task=options.task.value, beam_size=options.beam_size,
            best_of=options.best_of, temperature=list(options.temperatures),
            initial_prompt=options.initial_prompt, word_timestamps=options.word_timestamps,
            condition_on_previous_text=options.condition_on_previous_text, vad_filter=options.vad,
        )  # fmt: skip
        if options.batched:
            if not options.vad:  # the pipeline needs chunks: Whisper's 30 s windows
                kwargs["clip_timestamps"] = [{"start": float(s), "end": min(float(s + CHUNK_S), duration)}
                                             for s in range(0, max(1, int(np.ceil(duration))), CHUNK_S)]  # fmt: skip
            kwargs.pop("condition_on_previous_text")  # each chunk is decoded on its own
            generator, info = self.batched.transcribe(audio, batch_size=BATCH_SIZE, **kwargs)
        else:
            generator, info = self.model.transcribe(audio, **kwargs)
        check()
        segments: list[Segment] = []
        for raw in generator:
            segment = to_segment(raw)
            if segment.text.strip():
                segments.append(segment)
            report(raw.end / duration if duration else 1.0, [segment] if segment.text.strip() else [])
            check()
        return Transcript(tuple(segments), str(info.language), duration, engine="faster-whisper")


def to_segment(raw: Any) -> Segment:
    """A faster-whisper Segment as ours (its Word has the same fields as whisper's words)."""
    words = tuple(Word(float(w.start), float(w.end), str(w.word), float(w.probability)) for w in raw.words or ())
    return Segment(
        float(raw.start), float(raw.end), str(raw.text), words,
        seek=int(raw.seek), tokens=tuple(int(t) for t in raw.tokens), temperature=float(raw.temperature or 0.0),
        avg_logprob=float(raw.avg_logprob), compression_ratio=float(raw.compression_ratio),
        no_speech_prob=float(raw.no_speech_prob),
    )  # fmt: skip


def load_timed(name: str, folder: str, device: str, compute_type: str) -> FasterWhisperModel:
    """Load and log how long it took (the same line as the torch engine's, plus the engine)."""
    started = time.monotonic()
    model = FasterWhisperModel(folder, device, compute_type)
    log.info("Loaded model %s on %s in %.1f s (faster-whisper, %s)", name, device, time.monotonic() - started,
             compute_type)  # fmt: skip
    return model
