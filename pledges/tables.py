"""The public pledge table: every column sorts by database fields, ties broken by id."""

import django_tables2 as tables
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString

from pledges.filters import SORT_FIELDS, sort_order_by
from pledges.models import Pledge
from pledges.templatetags.pledge_tags import quantity


_TD_CLASS = {"date": "nowrap", "quantity": "num"}


class PledgeTable(tables.Table):
    date = tables.Column(
        accessor="announced_on", verbose_name="Date", order_by=SORT_FIELDS["date"], attrs={"td": {"class": "nowrap"}}
    )
    donor = tables.Column(accessor="donor__name", verbose_name="Donor", order_by=SORT_FIELDS["donor"])
    system = tables.Column(
        accessor="system__name", verbose_name="System", order_by=SORT_FIELDS["system"], empty_values=()
    )
    category = tables.Column(verbose_name="Category", order_by=SORT_FIELDS["category"], empty_values=())
    item = tables.Column(verbose_name="Item", order_by=SORT_FIELDS["item"])
    quantity = tables.Column(
        verbose_name="Quantity", order_by=SORT_FIELDS["quantity"], empty_values=(), attrs={"td": {"class": "num"}, "th": {"class": "num"}}
    )
    status = tables.Column(verbose_name="Status", order_by=SORT_FIELDS["status"])
    source = tables.Column(
        accessor="source_report__publisher", verbose_name="Source", order_by=SORT_FIELDS["source"], empty_values=()
    )

    class Meta:
        model = Pledge
        fields = ()
        sequence = ("date", "donor", "system", "category", "item", "quantity", "status", "source")
        order_by = ("-date",)
        template_name = "pledges/_table.html"
        attrs = {"class": "pledge-table"}
        empty_text = "No pledges match these filters."

    def rows_html(self) -> SafeString:
        """The page's rows, each cell through the same render_<column> methods, but
        called directly: django-tables2 inspects each method's signature per
        cell, which costs ~8 ms on a 25-row page."""
        names = [column.name for column in self.columns]
        renderers = [(getattr(self, f"render_{name}"), _TD_CLASS.get(name, "")) for name in names]
        return format_html_join(
            "\n",
            '<tr id="row-{}">{}</tr>',
            (
                (
                    row.record.pk,
                    format_html_join("", '<td class="{}">{}</td>', ((css, render(record=row.record)) for render, css in renderers)),
                )
                for row in self.paginated_rows
            ),
        )

    def render_date(self, record: Pledge) -> str:
        return format_html(
            '<a href="{}" title="Pledge {}: its source and history">{}</a>',
            record.get_absolute_url(),
            record.pk,
            record.announced_on.isoformat(),
        )

    def render_donor(self, record: Pledge) -> str:
        return format_html('<a href="{}">{}</a>', record.donor.get_absolute_url(), record.donor.name)

    def render_system(self, record: Pledge) -> str:
        if record.system is None:
            return "money only"
        return format_html('<a href="{}">{}</a>', record.system.get_absolute_url(), record.system.name)

    def render_category(self, record: Pledge) -> str:
        return record.get_category_display() or "—"

    def render_item(self, record: Pledge) -> str:
        return record.get_item_display()

    def render_quantity(self, record: Pledge) -> str:
        return quantity(record)

    def render_status(self, record: Pledge) -> str:
        return record.get_status_display()

    def render_source(self, record: Pledge) -> str:
        report = record.source_report
        return format_html('<a href="{}">{}</a>', report.get_absolute_url(), report.publisher or str(report))


def _orderer(name: str):
    def order(self: PledgeTable, queryset, is_descending: bool):
        return queryset.order_by(*sort_order_by(f"-{name}" if is_descending else name)), True

    return order


# django-tables2 calls `order_<column>` to sort a column: every column sorts
# through sort_order_by, exactly as the exports do.
for _name in SORT_FIELDS:
    setattr(PledgeTable, f"order_{_name}", _orderer(_name))
