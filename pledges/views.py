"""Public views of the tracker: thin wrappers over selectors, filters, tables and exports."""

from typing import Any
from urllib.parse import urlencode

from django.core.paginator import EmptyPage, PageNotAnInteger
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse, StreamingHttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django_filters.views import FilterView
from django_tables2 import SingleTableMixin

from pledges import exports, selectors
from pledges.choices import Category, ItemKind, PledgeStatus, Qualifier
from pledges.charts import pledges_over_time_chart
from pledges.evidence import highlighted_paragraph, highlighted_text
from pledges.filters import DEFAULT_SORT, SORT_VALUES, PledgeFilter, sort_order_by
from pledges.health import databases_reachable
from tracker.errors import RETRY_AFTER_SECONDS
from pledges.models import Donor, Pledge, System
from pledges.pagination import PER_PAGE_DEFAULT, CappedPaginator, clamp_per_page
from pledges.tables import PledgeTable

@never_cache
def healthz(request: HttpRequest) -> HttpResponse:
    """For load balancers: the status code is the primary's alone. A replica that
    is down makes the body "degraded", not the server unhealthy: public reads fall
    back to the primary. The body names databases by alias only, never by host."""
    reachable = databases_reachable()
    databases = {alias: "ok" if ok else "unreachable" for alias, ok in reachable.items()}
    if not reachable["default"]:
        response = JsonResponse({"status": "unavailable", "database": "unreachable", "databases": databases}, status=503)
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)  # the same hint as every 503 page
        return response
    status = "ok" if all(reachable.values()) else "degraded"
    return JsonResponse({"status": status, "database": "ok", "databases": databases})


def overview(request: HttpRequest) -> HttpResponse:
    figures = selectors.overview_get()
    chart = pledges_over_time_chart(figures.timeline, title="Pledges announced per quarter, by category")
    top_donors = [(total, figures.top_donors.get(total.category, [])) for total in figures.categories]
    return render(
        request,
        "pledges/overview.html",
        {"figures": figures, "chart": chart, "top_donors": top_donors, "latest": selectors.latest_pledges()},
    )


def table_configure(table: PledgeTable, request: HttpRequest, *, sort: str) -> PledgeTable:
    """Order and paginate a table from the request, like django-tables2's RequestConfig,
    but with the one validated `sort` that the exports use too (RequestConfig would
    also apply every raw `sort` value in the query string)."""
    table.request = request
    table.order_by = sort
    try:
        page = int(request.GET.get("page", 1))
    except ValueError:
        page = 1
    pagination = {"paginator_class": CappedPaginator, "per_page": clamp_per_page(request.GET.get("per_page", PER_PAGE_DEFAULT))}
    try:
        table.paginate(page=page, **pagination)
    except (PageNotAnInteger, EmptyPage):
        table.paginate(page=max(1, table.paginator.num_pages), **pagination)
    return table


class PledgeListView(SingleTableMixin, FilterView):
    """`/pledges/`: the filter form, a capped count, and one page of the sorted table."""

    table_class = PledgeTable
    filterset_class = PledgeFilter
    template_name = "pledges/pledge_list.html"
    paginator_class = CappedPaginator

    def get_queryset(self) -> QuerySet[Pledge]:
        return selectors.pledges_public()

    def get_table(self, **kwargs: Any) -> PledgeTable:
        # An invalid `sort` is a form error; the table then keeps its default order.
        table = self.get_table_class()(data=self.get_table_data(), **self.get_table_kwargs(), **kwargs)
        return table_configure(table, self.request, sort=self.filterset.sort_key)

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        table = context["table"]
        context["match_count"] = table.paginator.count if hasattr(table, "paginator") else 0
        context["count_capped"] = getattr(table.paginator, "is_capped", False) if hasattr(table, "paginator") else False
        query = self.request.GET.copy()
        query.pop("page", None)
        context["export_query"] = query.urlencode()
        return context


pledge_list = PledgeListView.as_view()


