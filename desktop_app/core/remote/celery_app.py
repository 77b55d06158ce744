"""The Celery app both sides use, with the seed service's hardening (design brief, fixes 3 and 5)."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import quote, urlsplit, urlunsplit

DEFAULT_QUEUE = "daredevil"


@dataclass(frozen=True)
class BrokerConfig:
    url: str  # redis://[:password@]host:port/db or rediss:// for TLS
    queue: str = DEFAULT_QUEUE
    soft_time_limit_s: float = 2 * 3600.0
    hard_time_limit_s: float = 2 * 3600.0 + 120.0
    max_tasks_per_child: int = 200
    visibility_timeout_s: float = 3 * 3600.0  # an unacked job is delivered again after this long
    result_expires_s: float = 24 * 3600.0


def make_app(config: BrokerConfig):
    """A Celery app on `config.url` that speaks JSON only and acknowledges a job when it is done."""
    from celery import Celery

    app = Celery("daredevil", broker=config.url, backend=config.url)
    transport = {
        "visibility_timeout": config.visibility_timeout_s,
        "socket_keepalive": True,
        "health_check_interval": 10,
        "socket_connect_timeout": 5,
        "socket_timeout": 30,
        "retry_on_timeout": True,
    }
    app.conf.update(
        task_serializer="json",
        result_serializer="json",
        accept_content=["json"],  # a pickled message is refused, never loaded
        result_accept_content=["json"],
        task_acks_late=True,  # acknowledged after the job: a worker that dies loses nothing
        task_reject_on_worker_lost=True,  # ... and its job is delivered again
        worker_prefetch_multiplier=1,  # one job at a time per process: no job waits behind a long one
        task_soft_time_limit=config.soft_time_limit_s,
        task_time_limit=config.hard_time_limit_s,
        worker_max_tasks_per_child=config.max_tasks_per_child,
        task_default_queue=config.queue,
        task_track_started=True,
        result_expires=config.result_expires_s,
        result_extended=False,
        broker_connection_retry_on_startup=True,
        broker_connection_retry=True,
        broker_connection_max_retries=None,  # keep trying while the broker restarts
        broker_transport_options=transport,
        result_backend_transport_options=transport,
        redis_backend_health_check_interval=10,
        redis_socket_keepalive=True,
        redis_retry_on_timeout=True,
        worker_cancel_long_running_tasks_on_connection_loss=False,
        worker_hijack_root_logger=False,
        worker_send_task_events=False,
        task_send_sent_event=False,
    )
    return app


def broker_url(url: str, password: str | None) -> str:
    """The URL with `password` in it (kept as given when it already holds one)."""
    if not password:
        return url
    parts = urlsplit(url)
    if parts.password:
        return url
    user = quote(parts.username or "", safe="")
    host = parts.hostname or "127.0.0.1"
    netloc = f"{user}:{quote(password, safe='')}@{host}" + (f":{parts.port}" if parts.port else "")
    return urlunsplit((parts.scheme, netloc, parts.path, parts.query, parts.fragment))


def safe_url(url: str) -> str:
    """The URL with its password hidden, for logs and messages."""
    parts = urlsplit(url)
    if not parts.password:
        return url
    netloc = f"{parts.username or ''}:***@{parts.hostname}" + (f":{parts.port}" if parts.port else "")
    return urlunsplit((parts.scheme, netloc, parts.path, parts.query, parts.fragment))
