"""How many processes and database connections a deployment uses (shared by gunicorn.conf.py and the checks)."""

import os

from tracker.env import env_int


def gunicorn_workers() -> int:
    """GUNICORN_WORKERS, else 2 × CPUs + 1 (gunicorn's advice for sync
    workers), capped at 12 so a big machine does not exhaust PostgreSQL."""
    return env_int("GUNICORN_WORKERS", 0) or min(2 * (os.cpu_count() or 1) + 1, 12)


def connections_needed(*, workers: int, app_servers: int, pool_max_size: int | None, threads: int = 1) -> int:
    """Connections the app can hold open at once, per database: each worker
    process keeps its own pool (or one connection per thread without a pool)."""
    per_worker = pool_max_size if pool_max_size else threads
    return workers * app_servers * per_worker
