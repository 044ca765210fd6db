"""When the database is unreachable or its pool exhausted, pages answer 503 quickly and recover by themselves."""


import pytest
from django.db import OperationalError, connections
from django.urls import Resolver404, resolve

from tests.outages import disconnect, unreachable
from tests.pages import public_paths

STATIC_FILE = "/static/css/site.css"
WITHOUT_DATABASE = {"/healthz", "/about/data/"}  # the health check (tested on its own), a static page


def _database_paths() -> list[str]:
    """Public paths that read the database (and exist yet: the exports join when they land)."""
    paths = []
    for path in public_paths():
        if path in WITHOUT_DATABASE:
            continue
        try:
            resolve(path)
        except Resolver404:
            continue
        paths.append(path)
    return paths


def assert_unavailable(response) -> None:
    assert response.status_code == 503, (response.request["PATH_INFO"], response.status_code)
    assert response["Retry-After"].isdigit()
    assert "no-store" in response["Cache-Control"]
    assert b"Traceback" not in response.content


def primary_refuses(monkeypatch) -> None:
    """From now on the primary cannot be connected to either, so public reads
    have nowhere to go (replica_1 is down too: the unreachable_replica fixture).

    (The in-memory SQLite test database cannot be moved away while the test
    holds it: its connection is set aside, and connecting again raises what a
    refused connection raises.)"""

    def refuse(conn_params: dict) -> None:
        raise OperationalError("connection refused")

    primary = connections["default"]
    monkeypatch.setattr(primary, "connection", None)
    monkeypatch.setattr(primary, "get_new_connection", refuse)


@pytest.mark.django_db(transaction=True, databases=["default", "replica_1"])
def test_public_pages_answer_503_when_their_database_is_unreachable(client, unreachable_replica, monkeypatch):
    paths = _database_paths()
    assert "/pledges/" in paths
    primary_refuses(monkeypatch)
    for path in paths:
        assert_unavailable(client.get(path))


@pytest.mark.django_db(transaction=True, databases=["default", "replica_1"])
def test_the_503_page_is_html_and_carries_the_security_headers(client, unreachable_replica, monkeypatch):
    primary_refuses(monkeypatch)
    response = client.get("/pledges/")
    assert response["Content-Type"].startswith("text/html")
    assert "Temporarily unavailable" in response.text
    assert "Content-Security-Policy" in response and response["X-Frame-Options"] == "DENY"


@pytest.mark.django_db(transaction=True, databases=["default", "replica_1"])
def test_static_files_are_served_while_the_database_is_unreachable(client, unreachable_replica, monkeypatch):
    primary_refuses(monkeypatch)
    assert client.get(STATIC_FILE).status_code == 200


@pytest.mark.django_db(transaction=True, databases=["default", "replica_1"])
def test_pages_recover_by_themselves_when_the_database_returns(client, settings, monkeypatch, unreachable_replica):
    primary_refuses(monkeypatch)
    assert_unavailable(client.get("/pledges/"))
    disconnect(unreachable_replica)
    monkeypatch.undo()  # the replica and the primary are reachable again
    settings.DATABASE_REPLICAS = ["replica_1"]
    assert client.get("/pledges/").status_code == 200


def test_errors_outside_views_become_503_too(rf):
    """handler500 (used when DEBUG is off) recognises a database outage raised by middleware."""
    from django.db import OperationalError

    from tracker.errors import server_error

    request = rf.get("/pledges/")
    try:
        raise OperationalError("connection refused")
    except OperationalError:
        response = server_error(request)
    assert_unavailable(response)


def test_other_errors_stay_500(rf):
    from tracker.errors import server_error

    try:
        raise ValueError("a bug")
    except ValueError:
        response = server_error(rf.get("/pledges/"))
    assert response.status_code == 500


# --- The primary itself (PostgreSQL: an in-memory SQLite test database cannot be closed and reopened) ---


@pytest.fixture
def default_connection(postgres_only, transactional_db):
    connection = connections["default"]
    working = connection.settings_dict
    yield connection, working
    disconnect(connection)
    connection.settings_dict = working
    disconnect(connection)


@pytest.mark.postgres
def test_everything_answers_503_when_postgres_is_down_and_recovers(client, default_connection):
    connection, working = default_connection
    paths = [*_database_paths(), "/healthz"]
    disconnect(connection)
    connection.settings_dict = unreachable(working)
    for path in paths:
        assert_unavailable(client.get(path))
    assert client.get(STATIC_FILE).status_code == 200

    disconnect(connection)
    connection.settings_dict = working
    assert client.get("/healthz").status_code == 200
    assert client.get("/pledges/").status_code == 200


@pytest.mark.postgres
def test_an_exhausted_pool_answers_503_and_recovers(client, default_connection):
    connection, working = default_connection
    paths = [*_database_paths(), "/healthz"]
    disconnect(connection)
    pooled = {**working, "OPTIONS": {**working["OPTIONS"], "pool": {"min_size": 1, "max_size": 1, "timeout": 1}}}
    connection.settings_dict = pooled
    connection.close_pool()  # a pool left under this alias by an earlier test would not be ours
    pool = connection.pool
    pool.open(wait=True)
    held = pool.getconn()  # another worker's thread holds the only connection
    try:
        for path in paths:
            assert_unavailable(client.get(path))
    finally:
        pool.putconn(held)
    assert client.get("/healthz").status_code == 200
    assert client.get("/pledges/").status_code == 200


@pytest.mark.parametrize(
    ("error", "unavailable"),
    [
        pytest.param(lambda: __import__("psycopg_pool").PoolTimeout("no connection in 3 s"), True, id="pool timeout"),
        pytest.param(lambda: __import__("psycopg").errors.QueryCanceled("statement timeout"), True, id="statement timeout"),
        pytest.param(lambda: __import__("django.db").db.OperationalError("server closed the connection"), True, id="dropped"),
        pytest.param(lambda: __import__("django.db").db.InterfaceError("connection already closed"), True, id="closed"),
        pytest.param(lambda: __import__("django.db").db.IntegrityError("duplicate key"), False, id="integrity"),
        pytest.param(lambda: ValueError("a bug"), False, id="bug"),
    ],
)
def test_which_errors_mean_the_database_is_unavailable(error, unavailable):
    from tracker.errors import database_is_unavailable

    exc = error()
    assert database_is_unavailable(exc) is unavailable
    # Wrapped the way Django wraps driver errors, the cause still counts.
    try:
        try:
            raise exc
        except Exception as inner:
            raise RuntimeError("wrapped") from inner
    except RuntimeError as outer:
        assert database_is_unavailable(outer) is unavailable
