"""Databases that cannot be reached, for tests of outages and of falling back to the primary."""

from tests.ports import unused_port


def unreachable(settings_dict: dict) -> dict:
    """The same database settings, pointing where no database is: connecting fails at once."""
    if settings_dict["ENGINE"].endswith("sqlite3"):
        return {**settings_dict, "NAME": "/nonexistent-directory/tracker.sqlite3"}
    options = {**settings_dict.get("OPTIONS", {}), "connect_timeout": 1}
    return {**settings_dict, "HOST": "127.0.0.1", "PORT": str(unused_port()), "OPTIONS": options}


def disconnect(connection) -> None:
    """Close the connection and, with DJANGO_DB_POOL, its pool: a pool keeps
    the server address it was built with."""
    connection.close()
    if connection.settings_dict.get("OPTIONS", {}).get("pool"):
        connection.close_pool()
