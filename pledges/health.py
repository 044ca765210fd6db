"""Database reachability, for /healthz and for answering 503 instead of a traceback."""

from concurrent.futures import ThreadPoolExecutor

from django.conf import settings
from django.db import DatabaseError, connections


def database_is_reachable(alias: str = "default") -> bool:
    """One round trip to the database; False on any database-level failure."""
    try:
        with connections[alias].cursor() as cursor:
            cursor.execute("SELECT 1")
            return cursor.fetchone() == (1,)
    except DatabaseError:
        return False


def databases_reachable() -> dict[str, bool]:
    """The primary ("default") and then every configured read replica, each reachable or not.

    Each replica is tried in a thread of its own while the primary is tried in
    this one, so replicas that hang until their connect timeout cost one timeout
    between them, not one each: a load balancer's health check still gets its
    answer in time when replicas are down."""
    replicas = list(settings.DATABASE_REPLICAS)
    if not replicas:
        return {"default": database_is_reachable()}
    with ThreadPoolExecutor(max_workers=len(replicas), thread_name_prefix="healthz") as pool:
        futures = {alias: pool.submit(_reachable_then_closed, alias) for alias in replicas}
        reachable = {"default": database_is_reachable()}
        reachable.update((alias, future.result()) for alias, future in futures.items())
    return reachable


def _reachable_then_closed(alias: str) -> bool:
    try:
        return database_is_reachable(alias)
    finally:
        # This thread's own connection: nothing else will ever close it.
        try:
            connections[alias].close()
        except DatabaseError:
            pass
