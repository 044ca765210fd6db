"""Database reachability, for /healthz and for answering 503 instead of a traceback."""

from django.db import DatabaseError, connections


def database_is_reachable(alias: str = "default") -> bool:
    """One round trip to the database; False on any database-level failure."""
    try:
        with connections[alias].cursor() as cursor:
            cursor.execute("SELECT 1")
            return cursor.fetchone() == (1,)
    except DatabaseError:
        return False
