"""report_create (paste and upload) and report_parse (store, re-parse, failures)."""

import dataclasses
import datetime
import io
from pathlib import Path

import pytest

from pledges.choices import ParseStatus, ReviewState
from pledges.models import Proposal, Report
from pledges.services import reports
from pledges.services.errors import ReportInputError
from pledges.services.proposals import proposal_accept, proposal_reject
from pledges.services.reports import report_create, report_parse
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

SEED = Path("/work/shared/seed/000_9c767dfba4602267.txt")
if not SEED.exists():  # CI has shared/ beside the checkout
    SEED = Path(__file__).resolve().parents[2] / "shared" / "seed" / "000_9c767dfba4602267.txt"
SEED_TEXT = (Path(__file__).resolve().parents[1] / "fixtures" / "demo" / "seed_report.txt").read_text(encoding="utf-8")


def upload(name: str, data: bytes) -> io.BytesIO:
    file = io.BytesIO(data)
    file.name = name
    file.size = len(data)
    return file


# --- report_create --------------------------------------------------------------------------


def test_paste_becomes_a_report_with_its_metadata():
    user = UserFactory()
    report, created = report_create(
        text="Norway will send two NASAMS systems.", title="NASAMS", publisher="Regjeringen", user=user
    )
    assert created and report.pk
    assert (report.body, report.title, report.publisher, report.added_by) == (
        "Norway will send two NASAMS systems.", "NASAMS", "Regjeringen", user,
    )
    assert report.parse_status == ParseStatus.PENDING  # committed first, parsed after


def test_paste_without_title_takes_the_first_line():
    report, _ = report_create(text="\n\n  Germany pledges air defence  \nBody text.")
    assert report.title == "Germany pledges air defence"


def test_paste_date_is_guessed_from_the_text_unless_given():
    guessed, _ = report_create(text=SEED_TEXT)
    assert guessed.published_on == datetime.date(2025, 4, 11)
    given, _ = report_create(text="On 3 March 2024 Denmark said so.", published_on=datetime.date(2024, 3, 4))
    assert given.published_on == datetime.date(2024, 3, 4)


def test_same_text_again_returns_the_existing_report():
    first, created = report_create(text="Sweden will send Archer howitzers.\n")
    again, created_again = report_create(text="  Sweden will send   Archer howitzers.\r\n\r\n")
    assert created and not created_again
    assert again == first and Report.objects.count() == 1


def test_paste_over_the_limit_is_refused_with_a_message_naming_the_limit(settings):
    settings.REPORT_MAX_BYTES = 1000
    with pytest.raises(ReportInputError, match=r"the limit is 1000(\xa0| )bytes \(1,000 bytes\)") as error:
        report_create(text="x" * 1001)
    assert error.value.field == "text"
    assert not Report.objects.exists()


def test_paste_limit_counts_bytes_not_characters(settings):
    settings.REPORT_MAX_BYTES = 1000
    with pytest.raises(ReportInputError, match="limit"):
        report_create(text="é" * 501)  # 1002 bytes in UTF-8


@pytest.mark.parametrize("text", ["", "   ", "\n\t \r\n"])
def test_empty_or_whitespace_paste_is_refused(text):
    with pytest.raises(ReportInputError, match="empty"):
        report_create(text=text)
    assert not Report.objects.exists()


def test_nothing_at_all_is_refused():
    with pytest.raises(ReportInputError, match="Paste the report"):
        report_create()


def test_text_upload_becomes_a_report():
    report, created = report_create(upload=upload("release.txt", "\ufeffNorway will send NASAMS.".encode()))
    assert created and report.body == "Norway will send NASAMS." and report.original == ""


def test_markdown_upload_keeps_its_text():
    report, _ = report_create(upload=upload("post.md", b"# Aid\n\n* four IRIS-T systems"))
    assert report.body == "# Aid\n\n* four IRIS-T systems" and report.original_format == "markdown"


def test_html_upload_is_converted_to_text_and_the_original_kept():
    html = b"<html><body><h1>Aid</h1><p>Germany will send <b>four</b> IRIS-T systems.</p><script>x()</script></body></html>"
    report, _ = report_create(upload=upload("page.html", html))
    assert "Germany will send" in report.body and "four" in report.body
    assert "<b>" not in report.body and "x()" not in report.body
    assert report.original == html.decode() and report.original_format == "html"


def test_upload_that_is_not_utf8_is_refused_clearly():
    with pytest.raises(ReportInputError, match="not UTF-8 text") as error:
        report_create(upload=upload("latin1.txt", "Überblick über die Lieferungen".encode("latin-1")))
    assert error.value.field == "upload"


