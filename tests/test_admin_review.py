"""The editors' admin: paste a report, review its proposals, decide them; roles and speed."""

import datetime
import re
from pathlib import Path

import pytest
from django.contrib.auth.models import Permission
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from pledges.admin import NoCountPaginator
from pledges.choices import ParseStatus, ReviewState
from pledges.models import Pledge, PledgeSource, Proposal, Report
from tests.editors import csrf_client, make_editor, make_superuser, post
from tests.factories import DonorFactory, PledgeFactory, ProposalFactory, ReportFactory, SystemFactory, UserFactory

pytestmark = pytest.mark.django_db

ADD_URL = "/admin/pledges/report/add/"
SEED_TEXT = (Path(__file__).resolve().parents[1] / "fixtures" / "demo" / "seed_report.txt").read_text(encoding="utf-8")


def review_url(report) -> str:
    return reverse("admin:pledges_report_review", args=[report.pk])


def messages_of(response) -> list[str]:
    return [str(m) for m in response.context["messages"]] if response.context else []


@pytest.fixture
def editor():
    return make_editor()


@pytest.fixture
def client_for(editor):
    return csrf_client(editor)


# --- roles ----------------------------------------------------------------------------------


@pytest.mark.parametrize("url", ["/admin/", ADD_URL, "/admin/pledges/proposal/", "REVIEW"])
def test_anonymous_visitors_reach_no_admin_page(client, url):
    url = review_url(ReportFactory()) if url == "REVIEW" else url
    response = client.get(url)
    assert response.status_code == 302 and response["Location"].startswith("/admin/login/")


@pytest.mark.parametrize("url", ["/admin/", ADD_URL, "REVIEW"])
def test_non_staff_users_reach_no_admin_page(client, url):
    url = review_url(ReportFactory()) if url == "REVIEW" else url
    client.force_login(UserFactory(username="reader", is_staff=False))
    response = client.get(url)
    assert response.status_code == 302 and response["Location"].startswith("/admin/login/")


def test_editors_reach_the_paste_and_review_pages_but_not_user_administration(client, editor):
    client.force_login(editor)
    assert client.get(ADD_URL).status_code == 200
    assert client.get(review_url(ProposalFactory().report)).status_code == 200
    assert client.get("/admin/auth/user/").status_code == 403
    assert client.get("/admin/auth/group/").status_code == 403


def test_superusers_reach_everything(client):
    client.force_login(make_superuser())
    assert client.get(ADD_URL).status_code == 200
    assert client.get(review_url(ProposalFactory().report)).status_code == 200
    assert client.get("/admin/auth/user/").status_code == 200


def test_staff_without_the_editor_role_cannot_review_or_decide(client):
    staff = UserFactory(username="staff", is_staff=True)
    proposal = ProposalFactory()
    client.force_login(staff)
    assert client.get(review_url(proposal.report)).status_code == 403
    assert client.get(ADD_URL).status_code == 403
    response = client.post(review_url(proposal.report), {"decide": f"accept:{proposal.pk}"})
    assert response.status_code == 403 and not Pledge.objects.exists()


def test_a_read_only_reviewer_sees_proposals_but_cannot_decide(client):
    viewer = UserFactory(username="viewer", is_staff=True)
    viewer.user_permissions.add(
        *Permission.objects.filter(codename__in=["view_report", "view_proposal", "view_donor", "view_system"])
    )
    proposal = ProposalFactory()
    client.force_login(viewer)
    page = client.get(review_url(proposal.report))
    assert page.status_code == 200 and "accept-button" not in page.text
    assert client.post(review_url(proposal.report), {"decide": f"accept:{proposal.pk}"}).status_code == 403
    assert not Pledge.objects.exists()


def test_posts_without_a_csrf_token_are_refused(editor):
    client = csrf_client(editor)
    proposal = ProposalFactory()
    assert client.post(review_url(proposal.report), {"decide": f"accept:{proposal.pk}"}).status_code == 403
    assert client.post(ADD_URL, {"text": "Norway will send NASAMS."}).status_code == 403
    assert not Pledge.objects.exists() and Report.objects.count() == 1


# --- paste ----------------------------------------------------------------------------------


