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
