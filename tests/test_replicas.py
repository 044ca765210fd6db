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