def test_pasting_a_report_parses_it_and_lands_on_its_review_page(client_for, editor):
    response = post(client_for, ADD_URL, {"text": SEED_TEXT, "source_kind": "newspaper", "publisher": "The Guardian"})

    report = Report.objects.get()
    assert response.status_code == 302 and response["Location"] == review_url(report)
    assert (report.added_by, report.publisher, report.parse_status) == (editor, "The Guardian", ParseStatus.PARSED)
    assert report.published_on == datetime.date(2025, 4, 11)
    page = client_for.get(response["Location"])
    assert "Saved and parsed: 2 proposal(s) to review." in messages_of(page)
    assert page.text.count('class="evidence-anchor"') == 2  # both pledges come from one sentence


def test_pasting_the_same_text_again_opens_the_existing_report(client_for):
    first = ReportFactory(body=SEED_TEXT)
    response = post(client_for, ADD_URL, {"text": SEED_TEXT + "\n\n", "source_kind": "other"}, follow=True)
    assert response.redirect_chain[-1][0] == review_url(first)
    assert Report.objects.count() == 1
    assert any("already pasted" in m for m in messages_of(response))


def test_an_empty_paste_is_a_form_error(client_for):
    response = post(client_for, ADD_URL, {"text": "   \n ", "source_kind": "other"})
    assert response.status_code == 200
    assert "The paste is empty" in response.text and not Report.objects.exists()


def test_an_oversized_paste_is_refused_with_the_limit_and_kept_in_the_form(client_for, settings):
    settings.REPORT_MAX_BYTES = 50
    text = "Germany will send four IRIS-T systems, and much more besides."
    response = post(client_for, ADD_URL, {"text": text, "source_kind": "other"})
    assert response.status_code == 200 and "the limit is 50" in response.text
    assert text in response.text  # nothing the editor pasted is lost
    assert not Report.objects.exists()


def test_an_upload_that_is_not_utf8_is_a_form_error(client_for):
    from django.core.files.uploadedfile import SimpleUploadedFile

    upload = SimpleUploadedFile("report.txt", "Lieferungen für die Ukraine".encode("latin-1"), "text/plain")
    response = post(client_for, ADD_URL, {"upload": upload, "source_kind": "other"})
    assert response.status_code == 200 and "is not UTF-8 text" in response.text
    assert not Report.objects.exists()


def test_a_parser_failure_is_shown_and_the_report_kept(client_for, monkeypatch):
    from pledges.services import reports

    monkeypatch.setattr(reports, "extract", lambda text, ref: 1 / 0)
    response = post(client_for, ADD_URL, {"text": SEED_TEXT, "source_kind": "other"}, follow=True)
    report = Report.objects.get()
    assert report.parse_status == ParseStatus.FAILED
    assert any("the parser failed: ZeroDivisionError" in m for m in messages_of(response))
    assert "The parser failed on this report" in response.text


# --- review page: safety, decisions ---------------------------------------------------------

HOSTILE = (
    'Germany will send four IRIS-T systems. <script>alert("x")</script> '
    '<img src=x onerror="alert(1)"> <a href="javascript:alert(2)">click</a>'
)


def test_a_hostile_paste_is_shown_as_inert_text(client_for):
    post(client_for, ADD_URL, {"text": HOSTILE, "source_kind": "other"})
    report = Report.objects.get()
    ProposalFactory(report=report, start=0, end=len(HOSTILE))  # evidence covering the markup too

    page = client_for.get(review_url(report)).text

    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in page
    assert "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;" in page
    assert "&lt;a href=&quot;javascript:alert(2)&quot;&gt;" in page
    assert "<script>alert" not in page and "<img src=x" not in page and 'href="javascript:' not in page
    # Every script the page loads is a file from our origin (CSP forbids inline ones).
    assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", page)


def test_accepting_one_proposal_publishes_its_pledge(client_for, editor):
    proposal = ProposalFactory()
    response = post(client_for, review_url(proposal.report), {"decide": f"accept:{proposal.pk}"})
    assert response.status_code == 302
    pledge = Pledge.objects.get()
    assert (pledge.proposal, pledge.approved_by) == (proposal, editor)


def test_corrections_are_saved_before_accepting(client_for):
    proposal = ProposalFactory(quantity=40)
    other_donor = DonorFactory(code="NL", name="Netherlands")
    fields = {
        f"p{proposal.pk}-donor": other_donor.pk,
        f"p{proposal.pk}-system": proposal.system_id,
        f"p{proposal.pk}-item": "system",
        f"p{proposal.pk}-quantity": "4",
        f"p{proposal.pk}-qualifier": "exact",
    }
    post(client_for, review_url(proposal.report), {**fields, "decide": f"accept:{proposal.pk}"})
    pledge = Pledge.objects.get()
    assert (pledge.donor, pledge.quantity) == (other_donor, 4)


