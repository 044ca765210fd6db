"""System checks for the deployment: do the app's connections fit in PostgreSQL's max_connections?"""

from dataclasses import dataclass

from django.conf import settings
from django.core.checks import Tags, Warning, register
from django.db import DatabaseError, connections

from tracker.env import env_int
from tracker.serving import connections_needed, gunicorn_workers

# Connections to leave for psql, migrations, backups and replication.
RESERVED_CONNECTIONS = 5


@dataclass(frozen=True)
class DatabaseCapacity:
    alias: str
    needed: int
    max_connections: int
    reserved: int

    @property
    def fits(self) -> bool:
        return self.needed + self.reserved <= self.max_connections


def database_capacity(alias: str) -> DatabaseCapacity | None:
    """Compare this deployment's connections with the server's max_connections
    (None for a database that is not PostgreSQL)."""
    connection = connections[alias]
    if connection.vendor != "postgresql":
        return None
    pool = connection.settings_dict.get("OPTIONS", {}).get("pool") or {}
    with connection.cursor() as cursor:
        cursor.execute("SELECT current_setting('max_connections')::int, current_setting('superuser_reserved_connections')::int")
        max_connections, superuser_reserved = cursor.fetchone()
    needed = connections_needed(
        workers=gunicorn_workers(),
        app_servers=env_int("TRACKER_APP_SERVERS", 1),
        pool_max_size=pool.get("max_size") if isinstance(pool, dict) else None,
        threads=env_int("GUNICORN_THREADS", 1),
    )
    return DatabaseCapacity(alias, needed, max_connections, superuser_reserved + RESERVED_CONNECTIONS)


@register(Tags.database)
def check_database_capacity(app_configs=None, databases=None, **kwargs) -> list[Warning]:
    """Runs with `manage.py check --database default` and before `migrate`."""
    problems = []
    for alias in databases or []:
        if alias not in settings.DATABASES:
            continue
        try:
            capacity = database_capacity(alias)
        except DatabaseError as exc:
            problems.append(Warning(f"Cannot read max_connections of {alias!r}: {exc}", id="tracker.W002"))
            continue
        if capacity is not None and not capacity.fits:
            problems.append(
                Warning(
                    f"Database {alias!r}: the app may open {capacity.needed} connections "
                    f"(+{capacity.reserved} reserved) but max_connections is {capacity.max_connections}.",
                    hint="Lower GUNICORN_WORKERS or DJANGO_DB_POOL_MAX_SIZE, or raise max_connections "
                    "(or put PgBouncer in front). TRACKER_APP_SERVERS counts the app servers.",
                    id="tracker.W001",
                )
            )
    return problems
