"""Django admin for the tracker's models, tuned for large tables, with the editors' report review page."""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.html import format_html
from simple_history.admin import SimpleHistoryAdmin

from pledges import review
from pledges.forms import PledgeChangeForm, ReportPasteForm
from pledges.models import Donor, Pledge, PledgeSource, Proposal, Report, System
from pledges.services.errors import ReportInputError
from pledges.services.reports import report_create, report_parse


class NoCountPaginator(Paginator):
    """A paginator that never runs a full COUNT(*): with 100,000 reports an exact
    count on every changelist view costs more than the page itself.

    It counts at most CAP + 1 rows (COUNT over a LIMITed subquery, which an
    index serves), so page links stay real up to the cap and the changelist
    says "more than 10,000" beyond it (templates/admin/pledges/pagination.html).
    """

    CAP = 10_000

    @cached_property
    def count(self) -> int:
        return self.object_list.order_by()[: self.CAP + 1].count()

    @property
    def capped(self) -> bool:
        return self.count > self.CAP


@admin.register(Donor)
class DonorAdmin(admin.ModelAdmin):
    list_display = ["name", "code", "kind"]
    list_filter = ["kind"]
    search_fields = ["name", "code", "slug"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(System)
class SystemAdmin(admin.ModelAdmin):
    list_display = ["name", "family", "category", "unit", "is_generic"]
    list_filter = ["category", "is_generic", "unit"]
    search_fields = ["name", "family", "slug"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Report)
class ReportAdmin(admin.ModelAdmin):
    list_display = ["__str__", "publisher", "source_kind", "published_on", "parse_status", "added_at", "review_link"]
    list_filter = ["parse_status", "source_kind"]
    search_fields = ["title", "publisher", "url"]
    # The stored text is what evidence offsets point into: it is never edited.
    readonly_fields = [
        "review_link",
        "body",
        "original_format",
        "content_hash",
        "added_by",
        "added_at",
        "parse_status",
        "parse_error",
        "parsed_at",
    ]
    exclude = ["original"]
    paginator = NoCountPaginator
    show_full_result_count = False
    add_form_template = "admin/pledges/report/paste.html"

    @admin.display(description="Review")
    def review_link(self, report: Report) -> str:
        if report.pk is None:
            return "—"
        return format_html('<a href="{}">Review proposals</a>', reverse("admin:pledges_report_review", args=[report.pk]))

    def get_urls(self):
        review_urls = [
            path(
                "<int:object_id>/review/",
                self.admin_site.admin_view(self.review_view),
                name="pledges_report_review",
            ),
        ]
        return review_urls + super().get_urls()

    def add_view(self, request: HttpRequest, form_url: str = "", extra_context=None) -> HttpResponse:
        """Paste or upload a report: store it (committed), parse it, land on its review page."""
        if not self.has_add_permission(request):
            raise PermissionDenied
        form = ReportPasteForm(request.POST or None, request.FILES or None)
        if request.method == "POST" and form.is_valid():
            data = form.cleaned_data
            try:
                report, created = report_create(
                    text=None if data["upload"] else data["text"],
                    upload=data["upload"],
                    title=data["title"],
                    publisher=data["publisher"],
                    source_kind=data["source_kind"],
                    url=data["url"],
                    published_on=data["published_on"],
                    user=request.user,
                )
            except ReportInputError as error:
                form.add_error(error.field, error.message)
            else:
                if created:
                    self.log_addition(request, report, [{"added": {}}])
                    outcome = report_parse(report=report)
                    review.message_parse_outcome(request, report=report, outcome=outcome)
                else:
                    messages.info(request, f"This text was already pasted as report {report.pk} (“{report}”); here it is.")
                return HttpResponseRedirect(reverse("admin:pledges_report_review", args=[report.pk]))
        context = {
            **self.admin_site.each_context(request),
            "title": "Add report",
            "subtitle": None,
            "form": form,
            "opts": self.opts,
            "media": self.media + form.media,
            "has_view_permission": self.has_view_permission(request),
        }
        return TemplateResponse(request, self.add_form_template, context)

    def review_view(self, request: HttpRequest, object_id: int) -> HttpResponse:
        report = get_object_or_404(Report, pk=object_id)
        if not review.can_view(request.user):
            raise PermissionDenied
        if request.method == "POST":
            return review.handle_post(request, report=report, admin_site=self.admin_site)
        return review.render_page(request, report=report, model_admin=self)


@admin.register(Proposal)
class ProposalAdmin(admin.ModelAdmin):
    list_display = ["__str__", "report_review_link", "item", "quantity", "qualifier", "confidence", "state"]
    list_filter = ["state", "item", "qualifier"]
    # Newest first: served by the primary key (and by proposal_state_idx when filtered
    # by state); the model's text order (report, start) would sort the whole table.
    ordering = ["-id"]
    list_select_related = ["report", "donor", "system"]
    search_fields = ["evidence", "quantity_text"]
    autocomplete_fields = ["donor", "system"]
    raw_id_fields = ["report"]
    readonly_fields = ["state", "reviewed_by", "reviewed_at", "reject_reason", "parser_key", "created_at"]
    paginator = NoCountPaginator
    show_full_result_count = False

    @admin.display(description="Report", ordering="report")
    def report_review_link(self, proposal: Proposal) -> str:
        url = reverse("admin:pledges_report_review", args=[proposal.report_id])
        return format_html('<a href="{}#proposal-{}">{}</a>', url, proposal.pk, proposal.report)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False  # proposals come from the parser; editors decide them on the review page


class PledgeSourceInline(admin.TabularInline):
    model = PledgeSource
    extra = 0
    raw_id_fields = ["report", "proposal"]
    readonly_fields = ["added_by", "added_at"]


@admin.register(Pledge)
class PledgeAdmin(SimpleHistoryAdmin):
    form = PledgeChangeForm
    list_display = ["__str__", "donor", "system", "item", "quantity", "qualifier", "announced_on", "status"]
    list_filter = ["status", "category", "item", "is_published"]
    list_select_related = ["donor", "system"]
    search_fields = ["evidence", "donor__name", "system__name"]
    autocomplete_fields = ["donor", "system"]
    raw_id_fields = ["source_report", "proposal"]
    readonly_fields = ["category", "created_by", "created_at", "approved_by", "approved_at", "updated_at"]
    date_hierarchy = "announced_on"
    inlines = [PledgeSourceInline]
    paginator = NoCountPaginator
    show_full_result_count = False
    # The history list shows the values of each version, so what changed is visible at a glance.
    history_list_display = ["donor", "system", "item", "quantity", "qualifier", "announced_on", "status", "is_published"]

    def save_model(self, request: HttpRequest, obj: Pledge, form, change: bool) -> None:
        reason = (form.cleaned_data.get("change_reason") or "").strip()
        if reason:
            obj._change_reason = reason
        super().save_model(request, obj, form, change)
