"""The database itself refuses impossible pledges and proposals, not only the forms."""

import datetime

import pytest
from django.db import IntegrityError, transaction

from pledges.choices import Qualifier, ReviewState
from pledges.models import Pledge, Report, content_hash
from tests.factories import (
    DonorFactory,
    PledgeFactory,
    PledgeSourceFactory,
    ProposalFactory,
    ReportFactory,
    SystemFactory,
)

pytestmark = pytest.mark.django_db


def _refused(**changes) -> None:
    pledge = PledgeFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        Pledge.objects.filter(pk=pledge.pk).update(**changes)


def test_database_refuses_a_negative_quantity():
    _refused(quantity=-4)


def test_database_refuses_a_zero_quantity_because_undisclosed_is_null():
    _refused(quantity=0)


def test_database_refuses_a_missing_quantity_called_exact():
    _refused(quantity=None, qualifier=Qualifier.EXACT)


def test_database_accepts_an_undisclosed_quantity():
    pledge = PledgeFactory(quantity=None, qualifier=Qualifier.UNDISCLOSED)
    pledge.refresh_from_db()
    assert pledge.quantity is None


def test_database_refuses_an_amount_without_currency():
    _refused(value_amount=1000, value_currency="")


def test_database_refuses_a_pledge_with_neither_system_nor_value():
    _refused(system=None)


def test_money_only_pledge_is_allowed():
    pledge = PledgeFactory(system=None, quantity=None, qualifier=Qualifier.UNDISCLOSED,
                           value_amount=2_000_000_000, value_currency="EUR")
    assert pledge.category == ""


def test_pledge_copies_its_systems_category():
    system = SystemFactory(category="artillery")
    assert PledgeFactory(system=system).category == "artillery"


def test_at_most_one_pledge_per_proposal():
    proposal = ProposalFactory()
    PledgeFactory(proposal=proposal)
    with pytest.raises(IntegrityError), transaction.atomic():
        PledgeFactory(proposal=proposal)


def test_a_report_backs_a_pledge_once():
    link = PledgeSourceFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        PledgeSourceFactory(pledge=link.pledge, report=link.report)


def test_the_same_proposal_is_stored_once_per_report():
    proposal = ProposalFactory(parser_key="DE|iris-t-slm|system|4")
    with pytest.raises(IntegrityError), transaction.atomic():
        ProposalFactory(report=proposal.report, parser_key="DE|iris-t-slm|system|4")


def test_a_decided_proposal_needs_a_decision_time():
    with pytest.raises(IntegrityError), transaction.atomic():
        ProposalFactory(state=ReviewState.ACCEPTED, reviewed_at=None)


def test_evidence_span_must_not_be_empty():
    with pytest.raises(IntegrityError), transaction.atomic():
        ProposalFactory(start=10, end=10)


def test_donor_codes_are_stored_in_capitals():
    with pytest.raises(IntegrityError), transaction.atomic():
        DonorFactory(code="de", name="Lowercase", slug="lowercase")


def test_same_text_pasted_twice_is_the_same_report():
    ReportFactory(body="Germany will send\r\nfour IRIS-T systems.  ")
    with pytest.raises(IntegrityError), transaction.atomic():
        ReportFactory(body="Germany will send four IRIS-T systems.")


def test_content_hash_ignores_white_space_only():
    assert content_hash("a  b\n") == content_hash(" a b")
    assert content_hash("a b") != content_hash("a c")


def test_public_pledges_exclude_unpublished_ones():
    shown = PledgeFactory()
    PledgeFactory(is_published=False)
    assert list(Pledge.objects.public()) == [shown]


def test_changes_to_a_pledge_are_recorded_with_their_reason():
    pledge = PledgeFactory(quantity=4)
    pledge.quantity = 5
    pledge._change_reason = "Ministry corrected the figure"
    pledge.save()
    latest = pledge.history.first()
    assert latest.quantity == 5
    assert latest.history_change_reason == "Ministry corrected the figure"
    assert pledge.history.count() == 2


def test_str_is_readable():
    pledge = PledgeFactory.build(
        donor=DonorFactory.build(name="Germany"),
        system=SystemFactory.build(name="IRIS-T SLM"),
        quantity=4,
        announced_on=datetime.date(2025, 4, 11),
    )
    assert str(pledge) == "Germany: 4 × IRIS-T SLM (2025-04-11)"
    assert str(Report(title="")) == "Report None"
