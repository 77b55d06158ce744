"""The transcription pipeline without any Qt: checks, media, engine, cache, store."""
