"""proposal_accept, proposal_reject and proposal_link: the decisions editors make."""

import datetime
from decimal import Decimal

import pytest

from pledges.choices import ItemKind, Qualifier, ReviewState
from pledges.models import Pledge, PledgeSource
from pledges.services.errors import ProposalAlreadyDecided, ProposalIncomplete, SourceAlreadyLinked
from pledges.services.proposals import proposal_accept, proposal_link, proposal_reject
from tests.factories import PledgeFactory, ProposalFactory, ReportFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor():
    return UserFactory(username="ed")


def test_accept_publishes_a_pledge_with_everything_from_the_proposal(editor):
    proposal = ProposalFactory(report__published_on=datetime.date(2025, 4, 11), quantity=4, start=0, end=10)

    pledge = proposal_accept(proposal=proposal, user=editor)

    assert pledge.is_published and Pledge.objects.public().get() == pledge
    assert (pledge.donor, pledge.system, pledge.item, pledge.quantity, pledge.qualifier) == (
        proposal.donor, proposal.system, ItemKind.SYSTEM, 4, Qualifier.EXACT,
    )
    assert pledge.announced_on == datetime.date(2025, 4, 11)
    assert pledge.source_report == proposal.report
    assert (pledge.evidence, pledge.evidence_start, pledge.evidence_end) == (proposal.evidence, 0, 10)
    assert pledge.approved_by == editor and pledge.created_by == editor and pledge.approved_at is not None
    assert pledge.proposal == proposal
    assert list(pledge.sources.all()) == [proposal.report]
    proposal.refresh_from_db()
    assert proposal.state == ReviewState.ACCEPTED and proposal.reviewed_by == editor


def test_accept_records_who_and_why_in_the_pledge_history(editor):
    pledge = proposal_accept(proposal=ProposalFactory(), user=editor)
    record = pledge.history.get()
    assert record.history_user == editor
    assert "Accepted from proposal" in record.history_change_reason


def test_accept_refuses_a_proposal_without_donor_and_says_so(editor):
    proposal = ProposalFactory(donor=None)
    with pytest.raises(ProposalIncomplete, match="no donor.*Pick a donor"):
        proposal_accept(proposal=proposal, user=editor)
    assert not Pledge.objects.exists()
    proposal.refresh_from_db()
    assert proposal.state == ReviewState.PENDING


def test_accept_refuses_a_proposal_without_system_unless_it_is_money_only(editor):
    with pytest.raises(ProposalIncomplete, match="no system"):
        proposal_accept(proposal=ProposalFactory(system=None), user=editor)

    money = ProposalFactory(system=None, item="", quantity=None, value_amount=Decimal("2000000000"), value_currency="EUR")
    pledge = proposal_accept(proposal=money, user=editor)
    assert pledge.system is None and pledge.value_amount == Decimal("2000000000") and pledge.value_currency == "EUR"
    assert pledge.qualifier == Qualifier.UNDISCLOSED  # no number was stated


def test_accept_refuses_a_report_without_a_date_and_says_what_to_do(editor):
    with pytest.raises(ProposalIncomplete, match="published date"):
        proposal_accept(proposal=ProposalFactory(report__published_on=None), user=editor)


def test_accept_twice_gives_one_pledge_and_a_clear_refusal(editor):
    proposal = ProposalFactory()
    proposal_accept(proposal=proposal, user=editor)
    with pytest.raises(ProposalAlreadyDecided, match="already accepted"):
        proposal_accept(proposal=proposal, user=editor)
    assert Pledge.objects.count() == 1


def test_accept_uses_the_editors_corrections(editor):
    proposal = ProposalFactory(quantity=40)
    proposal.quantity = 4
    proposal.save()
    assert proposal_accept(proposal=proposal, user=editor).quantity == 4


def test_accept_takes_the_item_from_the_system_when_the_parser_gave_none(editor):
    proposal = ProposalFactory(item="", system__unit=ItemKind.VEHICLE)
    assert proposal_accept(proposal=proposal, user=editor).item == ItemKind.VEHICLE


def test_reject_records_the_reason_and_publishes_nothing(editor):
    proposal = ProposalFactory()
    proposal_reject(proposal=proposal, user=editor, reason="  not a   pledge ")
    proposal.refresh_from_db()
    assert (proposal.state, proposal.reject_reason, proposal.reviewed_by) == (ReviewState.REJECTED, "not a pledge", editor)
    assert not Pledge.objects.exists()


def test_reject_needs_a_reason(editor):
    proposal = ProposalFactory()
    with pytest.raises(ProposalIncomplete, match="Say why"):
        proposal_reject(proposal=proposal, user=editor, reason="  ")
    proposal.refresh_from_db()
    assert proposal.state == ReviewState.PENDING


def test_a_rejected_proposal_cannot_then_be_accepted(editor):
    proposal = ProposalFactory()
    proposal_reject(proposal=proposal, user=editor, reason="duplicate")
    with pytest.raises(ProposalAlreadyDecided, match="already rejected"):
        proposal_accept(proposal=proposal, user=editor)


def test_link_adds_the_report_as_another_source_without_a_second_pledge(editor):
    pledge = PledgeFactory()
    PledgeSource.objects.create(pledge=pledge, report=pledge.source_report, evidence=pledge.evidence)
    proposal = ProposalFactory(donor=pledge.donor, system=pledge.system)

    source = proposal_link(proposal=proposal, pledge=pledge, user=editor)

    assert Pledge.objects.count() == 1
    assert set(pledge.sources.all()) == {pledge.source_report, proposal.report}
    assert (source.proposal, source.added_by, source.evidence) == (proposal, editor, proposal.evidence)
    proposal.refresh_from_db()
    assert proposal.state == ReviewState.ACCEPTED
    assert "linked as another source" in pledge.history.latest().history_change_reason


def test_link_refuses_a_report_that_already_backs_the_pledge(editor):
    pledge = PledgeFactory()
    proposal = ProposalFactory(report=pledge.source_report)
    PledgeSource.objects.create(pledge=pledge, report=pledge.source_report, evidence=pledge.evidence)
    with pytest.raises(SourceAlreadyLinked, match="already backs"):
        proposal_link(proposal=proposal, pledge=pledge, user=editor)
    proposal.refresh_from_db()
    assert proposal.state == ReviewState.PENDING


def test_reports_from_other_proposals_of_the_same_report_are_independent(editor):
    report = ReportFactory()
    first, second = ProposalFactory(report=report), ProposalFactory(report=report)
    proposal_accept(proposal=first, user=editor)
    proposal_accept(proposal=second, user=editor)
    assert Pledge.objects.count() == 2
    assert PledgeSource.objects.filter(report=report).count() == 2