def test_binary_upload_is_refused():
    with pytest.raises(ReportInputError, match="NUL"):
        report_create(upload=upload("image.txt", b"GIF89a\x00\x00\x01\x00"))


def test_upload_of_another_kind_of_file_is_refused():
    with pytest.raises(ReportInputError, match=r"not a \.txt, \.md or \.html"):
        report_create(upload=upload("deck.pdf", b"%PDF-1.7"))


def test_upload_over_the_limit_is_refused(settings):
    settings.REPORT_MAX_BYTES = 100
    with pytest.raises(ReportInputError, match="the limit is"):
        report_create(upload=upload("big.txt", b"a" * 101))


# --- report_parse ---------------------------------------------------------------------------


def test_parsing_the_seed_report_stores_exactly_its_two_pledges():
    report, _ = report_create(text=SEED_TEXT)
    outcome = report_parse(report=report)

    assert (outcome.created, outcome.kept, outcome.failed) == (2, 0, False)
    report.refresh_from_db()
    assert report.parse_status == ParseStatus.PARSED and report.parsed_at is not None
    stored = [
        (p.donor.code, p.system.name, p.item, p.quantity, p.state)
        for p in report.proposals.select_related("donor", "system").order_by("start")
    ]
    assert stored == [
        ("DE", "IRIS-T SLM", "system", 4, "pending"),
        ("DE", "Patriot", "missile", 30, "pending"),
    ]
    for proposal in report.proposals.all():
        assert proposal.evidence == report.body[proposal.start : proposal.end]


def test_parser_failure_is_recorded_shown_and_the_report_kept(monkeypatch):
    def broken(text, ref):
        raise ValueError("tokeniser exploded")

    monkeypatch.setattr(reports, "extract", broken)
    report, _ = report_create(text="Germany will send four IRIS-T systems.")
    outcome = report_parse(report=report)

    assert outcome.failed and "tokeniser exploded" in outcome.error
    report.refresh_from_db()
    assert report.parse_status == ParseStatus.FAILED
    assert report.parse_error == "ValueError: tokeniser exploded"
    assert Report.objects.filter(pk=report.pk).exists()


def test_reparse_keeps_decisions_and_adds_only_new_proposals(monkeypatch):
    report, _ = report_create(text=SEED_TEXT)
    report_parse(report=report)
    iris, patriot = report.proposals.order_by("start")
    user = UserFactory()
    proposal_accept(proposal=iris, user=user)
    proposal_reject(proposal=patriot, user=user, reason="test")

    # The reference data grew: the parser now finds a third pledge as well.
    real_extract = reports.extract

    def grown(text, ref):
        found = real_extract(text, ref)
        extra = dataclasses.replace(found[0], system_name="Patriot", item="launcher", quantity=2, quantity_text="two")
        return [*found, extra]

    monkeypatch.setattr(reports, "extract", grown)
    outcome = report_parse(report=report)

    assert (outcome.created, outcome.kept) == (1, 2)
    states = sorted(report.proposals.values_list("state", flat=True))
    assert states == [ReviewState.ACCEPTED, ReviewState.PENDING, ReviewState.REJECTED]
    iris.refresh_from_db()
    assert iris.pledge is not None  # the decision and its pledge are untouched

    # Parsing again adds nothing.
    assert report_parse(report=report).created == 0
    assert report.proposals.count() == 3


def test_reparse_keeps_an_editors_correction_to_a_pending_proposal():
    report, _ = report_create(text=SEED_TEXT)
    report_parse(report=report)
    iris = report.proposals.order_by("start").first()
    Proposal.objects.filter(pk=iris.pk).update(quantity=5)
    report_parse(report=report)
    iris.refresh_from_db()
    assert iris.quantity == 5 and report.proposals.count() == 2


def test_the_same_pledge_twice_in_one_text_is_stored_once(monkeypatch):
    real_extract = reports.extract
    monkeypatch.setattr(reports, "extract", lambda text, ref: real_extract(text, ref) * 2)
    report, _ = report_create(text=SEED_TEXT)
    assert report_parse(report=report).created == 2


def test_numbers_too_large_for_the_database_are_dropped_not_crashing(monkeypatch):
    real_extract = reports.extract

    def huge(text, ref):
        found = real_extract(text, ref)[0]
        return [dataclasses.replace(found, quantity=10**12, value_amount=10**20, value_currency="EUR")]

    monkeypatch.setattr(reports, "extract", huge)
    report, _ = report_create(text=SEED_TEXT)
    report_parse(report=report)
    proposal = report.proposals.get()
    assert proposal.quantity is None and proposal.value_amount is None
