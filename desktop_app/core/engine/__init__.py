"""The transcription engine: one long-lived worker process that keeps the model loaded.

Import `EngineClient` from here; torch and whisper are imported only in the worker.
"""

from desktop_app.core.engine.client import EngineClient
from desktop_app.core.engine.messages import EngineProgress, EngineStatus

__all__ = ["EngineClient", "EngineProgress", "EngineStatus"]
