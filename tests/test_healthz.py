"""/healthz answers 200 after a database round trip and 503 when the primary is gone; it reports each replica too."""

import threading

import pytest
from django.db import OperationalError

pytestmark = pytest.mark.django_db

REPLICA = pytest.mark.django_db(transaction=True, databases=["default", "replica_1"])


def _primary_refuses(monkeypatch) -> None:
    from django.db import connections

    def refuse(*args, **kwargs):
        raise OperationalError("connection refused")

    monkeypatch.setattr(connections["default"], "cursor", refuse)


def test_healthz_is_ok_when_the_database_answers(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "databases": {"default": "ok"}}


def test_healthz_is_503_with_retry_after_when_the_database_is_unreachable(client, monkeypatch):
    _primary_refuses(monkeypatch)
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response["Retry-After"].isdigit()
    assert response.json()["database"] == "unreachable"


@REPLICA
def test_healthz_reports_each_replica(client, settings):
    settings.DATABASE_REPLICAS = ["replica_1"]
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "databases": {"default": "ok", "replica_1": "ok"}}


@REPLICA
def test_a_replica_that_is_down_degrades_healthz_without_failing_it(client, unreachable_replica):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {
        "status": "degraded",
        "database": "ok",
        "databases": {"default": "ok", "replica_1": "unreachable"},
    }


@REPLICA
def test_the_primary_being_down_is_503_whatever_the_replicas_say(client, settings, monkeypatch):
    settings.DATABASE_REPLICAS = ["replica_1"]
    _primary_refuses(monkeypatch)
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response["Retry-After"].isdigit()
    assert response.json() == {
        "status": "unavailable",
        "database": "unreachable",
        "databases": {"default": "unreachable", "replica_1": "ok"},
    }


@REPLICA
def test_healthz_names_databases_by_alias_only(client, unreachable_replica):
    from django.db import connections

    text = client.get("/healthz").text
    for database in (connections["default"].settings_dict, unreachable_replica.settings_dict):
        for secret in (database["HOST"], database["PORT"], database["USER"], database["PASSWORD"], database["NAME"]):
            if secret:
                assert str(secret) not in text


@REPLICA
def test_the_primary_and_the_replicas_are_tried_at_the_same_time(client, settings, monkeypatch):
    """A replica that hangs until its connect timeout must not add that
    timeout to the primary's: both probes meet at a barrier, which only
    works when they run side by side (one after the other, it times out)."""
    from pledges import health

    settings.DATABASE_REPLICAS = ["replica_1"]
    barrier = threading.Barrier(2, timeout=5)
    tried = health.database_is_reachable

    def meet_then_try(alias: str = "default") -> bool:
        barrier.wait()
        return tried(alias)

    monkeypatch.setattr(health, "database_is_reachable", meet_then_try)
    assert client.get("/healthz").json()["status"] == "ok"