def _export(request: HttpRequest, *, kind: str) -> HttpResponse:
    filterset = PledgeFilter(request.GET, queryset=Pledge.objects.public())
    if not filterset.is_valid():
        lines = [f"{field}: {' '.join(errors)}" for field, errors in filterset.errors.items()]
        return HttpResponse("Invalid filters:\n" + "\n".join(lines) + "\n", status=400, content_type="text/plain; charset=utf-8")
    queryset = filterset.qs.order_by(*sort_order_by(filterset.sort_key))
    stamp = timezone.now().date().isoformat()
    if kind == "csv":
        response = StreamingHttpResponse(exports.csv_stream(queryset), content_type="text/csv; charset=utf-8")
    else:
        response = StreamingHttpResponse(exports.json_stream(queryset), content_type="application/json")
    response["Content-Disposition"] = f'attachment; filename="pledges-{stamp}.{kind}"'
    return response


def pledges_csv(request: HttpRequest) -> HttpResponse:
    return _export(request, kind="csv")


def pledges_json(request: HttpRequest) -> HttpResponse:
    return _export(request, kind="json")


def pledge_detail(request: HttpRequest, pk: int) -> HttpResponse:
    pledge = get_object_or_404(selectors.pledges_public(), pk=pk)
    sources = list(pledge.source_links.select_related("report").order_by("added_at", "id"))
    for link in sources:
        link.highlighted = highlighted_paragraph(
            link.report.body, link.evidence, link.evidence_start, link.evidence_end
        )
    corrections = selectors.pledge_corrections(pledge=pledge)
    return render(
        request,
        "pledges/pledge_detail.html",
        {
            "pledge": pledge,
            "source_paragraph": highlighted_paragraph(
                pledge.source_report.body, pledge.evidence, pledge.evidence_start, pledge.evidence_end
            ),
            "sources": sources,
            "corrections": corrections,
            "permalink": request.build_absolute_uri(pledge.get_absolute_url()),
            "today": timezone.now().date(),
        },
    )


def donor_list(request: HttpRequest) -> HttpResponse:
    return render(request, "pledges/donor_list.html", {"donors": selectors.donors_with_counts()})


def _filtered_table(request: HttpRequest, queryset: QuerySet[Pledge]) -> PledgeTable:
    sort = request.GET.get("sort", "")
    return table_configure(PledgeTable(queryset), request, sort=sort if sort in SORT_VALUES else DEFAULT_SORT)


def donor_detail(request: HttpRequest, code: str) -> HttpResponse:
    donor = get_object_or_404(Donor, code=code.upper())
    public = Pledge.objects.public().filter(donor=donor)
    chart = pledges_over_time_chart(selectors.pledge_timeline(public), title=f"Pledges by {donor.name} per quarter")
    return render(
        request,
        "pledges/donor_detail.html",
        {
            "donor": donor,
            "totals": selectors.category_totals(public),
            "chart": chart,
            "table": _filtered_table(request, selectors.pledges_public().filter(donor=donor)),
            "filter_query": urlencode({"donor": donor.code.lower()}),
        },
    )


def system_list(request: HttpRequest) -> HttpResponse:
    return render(request, "pledges/system_list.html", {"systems": selectors.systems_with_counts()})


def system_detail(request: HttpRequest, slug: str) -> HttpResponse:
    system = get_object_or_404(System, slug=slug)
    public = Pledge.objects.public().filter(system=system)
    donors = selectors.system_donor_totals(system=system)
    chart = pledges_over_time_chart(selectors.pledge_timeline(public), title=f"Pledges of {system.name} per quarter")
    return render(
        request,
        "pledges/system_detail.html",
        {
            "system": system,
            "donors": donors,
            "total_quantity": sum(row["units"] or 0 for row in donors),
            "total_undisclosed": sum(row["undisclosed"] for row in donors),
            "chart": chart,
            "table": _filtered_table(request, selectors.pledges_public().filter(system=system)),
            "filter_query": urlencode({"system": system.slug}),
        },
    )


def report_detail(request: HttpRequest, pk: int) -> HttpResponse:
    report = selectors.report_public_get(pk=pk)
    if report is None:
        raise Http404("No public report with that number.")
    pledges, spans = selectors.report_pledge_spans(report=report)
    return render(
        request,
        "pledges/report_detail.html",
        {"report": report, "pledges": pledges, "body": highlighted_text(report.body, spans)},
    )


def about_data(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "pledges/about_data.html",
        {
            "columns": exports.EXPORT_COLUMNS,
            "categories": Category.choices,
            "items": ItemKind.choices,
            "qualifiers": Qualifier.choices,
            "statuses": PledgeStatus.choices,
        },
    )
