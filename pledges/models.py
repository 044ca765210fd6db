"""The tracker's domain: donors, systems, pasted reports, parser proposals and published pledges."""

import hashlib
import re

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.db.models.functions import Upper
from django.urls import reverse
from simple_history.models import HistoricalRecords

from pledges.choices import (
    Category,
    DonorKind,
    ItemKind,
    ParseStatus,
    PledgeStatus,
    Qualifier,
    ReviewState,
    SourceKind,
)

_QUANTITY_IS_NULL_OR_POSITIVE = Q(quantity__isnull=True) | Q(quantity__gt=0)
# A value is an amount with its ISO 4217 currency, or neither. (The currency's
# shape is checked by forms; a regex in a constraint would need a user-defined
# function on SQLite.)
_VALUE_IS_COMPLETE = Q(value_amount__isnull=True, value_currency="") | (
    Q(value_amount__gt=0) & ~Q(value_currency="")
)


class Donor(models.Model):
    name = models.CharField(max_length=100, unique=True)
    code = models.CharField(
        max_length=4,
        unique=True,
        help_text="ISO 3166-1 alpha-2 code, or EU / NATO for institutions.",
    )
    kind = models.CharField(max_length=20, choices=DonorKind.choices, default=DonorKind.COUNTRY)
    slug = models.SlugField(max_length=100, unique=True)
    aliases = models.JSONField(
        default=list, blank=True, help_text="Other names, demonyms and capitals that reports use."
    )
    people = models.JSONField(
        default=list, blank=True, help_text="People whose statements speak for this donor."
    )

    class Meta:
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(condition=Q(code=Upper("code")), name="donor_code_upper"),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("pledges:donor-detail", kwargs={"code": self.code.lower()})


