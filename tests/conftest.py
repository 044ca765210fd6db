"""Shared fixtures: reference data, database kind, and a real Chromium for browser tests."""

import os

import pytest
from django.db import connection

CHROMIUM = "/usr/bin/chromium"


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup):
    """pytest-django's set-up, then, before the test database is dropped,
    close every connection: the stand-in replica's too (it is the same
    database under another alias, and PostgreSQL refuses to drop a database
    someone is connected to)."""
    yield
    from django.db import connections

    connections.close_all()
    for connection in connections.all(initialized_only=True):
        if connection.vendor == "postgresql" and connection.settings_dict["OPTIONS"].get("pool"):
            connection.close_pool()  # DJANGO_DB_POOL: pooled connections stay open until then


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Each test starts with an empty cache: public aggregates and pages cached
    by an earlier test could show rows its rollback removed (rollbacks fire no signal)."""
    from django.core.cache import cache

    cache.clear()
    yield


@pytest.fixture(autouse=True)
def _replicas_not_known_down():
    """Each test starts with every replica worth trying: a replica an earlier
    test found unreachable would otherwise be skipped for a few seconds."""
    from tracker.db import replica_failures_clear

    replica_failures_clear()
    yield
    replica_failures_clear()


@pytest.fixture
def unreachable_replica(settings, monkeypatch):
    """Public reads go to replica_1, which points at a server that is not there."""
    from django.db import connections

    from tests.outages import disconnect, unreachable

    settings.DATABASE_REPLICAS = ["replica_1"]
    replica = connections["replica_1"]
    disconnect(replica)
    # (An in-memory SQLite connection survives close(): set it aside.)
    monkeypatch.setattr(replica, "connection", None)
    nowhere = unreachable(replica.settings_dict)
    monkeypatch.setattr(replica, "settings_dict", nowhere)
    # Other threads (the health check's) build their own connection from these.
    monkeypatch.setitem(connections.settings, "replica_1", nowhere)
    yield replica
    disconnect(replica)


@pytest.fixture
def reference_data(db):
    """Donors and systems from fixtures/reference/, loaded into the test database."""
    from pledges.reference import reference_load

    return reference_load()


@pytest.fixture
def on_postgres(db) -> bool:
    return connection.vendor == "postgresql"


@pytest.fixture
def postgres_only(db):
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL (run with DATABASE_URL=postgres://...)")


@pytest.fixture(scope="session")
def chromium_browser():
    """Debian's Chromium driven by Playwright. In CI a missing browser is a
    failure, not a skip: .ci/run installs it, so its absence is a bug."""
    if not os.path.exists(CHROMIUM):
        if os.environ.get("CI"):
            pytest.fail(f"{CHROMIUM} is missing in CI; .ci/run should have installed it")
        pytest.skip(f"{CHROMIUM} is not installed (apt-get install chromium)")
    # Playwright's sync API runs an event loop in this thread; Django would
    # then refuse ORM calls made by the test itself ("async context").
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        )
        yield browser
        browser.close()
