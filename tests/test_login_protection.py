"""Editors' logins: lockout after repeated failures per username and address, CSRF enforced."""

import datetime

import pytest
from axes.models import AccessAttempt
from django.test import Client
from django.test.client import RequestFactory

from tests.factories import UserFactory
from tracker.security import client_ip

pytestmark = pytest.mark.django_db

PASSWORD = "correct horse battery staple"
LOGIN = "/admin/login/"


@pytest.fixture
def editor():
    return UserFactory(username="editor", is_staff=True)


def _login(client: Client, username: str, password: str, **extra):
    return client.post(LOGIN, {"username": username, "password": password, "next": "/admin/"}, **extra)


def _fail_until_locked(settings, client: Client, username: str = "editor", **extra) -> None:
    for _ in range(settings.AXES_FAILURE_LIMIT):
        _login(client, username, "wrong password", **extra)


def test_correct_password_logs_an_editor_in(client, editor):
    response = _login(client, "editor", PASSWORD)
    assert response.status_code == 302 and response["Location"] == "/admin/"


def test_repeated_failures_lock_the_username_from_that_address(client, settings, editor):
    _fail_until_locked(settings, client)
    response = _login(client, "editor", PASSWORD)
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


def test_a_few_failures_do_not_lock_yet(client, settings, editor):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        _login(client, "editor", "wrong password")
    assert _login(client, "editor", PASSWORD).status_code == 302


def test_a_forged_x_forwarded_for_does_not_escape_the_lockout(client, settings, editor):
    for number in range(settings.AXES_FAILURE_LIMIT):
        _login(client, "editor", "wrong password", HTTP_X_FORWARDED_FOR=f"198.51.100.{number}")
    response = _login(client, "editor", PASSWORD, HTTP_X_FORWARDED_FOR="198.51.100.200")
    assert response.status_code == 429


def test_the_lockout_is_for_the_pair_not_the_username_everywhere(client, settings, editor):
    _fail_until_locked(settings, client)
    elsewhere = Client(REMOTE_ADDR="192.0.2.44")
    assert _login(elsewhere, "editor", PASSWORD).status_code == 302


def test_the_lockout_is_for_the_pair_not_the_address_for_everyone(client, settings, editor):
    UserFactory(username="colleague", is_staff=True)
    _fail_until_locked(settings, client)
    assert _login(client, "colleague", PASSWORD).status_code == 302


def test_the_lockout_ends_after_the_cool_off(client, settings, editor):
    _fail_until_locked(settings, client)
    past = datetime.datetime.now(datetime.UTC) - settings.AXES_COOLOFF_TIME - datetime.timedelta(seconds=1)
    AccessAttempt.objects.update(attempt_time=past)
    assert _login(client, "editor", PASSWORD).status_code == 302


def test_behind_a_counted_proxy_the_client_address_decides(settings, editor):
    settings.TRUSTED_PROXY_COUNT = 1
    proxy = Client(REMOTE_ADDR="127.0.0.1")
    _fail_until_locked(settings, proxy, HTTP_X_FORWARDED_FOR="forged, 203.0.113.7")
    assert _login(proxy, "editor", PASSWORD, HTTP_X_FORWARDED_FOR="203.0.113.7").status_code == 429
    assert _login(proxy, "editor", PASSWORD, HTTP_X_FORWARDED_FOR="203.0.113.8").status_code == 302


# --- client_ip: which address counts ---

def _request(remote: str, forwarded: str | None = None):
    extra = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        extra["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().get("/", **extra)


def test_client_ip_ignores_x_forwarded_for_without_a_proxy_count(settings):
    settings.TRUSTED_PROXY_COUNT = 0
    assert client_ip(_request("127.0.0.1", "1.2.3.4")) == "127.0.0.1"


def test_client_ip_takes_the_address_the_trusted_proxy_appended(settings):
    settings.TRUSTED_PROXY_COUNT = 1
    assert client_ip(_request("127.0.0.1", "6.6.6.6, 203.0.113.7")) == "203.0.113.7"


def test_client_ip_counts_back_over_several_proxies(settings):
    settings.TRUSTED_PROXY_COUNT = 2
    assert client_ip(_request("127.0.0.1", "6.6.6.6, 203.0.113.7, 10.0.0.2")) == "203.0.113.7"


def test_client_ip_ignores_the_header_from_an_untrusted_sender(settings):
    settings.TRUSTED_PROXY_COUNT = 1
    assert client_ip(_request("198.51.100.9", "203.0.113.7")) == "198.51.100.9"


def test_client_ip_falls_back_when_the_header_is_shorter_than_the_proxy_chain(settings):
    settings.TRUSTED_PROXY_COUNT = 2
    assert client_ip(_request("127.0.0.1", "203.0.113.7")) == "127.0.0.1"


# --- CSRF ---

@pytest.fixture
def csrf_client() -> Client:
    return Client(enforce_csrf_checks=True)


def _csrf_token(client: Client, path: str) -> str:
    client.get(path)
    return client.cookies["csrftoken"].value


def test_login_without_a_csrf_token_is_refused(csrf_client, editor):
    response = _login(csrf_client, "editor", PASSWORD)
    assert response.status_code == 403
    assert "_auth_user_id" not in csrf_client.session


def test_login_with_the_csrf_token_succeeds(csrf_client, editor):
    token = _csrf_token(csrf_client, LOGIN)
    response = csrf_client.post(
        LOGIN, {"username": "editor", "password": PASSWORD, "next": "/admin/", "csrfmiddlewaretoken": token}
    )
    assert response.status_code == 302


def test_an_admin_change_without_a_csrf_token_is_refused(csrf_client):
    from pledges.models import Donor

    csrf_client.force_login(UserFactory(username="boss", is_staff=True, is_superuser=True))
    response = csrf_client.post(
        "/admin/pledges/donor/add/", {"name": "Freedonia", "code": "FD", "kind": "country", "slug": "freedonia"}
    )
    assert response.status_code == 403
    assert not Donor.objects.filter(code="FD").exists()
