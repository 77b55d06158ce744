"""Sending jobs to shared GPU servers (Celery over Redis): the wire format and the client."""
