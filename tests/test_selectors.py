"""reannouncement_candidates: published pledges a pending proposal may repeat."""

import datetime

import pytest

from pledges.choices import ItemKind, ReviewState
from pledges.selectors import reannouncement_candidates, report_review_proposals
from tests.factories import DonorFactory, PledgeFactory, ProposalFactory, ReportFactory, SystemFactory

pytestmark = pytest.mark.django_db

DAY = datetime.date(2025, 4, 11)


@pytest.fixture
def germany_iris():
    return DonorFactory(code="DE", name="Germany"), SystemFactory(name="IRIS-T SLM", slug="iris-t-slm")


def _proposal(donor, system, **kwargs):
    return ProposalFactory(report=ReportFactory(published_on=DAY), donor=donor, system=system, **kwargs)


def test_same_donor_system_and_item_within_60_days_is_a_candidate(germany_iris):
    donor, system = germany_iris
    earlier = PledgeFactory(donor=donor, system=system, announced_on=DAY - datetime.timedelta(days=59))
    proposal = _proposal(donor, system)
    assert reannouncement_candidates(report=proposal.report, proposals=[proposal]) == {proposal.pk: [earlier]}


def test_older_than_60_days_or_another_item_or_donor_is_not(germany_iris):
    donor, system = germany_iris
    PledgeFactory(donor=donor, system=system, announced_on=DAY - datetime.timedelta(days=61))
    PledgeFactory(donor=donor, system=system, item=ItemKind.MISSILE, announced_on=DAY)
    PledgeFactory(donor=DonorFactory(code="NO"), system=system, announced_on=DAY)
    PledgeFactory(donor=donor, system=system, announced_on=DAY, is_published=False)
    proposal = _proposal(donor, system)
    assert reannouncement_candidates(report=proposal.report, proposals=[proposal]) == {}


def test_a_cumulative_number_matches_older_pledges_too(germany_iris):
    donor, system = germany_iris
    old = PledgeFactory(donor=donor, system=system, announced_on=DAY - datetime.timedelta(days=400))
    proposal = _proposal(donor, system, quantity_text="bringing the total to 6")
    assert reannouncement_candidates(report=proposal.report, proposals=[proposal]) == {proposal.pk: [old]}


def test_the_reports_own_pledges_are_not_candidates(germany_iris):
    donor, system = germany_iris
    proposal = _proposal(donor, system)
    PledgeFactory(donor=donor, system=system, announced_on=DAY, source_report=proposal.report)
    assert reannouncement_candidates(report=proposal.report, proposals=[proposal]) == {}


def test_decided_proposals_get_no_candidates(germany_iris):
    donor, system = germany_iris
    PledgeFactory(donor=donor, system=system, announced_on=DAY)
    decided = _proposal(donor, system, state=ReviewState.REJECTED, reviewed_at=datetime.datetime.now(datetime.UTC))
    assert reannouncement_candidates(report=decided.report, proposals=[decided]) == {}


def test_candidates_for_many_proposals_take_one_query(germany_iris, django_assert_num_queries):
    donor, system = germany_iris
    report = ReportFactory(published_on=DAY)
    for n in range(10):
        PledgeFactory(donor=donor, system=SystemFactory(slug=f"s{n}"), announced_on=DAY)
    proposals = [ProposalFactory(report=report, donor=donor, system=SystemFactory(slug=f"s{n}")) for n in range(10)]
    with django_assert_num_queries(1):  # the published pledges of the proposals' (donor, system) pairs
        found = reannouncement_candidates(report=report, proposals=proposals)
    assert len(found) == 10


def test_review_proposals_come_in_text_order():
    report = ReportFactory(body="x" * 100)
    late = ProposalFactory(report=report, start=50, end=60)
    early = ProposalFactory(report=report, start=5, end=9)
    assert report_review_proposals(report=report) == [early, late]
