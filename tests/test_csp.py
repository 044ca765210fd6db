"""The Content Security Policy is strict and on every response, public pages and admin alike."""

import pytest
from django.contrib import admin
from django.urls import reverse

from tests.factories import PledgeFactory, ProposalFactory, UserFactory
from tests.pages import public_paths

pytestmark = pytest.mark.django_db


def _directives(header: str) -> dict[str, list[str]]:
    return {part.split()[0]: part.split()[1:] for part in header.split(";") if part.strip()}


def assert_strict_csp(response) -> None:
    header = response.get("Content-Security-Policy")
    assert header, f"{response.request['PATH_INFO']} has no Content-Security-Policy"
    directives = _directives(header)
    for directive in ("script-src", "style-src", "default-src"):
        assert directives[directive] == ["'self'"], header
    assert "'unsafe-inline'" not in header and "'unsafe-eval'" not in header
    assert directives["frame-ancestors"] == ["'none'"]
    assert directives["base-uri"] == ["'none'"]
    assert directives["form-action"] == ["'self'"]
    assert directives["object-src"] == ["'none'"]


def test_every_public_page_carries_the_policy(client):
    for path in public_paths():
        assert_strict_csp(client.get(path))


def test_error_pages_carry_the_policy(client):
    assert_strict_csp(client.get("/pledges/999999/"))


def _admin_paths() -> list[str]:
    """Login, index, and the changelist and add form of every registered model."""
    paths = [reverse("admin:index")]
    for model, model_admin in admin.site._registry.items():
        info = (model._meta.app_label, model._meta.model_name)
        paths.append(reverse("admin:%s_%s_changelist" % info))
        paths.append(reverse("admin:%s_%s_add" % info))
    return paths


def test_admin_login_carries_the_policy(client):
    assert_strict_csp(client.get(reverse("admin:login")))


def test_every_admin_page_carries_the_policy(client):
    client.force_login(UserFactory(username="root", is_staff=True, is_superuser=True))
    pledge = PledgeFactory()
    proposal = ProposalFactory()
    paths = _admin_paths() + [
        reverse("admin:pledges_pledge_change", args=[pledge.pk]),
        reverse("admin:pledges_pledge_history", args=[pledge.pk]),
        reverse("admin:pledges_proposal_change", args=[proposal.pk]),
        reverse("admin:autocomplete") + "?app_label=pledges&model_name=pledge&field_name=donor&term=a",
    ]
    for path in paths:
        response = client.get(path)
        assert response.status_code in (200, 403), (path, response.status_code)
        assert_strict_csp(response)