def test_an_invalid_correction_decides_nothing_and_says_where(client_for):
    proposal = ProposalFactory()
    fields = {
        f"p{proposal.pk}-donor": proposal.donor_id,
        f"p{proposal.pk}-system": proposal.system_id,
        f"p{proposal.pk}-item": "system",
        f"p{proposal.pk}-quantity": "0",
        f"p{proposal.pk}-qualifier": "exact",
    }
    response = post(client_for, review_url(proposal.report), {**fields, "decide": f"accept:{proposal.pk}"})
    assert response.status_code == 400
    assert "nothing was decided" in response.text and "errorlist" in response.text
    assert not Pledge.objects.exists()


def test_a_proposal_without_donor_is_not_accepted_and_the_message_says_why(client_for):
    proposal = ProposalFactory(donor=None)
    response = post(client_for, review_url(proposal.report), {"decide": f"accept:{proposal.pk}"}, follow=True)
    assert any("no donor" in m and "Pick a donor" in m for m in messages_of(response))
    assert not Pledge.objects.exists()


def test_rejecting_records_the_reason(client_for):
    proposal = ProposalFactory()
    post(client_for, review_url(proposal.report), {"decide": f"reject:{proposal.pk}", f"reason-{proposal.pk}": "attack"})
    proposal.refresh_from_db()
    assert (proposal.state, proposal.reject_reason) == (ReviewState.REJECTED, "attack")


def test_bulk_accept_and_bulk_reject_with_a_reason(client_for):
    report = ReportFactory(body="x" * 100)
    a, b, c, d = (ProposalFactory(report=report, start=n * 10, end=n * 10 + 5) for n in range(4))
    post(client_for, review_url(report), {"decide": "accept:selected", "selected": [a.pk, b.pk]})
    post(client_for, review_url(report), {"decide": "reject:selected", "selected": [c.pk, d.pk], "bulk_reason": "not a pledge"})
    states = dict(Proposal.objects.values_list("pk", "state"))
    assert states == {a.pk: "accepted", b.pk: "accepted", c.pk: "rejected", d.pk: "rejected"}
    assert Pledge.objects.count() == 2
    assert set(Proposal.objects.filter(state="rejected").values_list("reject_reason", flat=True)) == {"not a pledge"}


def test_bulk_reject_without_a_reason_rejects_nothing(client_for):
    proposal = ProposalFactory()
    response = post(client_for, review_url(proposal.report), {"decide": "reject:selected", "selected": [proposal.pk]}, follow=True)
    assert any("Say why" in m for m in messages_of(response))
    proposal.refresh_from_db()
    assert proposal.state == ReviewState.PENDING


def test_a_reannouncement_is_offered_and_linked_as_another_source(client_for):
    donor, system = DonorFactory(code="DE"), SystemFactory(slug="iris-t-slm")
    pledge = PledgeFactory(donor=donor, system=system, announced_on=datetime.date(2025, 4, 1))
    proposal = ProposalFactory(donor=donor, system=system, report__published_on=datetime.date(2025, 4, 11))

    page = client_for.get(review_url(proposal.report)).text
    assert "Same pledge — link this report as another source" in page
    post(client_for, review_url(proposal.report), {"decide": f"link:{proposal.pk}:{pledge.pk}"})

    assert Pledge.objects.count() == 1
    assert PledgeSource.objects.filter(pledge=pledge, report=proposal.report, proposal=proposal).exists()


def test_reparse_from_the_review_page_keeps_decisions(client_for):
    post(client_for, ADD_URL, {"text": SEED_TEXT, "source_kind": "other"})
    report = Report.objects.get()
    first = report.proposals.order_by("start").first()
    post(client_for, review_url(report), {"decide": f"reject:{first.pk}", f"reason-{first.pk}": "test"})
    response = post(client_for, review_url(report), {"decide": "reparse"}, follow=True)
    assert any("0 new proposal(s)" in m for m in messages_of(response))
    first.refresh_from_db()
    assert first.state == ReviewState.REJECTED and report.proposals.count() == 2


