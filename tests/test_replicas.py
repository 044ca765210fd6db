"""Public reads go to a read replica; writes, the admin, sessions and logins stay on the primary."""

import pytest
from django.contrib.auth import get_user_model
from django.db import connections
from django.test.utils import CaptureQueriesContext

from pledges.models import Pledge
from tests.factories import PledgeFactory, UserFactory
from tracker.db import ReplicaRouter, replica_reads

REPLICA = pytest.mark.django_db(transaction=True, databases=["default", "replica_1"])


@pytest.fixture
def with_replica(settings):
    settings.DATABASE_REPLICAS = ["replica_1"]


# --- The router on its own ---


@pytest.mark.django_db(databases=["default", "replica_1"])  # it connects to the replica on first use
def test_router_reads_public_models_from_the_replica_inside_replica_reads(with_replica):
    router = ReplicaRouter()
    with replica_reads() as alias:
        assert alias == "replica_1"
        assert router.db_for_read(Pledge) == "replica_1"


def test_router_reads_users_and_sessions_from_the_primary_even_inside_replica_reads(with_replica):
    from django.contrib.sessions.models import Session

    router = ReplicaRouter()
    with replica_reads():
        assert router.db_for_read(get_user_model()) == "default"
        assert router.db_for_read(Session) == "default"


def test_router_writes_to_the_primary_always(with_replica):
    with replica_reads():
        assert ReplicaRouter().db_for_write(Pledge) == "default"


def test_router_reads_from_the_primary_outside_replica_reads(with_replica):
    assert ReplicaRouter().db_for_read(Pledge) == "default"


def test_replica_reads_do_nothing_without_replicas(settings):
    settings.DATABASE_REPLICAS = []
    with replica_reads() as alias:
        assert alias is None
        assert ReplicaRouter().db_for_read(Pledge) == "default"


def test_migrations_run_on_the_primary_only():
    router = ReplicaRouter()
    assert router.allow_migrate("default", "pledges") is True
    assert router.allow_migrate("replica_1", "pledges") is False


# --- Requests ---


def _tables(context: CaptureQueriesContext) -> str:
    return " ".join(query["sql"] for query in context.captured_queries)


@REPLICA
def test_a_public_page_reads_from_the_replica(client, with_replica):
    pledge = PledgeFactory(system__name="IRIS-T SLM")
    with CaptureQueriesContext(connections["default"]) as primary, CaptureQueriesContext(connections["replica_1"]) as replica:
        list_page = client.get("/pledges/")
        detail_page = client.get(f"/pledges/{pledge.pk}/")
    assert list_page.status_code == detail_page.status_code == 200
    assert "IRIS-T SLM" in list_page.text
    assert "pledges_pledge" in _tables(replica)
    assert "pledges_" not in _tables(primary)


@REPLICA
def test_the_admin_reads_from_the_primary(client, with_replica):
    PledgeFactory()
    client.force_login(UserFactory(username="root", is_staff=True, is_superuser=True))
    with CaptureQueriesContext(connections["replica_1"]) as replica:
        assert client.get("/admin/pledges/pledge/").status_code == 200
    assert replica.captured_queries == []


@REPLICA
def test_posts_go_to_the_primary(client, with_replica):
    with CaptureQueriesContext(connections["replica_1"]) as replica:
        client.post("/admin/login/", {"username": "nobody", "password": "wrong"})
    assert replica.captured_queries == []


@REPLICA
def test_without_replicas_public_pages_read_from_the_primary(client, settings):
    settings.DATABASE_REPLICAS = []
    PledgeFactory()
    with CaptureQueriesContext(connections["replica_1"]) as replica:
        assert client.get("/pledges/").status_code == 200
    assert replica.captured_queries == []


@REPLICA
def test_a_streamed_response_reads_from_the_replica_while_it_streams(rf, with_replica):
    from django.http import StreamingHttpResponse

    from tracker.middleware import ReplicaReadsMiddleware

    PledgeFactory(system__name="NASAMS")

    def rows():
        for pledge in Pledge.objects.select_related("system"):
            yield f"{pledge.system.name}\n"

    def export(request):
        # Like a CSV export: the query runs only when the server iterates.
        return StreamingHttpResponse(rows())

    response = ReplicaReadsMiddleware(export)(rf.get("/pledges.csv"))
    with CaptureQueriesContext(connections["default"]) as primary, CaptureQueriesContext(connections["replica_1"]) as replica:
        body = b"".join(response.streaming_content)
    assert body == b"NASAMS\n"
    assert "pledges_pledge" in _tables(replica)
    assert primary.captured_queries == []


