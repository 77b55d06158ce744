"""Daredevil: drag-and-drop Whisper transcription for workstations."""

import os

__version__ = "0.1.0"
APP_NAME = "Daredevil"
APP_ID = "daredevil"

# onnxruntime (faster-whisper's Silero VAD) sends usage telemetry and writes a device id under
# ~/.cache/Microsoft unless told not to: an offline app writes nothing outside its own folders.
# Set here, before any part of the app imports it, and inherited by the engine worker.
os.environ.setdefault("ORT_DISABLE_TELEMETRY", "1")
