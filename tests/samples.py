"""Speech used across tests, and the words a correct transcript must contain."""

ENGLISH_SENTENCE = "Hello world. This is a test of the transcription system."
ENGLISH_WORDS = ("hello", "world", "test")
