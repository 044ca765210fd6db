"""Settings come from the environment, strictly, and production refuses to start unconfigured."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from tracker.env import env_bool

ROOT = Path(__file__).resolve().parent.parent


def _start(env: dict[str, str]) -> subprocess.CompletedProcess:
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_URL"))}
    return subprocess.run(
        [sys.executable, "-c", "import django; django.setup(); print('started')"],
        cwd=ROOT,
        env={**clean, "DJANGO_SETTINGS_MODULE": "tracker.settings", **env},
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_production_refuses_to_start_without_a_secret_key():
    result = _start({"DJANGO_DEBUG": "false", "DJANGO_ALLOWED_HOSTS": "example.org"})
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY must be set" in result.stderr


def test_production_refuses_to_start_without_allowed_hosts():
    result = _start({"DJANGO_DEBUG": "false", "DJANGO_SECRET_KEY": "x" * 50})
    assert result.returncode != 0
    assert "DJANGO_ALLOWED_HOSTS must be set" in result.stderr


def test_production_starts_when_configured():
    result = _start({"DJANGO_DEBUG": "false", "DJANGO_SECRET_KEY": "x" * 50, "DJANGO_ALLOWED_HOSTS": "example.org"})
    assert result.returncode == 0, result.stderr
    assert "started" in result.stdout


def test_debug_flag_is_strict(monkeypatch):
    monkeypatch.setenv("DJANGO_DEBUG", "yes")
    with pytest.raises(ImproperlyConfigured, match="must be 'true' or 'false'"):
        env_bool("DJANGO_DEBUG", default=False)


@pytest.mark.parametrize(("raw", "expected"), [("true", True), ("False", False), ("", False)])
def test_debug_flag_reads_true_and_false(monkeypatch, raw, expected):
    monkeypatch.setenv("DJANGO_DEBUG", raw)
    assert env_bool("DJANGO_DEBUG", default=False) is expected


def test_env_example_lists_every_variable_the_settings_read():
    settings_source = (ROOT / "tracker" / "settings.py").read_text()
    example = (ROOT / ".env.example").read_text()
    import re

    read = set(re.findall(r'env_(?:bool|int|list)\("([A-Z_]+)"', settings_source))
    read |= set(re.findall(r'os\.environ\.get\("([A-Z_]+)"', settings_source))
    missing = sorted(name for name in read if name not in example)
    assert not missing, f".env.example does not list {missing}"


# --- Production mode, exercised in a subprocess with the real settings ---

PRODUCTION = {
    "DJANGO_DEBUG": "false",
    "DJANGO_SECRET_KEY": "production-test-" + "k" * 50,
    "DJANGO_ALLOWED_HOSTS": "tracker.example.org",
}

# Requests made with Django's test client inside a production-mode process,
# over an empty SQLite database (/healthz only runs SELECT 1; the admin login
# page for an anonymous visitor reads no table).
_PROBE = r"""
import json, django
django.setup()
from django.test import Client
from django.test.utils import override_settings
# No collectstatic in a test: plain static storage instead of the manifest.
override_settings(STORAGES={
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}).enable()
client = Client(HTTP_HOST="tracker.example.org")
out = {}
def probe(name, path, **extra):
    response = client.get(path, **extra)
    out[name] = {
        "status": response.status_code,
        "location": response.get("Location", ""),
        "headers": {key.lower(): value for key, value in response.headers.items()},
        "cookies": {
            name: {"secure": bool(morsel["secure"]), "httponly": bool(morsel["httponly"]),
                   "samesite": morsel["samesite"]}
            for name, morsel in response.cookies.items()
        },
    }
