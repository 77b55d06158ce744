"""Settings' "Test" button for a shared server: can this computer use that broker?"""

from __future__ import annotations


def check_server(url: str, password: str | None) -> str | None:
    """None when the broker answers with that password; else a sentence on what is wrong. Blocks
    for up to a few seconds: run it on a pool (runner.tasks.run_task)."""
    from desktop_app.core.remote.celery_app import broker_url
    from desktop_app.core.remote.remote_client import RemoteEngineClient

    if not url.startswith(("redis://", "rediss://")):
        return "A server address starts with redis:// (or rediss:// for TLS), e.g. redis://gpu-server:6379/0."
    client = RemoteEngineClient(broker_url(url, password or None))
    try:
        return client.check()
    finally:
        client.close()
