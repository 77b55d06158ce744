"""Options that change what a transcription produces."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from enum import Enum
from typing import Any


class Task(str, Enum):
    TRANSCRIBE = "transcribe"
    TRANSLATE = "translate"


def supports_task(task: Task | str, multilingual: bool) -> bool:
    """Whether a model can do `task`: an English-only model can't translate (Whisper would only transcribe)."""
    return multilingual or Task(task) is not Task.TRANSLATE


class EngineName(str, Enum):
    AUTO = "auto"  # faster-whisper whenever the model has a CTranslate2 form
    FASTER_WHISPER = "faster-whisper"
    OPENAI_WHISPER = "openai-whisper"


#: Compute types each device offers, the default first ("auto" picks it).
COMPUTE_TYPES = {"cpu": ("int8", "float32"), "cuda": ("float16", "int8_float16")}
OPENAI_COMPUTE = {"cpu": "float32", "cuda": "float16"}  # what the torch engine runs in


class Device(str, Enum):
    AUTO = "auto"
    CPU = "cpu"
    CUDA = "cuda"


@dataclass(frozen=True)
class TranscribeOptions:
    """Decoding options; defaults equal openai-whisper's CLI defaults."""

    language: str | None = None  # None: detect
    task: Task = Task.TRANSCRIBE
    word_timestamps: bool = False
    initial_prompt: str | None = None
    beam_size: int = 5
    best_of: int = 5
    temperatures: tuple[float, ...] = (0.0, 0.2, 0.4, 0.6, 0.8, 1.0)
    condition_on_previous_text: bool = True
    # How it runs; each changes the output, so each is in the cache key. The pipeline turns
    # "auto" into what will run (core/engine_choice.py) before it computes the key.
    engine: str = EngineName.AUTO.value
    compute_type: str = "auto"
    vad: bool = True  # faster-whisper's Silero VAD skips silence (the torch engine has none)
    batched: bool = False  # faster-whisper's BatchedInferencePipeline

    def describe(self, device: str) -> str:
        """E.g. "faster-whisper on cpu (int8)", for the job's log and the status bar."""
        return f"{self.engine} on {device} ({self.compute_type})"

    def cache_key_part(self) -> dict[str, Any]:
        """Every field that changes the output, in a stable JSON-able form."""
        data = asdict(self)
        data["task"] = self.task.value
        data["temperatures"] = list(self.temperatures)
        return data

    def whisper_kwargs(self, fp16: bool) -> dict[str, Any]:
        """Keyword arguments for whisper's `transcribe`."""
        return {
            "language": self.language,
            "task": self.task.value,
            "word_timestamps": self.word_timestamps,
            "initial_prompt": self.initial_prompt,
            "beam_size": self.beam_size,
            "best_of": self.best_of,
            "temperature": self.temperatures,
            "condition_on_previous_text": self.condition_on_previous_text,
            "fp16": fp16,
        }