class System(models.Model):
    name = models.CharField(max_length=120, unique=True)
    slug = models.SlugField(max_length=120, unique=True)
    family = models.CharField(max_length=120)
    category = models.CharField(max_length=30, choices=Category.choices)
    unit = models.CharField(
        max_length=20,
        choices=ItemKind.choices,
        default=ItemKind.SYSTEM,
        help_text="What a bare count of this system means (four Leopard 2A6 are vehicles).",
    )
    is_generic = models.BooleanField(
        default=False, help_text="Unnamed equipment such as '155mm artillery ammunition'."
    )
    aliases = models.JSONField(default=list, blank=True)

    class Meta:
        ordering = ["name"]
        indexes = [
            # The systems list and the overview group by category.
            models.Index(fields=["category", "name"], name="system_category_idx"),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("pledges:system-detail", kwargs={"slug": self.slug})


_WHITESPACE = re.compile(r"\s+")


def content_hash(body: str) -> str:
    """Fingerprint of a report's text that ignores differences in white space only.

    Pasting the same article twice rarely gives identical bytes (line endings,
    trailing blanks), yet it is the same report.
    """
    normalised = _WHITESPACE.sub(" ", body).strip()
    return hashlib.sha256(normalised.encode("utf-8")).hexdigest()


class Report(models.Model):
    title = models.CharField(max_length=300, blank=True)
    publisher = models.CharField(max_length=200, blank=True)
    source_kind = models.CharField(
        "kind of source", max_length=30, choices=SourceKind.choices, default=SourceKind.OTHER
    )
    url = models.URLField("address", max_length=1000, blank=True)
    published_on = models.DateField(null=True, blank=True)
    body = models.TextField(help_text="The text as stored; evidence offsets refer to it.")
    original = models.TextField(
        blank=True, help_text="The pasted or uploaded original when it was converted (HTML)."
    )
    original_format = models.CharField(max_length=10, default="text")
    content_hash = models.CharField(max_length=64, unique=True, editable=False)
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    added_at = models.DateTimeField(auto_now_add=True)
    parse_status = models.CharField(
        max_length=10, choices=ParseStatus.choices, default=ParseStatus.PENDING
    )
    parse_error = models.TextField(blank=True)
    parsed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-added_at", "-id"]
        indexes = [
            # The admin's report list, newest first.
            models.Index(fields=["-added_at", "-id"], name="report_added_idx"),
        ]

    def __str__(self) -> str:
        return self.title or f"Report {self.pk}"

    def save(self, *args, **kwargs) -> None:
        self.content_hash = content_hash(self.body)
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("pledges:report-detail", kwargs={"pk": self.pk})


class Proposal(models.Model):
    """A pledge the parser read in a report, waiting for an editor's decision."""

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="proposals")
    donor = models.ForeignKey(Donor, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    system = models.ForeignKey(System, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    item = models.CharField(max_length=20, choices=ItemKind.choices, blank=True)
    quantity = models.PositiveIntegerField(null=True, blank=True)
    qualifier = models.CharField(max_length=20, choices=Qualifier.choices, default=Qualifier.EXACT)
    quantity_text = models.CharField(max_length=200, blank=True)
    value_amount = models.DecimalField(max_digits=18, decimal_places=2, null=True, blank=True)
    value_currency = models.CharField(max_length=3, blank=True)
    start = models.PositiveIntegerField(help_text="Evidence start offset into the report text.")
    end = models.PositiveIntegerField(help_text="Evidence end offset into the report text.")
    evidence = models.TextField()
    confidence = models.FloatField(default=0.5)
    reasons = models.JSONField(default=list, blank=True)
    parser_key = models.CharField(
        max_length=200,
        help_text="What the parser proposed (donor, system, item, quantity, value); "
        "re-parsing matches on it so decisions are kept and nothing is duplicated.",
    )
    state = models.CharField(max_length=10, choices=ReviewState.choices, default=ReviewState.PENDING)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reviewed_at = models.DateTimeField(null=True, blank=True)
    reject_reason = models.CharField(max_length=300, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["report", "start", "id"]
        constraints = [
            models.UniqueConstraint(fields=["report", "parser_key"], name="proposal_once_per_report"),
            models.CheckConstraint(condition=Q(start__lt=models.F("end")), name="proposal_span_nonempty"),
            models.CheckConstraint(condition=_QUANTITY_IS_NULL_OR_POSITIVE, name="proposal_quantity_positive"),
            models.CheckConstraint(condition=_VALUE_IS_COMPLETE, name="proposal_value_complete"),
            models.CheckConstraint(
                condition=Q(confidence__gte=0) & Q(confidence__lte=1), name="proposal_confidence_unit"
            ),
            models.CheckConstraint(
                condition=Q(state=ReviewState.PENDING) | Q(reviewed_at__isnull=False),
                name="proposal_decision_has_time",
            ),
        ]
        indexes = [
            # The review queue: pending proposals, oldest reports first.
            models.Index(
                fields=["report", "start"],
                condition=Q(state=ReviewState.PENDING),
                name="proposal_pending_idx",
            ),
            # The admin's proposal list filtered by state, newest first.
            models.Index(fields=["state", "-id"], name="proposal_state_idx"),
        ]

    def __str__(self) -> str:
        what = self.system.name if self.system is not None else "unresolved system"
        who = self.donor.name if self.donor is not None else "unresolved donor"
        count = self.quantity if self.quantity is not None else "?"
        return f"{who}: {count} × {what}"


_PUBLISHED = Q(is_published=True)


class PledgeQuerySet(models.QuerySet):
    def public(self) -> "PledgeQuerySet":
        """The one definition of what the public sees: published pledges only."""
        return self.filter(is_published=True)


class Pledge(models.Model):
    """A published pledge: reviewed, sourced, and open to correction with a history."""

    donor = models.ForeignKey(Donor, on_delete=models.PROTECT, related_name="pledges")
    system = models.ForeignKey(
        System,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="pledges",
        help_text="Empty only for money-only pledges, which carry a value instead.",
    )
    # Copied from the system on save: the public table filters on category
    # with donor and date, and one composite index serves that only when the
    # category sits on this table.
    category = models.CharField(max_length=30, choices=Category.choices, blank=True, editable=False)
    item = models.CharField(max_length=20, choices=ItemKind.choices, blank=True)
    quantity = models.PositiveIntegerField(
        null=True, blank=True, help_text="Empty means undisclosed, never zero."
    )
    qualifier = models.CharField(max_length=20, choices=Qualifier.choices, default=Qualifier.EXACT)
    quantity_text = models.CharField(max_length=200, blank=True)
    announced_on = models.DateField()
    status = models.CharField(max_length=10, choices=PledgeStatus.choices, default=PledgeStatus.PLEDGED)
    source_report = models.ForeignKey(Report, on_delete=models.PROTECT, related_name="primary_pledges")
    evidence = models.TextField(help_text="The sentence of the source report this pledge comes from.")
    evidence_start = models.PositiveIntegerField(null=True, blank=True)
    evidence_end = models.PositiveIntegerField(null=True, blank=True)
    proposal = models.OneToOneField(
        Proposal,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="pledge",
        help_text="The proposal this pledge was accepted from: at most one pledge per proposal.",
    )
    value_amount = models.DecimalField(max_digits=18, decimal_places=2, null=True, blank=True)
    value_currency = models.CharField(max_length=3, blank=True)
    notes = models.TextField(blank=True)
    is_published = models.BooleanField(default=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    approved_at = models.DateTimeField(null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)
    sources = models.ManyToManyField(Report, through="PledgeSource", related_name="pledges")

    history = HistoricalRecords(excluded_fields=["updated_at"])
    objects = PledgeQuerySet.as_manager()

    class Meta:
        ordering = ["-announced_on", "-id"]
        constraints = [
            models.CheckConstraint(condition=_QUANTITY_IS_NULL_OR_POSITIVE, name="pledge_quantity_positive"),
            models.CheckConstraint(condition=_VALUE_IS_COMPLETE, name="pledge_value_complete"),
            models.CheckConstraint(
                condition=Q(system__isnull=False) | Q(value_amount__isnull=False),
                name="pledge_has_system_or_value",
            ),
            models.CheckConstraint(
                condition=Q(quantity__isnull=False) | Q(qualifier__in=[Qualifier.VAGUE, Qualifier.UNDISCLOSED]),
                name="pledge_missing_quantity_is_qualified",
            ),
        ]
        # Partial (published only): every public query filters on is_published,
        # and only when the index predicate covers it can PostgreSQL answer the
        # capped count and a page's ids by an index-only scan (1.6 ms instead of
        # 28 ms for 10,001 rows of one donor+category at 1M pledges).
        indexes = [
            # Public table, unfiltered, newest first (and keyset pages of it).
            models.Index(fields=["announced_on", "id"], name="pledge_date_idx", condition=_PUBLISHED),
            # Public table filtered by donor, by category, or by both, newest first.
            models.Index(fields=["donor", "announced_on", "id"], name="pledge_donor_date_idx", condition=_PUBLISHED),
            models.Index(
                fields=["category", "announced_on", "id"], name="pledge_category_date_idx", condition=_PUBLISHED
            ),
            models.Index(
                fields=["donor", "category", "announced_on", "id"],
                name="pledge_donor_cat_date_idx",
                condition=_PUBLISHED,
            ),
            # System pages and the system filter.
            models.Index(fields=["system", "announced_on", "id"], name="pledge_system_date_idx", condition=_PUBLISHED),
        ]

    def __str__(self) -> str:
        what = self.system.name if self.system is not None else "money"
        count = self.quantity if self.quantity is not None else "undisclosed"
        return f"{self.donor}: {count} × {what} ({self.announced_on:%Y-%m-%d})"

    def save(self, *args, **kwargs) -> None:
        self.category = self.system.category if self.system is not None else ""
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and "system" in update_fields:
            kwargs["update_fields"] = {*update_fields, "category"}
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("pledges:pledge-detail", kwargs={"pk": self.pk})


class PledgeSource(models.Model):
    """A report that backs a pledge: the first one, and every re-announcement linked later."""

    pledge = models.ForeignKey(Pledge, on_delete=models.CASCADE, related_name="source_links")
    report = models.ForeignKey(Report, on_delete=models.PROTECT, related_name="pledge_links")
    proposal = models.OneToOneField(
        Proposal, null=True, blank=True, on_delete=models.SET_NULL, related_name="pledge_link"
    )
    evidence = models.TextField()
    evidence_start = models.PositiveIntegerField(null=True, blank=True)
    evidence_end = models.PositiveIntegerField(null=True, blank=True)
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    added_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["added_at", "id"]
        constraints = [
            models.UniqueConstraint(fields=["pledge", "report"], name="pledge_source_once"),
        ]

    def __str__(self) -> str:
        return f"{self.report} backs pledge {self.pledge_id}"