def test_a_proposal_decided_by_someone_else_meanwhile_is_left_alone(client_for):
    proposal = ProposalFactory()
    other = make_editor("other")
    from pledges.services.proposals import proposal_reject

    proposal_reject(proposal=proposal, user=other, reason="dup")
    response = post(client_for, review_url(proposal.report), {"decide": f"accept:{proposal.pk}"}, follow=True)
    assert any("already decided" in m for m in messages_of(response))
    assert not Pledge.objects.exists()


# --- speed ----------------------------------------------------------------------------------


def test_review_page_of_a_40_proposal_report_takes_a_fixed_number_of_queries(client, editor, django_assert_num_queries):
    report = ReportFactory(body="Germany will send four IRIS-T systems. " * 50, published_on=datetime.date(2025, 4, 11))
    donor, system = DonorFactory(code="DE"), SystemFactory(slug="iris-t-slm")
    for n in range(40):
        ProposalFactory(report=report, donor=donor if n % 3 else None, system=system, start=n * 40, end=n * 40 + 37)
    PledgeFactory(donor=donor, system=system)  # a re-announcement candidate for most of them
    accepted = ProposalFactory(report=report, donor=donor, system=system, start=1700, end=1737)
    from pledges.services.proposals import proposal_accept

    proposal_accept(proposal=accepted, user=editor)
    client.force_login(editor)
    with django_assert_num_queries(7):
        # 1 session, 2 user, 3 report, 4 the editor's user permissions, 5 the editor's group
        # permissions, 6 the proposals with donor, system, reviewer, pledge and pledge link,
        # 7 the re-announcement candidates
        response = client.get(review_url(report))
    assert response.status_code == 200
    assert response.text.count('class="proposal proposal-') == 41


def test_changelists_never_count_the_whole_table(client, editor, django_assert_num_queries):
    report = ReportFactory()
    for n in range(5):
        ProposalFactory(report=report)
    client.force_login(editor)
    for url in ("/admin/pledges/report/", "/admin/pledges/proposal/", "/admin/pledges/pledge/"):
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        counts = [q["sql"] for q in queries.captured_queries if "COUNT(" in q["sql"].upper()]
        assert counts and all("LIMIT" in sql.upper() for sql in counts), counts


def test_report_changelist_takes_a_fixed_number_of_queries(client, editor, django_assert_num_queries):
    for _ in range(30):
        ReportFactory()
    client.force_login(editor)
    with django_assert_num_queries(6):
        # 1 session, 2 user, 3 user permissions, 4 group permissions,
        # 5 the capped count (COUNT over at most 10,001 rows), 6 the page of reports
        client.get("/admin/pledges/report/")


def test_pagination_beyond_the_cap_says_more_than(client, editor, monkeypatch):
    monkeypatch.setattr(NoCountPaginator, "CAP", 5)
    for _ in range(8):
        ReportFactory()
    client.force_login(editor)
    page = client.get("/admin/pledges/report/").text
    assert "more than 5 reports" in page


def test_pagination_below_the_cap_gives_the_exact_count_and_working_pages(client, editor, monkeypatch):
    from pledges.admin import ReportAdmin

    monkeypatch.setattr(ReportAdmin, "list_per_page", 2)
    for _ in range(5):
        ReportFactory()
    client.force_login(editor)
    first = client.get("/admin/pledges/report/")
    assert "5 reports" in first.text
    last = client.get("/admin/pledges/report/?p=3")
    assert last.status_code == 200 and len(last.context["cl"].result_list) == 1


def test_editors_can_search_donors_and_systems_in_the_autocomplete(client, editor):
    DonorFactory(code="DE", name="Germany")
    SystemFactory(name="IRIS-T SLM", slug="iris-t-slm")
    client.force_login(editor)
    base = "/admin/autocomplete/?app_label=pledges&model_name=proposal"
    donors = client.get(f"{base}&field_name=donor&term=germ").json()
    systems = client.get(f"{base}&field_name=system&term=iris").json()
    assert [r["text"] for r in donors["results"]] == ["Germany"]
    assert [r["text"] for r in systems["results"]] == ["IRIS-T SLM"]


def test_a_reports_text_cannot_be_edited_after_it_is_stored(client, editor):
    # Evidence offsets point into the stored text; editing it would break every highlight.
    report = ProposalFactory().report
    client.force_login(editor)
    page = client.get(reverse("admin:pledges_report_change", args=[report.pk]))
    assert page.status_code == 200
    assert 'name="body"' not in page.text and "Review proposals" in page.text