probe("plain_http", "/healthz")
probe("https_from_proxy", "/healthz", HTTP_X_FORWARDED_PROTO="https", REMOTE_ADDR="127.0.0.1")
probe("https_claimed_by_stranger", "/healthz", HTTP_X_FORWARDED_PROTO="https", REMOTE_ADDR="203.0.113.9")
probe("foreign_host", "/healthz", HTTP_X_FORWARDED_PROTO="https", HTTP_HOST="evil.example.com")
probe("admin_login", "/admin/login/", HTTP_X_FORWARDED_PROTO="https")
from django.conf import settings
out["settings"] = {"DEBUG": settings.DEBUG}
print(json.dumps(out))
"""


def _production(script: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_", "REDIS_URL"))}
    return subprocess.run(
        [sys.executable, *script] if isinstance(script, list) else [sys.executable, "-c", script],
        cwd=ROOT,
        env={**clean, "DJANGO_SETTINGS_MODULE": "tracker.settings", **PRODUCTION, **(env or {})},
        capture_output=True,
        text=True,
        timeout=60,
    )


@pytest.fixture(scope="module")
def production_responses(tmp_path_factory) -> dict:
    import json

    database = tmp_path_factory.mktemp("prod") / "empty.sqlite3"
    result = _production(_PROBE, {"DATABASE_URL": f"sqlite:///{database}"})
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_production_settings_pass_the_deploy_checks_with_nothing_silenced():
    result = _production(["manage.py", "check", "--deploy", "--fail-level", "WARNING"])
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues (0 silenced)" in result.stdout


def test_production_runs_with_debug_off(production_responses):
    assert production_responses["settings"]["DEBUG"] is False


def test_production_redirects_plain_http_to_https(production_responses):
    response = production_responses["plain_http"]
    assert response["status"] == 301
    assert response["location"] == "https://tracker.example.org/healthz"


def test_production_believes_x_forwarded_proto_from_the_trusted_proxy(production_responses):
    assert production_responses["https_from_proxy"]["status"] == 200


def test_production_ignores_x_forwarded_proto_from_anyone_else(production_responses):
    response = production_responses["https_claimed_by_stranger"]
    assert response["status"] == 301 and response["location"].startswith("https://")


def test_production_answers_a_foreign_host_with_400(production_responses):
    assert production_responses["foreign_host"]["status"] == 400


def test_production_sends_the_security_headers(production_responses):
    headers = production_responses["https_from_proxy"]["headers"]
    assert headers["strict-transport-security"] == "max-age=31536000; includeSubDomains; preload"
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["referrer-policy"] == "same-origin"
    assert headers["cross-origin-opener-policy"] == "same-origin"
    assert headers["x-frame-options"] == "DENY"
    assert "frame-ancestors 'none'" in headers["content-security-policy"]


def test_production_cookies_are_secure_and_http_only(production_responses):
    cookies = production_responses["admin_login"]["cookies"]
    assert "csrftoken" in cookies, production_responses["admin_login"]
    for name, flags in cookies.items():
        assert flags["secure"], f"{name} is not Secure"
        assert flags["httponly"], f"{name} is not HttpOnly"


def test_production_session_cookie_is_secure_and_http_only():
    result = _production(
        "import django; django.setup(); from django.conf import settings as s; "
        "print(s.SESSION_COOKIE_SECURE, s.SESSION_COOKIE_HTTPONLY, s.CSRF_COOKIE_SECURE, s.CSRF_COOKIE_HTTPONLY)"
    )
    assert result.stdout.split() == ["True", "True", "True", "True"], result.stderr


def _settings_value(expression: str, env: dict[str, str]) -> str:
    result = _production(f"import django; django.setup(); from django.conf import settings; print({expression})", env)
    assert result.returncode == 0, result.stderr
    return result.stdout.strip().splitlines()[-1]


POSTGRES_URL = "postgres://tracker@db.internal:5432/tracker"


def test_postgres_connections_give_up_after_a_few_seconds():
    value = _settings_value('settings.DATABASES["default"]["OPTIONS"]["connect_timeout"]', {"DATABASE_URL": POSTGRES_URL})
    assert value == "3"


def test_pool_is_configured_from_the_environment():
    value = _settings_value(
        'sorted(settings.DATABASES["default"]["OPTIONS"]["pool"].items())',
        {"DATABASE_URL": POSTGRES_URL, "DJANGO_DB_POOL": "true", "DJANGO_DB_POOL_MAX_SIZE": "8",
         "DJANGO_DB_POOL_MIN_SIZE": "1", "DJANGO_DB_POOL_TIMEOUT": "2"},
    )
    assert value == "[('max_size', 8), ('min_size', 1), ('timeout', 2)]"


def test_pool_is_off_unless_asked_for():
    assert _settings_value('"pool" in settings.DATABASES["default"]["OPTIONS"]', {"DATABASE_URL": POSTGRES_URL}) == "False"


def test_pool_refuses_persistent_connections():
    result = _production(
        "import django; django.setup()",
        {"DATABASE_URL": POSTGRES_URL, "DJANGO_DB_POOL": "true", "DJANGO_CONN_MAX_AGE": "60"},
    )
    assert result.returncode != 0 and "DJANGO_DB_POOL replaces DJANGO_CONN_MAX_AGE" in result.stderr


def test_replica_urls_become_replica_aliases_that_mirror_the_primary_in_tests():
    value = _settings_value(
        '[(a, settings.DATABASES[a]["HOST"], settings.DATABASES[a]["TEST"]["MIRROR"]) for a in settings.DATABASE_REPLICAS]',
        {"DATABASE_URL": POSTGRES_URL, "DATABASE_REPLICA_URLS": "postgres://r@replica-a/tracker, postgres://r@replica-b/tracker"},
    )
    assert value == "[('replica_1', 'replica-a', 'default'), ('replica_2', 'replica-b', 'default')]"


def test_redis_url_selects_the_redis_cache():
    value = _settings_value('settings.CACHES["default"]["BACKEND"], settings.CACHES["default"]["LOCATION"]',
                            {"REDIS_URL": "redis://cache.internal:6379/0"})
    assert value == "django.core.cache.backends.redis.RedisCache redis://cache.internal:6379/0"


def test_without_redis_the_cache_is_per_process_memory():
    assert _settings_value('settings.CACHES["default"]["BACKEND"]', {}) == "django.core.cache.backends.locmem.LocMemCache"


def test_statement_timeout_is_off_unless_asked_for():
    assert _settings_value('"options" in settings.DATABASES["default"]["OPTIONS"]', {"DATABASE_URL": POSTGRES_URL}) == "False"


def test_statement_timeout_caps_every_statement_when_set():
    value = _settings_value('settings.DATABASES["default"]["OPTIONS"]["options"]',
                            {"DATABASE_URL": POSTGRES_URL, "DJANGO_DB_STATEMENT_TIMEOUT_MS": "20000"})
    assert value == "-c statement_timeout=20000"
