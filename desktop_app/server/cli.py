"""`daredevil server`: run the Celery worker (or, with --check, report what it would run on)."""

from __future__ import annotations

import argparse
import os
import socket
import sys
from desktop_app.core.remote.celery_app import DEFAULT_QUEUE, BrokerConfig, broker_url, safe_url


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--broker", default=os.environ.get("DAREDEVIL_BROKER", "redis://127.0.0.1:6379/0"),
                   help="redis:// or rediss:// URL (default: $DAREDEVIL_BROKER or a local Redis)")
    p.add_argument("--password", default=os.environ.get("DAREDEVIL_BROKER_PASSWORD"),
                   help="the broker's password, if not in the URL (default: $DAREDEVIL_BROKER_PASSWORD)")
    p.add_argument("--concurrency", type=int, default=1, help="worker processes; one per GPU (default 1)")
    p.add_argument("--queue", default=DEFAULT_QUEUE, help=f"queue to take jobs from (default {DEFAULT_QUEUE})")
    p.add_argument("--max-tasks-per-child", type=int, default=200)
    p.add_argument("--soft-limit", type=float, default=2 * 3600.0, help="seconds before a job is asked to stop")
    p.add_argument("--hard-limit", type=float, default=2 * 3600.0 + 120, help="seconds before a job is killed")
    p.add_argument("--visibility-timeout", type=float, default=3 * 3600.0,
                   help="seconds after which a job taken by a server that vanished is delivered again")
    p.add_argument("--max-upload-mb", type=int, default=256)
    p.add_argument("--check", action="store_true", help="report the broker, the models and the device, then exit")


def run_server(args: argparse.Namespace) -> int:
    from desktop_app.core.remote.celery_app import make_app
    from desktop_app.server.tasks import register

    config = BrokerConfig(broker_url(args.broker, args.password), args.queue, args.soft_limit, args.hard_limit,
                          args.max_tasks_per_child, args.visibility_timeout)  # fmt: skip
    app = make_app(config)
    if args.check:
        return check(app, config)
    from desktop_app.core.paths import app_paths
    from desktop_app.core.tempfiles import sweep_stale_temp

    sweep_stale_temp(app_paths().ensure().temp_root)  # what a killed server left
    register(app, args.max_upload_mb * 1024**2)
    argv = ["worker", f"--concurrency={max(args.concurrency, 1)}", "--pool=prefork", "-Q", config.queue,
            "--loglevel=INFO", "-n", f"daredevil-{os.getpid()}@{socket.gethostname()}",
            "--without-gossip", "--without-mingle", "--without-heartbeat"]  # fmt: skip
    app.worker_main(argv)
    return 0


def check(app, config: BrokerConfig) -> int:
    """Print what the server would run on; exit 1 if the broker can't be reached."""
    from desktop_app.core.engine_choice import cuda_available
    from desktop_app.core.models.registry import list_installed
    from desktop_app.core.paths import app_paths
    from desktop_app.core.remote.client_support import describe_broker_error

    print(f"broker: {safe_url(config.url)} (queue {config.queue})")
    try:
        with app.connection_for_write() as conn:
            conn.ensure_connection(max_retries=1, timeout=5)
    except Exception as exc:  # noqa: BLE001 - every failure is reported, not raised
        print(f"broker: not reachable: {describe_broker_error(exc)}", file=sys.stderr)
        return 1
    print("broker: reachable")
    models = list_installed(app_paths().ensure().models_dir)
    print("models: " + (", ".join(f"{m.name} ({'/'.join(f.format.value for f in m.forms)})" for m in models) or "none"))
    print(f"device: {'cuda' if cuda_available() else 'cpu'}")
    return 0
