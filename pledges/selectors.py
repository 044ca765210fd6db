"""Reads: the editor workflow's (review rows, re-announcement candidates, corrections) and the public site's (every one starting from `Pledge.objects.public()`)."""

import datetime
import re
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from django.http import QueryDict
from django.db import connection
from django.db.models import Count, F, Func, Q, QuerySet, Sum
from django.db.models.functions import TruncQuarter

from pledges.choices import Category
from pledges.models import Donor, Pledge, PledgeSource, Proposal, Report, System
from tracker.cache import cached_value

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


# --- The public site ---------------------------------------------------------

# The text-search configuration; the GIN index of migration 0003 is built on
# exactly this expression, so the planner can use it.
SEARCH_CONFIG = "english"


def pledges_public() -> QuerySet[Pledge]:
    """Published pledges, with what every public listing shows fetched in the same query."""
    return Pledge.objects.public().select_related("donor", "system", "source_report")


class _EvidenceVector(Func):
    """`to_tsvector('english', evidence)`: the expression the GIN index was built on."""

    template = f"to_tsvector('{SEARCH_CONFIG}'::regconfig, %(expressions)s)"

    def __init__(self) -> None:
        from django.contrib.postgres.search import SearchVectorField

        super().__init__(F("evidence"), output_field=SearchVectorField())


def pledges_search(queryset: QuerySet[Pledge], *, text: str) -> QuerySet[Pledge]:
    """Pledges whose donor, system or evidence matches `text`.

    PostgreSQL: full-text search over the evidence (GIN index) or a donor or
    system whose name matches. Elsewhere: case-insensitive substring matches.
    """
    text = text.strip()
    if not text:
        return queryset
    # Matching donors and systems are looked up first (two small queries):
    # as subqueries inside the OR, PostgreSQL can no longer combine the
    # indexes and scans every pledge (4 s at a million rows instead of 20 ms).
    donors = list(Donor.objects.filter(Q(name__icontains=text) | Q(code__iexact=text)).values_list("pk", flat=True))
    systems = list(
        System.objects.filter(Q(name__icontains=text) | Q(family__icontains=text)).values_list("pk", flat=True)
    )
    by_name = Q(donor_id__in=donors) | Q(system_id__in=systems)
    if connection.vendor == "postgresql":
        from django.contrib.postgres.search import SearchQuery

        query = SearchQuery(text, config=SEARCH_CONFIG, search_type="websearch")
        return queryset.alias(_evidence_vector=_EvidenceVector()).filter(
            by_name | Q(_evidence_vector=query)
        )
    return queryset.filter(by_name | Q(evidence__icontains=text))


@dataclass(frozen=True)
class CategoryTotal:
    category: str
    label: str
    pledges: int
    quantity: int  # the sum of disclosed quantities: a floor, never an estimate
    undisclosed: int  # pledges whose quantity was not given


@dataclass(frozen=True)
class Overview:
    pledges: int
    donors: int
    systems: int
    categories: list[CategoryTotal]
    top_donors: dict[str, list[dict[str, Any]]]
    timeline: list[dict[str, Any]]


def category_totals(queryset: QuerySet[Pledge]) -> list[CategoryTotal]:
    """Per category: pledges, the sum of disclosed quantities and how many are undisclosed (one query)."""
    labels = dict(Category.choices)
    rows = (
        queryset.order_by()
        .values("category")
        .annotate(
            pledges=Count("id"),
            units=Sum("quantity"),
            undisclosed=Count("id", filter=Q(quantity__isnull=True)),
        )
        .order_by("category")
    )
    return [
        CategoryTotal(
            category=row["category"],
            label=labels.get(row["category"], "Money only"),
            pledges=row["pledges"],
            quantity=row["units"] or 0,
            undisclosed=row["undisclosed"],
        )
        for row in rows
    ]


def pledge_timeline(queryset: QuerySet[Pledge]) -> list[dict[str, Any]]:
    """Pledges per quarter and category, for the charts (one query)."""
    return list(
        queryset.order_by()
        .annotate(period=TruncQuarter("announced_on"))
        .values("period", "category")
        .annotate(pledges=Count("id"))
        .order_by("period", "category")
    )


def _cached(key: str, compute: Callable[[], Any]) -> Any:
    """Aggregates over every published pledge, cached briefly: at a million pledges
    each one scans the table (~250 ms), and they change only when editors publish."""
    # Under the cache generation (tracker/cache.py): a published change shows
    # at once, and a cache outage only costs the recomputation.
    return cached_value(key, QueryDict(), compute)


