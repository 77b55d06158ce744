"""Daredevil: drag-and-drop Whisper transcription for workstations."""

__version__ = "0.1.0"
APP_NAME = "Daredevil"
APP_ID = "daredevil"
