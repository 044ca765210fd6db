"""/healthz answers 200 after a database round trip and 503 when the database is gone."""

import pytest
from django.db import OperationalError

pytestmark = pytest.mark.django_db


def test_healthz_is_ok_when_the_database_answers(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok"}


def test_healthz_is_503_with_retry_after_when_the_database_is_unreachable(client, monkeypatch):
    from django.db import connections

    def refuse(*args, **kwargs):
        raise OperationalError("connection refused")

    monkeypatch.setattr(connections["default"], "cursor", refuse)
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response["Retry-After"].isdigit()
    assert response.json()["database"] == "unreachable"
