"""Reads of the editor workflow: a report's proposals for review, and re-announcement candidates."""

import datetime
import re
from collections import defaultdict
from collections.abc import Iterable

from django.db.models import Q

from pledges.models import Pledge, Proposal, Report

REANNOUNCEMENT_WINDOW = datetime.timedelta(days=60)
# Words that make a number read as a running total rather than a new pledge.
_CUMULATIVE = re.compile(r"\b(total|in all|altogether|so far|to date|overall|bringing|cumulative)\b", re.IGNORECASE)


def report_review_proposals(*, report: Report) -> list[Proposal]:
    """All of the report's proposals in text order, with what the review page shows, in one query."""
    return list(
        report.proposals.select_related("donor", "system", "reviewed_by", "pledge", "pledge_link").order_by(
            "start", "id"
        )
    )


def report_date(report: Report) -> datetime.date:
    return report.published_on or report.added_at.date()


def looks_cumulative(proposal: Proposal) -> bool:
    return bool(_CUMULATIVE.search(proposal.quantity_text) or _CUMULATIVE.search(proposal.evidence))


def reannouncement_candidates(*, report: Report, proposals: Iterable[Proposal]) -> dict[int, list[Pledge]]:
    """Published pledges each pending proposal may re-announce, by proposal id, in one query.

    A candidate has the proposal's donor and system and either the same item
    announced within 60 days of the report, or any date when the proposal's
    number reads as a running total ("bringing the total to ...").
    """
    pending = [p for p in proposals if p.state == "pending" and p.donor_id and p.system_id]
    if not pending:
        return {}
    pairs = {(p.donor_id, p.system_id) for p in pending}
    condition = Q()
    for donor_id, system_id in sorted(pairs):
        condition |= Q(donor_id=donor_id, system_id=system_id)
    by_pair: dict[tuple[int, int], list[Pledge]] = defaultdict(list)
    for pledge in (
        Pledge.objects.public()
        .filter(condition)
        .exclude(source_report=report)
        .select_related("donor", "system", "source_report")
        .order_by("-announced_on", "-id")
    ):
        by_pair[(pledge.donor_id, pledge.system_id)].append(pledge)
    day = report_date(report)
    found: dict[int, list[Pledge]] = {}
    for proposal in pending:
        cumulative = looks_cumulative(proposal)
        matches = [
            pledge
            for pledge in by_pair.get((proposal.donor_id, proposal.system_id), [])
            if cumulative or (pledge.item == proposal.item and abs(pledge.announced_on - day) <= REANNOUNCEMENT_WINDOW)
        ]
        if matches:
            found[proposal.pk] = matches[:5]
    return found