def overview_get(*, top: int = 5) -> Overview:
    """Headline figures for `/`."""
    return _cached(f"pledges:overview:{top}", lambda: _overview_compute(top=top))


def _overview_compute(*, top: int) -> Overview:
    public = Pledge.objects.public()
    donor_rows = (
        public.order_by()
        .values("category", "donor__code", "donor__name")
        .annotate(pledges=Count("id"), units=Sum("quantity"))
    )
    top_donors: dict[str, list[dict[str, Any]]] = {}
    for row in sorted(donor_rows, key=lambda r: (-(r["units"] or 0), -r["pledges"], r["donor__name"])):
        ranked = top_donors.setdefault(row["category"], [])
        if len(ranked) < top:
            ranked.append(row)
    return Overview(
        pledges=public.count(),
        donors=public.values("donor").distinct().count(),
        systems=public.exclude(system=None).values("system").distinct().count(),
        categories=category_totals(public),
        top_donors=top_donors,
        timeline=pledge_timeline(public),
    )


def latest_pledges(*, limit: int = 10) -> list[Pledge]:
    return list(pledges_public().order_by("-announced_on", "-id")[:limit])


def donors_with_counts() -> list[Donor]:
    """Donors with at least one published pledge, and how many (one query, cached)."""
    return _cached("pledges:donors", lambda: list(
        Donor.objects.annotate(pledge_count=Count("pledges", filter=Q(pledges__is_published=True)))
        .filter(pledge_count__gt=0)
        .order_by("name")
    ))


def systems_with_counts() -> list[System]:
    """Systems with at least one published pledge: how many pledges and units (one query, cached)."""
    published = Q(pledges__is_published=True)
    return _cached("pledges:systems", lambda: list(
        System.objects.annotate(
            pledge_count=Count("pledges", filter=published),
            units=Sum("pledges__quantity", filter=published),
        )
        .filter(pledge_count__gt=0)
        .order_by("category", "name")
    ))


def system_donor_totals(*, system: System) -> list[dict[str, Any]]:
    """Who gave this system: per donor, pledges, disclosed units, undisclosed pledges, first and last date."""
    from django.db.models import Max, Min

    return list(
        Pledge.objects.public()
        .filter(system=system)
        .order_by()
        .values("donor__code", "donor__name")
        .annotate(
            pledges=Count("id"),
            units=Sum("quantity"),
            undisclosed=Count("id", filter=Q(quantity__isnull=True)),
            first=Min("announced_on"),
            last=Max("announced_on"),
        )
        .order_by(F("units").desc(nulls_last=True), "donor__name")
    )


def report_public_get(*, pk: int) -> Report | None:
    """The report when it backs at least one published pledge; other pastes stay in the admin."""
    report = Report.objects.filter(pk=pk).first()
    if report is None:
        return None
    # Two indexed EXISTS checks rather than one OR of subqueries, which
    # PostgreSQL answers with a scan of every pledge (600 ms at 1M).
    if PledgeSource.objects.filter(report=report, pledge__is_published=True).exists():
        return report
    if Pledge.objects.public().filter(source_report=report).exists():
        return report
    return None


def report_pledge_spans(*, report: Report) -> tuple[list[Pledge], list[tuple[int, int, int]]]:
    """The published pledges a report backs and their evidence spans in its text
    as (start, end, pledge id); proposals that were never published are not looked at."""
    links = list(PledgeSource.objects.filter(report=report, pledge__is_published=True))
    ids = {link.pledge_id for link in links}
    ids |= set(Pledge.objects.public().filter(source_report=report).values_list("pk", flat=True))
    pledges = list(pledges_public().filter(pk__in=ids))
    spans: set[tuple[int, int, int]] = set()
    for link in links:
        span = _span_in(report.body, link.evidence, link.evidence_start, link.evidence_end)
        if span:
            spans.add((*span, link.pledge_id))
    for pledge in pledges:
        if pledge.source_report_id == report.pk:
            span = _span_in(report.body, pledge.evidence, pledge.evidence_start, pledge.evidence_end)
            if span:
                spans.add((*span, pledge.pk))
    return sorted(pledges, key=lambda p: (p.evidence_start or 0, p.pk)), sorted(spans)


def _span_in(body: str, evidence: str, start: int | None, end: int | None) -> tuple[int, int] | None:
    """Where the evidence sits in the body: the stored offsets when they still
    point at it, else the first occurrence of the sentence, else nowhere."""
    if start is not None and end is not None and 0 <= start < end <= len(body):
        if not evidence or body[start:end] == evidence:
            return start, end
    if evidence:
        found = body.find(evidence)
        if found >= 0:
            return found, found + len(evidence)
    return None