# --- A replica that cannot be reached ---


def _warnings(caplog) -> list:
    return [record for record in caplog.records if record.name == "tracker.db" and record.levelname == "WARNING"]


def _get_uncached(client, path: str):
    """A request that reads the database: a page from the page cache reads nothing."""
    from django.core.cache import cache

    cache.clear()
    return client.get(path)


def _retry_time_comes() -> None:
    """Every replica known to be down is due to be tried again."""
    from tracker import db

    for alias in db._down_until:
        db._down_until[alias] = db.time.monotonic() - 1


@REPLICA
def test_a_public_page_reads_from_the_primary_when_the_replica_is_unreachable(client, unreachable_replica, caplog):
    PledgeFactory(system__name="IRIS-T SLM")
    with CaptureQueriesContext(connections["default"]) as primary:
        response = client.get("/pledges/")
    assert response.status_code == 200
    assert "IRIS-T SLM" in response.text
    assert "pledges_pledge" in _tables(primary)
    [warning] = _warnings(caplog)
    assert "replica_1 unreachable" in warning.getMessage() and warning.exc_info is None


@REPLICA
def test_a_streamed_export_reads_from_the_primary_when_the_replica_is_unreachable(client, unreachable_replica):
    PledgeFactory(system__name="NASAMS")
    response = client.get("/pledges.csv")
    assert response.status_code == 200
    assert b"NASAMS" in b"".join(response.streaming_content)


@REPLICA
def test_an_unreachable_replica_is_logged_once_and_tried_again_later(client, unreachable_replica, caplog):
    for _ in range(3):
        assert _get_uncached(client, "/pledges/").status_code == 200
    assert len(_warnings(caplog)) == 1  # the later requests did not try it

    _retry_time_comes()
    assert _get_uncached(client, "/pledges/").status_code == 200
    assert len(_warnings(caplog)) == 2


@REPLICA
def test_a_replica_that_returns_is_read_from_again(client, unreachable_replica, caplog, monkeypatch):
    import logging

    from tests.outages import disconnect

    PledgeFactory()
    assert _get_uncached(client, "/pledges/").status_code == 200
    disconnect(unreachable_replica)
    monkeypatch.undo()  # the replica is back
    _retry_time_comes()
    caplog.set_level(logging.INFO, logger="tracker.db")
    with CaptureQueriesContext(connections["replica_1"]) as replica:
        assert _get_uncached(client, "/pledges/").status_code == 200
    assert "pledges_pledge" in _tables(replica)
    assert any("replica_1 reachable again" in record.getMessage() for record in caplog.records)


def test_a_replica_known_to_be_down_is_not_chosen(settings, monkeypatch):
    from tracker import db

    settings.DATABASE_REPLICAS = ["replica_1", "replica_2"]
    monkeypatch.setitem(db._down_until, "replica_1", db.time.monotonic() + 60)
    for _ in range(20):
        with replica_reads() as alias:
            assert alias == "replica_2"


def test_with_every_replica_down_public_reads_go_to_the_primary_without_trying(settings, monkeypatch):
    from tracker import db

    settings.DATABASE_REPLICAS = ["replica_1"]
    monkeypatch.setitem(db._down_until, "replica_1", db.time.monotonic() + 60)
    with replica_reads() as alias:
        assert alias is None
        assert ReplicaRouter().db_for_read(Pledge) == "default"


def test_an_error_that_is_not_an_outage_is_not_hidden_by_the_fall_back(with_replica, monkeypatch):
    def broken() -> None:
        raise ValueError("a bug")

    monkeypatch.setattr(connections["replica_1"], "ensure_connection", broken)
    with replica_reads(), pytest.raises(ValueError):
        ReplicaRouter().db_for_read(Pledge)
