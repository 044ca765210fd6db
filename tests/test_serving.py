"""gunicorn runs the app with the repository's configuration, and the pool fits the database."""

import os
import re
import runpy
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from tests.ports import unused_port
from tracker.checks import check_database_capacity
from tracker.serving import connections_needed

ROOT = Path(__file__).resolve().parent.parent
CONFIG = ROOT / "gunicorn.conf.py"


def _config(monkeypatch, **env: str) -> dict:
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    return runpy.run_path(str(CONFIG))


def test_workers_come_from_the_environment(monkeypatch):
    assert _config(monkeypatch, GUNICORN_WORKERS="7")["workers"] == 7


def test_workers_default_to_twice_the_cpus_plus_one_capped(monkeypatch):
    monkeypatch.delenv("GUNICORN_WORKERS", raising=False)
    expected = min(2 * (os.cpu_count() or 1) + 1, 12)
    assert _config(monkeypatch)["workers"] == expected


def test_threads_switch_to_the_threaded_worker(monkeypatch):
    config = _config(monkeypatch, GUNICORN_THREADS="4")
    assert (config["threads"], config["worker_class"]) == (4, "gthread")


def test_only_trusted_proxies_may_forward(monkeypatch):
    assert _config(monkeypatch, DJANGO_TRUSTED_PROXIES="10.0.0.5")["forwarded_allow_ips"] == "10.0.0.5"


def test_access_log_leaves_out_query_strings():
    config = runpy.run_path(str(CONFIG))
    assert "%(U)s" in config["access_log_format"]
    for atom in ("%(q)s", "%(r)s", "%(f)s", "%({cookie}i)s"):
        assert atom not in config["access_log_format"]


def test_timeouts_are_bounded_and_shutdown_is_graceful():
    config = runpy.run_path(str(CONFIG))
    assert 0 < config["timeout"] <= 60 and config["graceful_timeout"] > 0
    assert config["preload_app"] is False




def _get(url: str) -> tuple[int, bytes]:
    with urllib.request.urlopen(url, timeout=5) as response:
        return response.status, response.read()


def test_gunicorn_serves_the_app_and_stops_gracefully(tmp_path):
    port = unused_port()
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_", "REDIS_URL", "GUNICORN_"))},
        "DJANGO_SETTINGS_MODULE": "tracker.settings",
        "DJANGO_DEBUG": "true",  # plain static storage: no collectstatic in a test
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        "GUNICORN_BIND": f"127.0.0.1:{port}",
        "GUNICORN_WORKERS": "2",
    }
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "-c", str(CONFIG)],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )
    try:
        for _ in range(100):
            try:
                status, body = _get(f"http://127.0.0.1:{port}/healthz")
                break
            except OSError:
                time.sleep(0.1)
        else:
            pytest.fail("gunicorn did not answer")
        assert status == 200 and b'"ok"' in body
        assert _get(f"http://127.0.0.1:{port}/static/css/site.css?v=1")[0] == 200
    finally:
        server.send_signal(signal.SIGTERM)
        output, _ = server.communicate(timeout=30)
    assert server.returncode == 0, output
    assert '"GET /healthz" 200' in output
    assert "v=1" not in output  # no query strings in the access log


# An export whose database fails half-way: its status line went out long ago,
# so all the server can do is break the connection off. A WSGI app standing in
# for it, served with the repository's configuration.
_FAILING_STREAM = """
def app(environ, start_response):
    start_response("200 OK", [("Content-Type", "text/csv; charset=utf-8")])

    def body():
        yield b"pledge_id\\n1\\n"
        raise RuntimeError("the database went away")

    return body()
"""


def test_gunicorn_breaks_off_a_streamed_response_whose_body_fails_half_way(tmp_path):
    """Over HTTP/1.1 the body is chunked and, on the failure, ends without the
    last (empty) chunk: clients report an incomplete read, not a complete file."""
    import http.client

    (tmp_path / "failing_stream.py").write_text(_FAILING_STREAM)
    port = unused_port()
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_", "REDIS_URL", "GUNICORN_"))},
        "GUNICORN_BIND": f"127.0.0.1:{port}",
        "GUNICORN_WORKERS": "1",
    }
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "-c", str(CONFIG), "--pythonpath", str(tmp_path), "failing_stream:app"],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )
    try:
        for _ in range(100):
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            try:
                connection.request("GET", "/pledges.csv")
                break
            except OSError:
                connection.close()
                time.sleep(0.1)
        else:
            pytest.fail("gunicorn did not answer")
        response = connection.getresponse()
        assert response.status == 200
        assert response.getheader("Transfer-Encoding") == "chunked"
        assert response.getheader("Content-Length") is None
        with pytest.raises(http.client.IncompleteRead) as cut:
            response.read()
        assert cut.value.partial == b"pledge_id\n1\n"
        connection.close()
    finally:
        server.send_signal(signal.SIGTERM)
        output, _ = server.communicate(timeout=30)
    assert "the database went away" in output  # logged by gunicorn


# --- Connections against max_connections ---


def test_connections_needed_multiplies_workers_servers_and_pool():
    assert connections_needed(workers=5, app_servers=2, pool_max_size=4) == 40
    assert connections_needed(workers=5, app_servers=1, pool_max_size=None, threads=3) == 15


@pytest.mark.postgres
@pytest.mark.django_db(databases=["default", "replica_1"])  # the command checks every alias
def test_capacity_check_warns_when_the_pools_exceed_max_connections(postgres_only, monkeypatch):
    from django.db import connections

    monkeypatch.setenv("GUNICORN_WORKERS", "12")
    monkeypatch.setenv("TRACKER_APP_SERVERS", "10")
    settings_dict = connections["default"].settings_dict
    monkeypatch.setitem(settings_dict, "OPTIONS", {**settings_dict.get("OPTIONS", {}), "pool": {"max_size": 50}})
    try:
        warnings = check_database_capacity(databases=["default"])
        assert [warning.id for warning in warnings] == ["tracker.W001"]
        with pytest.raises(CommandError, match="exceed max_connections"):
            call_command("check_db_capacity", stdout=open(os.devnull, "w"))
    finally:
        # Closing a connection builds the pool object its settings describe; drop
        # it, or later tests on this alias would find it.
        for alias in ("default", "replica_1"):
            connections[alias].close_pool()


@pytest.mark.postgres
@pytest.mark.django_db(databases=["default", "replica_1"])
def test_capacity_check_is_quiet_when_the_pools_fit(postgres_only, monkeypatch, capsys):
    monkeypatch.setenv("GUNICORN_WORKERS", "2")
    monkeypatch.setenv("TRACKER_APP_SERVERS", "1")
    assert check_database_capacity(databases=["default"]) == []
    call_command("check_db_capacity")
    assert re.search(r"^default: needs \d+ \+ \d+ reserved of max_connections \d+: ok$", capsys.readouterr().out, re.M)


def test_capacity_check_skips_sqlite(db, settings):
    from django.db import connection

    if connection.vendor != "sqlite":
        pytest.skip("SQLite only")
    assert check_database_capacity(databases=["default"]) == []
