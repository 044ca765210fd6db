"""The overview, pledge, donor, system, report and data-dictionary pages."""

import pytest
from django.utils import timezone

from pledges.choices import ReviewState
from tests.factories import PledgeFactory, PledgeSourceFactory, ProposalFactory, ReportFactory
from tests.public_data import public_data_make

pytestmark = pytest.mark.django_db


@pytest.fixture
def data():
    return public_data_make()


def test_overview_totals_say_at_least_and_count_undisclosed_apart(client, data):
    response = client.get("/")
    assert response.status_code == 200
    # Munitions: 4 (at least) + 100,000 (up to) disclosed, one German pledge undisclosed.
    assert "at least 100,004, plus 1 undisclosed" in response.text
    assert "at least 40" in response.text  # tanks: 18 + 14 + 8
    figures = response.context["figures"]
    assert (figures.pledges, figures.donors, figures.systems) == (9, 3, 3)


def test_overview_lists_latest_pledges_and_top_donors_per_category(client, data):
    response = client.get("/")
    latest = response.context["latest"]
    assert [p.announced_on.isoformat() for p in latest][:2] == ["2025-05-01", "2025-05-01"]
    tanks = dict((total.category, donors) for total, donors in response.context["top_donors"])["tanks"]
    assert [row["donor__code"] for row in tanks] == ["DE", "PL", "NO"]


def test_overview_chart_is_an_svg_with_a_table_alternative(client, data):
    response = client.get("/")
    assert '<svg class="chart"' in response.text and 'role="img"' in response.text
    assert "<caption>Pledges announced per quarter, by category</caption>" in response.text
    assert "<th scope=\"row\">2023 Q1</th>" in response.text


def test_pages_have_no_inline_scripts_or_styles(client, data):
    pledge = data.pledges[0]
    for url in ["/", "/pledges/", f"/pledges/{pledge.pk}/", "/donors/de/", "/systems/patriot/", f"/reports/{pledge.source_report_id}/"]:
        html = client.get(url).text
        assert "<script>" not in html and " style=" not in html and "<style" not in html, url


def test_pledge_page_highlights_the_source_sentence_in_its_paragraph(client, data):
    pledge = data.pledges[0]
    response = client.get(f"/pledges/{pledge.pk}/")
    assert f"<mark>{pledge.evidence}</mark> Officials confirmed it." in response.text
    assert "Opening paragraph" not in response.context["source_paragraph"]


def test_pledge_page_lists_every_report_that_backs_it(client, data):
    pledge = data.pledges[0]
    later = ReportFactory(title="A later re-announcement", body="Again: Germany will send 4 Patriot to Ukraine.")
    PledgeSourceFactory(pledge=pledge, report=later, evidence="Germany will send 4 Patriot to Ukraine.")
    response = client.get(f"/pledges/{pledge.pk}/")
    assert "A later re-announcement" in response.text
    assert "<mark>Germany will send 4 Patriot to Ukraine.</mark>" in response.text


def test_pledge_page_shows_its_corrections_and_a_stable_identifier(client, data):
    pledge = data.pledges[0]
    pledge.quantity = 5
    pledge._change_reason = "the source says five"
    pledge.save()
    response = client.get(f"/pledges/{pledge.pk}/")
    (correction,) = response.context["corrections"]
    assert correction.reason == "the source says five" and ("quantity", "4", "5") in correction.changes
    assert f"pledge {pledge.pk}" in response.text
    assert f"http://testserver/pledges/{pledge.pk}/" in response.text


def test_pledge_page_escapes_pasted_text(client):
    pledge = PledgeFactory(evidence="Germany will send <script>alert(1)</script> four systems.")
    response = client.get(f"/pledges/{pledge.pk}/")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in response.text
    assert "<script>alert(1)" not in response.text


def test_unpublished_pledge_page_is_not_found(client):
    assert client.get(f"/pledges/{PledgeFactory(is_published=False).pk}/").status_code == 404


def test_donor_list_counts_only_published_pledges(client, data):
    PledgeFactory(donor=data.norway, system=data.patriot, is_published=False)
    response = client.get("/donors/")
    counts = {d.code: d.pledge_count for d in response.context["donors"]}
    assert counts == {"DE": 4, "PL": 3, "NO": 2}


def test_donor_page_has_totals_timeline_and_its_table(client, data):
    response = client.get("/donors/pl/")
    assert response.status_code == 200
    assert {t.category: t.pledges for t in response.context["totals"]} == {"tanks": 1, "munitions": 1, "air-defence": 1}
    assert {row.record.donor.code for row in response.context["table"].page.object_list} == {"PL"}
    assert '<svg class="chart"' in response.text
    assert client.get("/donors/PL/").status_code == 200
    assert client.get("/donors/zz/").status_code == 404


def test_system_list_and_page_say_who_gave_it_and_how_many(client, data):
    assert "Leopard 2A6" in client.get("/systems/").text
    response = client.get("/systems/leopard-2a6/")
    assert [(r["donor__code"], r["units"]) for r in response.context["donors"]] == [("DE", 18), ("PL", 14), ("NO", 8)]
    assert "at least 40" in response.text
    assert client.get("/systems/no-such/").status_code == 404


def test_report_page_highlights_published_pledges_only(client, data):
    pledge = data.pledges[0]
    report = pledge.source_report
    ProposalFactory(
        report=report, state=ReviewState.REJECTED, reviewed_at=timezone.now(), evidence="Closing paragraph.", start=0, end=5
    )
    ProposalFactory(report=report, state=ReviewState.PENDING, evidence="Opening", start=0, end=7)
    response = client.get(f"/reports/{report.pk}/")
    assert f'<mark id="pledge-{pledge.pk}"><a href="#row-{pledge.pk}">{pledge.evidence}</a></mark>' in response.text
    assert response.text.count("<mark") == 1
    assert [p.pk for p in response.context["pledges"]] == [pledge.pk]


def test_report_with_only_unpublished_or_pending_material_is_not_found(client):
    hidden = PledgeFactory(is_published=False)
    assert client.get(f"/reports/{hidden.source_report_id}/").status_code == 404
    pending = ProposalFactory(state=ReviewState.PENDING)
    assert client.get(f"/reports/{pending.report_id}/").status_code == 404


def test_report_text_is_escaped(client):
    report = ReportFactory(body="Intro <b>bold</b>.\n\nGermany will send four IRIS-T.")
    PledgeFactory(source_report=report, evidence="Germany will send four IRIS-T.", evidence_start=None, evidence_end=None)
    response = client.get(f"/reports/{report.pk}/")
    assert "Intro &lt;b&gt;bold&lt;/b&gt;." in response.text


def test_data_dictionary_documents_every_export_column(client):
    from pledges.exports import HEADER

    text = client.get("/about/data/").text
    for column in HEADER:
        assert f"<code>{column}</code>" in text


def test_data_dictionary_says_how_a_broken_off_download_looks(client):
    from pledges.exports import CSV_INCOMPLETE_LINE

    text = client.get("/about/data/").text
    assert '<code>"EXPORT INCOMPLETE</code>' in text
    assert CSV_INCOMPLETE_LINE.startswith(b'"EXPORT INCOMPLETE')


def test_healthz_still_answers(client):
    assert client.get("/healthz").json()["status"] == "ok"
