"""The filter form of the public pledge table and its exports: one query string, validated once."""

from typing import Any

import django_filters
from django import forms
from django.conf import settings
from django.db.models import F, QuerySet
from django.db.models.expressions import OrderBy

from pledges.choices import Category, ItemKind, PledgeStatus
from pledges.models import Donor, Pledge, System
from pledges.pagination import PER_PAGE_DEFAULT, PER_PAGE_MAX
from pledges.selectors import pledges_search
from pledges.widgets import PlainSelect, PlainSelectMultiple

SEARCH_MAX_LENGTH = settings.TRACKER_SEARCH_MAX_LENGTH

# Sortable columns and the database fields each sorts by. The id comes last
# everywhere, so rows that tie keep one stable order across pages and exports.
SORT_FIELDS: dict[str, tuple[str, ...]] = {
    "date": ("announced_on", "id"),
    "donor": ("donor__name", "id"),
    "system": ("system__name", "id"),
    "category": ("category", "id"),
    "item": ("item", "id"),
    "quantity": ("quantity", "id"),
    "status": ("status", "id"),
    "source": ("source_report__publisher", "source_report__title", "id"),
}
DEFAULT_SORT = "-date"
SORT_CHOICES = [
    choice for name in SORT_FIELDS for choice in ((name, f"{name} ↑"), (f"-{name}", f"{name} ↓"))
]
SORT_VALUES = frozenset(value for value, _ in SORT_CHOICES)
PER_PAGE_CHOICES = [(str(n), str(n)) for n in (PER_PAGE_DEFAULT, 50, 100, PER_PAGE_MAX)]


# Fields that may be NULL (undisclosed quantities, money-only pledges) sort
# last in both directions on every database; SQLite and PostgreSQL disagree
# by default. Only these: NULLS LAST on a NOT NULL column would stop
# PostgreSQL from reading the (announced_on, id) indexes backwards.
NULLABLE_SORT_FIELDS = frozenset({"quantity", "system__name"})


def sort_order_by(sort: str | None) -> list[str | OrderBy]:
    """ORDER BY terms for a `sort` value such as `-quantity` (the default when empty):
    the one definition the table and the exports both use."""
    sort = sort or DEFAULT_SORT
    descending = sort.startswith("-")
    terms: list[str | OrderBy] = []
    for field in SORT_FIELDS[sort.lstrip("-")]:
        if field in NULLABLE_SORT_FIELDS:
            terms.append(F(field).desc(nulls_last=True) if descending else F(field).asc(nulls_last=True))
        else:
            terms.append(f"-{field}" if descending else field)
    return terms


class DonorCodesField(forms.ModelMultipleChoiceField):
    """Donor codes, in any case (`de` or `DE`); an unknown code is a form error."""

    def label_from_instance(self, donor: Donor) -> str:
        return f"{donor.name} ({donor.code})"

    def clean(self, value: Any) -> Any:
        if value:
            value = [str(code).upper() for code in value]
        return super().clean(value)


class DonorCodesFilter(django_filters.ModelMultipleChoiceFilter):
    field_class = DonorCodesField


def _keep(queryset: QuerySet, name: str, value: Any) -> QuerySet:
    """For form fields that the table reads (sorting, page size), not the filter."""
    return queryset


class PledgeFilterForm(forms.Form):
    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        since, until = cleaned.get("since"), cleaned.get("until")
        if since and until and since > until:
            self.add_error("until", "“Announced until” must not be before “Announced from”.")
        return cleaned


class PledgeFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(
        label="Search",
        method="filter_search",
        max_length=SEARCH_MAX_LENGTH,
        help_text="Words in the donor, the system or the source sentence.",
        widget=forms.TextInput(attrs={"type": "search", "placeholder": "e.g. Patriot missiles"}),
    )
    donor = DonorCodesFilter(
        label="Donors",
        queryset=Donor.objects.order_by("name"),
        to_field_name="code",
        method="filter_donor",
        help_text="Several may be chosen.",
        widget=PlainSelectMultiple(attrs={"size": 6}),
    )
    category = django_filters.ChoiceFilter(choices=Category.choices, empty_label="Any category", widget=PlainSelect)
    system = django_filters.ModelChoiceFilter(
        label="System (slug)",
        queryset=System.objects.all(),
        to_field_name="slug",
        method="filter_system",
        help_text="As in the system's address, e.g. iris-t-slm.",
        widget=forms.TextInput(attrs={"placeholder": "e.g. patriot"}),
    )
    item = django_filters.ChoiceFilter(label="Item kind", choices=ItemKind.choices, empty_label="Any kind", widget=PlainSelect)
    status = django_filters.ChoiceFilter(choices=PledgeStatus.choices, empty_label="Any status", widget=PlainSelect)
    since = django_filters.DateFilter(
        label="Announced from",
        field_name="announced_on",
        lookup_expr="gte",
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    until = django_filters.DateFilter(
        label="Announced until",
        field_name="announced_on",
        lookup_expr="lte",
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    sort = django_filters.ChoiceFilter(
        label="Sort by", choices=SORT_CHOICES, method=_keep, empty_label="date ↓ (newest first)", widget=PlainSelect
    )
    per_page = django_filters.ChoiceFilter(
        label="Rows per page", choices=PER_PAGE_CHOICES, method=_keep, empty_label=None, widget=PlainSelect
    )

    class Meta:
        model = Pledge
        form = PledgeFilterForm
        fields = ["q", "donor", "category", "system", "item", "status", "since", "until", "sort", "per_page"]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.form.fields["per_page"].required = False
        self.form.fields["per_page"].initial = str(PER_PAGE_DEFAULT)

    def filter_search(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        return pledges_search(queryset, text=value)

    def filter_donor(self, queryset: QuerySet, name: str, value: list[Donor]) -> QuerySet:
        # By id, so the (donor, ...) composite indexes serve it without a join.
        if not value:
            return queryset
        return queryset.filter(donor_id__in=[donor.pk for donor in value])

    def filter_system(self, queryset: QuerySet, name: str, value: System | None) -> QuerySet:
        return queryset if value is None else queryset.filter(system_id=value.pk)

    @property
    def sort_key(self) -> str:
        """The validated sort key (the default when absent)."""
        return (self.form.cleaned_data.get("sort") if self.is_bound and self.is_valid() else "") or DEFAULT_SORT
