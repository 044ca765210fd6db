"""Reads of the editor workflow: a report's proposals for review, re-announcement candidates, corrections."""

import datetime
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import Q

from pledges.models import Donor, Pledge, Proposal, Report, System

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


@dataclass(frozen=True)
class Correction:
    when: datetime.datetime
    reason: str
    changes: list[tuple[str, str, str]]  # (field label, before, after)


# Bookkeeping fields the public correction history leaves out.
_NOT_CORRECTIONS = ["category", "created_by", "approved_by", "approved_at", "proposal", "evidence_start", "evidence_end"]


def pledge_corrections(*, pledge: Pledge) -> list[Correction]:
    """The published pledge's corrections, newest first: when, what changed, and why.

    One query for the history, plus one for donor and system names only when
    a correction changed them. Who made a change stays in the admin.
    """
    records = list(pledge.history.order_by("history_date", "history_id"))
    changed_pairs = [(record, record.diff_against(prev, excluded_fields=_NOT_CORRECTIONS)) for prev, record in zip(records, records[1:])]
    names: dict[tuple[str, object], str] = {}
    for model, field in ((Donor, "donor"), (System, "system")):
        ids = {v for _, delta in changed_pairs for c in delta.changes if c.field == field for v in (c.old, c.new) if v}
        if ids:
            names.update({(field, obj.pk): str(obj) for obj in model.objects.filter(pk__in=ids)})

    def shown(field: str, value) -> str:
        if value in (None, ""):
            return "—"
        return names.get((field, value), str(value))

    corrections = []
    for record, delta in changed_pairs:
        changes = [
            (str(Pledge._meta.get_field(c.field).verbose_name), shown(c.field, c.old), shown(c.field, c.new))
            for c in delta.changes
        ]
        if changes or record.history_change_reason:
            corrections.append(Correction(record.history_date, record.history_change_reason or "", changes))
    return corrections[::-1]
