"""The minimal public pages show published pledges and nothing else."""

import pytest

from tests.factories import PledgeFactory

pytestmark = pytest.mark.django_db


def test_pledge_list_shows_published_pledges(client):
    PledgeFactory(donor__name="Germany", donor__code="DE", system__name="IRIS-T SLM", quantity=4)
    response = client.get("/pledges/")
    assert response.status_code == 200
    assert "IRIS-T SLM" in response.text and "Germany" in response.text


def test_pledge_list_hides_unpublished_pledges(client):
    PledgeFactory(system__name="Secret Launcher", is_published=False)
    assert "Secret Launcher" not in client.get("/pledges/").text


def test_unpublished_pledge_page_is_not_found(client):
    pledge = PledgeFactory(is_published=False)
    assert client.get(f"/pledges/{pledge.pk}/").status_code == 404


def test_pledge_page_quotes_its_evidence_escaped(client):
    pledge = PledgeFactory(evidence="Germany will send <script>alert(1)</script> four systems.")
    response = client.get(f"/pledges/{pledge.pk}/")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in response.text
    assert "<script>alert(1)" not in response.text


def test_donor_and_system_pages_list_their_pledges(client):
    pledge = PledgeFactory(donor__code="NO", donor__name="Norway", system__slug="nasams", system__name="NASAMS")
    assert "NASAMS" in client.get("/donors/no/").text
    assert "Norway" in client.get("/systems/nasams/").text
    assert client.get(f"/reports/{pledge.source_report_id}/").status_code == 404  # no PledgeSource link yet


def test_home_leads_to_the_pledges(client):
    response = client.get("/")
    assert response.status_code == 302 and response["Location"] == "/pledges/"
